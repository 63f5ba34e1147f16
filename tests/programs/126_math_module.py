# math module functions and constants
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(2), math.sqrt(144), math.isqrt(10 ** 20 + 1), math.isqrt(99))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7), math.ceil(2.0000001), type(math.floor(1.5)).__name__)
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.gcd(48, 36), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(12, 18, 24), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.comb(10, 3), math.comb(50, 25), math.perm(5, 2), math.perm(5), math.comb(5, 7))
print(math.exp(0), math.exp(1), math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.pow(2, 10), math.pow(2, 0.5), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(round(math.sin(math.pi / 6), 10), round(math.cos(math.pi / 3), 10), round(math.tan(math.pi / 4), 10))
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.degrees(math.pi), math.radians(180), math.sinh(0), math.cosh(0), math.tanh(100))
print(math.fabs(-3), math.copysign(2, -1), math.fmod(10, 3), math.fmod(-10, 3), math.modf(3.75), math.modf(-2.5))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isfinite(1e308), math.isinf(1e308 * 10), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2))
print(math.prod(range(1, 11)), math.prod([0.5, 4]), math.prod([], start=7))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.remainder(10, 3))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, "for factorial(2.5)")
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
def newton_sqrt(x, eps=1e-12):
    g = x / 2
    while abs(g * g - x) > eps:
        g = (g + x / g) / 2
    return g
print(newton_sqrt(2), math.sqrt(2), abs(newton_sqrt(2) - math.sqrt(2)) < 1e-12)
print([math.floor(x) for x in (-1.5, -0.5, 0.5, 1.5)], [round(x) for x in (-1.5, -0.5, 0.5, 1.5)])
print(math.gamma(5), math.lgamma(1), math.erf(0), round(math.erfc(0), 3))
