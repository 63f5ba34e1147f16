# time (sleep only, no timestamps printed) and sys module basics
import time
import sys
time.sleep(0)
print("slept zero seconds")
t1 = time.perf_counter()
t2 = time.perf_counter()
print("perf_counter monotonic:", t2 >= t1)
print("monotonic type:", type(time.monotonic()).__name__, type(time.time()).__name__)
st = time.strptime("2024-01-15 10:20:30", "%Y-%m-%d %H:%M:%S")
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_min, st.tm_sec, st.tm_wday, st.tm_yday)
print(time.strftime("%Y/%m/%d %H-%M", st), time.asctime(st))
print(time.gmtime(0).tm_year, time.gmtime(86400 * 365).tm_year, time.strftime("%Y-%m-%d", time.gmtime(10 ** 9)))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1)
print(sys.version_info.major, sys.version_info >= (3, 8), type(sys.version_info).__name__)
print(sys.byteorder in ("little", "big"), sys.platform == sys.platform, type(sys.argv).__name__)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.width)
print(type(sys.modules).__name__, "sys" in sys.modules, "builtins" in sys.modules)
print(callable(sys.exit), sys.stdout is sys.__stdout__)
old = sys.getrecursionlimit()
sys.setrecursionlimit(old + 100)
print("recursion limit raised:", sys.getrecursionlimit() == old + 100)
sys.setrecursionlimit(old)
sys.stdout.write("written via sys.stdout.write\n")
n = sys.stdout.write("abc\n")
print("write returned", n)
print("to stdout explicitly", file=sys.stdout)
print(sys.getdefaultencoding())
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit caught, code:", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit with message:", e.code)
try:
    raise SystemExit(5)
except SystemExit as e:
    print("raised SystemExit code", e.code, isinstance(e, Exception), isinstance(e, BaseException))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)).tm_mday)
print(time.mktime(st) == time.mktime(st), round(time.perf_counter_ns() / 1e9, 0) >= 0)
