# the standard library's own users of itertools run on Sleepy's module
import itertools, sys
import collections, functools, heapq, random, reprlib, statistics
print(sys.modules["itertools"] is itertools, type(itertools.count()).__module__)
c = collections.Counter("abracadabra")
print(sorted(c.elements()), c.most_common(2), c.total())
d = collections.deque(range(10), maxlen=4)
print(d, list(itertools.islice(d, 1, 3)))
od = collections.OrderedDict.fromkeys("abc")
print(list(od), repr(collections.ChainMap({"a": 1}, {"b": 2})))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [3, 9, 2], 0))
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9], key=lambda x: -x))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])))
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100))
rng = random.Random(12345)
print(rng.choices("abc", k=5), rng.choices(range(3), cum_weights=[1, 2, 3], k=4), rng.sample(range(20), 3))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.mode("aabbbc"))
print(statistics.fmean([1.0, 2.0, 4.0]), statistics.quantiles(range(1, 11), n=4))
def roundrobin(*iterables):
    nexts = itertools.cycle(iter(it).__next__ for it in iterables)
    pending = len(iterables)
    while pending:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            pending -= 1
            nexts = itertools.cycle(itertools.islice(nexts, pending))
print(list(roundrobin("ABC", "D", "EF")))
def sliding_window(iterable, n):
    it = iter(iterable)
    window = collections.deque(itertools.islice(it, n - 1), maxlen=n)
    for x in it:
        window.append(x)
        yield tuple(window)
print(list(sliding_window("ABCDEFG", 4)))
def unique_everseen(iterable, key=None):
    seen = set()
    for element in itertools.filterfalse(seen.__contains__, iterable):
        seen.add(element)
        yield element
print(list(unique_everseen("AAAABBBCCDAABBB")))
def partition(pred, iterable):
    t1, t2 = itertools.tee(iterable)
    return itertools.filterfalse(pred, t1), filter(pred, t2)
evens, odds = partition(lambda x: x % 2, range(10))
print(list(evens), list(odds))
print(list(itertools.starmap(operator_add := (lambda a, b: a + b), zip(range(3), itertools.count(10)))))
print(dict(zip(itertools.count(), "xyz")), list(map(sum, itertools.batched(range(10), 3))))
