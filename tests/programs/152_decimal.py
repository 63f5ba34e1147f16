# decimal: precision, rounding, quantize, context
from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_HALF_EVEN, ROUND_CEILING, InvalidOperation, DivisionByZero
print(D("0.1") + D("0.2"), D("0.1") + D("0.2") == D("0.3"), 0.1 + 0.2)
print(D(10) / D(3), D(1) / D(7), D(2).sqrt(), D("1.00") * 3, D("1.30") + D("1.20"))
print(repr(D("3.14")), D(3.14), D("1e3"), D("-0"), D("1.500"), D("1.500").normalize(), D("100").normalize())
ctx = getcontext()
print(ctx.prec, ctx.rounding)
ctx.prec = 50
print(D(1) / D(7))
print(D(2).sqrt())
ctx.prec = 6
print(D(1) / D(3), D("123456789"), D("123456789") + 0, D(22) / D(7))
ctx.prec = 28
with localcontext() as lc:
    lc.prec = 5
    print("local", D(1) / D(3))
print("restored", D(1) / D(3))
price = D("19.995")
print(price.quantize(D("0.01")), price.quantize(D("0.01"), rounding=ROUND_HALF_UP), price.quantize(D("0.01"), rounding=ROUND_DOWN))
for v in ["2.5", "3.5", "-2.5", "2.675", "0.125"]:
    d = D(v)
    print(v, d.quantize(D("1.") if "." in v and len(v.split(".")[1]) == 1 else D("0.01"), rounding=ROUND_HALF_EVEN), d.quantize(D("1"), rounding=ROUND_HALF_UP), d.quantize(D("1"), rounding=ROUND_CEILING))
print(round(D("2.5")), round(D("3.5")), round(D("2.567"), 2), int(D("-7.9")), float(D("1.5")))
print(D("1.23E+5"), D("0.000001"), D("0.0000001"), D("1E-7") * 10, D(123).scaleb(-2))
print(D("7") // D("2"), D("-7") // D("2"), D("7") % D("-2"), D("-7") % D("2"), divmod(D("7.5"), D("2")))
print(D("1.1").as_tuple(), D("-0.05").as_tuple(), D("3.00").as_integer_ratio(), D(5).is_zero(), D("NaN").is_nan())
print(D("inf"), -D("inf"), D("inf") > D("1e999"), D("NaN") == D("NaN"), sorted([D("1.1"), D("1.01"), D("1.10"), D("0.99")]))
try:
    D(1) / D(0)
except DivisionByZero as e:
    print("DivisionByZero raised", isinstance(e, ZeroDivisionError))
try:
    D("abc")
except InvalidOperation:
    print("InvalidOperation for D('abc')")
total = sum(D("0.01") for _ in range(100))
print(total, total == D(1), sum([0.01] * 100))
print(D(2) ** 100, D("1.1") ** 10, D(10).ln().quantize(D("0.0001")), D(100).log10(), D(1).exp().quantize(D("1e-10")))
amount = D("1000.00")
rate = D("0.05")
for year in range(1, 4):
    amount = (amount * (1 + rate)).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    print("year", year, amount)
print(D("3.14159").compare(D("3")), D(5).max(D(7)), D("-3").copy_abs(), D("1.5").to_integral_value(), D("2.5").to_integral_value())
print(str(D("1E+2")), D("1E+2").to_eng_string(), f"{D('1234.5678'):.2f}", f"{D('0.5'):%}", f"{D('1234567.891'):,.1f}")
