# Realistic: a Matrix class with operator overloading, exact Fraction arithmetic, inverse and determinant
from fractions import Fraction
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and equal length")
        self.rows = [list(r) for r in rows]
        self.n, self.m = len(rows), len(rows[0])
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @classmethod
    def zeros(cls, n, m):
        return cls([[0] * m for _ in range(n)])
    def __repr__(self):
        return f"Matrix({self.rows})"
    def __str__(self):
        cells = [[str(x) for x in row] for row in self.rows]
        w = max(len(c) for row in cells for c in row)
        return "\n".join("[" + " ".join(c.rjust(w) for c in row) + "]" for row in cells)
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __setitem__(self, idx, value):
        i, j = idx
        self.rows[i][j] = value
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __add__(self, other):
        self._check_same(other)
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __sub__(self, other):
        return self + (-other)
    def __neg__(self):
        return self * -1
    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self @ k
        return Matrix([[x * k for x in row] for row in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, other):
        if self.m != other.n:
            raise ValueError(f"shape mismatch {self.shape} @ {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])
    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result
    def __iter__(self):
        return iter(self.rows)
    def _check_same(self, other):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
    @property
    def shape(self):
        return (self.n, self.m)
    @property
    def T(self):
        return Matrix([list(c) for c in zip(*self.rows)])
    def det(self):
        if self.n != self.m:
            raise ValueError("determinant of non-square matrix")
        a = [[Fraction(x) for x in row] for row in self.rows]
        n, sign, result = self.n, 1, Fraction(1)
        for c in range(n):
            pivot = next((r for r in range(c, n) if a[r][c] != 0), None)
            if pivot is None:
                return Fraction(0)
            if pivot != c:
                a[c], a[pivot] = a[pivot], a[c]
                sign = -sign
            result *= a[c][c]
            for r in range(c + 1, n):
                f = a[r][c] / a[c][c]
                for k in range(c, n):
                    a[r][k] -= f * a[c][k]
        return sign * result
    def inverse(self):
        n = self.n
        aug = [[Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(self.rows)]
        for c in range(n):
            pivot = next((r for r in range(c, n) if aug[r][c] != 0), None)
            if pivot is None:
                raise ZeroDivisionError("matrix is singular")
            aug[c], aug[pivot] = aug[pivot], aug[c]
            pv = aug[c][c]
            aug[c] = [x / pv for x in aug[c]]
            for r in range(n):
                if r != c and aug[r][c] != 0:
                    f = aug[r][c]
                    aug[r] = [x - f * y for x, y in zip(aug[r], aug[c])]
        return Matrix([row[n:] for row in aug])
A = Matrix([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
B = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(A, B, sep="\n\n")
print("A+B =", (A + B).rows)
print("A-B =", (A - B).rows)
print("3*A =", (3 * A).rows, (A * 3) == (3 * A))
print("A@B =", (A @ B).rows)
print("B.T =", B.T.rows, "shape", Matrix([[1, 2, 3]]).T.shape)
print("det A =", A.det(), "det B =", B.det(), "det I4 =", Matrix.identity(4).det())
Ainv = A.inverse()
print("A^-1 =")
print(Ainv)
print("A @ A^-1 == I:", A @ Ainv == Matrix.identity(3))
F = Matrix([[1, 1], [1, 0]])
print("fib via matrix power:", [(F ** k)[0, 1] for k in range(15)], (F ** 100)[0, 1])
try:
    B.inverse()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    A @ Matrix([[1, 2]])
except ValueError as e:
    print("ValueError:", e)
try:
    A + Matrix.zeros(2, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    Matrix([[1, 2], [3]])
except ValueError as e:
    print("ValueError:", e)
H = Matrix([[Fraction(1, i + j + 1) for j in range(4)] for i in range(4)])
print("Hilbert det:", H.det(), "inverse row 0:", [str(x) for x in H.inverse().rows[0]])
M = Matrix.zeros(2, 3)
M[1, 2] = 5
print(M.rows, M[1, 2], [sum(row) for row in M], repr(Matrix.identity(2)))
