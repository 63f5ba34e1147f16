# Realistic: Conway's Game of Life on a bounded and a set-based unbounded board
def step_bounded(grid):
    rows, cols = len(grid), len(grid[0])
    new = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < cols:
                        n += grid[r + dr][c + dc]
            new[r][c] = 1 if (n == 3 or (n == 2 and grid[r][c])) else 0
    return new
def render(grid):
    return "\n".join("".join("#" if v else "." for v in row) for row in grid)
def from_pattern(lines, rows, cols, top=0, left=0):
    g = [[0] * cols for _ in range(rows)]
    for r, line in enumerate(lines):
        for c, ch in enumerate(line):
            if ch == "#":
                g[top + r][left + c] = 1
    return g
glider = from_pattern([".#.", "..#", "###"], 8, 10, 1, 1)
print("glider generation 0:")
print(render(glider))
g = glider
for gen in range(1, 5):
    g = step_bounded(g)
    print(f"generation {gen}: population {sum(map(sum, g))}")
print(render(g))
blinker = from_pattern(["###"], 5, 5, 2, 1)
b1 = step_bounded(blinker)
b2 = step_bounded(b1)
print(render(b1))
print("blinker period 2:", b2 == blinker, b1 != blinker)
def step_set(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = (x + dx, y + dy)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}
def bbox(live):
    xs = [x for x, _ in live]
    ys = [y for _, y in live]
    return min(xs), min(ys), max(xs), max(ys)
def render_set(live):
    x0, y0, x1, y1 = bbox(live)
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(x0, x1 + 1)) for y in range(y0, y1 + 1))
r_pentomino = {(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)}
live = set(r_pentomino)
history = []
for gen in range(60):
    history.append(len(live))
    live = step_set(live)
print("r-pentomino populations:", history[:20])
print("after 60 generations:", len(live), "bbox:", bbox(live))
acorn = {(1, 0), (3, 1), (0, 2), (1, 2), (4, 2), (5, 2), (6, 2)}
a = set(acorn)
for _ in range(30):
    a = step_set(a)
print("acorn after 30:", len(a), bbox(a))
glider_set = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
gs = set(glider_set)
for _ in range(8):
    gs = step_set(gs)
moved = {(x - 2, y - 2) for x, y in gs}
print("glider translated by (2,2) after 8 generations:", moved == glider_set)
print(render_set(gs))
block = {(0, 0), (0, 1), (1, 0), (1, 1)}
print("block is still life:", step_set(block) == block)
