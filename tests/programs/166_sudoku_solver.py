# Realistic: sudoku solver using bitmasks, most-constrained-cell heuristic and backtracking
def parse(s):
    s = [c for c in s if c in "0123456789."]
    assert len(s) == 81, len(s)
    return [0 if c in "0." else int(c) for c in s]
def show(grid):
    lines = []
    for r in range(9):
        row = ""
        for c in range(9):
            row += (str(grid[r * 9 + c]) if grid[r * 9 + c] else ".") + (" | " if c in (2, 5) else " ")
        lines.append(row.rstrip())
        if r in (2, 5):
            lines.append("------+-------+------")
    return "\n".join(lines)
def solve(grid):
    rows = [0] * 9
    cols = [0] * 9
    boxes = [0] * 9
    for i, v in enumerate(grid):
        if v:
            bit = 1 << v
            r, c = divmod(i, 9)
            b = (r // 3) * 3 + c // 3
            if rows[r] & bit or cols[c] & bit or boxes[b] & bit:
                return None, 0
            rows[r] |= bit
            cols[c] |= bit
            boxes[b] |= bit
    grid = list(grid)
    stats = [0]
    def candidates(i):
        r, c = divmod(i, 9)
        used = rows[r] | cols[c] | boxes[(r // 3) * 3 + c // 3]
        return [d for d in range(1, 10) if not used & (1 << d)]
    def backtrack():
        best, best_cands = -1, None
        for i in range(81):
            if grid[i] == 0:
                cands = candidates(i)
                if not cands:
                    return False
                if best_cands is None or len(cands) < len(best_cands):
                    best, best_cands = i, cands
                    if len(cands) == 1:
                        break
        if best == -1:
            return True
        r, c = divmod(best, 9)
        b = (r // 3) * 3 + c // 3
        for d in best_cands:
            stats[0] += 1
            bit = 1 << d
            grid[best] = d
            rows[r] |= bit
            cols[c] |= bit
            boxes[b] |= bit
            if backtrack():
                return True
            rows[r] &= ~bit
            cols[c] &= ~bit
            boxes[b] &= ~bit
            grid[best] = 0
        return False
    return (grid if backtrack() else None), stats[0]
def valid(grid):
    units = []
    for k in range(9):
        units.append([k * 9 + c for c in range(9)])
        units.append([r * 9 + k for r in range(9)])
        br, bc = (k // 3) * 3, (k % 3) * 3
        units.append([(br + dr) * 9 + bc + dc for dr in range(3) for dc in range(3)])
    return all(sorted(grid[i] for i in u) == list(range(1, 10)) for u in units)
puzzles = {
    "easy": "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    "medium": "..9748...7.........2.1.9.....7...24..64.1.59..98...3.....8.3.2.........6...2759..",
    "invalid": "55..............................................................................."
}
for name, p in puzzles.items():
    grid = parse(p)
    print(f"== {name}: {sum(1 for v in grid if v)} givens")
    solution, guesses = solve(grid)
    if solution is None:
        print("no solution")
        continue
    print(show(solution))
    print("valid:", valid(solution), "guesses:", guesses, "keeps givens:", all(g == 0 or g == s for g, s in zip(grid, solution)))
