# Benchmark: Mandelbrot set membership on a grid (complex-free float loops), checksum of the bitmap
SIZE = 240
MAX_ITER = 50


def mandelbrot(size, max_iter):
    checksum = 0
    inside = 0
    rows = []
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        bits = 0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = zi = 0.0
            i = 0
            while i < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            bits = (bits << 1) | (1 if i == max_iter else 0)
            if i == max_iter:
                inside += 1
            checksum = (checksum * 31 + i) % 1000000007
        rows.append(bits)
    return checksum, inside, rows


checksum, inside, rows = mandelbrot(SIZE, MAX_ITER)
row_hash = 0
for r in rows:
    row_hash = (row_hash * 1000003 + r) % (2 ** 61 - 1)
print(checksum, inside, row_hash)
