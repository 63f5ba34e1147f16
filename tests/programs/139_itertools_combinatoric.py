# itertools: product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement
from math import comb, perm, factorial
print(list(product("ab", [1, 2])))
print(list(product([0, 1], repeat=3)))
print(list(product("ab", "cd", "e")), list(product()), list(product([], [1])))
print(len(list(product(range(3), repeat=4))), 3 ** 4)
print(list(permutations([1, 2, 3])))
print(list(permutations("abcd", 2)))
print(list(permutations([])), list(permutations([1], 2)), list(permutations(range(3), 0)))
print(len(list(permutations(range(6)))), factorial(6), len(list(permutations(range(6), 3))), perm(6, 3))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations([1, 2], 3)), list(combinations([1, 2], 0)), len(list(combinations(range(10), 4))), comb(10, 4))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement([1, 2], 3)), len(list(combinations_with_replacement(range(5), 3))), comb(5 + 3 - 1, 3))
print(list(permutations("aab", 2)))
print(sorted(set(permutations("aab"))))
print(list(combinations([3, 1, 2], 2)))
target = 10
coins = [1, 2, 5, 7]
print([c for r in range(1, 4) for c in combinations_with_replacement(coins, r) if sum(c) == target])
print(["".join(p) for p in product("01", repeat=3)])
grid = [(x, y) for x, y in product(range(3), range(3)) if x != y]
print(grid)
def subsets(s):
    return [set(c) for r in range(len(s) + 1) for c in combinations(s, r)]
print(subsets([1, 2, 3]))
best = max(permutations([3, 30, 34, 5, 9]), key=lambda p: int("".join(map(str, p))))
print(best)
dice = sum(1 for a, b in product(range(1, 7), repeat=2) if a + b == 7)
print("ways to roll 7:", dice)
queens = 0
for cols in permutations(range(6)):
    if len({c + r for r, c in enumerate(cols)}) == 6 and len({c - r for r, c in enumerate(cols)}) == 6:
        queens += 1
print("6-queens solutions:", queens)
p = product([1, 2], repeat=2)
print(next(p), next(p), list(p))
