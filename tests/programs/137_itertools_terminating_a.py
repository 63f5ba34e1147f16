# itertools: accumulate, chain, chain.from_iterable, compress, dropwhile, filterfalse, takewhile
from itertools import accumulate, chain, compress, dropwhile, filterfalse, takewhile
import operator
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)), list(accumulate([3, 1, 4, 1, 5], min)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=0)), list(accumulate([])))
print(list(accumulate("abc")), list(accumulate([[1], [2], [3]])))
print(list(accumulate(range(1, 6), lambda a, b: a * 10 + b)))
balance = list(accumulate([100, -20, -30, 50, -200], initial=0))
print(balance)
print(list(chain([1, 2], (3,), "ab", range(2), {"k": 0})), list(chain()), list(chain([], [])))
print(list(chain.from_iterable([[1, 2], [3], []])), list(chain.from_iterable(["ab", "cd"])))
def gen_lists():
    for i in range(3):
        yield [i] * i
print(list(chain.from_iterable(gen_lists())))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [True, False] * 5)))
print(list(compress("abc", [1, 1])), list(compress("ab", [0, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: True, [1, 2])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: False, [1, 2])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
log = []
def pred(x):
    log.append(x)
    return x < 3
tw = takewhile(pred, [1, 2, 3, 4, 5])
print(list(tw), log)
log.clear()
dw = dropwhile(pred, [1, 2, 3, 1, 0])
print(list(dw), log)
lines = ["# comment", "# another", "data 1", "# not skipped", "data 2"]
print(list(dropwhile(lambda l: l.startswith("#"), lines)))
print(list(takewhile(str.isdigit, "123abc456")), "".join(takewhile(str.isalpha, "hello world")))
running_max = list(accumulate([2, 7, 1, 8, 2, 8], max))
print(running_max, list(accumulate([1, 1, 1, 1], operator.add, initial=-1)))
c = chain("ab", "cd")
print(next(c), next(c), next(c), list(c))
print(sum(chain.from_iterable([[1, 2], [3, 4]])), sorted(chain({3, 1}, {2})))
