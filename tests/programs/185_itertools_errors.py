# itertools argument errors, messages and reprs, as CPython 3.13 reports them
from itertools import *
import itertools
tests = [
 "cycle()", "cycle(1,2)", "cycle(x=1)", "cycle(1)",
 "count('a')", "count(1,2,3)", "count(x=1)", "count(1, start=2)", "count(step='a')",
 "repeat()", "repeat(1,2,3)", "repeat(1, 'a')", "repeat(1, None)", "repeat(1, 2**100)", "repeat(x=1)", "repeat(object=1, times=2, z=3)",
 "accumulate()", "accumulate(1)", "accumulate([1], None, None)", "accumulate([1], initial=1, x=2)", "accumulate([1], z=1)",
 "batched('abc')", "batched('abc', 0)", "batched('abc', 'x')", "batched(1, 2)", "batched('abc', 2, True)", "batched('abc', 2, strict=1, x=3)", "batched('abc', 2**100)",
 "chain(x=1)", "chain.from_iterable(1)", "chain.from_iterable()", "list(chain(1))",
 "combinations('abc')", "combinations('abc', -1)", "combinations('abc', 'x')", "combinations(1, 2)", "combinations('abc', 2, 3)", "combinations('abc', r=1.5)",
 "combinations_with_replacement('abc', -1)", "combinations_with_replacement('a')",
 "compress('a')", "compress(1, 'a')", "compress('a', 1)", "compress(data='a', selectors='b', x=1)",
 "dropwhile(len)", "dropwhile(len, 1)", "dropwhile(len, 'a', 'b')", "dropwhile(f=len, it='a')",
 "filterfalse(None)", "filterfalse(None, 1)", "takewhile(len)", "takewhile(len, 1)",
 "groupby()", "groupby(1)", "groupby('a', None, 3)", "groupby('a', kee=1)",
 "islice()", "islice('a')", "islice('abc', 1, 2, 3, 4)", "islice('abc', -1)", "islice('abc', -2)", "islice('abc', 'x')", "islice('abc', 1.5)",
 "islice('abc', -1, 2)", "islice('abc', 'x', 2)", "islice('abc', 1, -1)", "islice('abc', 1, -5)", "islice('abc', 1, 2, 0)", "islice('abc', 1, 2, -1)", "islice('abc', 1, 2, 'x')", "islice(1, 2)", "islice('abc', stop=2)", "islice('abc', 2**100)",
 "pairwise()", "pairwise(1)", "pairwise('a', 'b')", "pairwise(iterable='a')", "pairwise(x='a')",
 "permutations()", "permutations('abc', -1)", "permutations('abc', 'x')", "permutations(1)", "permutations('a', None, 3)", "permutations('a', x=3)",
 "product(1)", "product('a', repeat=-1)", "product('a', repeat='x')", "product('a', x=1)", "product('a', repeat=1, x=2)",
 "starmap(len)", "starmap(len, 1)", "list(starmap(len, [1]))",
 "tee()", "tee(1)", "tee('a', -1)", "tee('a', 'x')", "tee('a', 2, 3)", "tee('a', n=2)", "tee(1, 0)",
 "zip_longest(1)", "zip_longest('a', x=1)", "zip_longest('a', fillvalue=1, x=2)",
 "itertools._tee()", "itertools._tee(1)", "itertools._tee_dataobject()", "itertools._tee_dataobject(iter(''), [], 1)", "itertools._grouper(1, 2)", "itertools._grouper()",
 "list(batched('abcd', 3, strict=True))",
 "next(count(10**30))", "repr(count(10**30))", "repr(count(2, 1.0))", "repr(count(True))", "repr(count(True, True))", "repr(count(2, True))", "repr(count(1.0, 1))",
 "next(count(True))", "next(count(True, 2))", "list(islice(count(1, 1.0),2))", "repr(repeat(1, -5))", "repeat(1, times=-5)",
 "repeat(1, -5).__length_hint__()", "repeat(1).__length_hint__()", "len(repeat(1,2))",
 "type(tee('a')[0])", "tee('a', 0)", "itertools.__all__" , "sorted(n for n in dir(itertools) if not n.startswith('__'))",
 "type.__repr__(groupby)", "count.__module__", "count.__name__", "count.__qualname__", "type(groupby('a').__next__()[1])",
 "class C(itertools._tee): pass", "class C(groupby): pass", "class C(itertools._grouper): pass", "class C(itertools._tee_dataobject): pass",
 "chain[int]", "count[int]", "count(1+2j)", "repr(count(1+2j))", "repr(count(1, 1+2j))",
 "from fractions import Fraction; print(list(islice(count(Fraction(1,2), Fraction(1,3)), 3)))",
 "from decimal import Decimal as D; print(repr(count(D('1.1'))), list(islice(count(D('1.1'), D('0.2')), 3)))",
 "repr(repeat('a'))",
 
]
for t in tests:
    try:
        if t.startswith(("class", "from")):
            exec(t)
            print(t, "-> ok")
        else:
            print(t, "->", repr(eval(t)))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
