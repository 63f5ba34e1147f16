# Realistic: Dijkstra shortest paths with heapq on a weighted graph, path reconstruction
import heapq
from collections import defaultdict
def build_graph(edges, undirected=True):
    g = defaultdict(list)
    for u, v, w in edges:
        g[u].append((v, w))
        if undirected:
            g[v].append((u, w))
    return g
def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    pq = [(0, source)]
    visited = set()
    pops = 0
    while pq:
        d, u = heapq.heappop(pq)
        pops += 1
        if u in visited:
            continue
        visited.add(u)
        for v, w in sorted(graph[u]):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev, pops
def path_to(prev, source, target):
    if target != source and target not in prev:
        return None
    path = [target]
    while path[-1] != source:
        path.append(prev[path[-1]])
    return path[::-1]
edges = [
    ("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
    ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9), ("G", "H", 1),
]
g = build_graph(edges)
dist, prev, pops = dijkstra(g, "A")
for node in sorted(set(g)):
    p = path_to(prev, "A", node)
    print(node, dist.get(node, "unreachable"), "->".join(p) if p else "no path")
print("heap pops:", pops)
def grid_graph(grid):
    g = defaultdict(list)
    rows, cols = len(grid), len(grid[0])
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "#":
                continue
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                nr, nc = r + dr, c + dc
                if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#":
                    cost = int(grid[nr][nc]) if grid[nr][nc].isdigit() else 1
                    g[(r, c)].append(((nr, nc), cost))
    return g
grid = [
    "S.1#....",
    ".#9#.##.",
    ".#.....5",
    "...###..",
    "#.#...#E",
]
gg = grid_graph(grid)
start, end = (0, 0), (4, 7)
d2, p2, _ = dijkstra(gg, start)
route = path_to(p2, start, end)
print("grid distance:", d2[end], "steps:", len(route) - 1)
canvas = [list(row) for row in grid]
for (r, c) in route[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))
import random
random.seed(2024)
nodes = list(range(60))
rand_edges = []
for u in nodes:
    for _ in range(3):
        v = random.randrange(60)
        if v != u:
            rand_edges.append((u, v, random.randint(1, 20)))
rg = build_graph(rand_edges, undirected=False)
rd, rp, rpops = dijkstra(rg, 0)
print("reachable:", len(rd), "max dist:", max(rd.values()), "sum:", sum(rd.values()))
far = max(rd, key=lambda n: (rd[n], n))
print("farthest:", far, rd[far], path_to(rp, 0, far))
def bellman_ford(edges, source, n):
    dist = {i: float("inf") for i in range(n)}
    dist[source] = 0
    for _ in range(n - 1):
        changed = False
        for u, v, w in edges:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                changed = True
        if not changed:
            break
    return {k: v for k, v in dist.items() if v != float("inf")}
print("bellman-ford agrees:", bellman_ford(rand_edges, 0, 60) == rd)
