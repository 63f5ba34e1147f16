# Realistic: LRU cache implemented with a dict + doubly linked list, plus a memoizing decorator built on it
class _Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None
class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.map = {}
        self.head = _Node()
        self.tail = _Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = self.evictions = 0
    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev
    def _push_front(self, node):
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node
    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value
    def put(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return None
        if len(self.map) >= self.capacity:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
            self.evictions += 1
            evicted = (lru.key, lru.value)
        else:
            evicted = None
        node = _Node(key, value)
        self.map[key] = node
        self._push_front(node)
        return evicted
    def __contains__(self, key):
        return key in self.map
    def __len__(self):
        return len(self.map)
    def keys(self):
        out = []
        node = self.head.next
        while node is not self.tail:
            out.append(node.key)
            node = node.next
        return out
    def __repr__(self):
        return f"LRU({self.keys()}, hits={self.hits}, misses={self.misses}, evictions={self.evictions})"
cache = LRUCache(3)
for op in ["put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c", "put a 10", "put e 5", "get d", "get a", "get e"]:
    parts = op.split()
    if parts[0] == "put":
        ev = cache.put(parts[1], int(parts[2]))
        print(f"{op:<10} evicted={ev} order={cache.keys()}")
    else:
        print(f"{op:<10} -> {cache.get(parts[1])!r:<5} order={cache.keys()}")
print(cache, len(cache), "a" in cache, "b" in cache)
try:
    LRUCache(0)
except ValueError as e:
    print("ValueError:", e)
def lru_memo(capacity):
    def deco(fn):
        c = LRUCache(capacity)
        sentinel = object()
        def wrapper(*args):
            v = c.get(args, sentinel)
            if v is sentinel:
                v = fn(*args)
                c.put(args, v)
            return v
        wrapper.cache = c
        return wrapper
    return deco
@lru_memo(1000)
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)
print(grid_paths(16, 16), grid_paths.cache.hits, grid_paths.cache.misses, len(grid_paths.cache))
@lru_memo(4)
def slow_square(n):
    return n * n
seq = [1, 2, 3, 1, 4, 5, 1, 2, 6, 1, 3]
print([slow_square(n) for n in seq], slow_square.cache)
import random
random.seed(5)
big = LRUCache(50)
for _ in range(2000):
    k = int(random.expovariate(1 / 30))
    if big.get(k) is None:
        big.put(k, k * k)
print("hit rate:", round(big.hits / (big.hits + big.misses), 4), "evictions:", big.evictions, "size:", len(big))
print("most recent five:", big.keys()[:5])
