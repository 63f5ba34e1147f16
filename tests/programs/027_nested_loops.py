# Nested loops: multiplication table, patterns, search with flags
for i in range(1, 6):
    print(" ".join(f"{i * j:3}" for j in range(1, 6)))
for i in range(1, 5):
    print(" " * (4 - i) + "*" * (2 * i - 1))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
transposed = []
for c in range(3):
    row = []
    for r in range(3):
        row.append(matrix[r][c])
    transposed.append(row)
print(transposed)
# find first pair summing to target using flag
nums = [3, 9, 14, 2, 7, 11]
target = 16
found = None
for i in range(len(nums)):
    for j in range(i + 1, len(nums)):
        if nums[i] + nums[j] == target:
            found = (i, j)
            break
    if found:
        break
print("pair", found, nums[found[0]], nums[found[1]])
# pythagorean triples
triples = []
for a in range(1, 30):
    for b in range(a, 30):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                triples.append((a, b, c))
print(triples)
# matrix multiplication
A = [[1, 2], [3, 4], [5, 6]]
B = [[7, 8, 9], [10, 11, 12]]
C = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        for k in range(2):
            C[i][j] += A[i][k] * B[k][j]
print(C)
# counting with while inside for
for n in [6, 10, 15]:
    k = n
    parts = []
    d = 2
    while k > 1:
        while k % d == 0:
            parts.append(d)
            k //= d
        d += 1
    print(n, "factors", parts)
# pascal triangle
row = [1]
for _ in range(8):
    print(row)
    row = [a + b for a, b in zip([0] + row, row + [0])]
grid = ["#.#", "...", ".##"]
count = 0
for y, line in enumerate(grid):
    for x, ch in enumerate(line):
        if ch == "#":
            count += 1
            print("wall at", x, y)
print("walls", count)
