# datetime with fixed dates only: date arithmetic, timedelta, strftime, parsing
from datetime import date, datetime, timedelta, time
d = date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isoformat())
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(days=365), d.replace(day=1))
print(date(2024, 3, 1) - date(2023, 3, 1), (date(2025, 1, 1) - date(2024, 1, 1)).days)
print(date(2024, 12, 31).timetuple().tm_yday, date(2023, 12, 31).timetuple().tm_yday, d.toordinal(), date.fromordinal(738944))
print(date.fromisoformat("2021-07-04"), date(2021, 7, 4).isocalendar(), date(2021, 1, 3).isocalendar())
print(d.strftime("%Y/%m/%d"), d.strftime("%d %b %Y"), d.strftime("%A, %B %d, %Y"), d.strftime("%j %U %a %y"))
dt = datetime(2023, 11, 5, 14, 30, 15, 123456)
print(dt, repr(dt), dt.date(), dt.time(), dt.hour, dt.minute, dt.second, dt.microsecond)
print(dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"), dt.strftime("%H:%M:%S %p %I"), dt.strftime("%Y-%m-%dT%H:%M"))
print(dt + timedelta(hours=12), dt - timedelta(minutes=90, seconds=15), dt.replace(year=2000, microsecond=0))
print(datetime.strptime("2020-02-29 23:59:59", "%Y-%m-%d %H:%M:%S"), datetime.strptime("05/Mar/2019", "%d/%b/%Y"))
print(datetime.fromisoformat("2022-01-02T03:04:05"), datetime(2024, 1, 1) - datetime(2023, 12, 25, 12))
td = timedelta(days=2, hours=3, minutes=4, seconds=5, milliseconds=6)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(hours=-1), timedelta(seconds=-1).days, abs(timedelta(hours=-25)), timedelta(weeks=1) // timedelta(days=1))
print(timedelta(days=1) / 24, timedelta(minutes=90) / timedelta(hours=1), timedelta(days=7) * 2, -timedelta(days=1, hours=1))
print(timedelta(0) == timedelta(), bool(timedelta(0)), timedelta(1) > timedelta(hours=23), timedelta(microseconds=1500))
print(time(9, 5), time(23, 59, 59, 999), time(12).isoformat(), time(7, 30).strftime("%I:%M %p"))
print(date(2024, 1, 1) < date(2024, 1, 2), max(date(2020, 5, 5), date(2019, 12, 31)), sorted([date(2022, 1, 1), date(2021, 6, 1)]))
def add_months(dd, n):
    m = dd.month - 1 + n
    y = dd.year + m // 12
    m = m % 12 + 1
    import calendar
    return dd.replace(year=y, month=m, day=min(dd.day, calendar.monthrange(y, m)[1]))
print([str(add_months(date(2024, 1, 31), k)) for k in range(0, 6)])
import calendar
print(calendar.isleap(2024), calendar.isleap(1900), calendar.isleap(2000), calendar.monthrange(2024, 2), calendar.leapdays(2000, 2025))
print(calendar.month(2024, 2))
start = date(2024, 1, 1)
fridays = [start + timedelta(days=i) for i in range(60) if (start + timedelta(days=i)).weekday() == 4]
print([f.isoformat() for f in fridays])
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
print((datetime(2024, 3, 10, 12) - datetime(1970, 1, 1)).total_seconds(), date.max, date.min, timedelta.max)
