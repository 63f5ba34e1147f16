# Complex number arithmetic
z = 3 + 4j
w = 1 - 2j
print(z, w, type(z))
print(z + w, z - w, z * w, z / w)
print(z.real, z.imag, z.conjugate(), abs(z))
print(-z, +z, z ** 2, z ** 0)
print(1j * 1j, 1j ** 2, (1j) ** 3)
print(complex(1, 2), complex(2), complex("3+4j"), complex(0, -1))
print(complex(1.5, -0.5) * 2, 2 * complex(1.5, -0.5))
print(z == 3 + 4j, z != w, (1 + 0j) == 1, 1j == 1j)
print(repr(1j), repr(-1j), repr(0j), repr(1 + 0j), repr(-0.0 + 1j))
print(complex(0, 0), complex(-1, 0), complex(1e20, 1e-5))
print((2 + 3j) * (2 - 3j), (1 + 1j) / (1 - 1j))
vals = [1 + 1j, 2 - 1j, -3 + 0.5j]
print(sum(vals), sum(v * v for v in vals))
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print("TypeError:", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(abs(3j), abs(-5 + 12j))
print(hash(1 + 0j) == hash(1), hash(complex(2, 0)) == hash(2.0))
print(f"{z}", f"{z.real:.2f}", str(z))
print(complex(3, 4).__abs__())
print((1 + 2j).real + (3 + 4j).imag)
c = 0j
for k in range(1, 6):
    c += complex(k, -k)
print(c)
print(bool(0j), bool(1j), bool(0 + 0j))
# Mandelbrot iteration for one point
c = -0.5 + 0.5j
zz = 0
for i in range(20):
    zz = zz * zz + c
print(round(zz.real, 6), round(zz.imag, 6))
