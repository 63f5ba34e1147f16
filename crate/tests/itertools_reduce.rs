//! Every itertools type, partly consumed, rebuilt from `__reduce_ex__(4)` the way a snapshot
//! rebuilds it (`obj = callable(*args)`, then `__setstate__(state)`), continues exactly where
//! the original was. The rebuild runs in a Sleepy program; each expected continuation comes
//! from a fresh instance of the same iterator, not from CPython (which deprecates this).

use std::cell::RefCell;
use std::rc::Rc;

use sleepy::host::{Host, Stream};
use sleepy::{Config, Program, Session, Status};

struct Collect(Rc<RefCell<String>>);

impl Host for Collect {
    fn write(&mut self, _stream: Stream, text: &str) {
        self.0.borrow_mut().push_str(text);
    }

    fn now(&self) -> f64 {
        0.0
    }
}

/// A deep rebuild with a memo keyed by identity, as a snapshot restores a heap: objects shared
/// before are shared after, and nothing is shared with the original. The memo keeps each
/// original alive (reduce tuples are temporaries whose ids would otherwise be reused).
const PRELUDE: &str = r#"
import itertools, operator
from itertools import *

def rebuild(obj, memo):
    if id(obj) in memo:
        return memo[id(obj)][1]
    if obj is None or callable(obj) or isinstance(obj, (int, float, complex, str, bytes)):
        return obj
    if isinstance(obj, tuple):
        new = tuple(rebuild(x, memo) for x in obj)
    elif isinstance(obj, list):
        new = []
        memo[id(obj)] = (obj, new)
        new.extend(rebuild(x, memo) for x in obj)
    elif isinstance(obj, dict):
        new = {rebuild(k, memo): rebuild(v, memo) for k, v in obj.items()}
    else:
        f, args, *rest = obj.__reduce_ex__(4)
        rest += [None] * (3 - len(rest))
        state, listitems, dictitems = rest
        new = rebuild(f, memo)(*rebuild(args, memo))
        memo[id(obj)] = (obj, new)
        if state is not None:
            state = rebuild(state, memo)
            if hasattr(new, "__setstate__"):
                new.__setstate__(state)
            else:
                new.__dict__.update(state)
        for x in listitems or ():
            new.append(rebuild(x, memo))
        for k, v in dictitems or ():
            new[rebuild(k, memo)] = rebuild(v, memo)
    memo[id(obj)] = (obj, new)
    return new

def copy(*objs):
    memo = {}
    return tuple(rebuild(o, memo) for o in objs)

def take(it, n, view=lambda x: x):
    out = []
    for _ in range(n):
        try:
            out.append(view(next(it)))
        except StopIteration:
            out.append("<stop>")
            break
    return out

checked = 0

def check(name, make, upto=12, after=8, same_type=True, view=lambda x: x):
    """For every number of items consumed first, the original, a rebuild and a rebuild of
    the rebuild continue like a fresh instance does."""
    global checked
    for before in range(upto):
        expected = take(make(), before + after, view)[before:]
        obj = make()
        if take(obj, before)[-1:] == ["<stop>"]:
            expected = ["<stop>"]
        (once,) = copy(obj)
        (twice,) = copy(once)
        if same_type:
            assert type(once) is type(obj), (name, type(once), type(obj))
        got = [take(once, after, view), take(twice, after, view), take(obj, after, view)]
        assert got == [expected] * 3, (name, before, expected, got)
        checked += 1
"#;

fn run(body: &str) {
    let out = Rc::new(RefCell::new(String::new()));
    let source = format!("{PRELUDE}\n{body}\nprint('checked', checked)\n");
    let mut s = Session::new(
        Program::single("main.py", &source),
        Config::default(),
        Box::new(Collect(out.clone())),
    )
    .expect("compiles");
    let status = s.run(u64::MAX);
    let printed = out.borrow().clone();
    assert_eq!(status, Status::Finished { exit_code: 0 }, "{printed}");
    let last = printed.lines().last().unwrap_or_default().to_owned();
    assert!(last.starts_with("checked ") && last != "checked 0", "{printed}");
}

#[test]
fn infinite_iterators_continue() {
    run(r#"
check("count", lambda: count())
check("count start step", lambda: count(5, 3))
check("count float", lambda: count(0.5, 0.25))
check("count big", lambda: count(2 ** 70, -1))
check("count bool", lambda: count(True, 2))
c = count(3)
next(c)
assert repr(copy(c)[0]) == "count(4)", repr(copy(c)[0])
check("cycle", lambda: cycle("abc"), upto=10)
check("cycle empty", lambda: cycle([]), upto=2)
check("cycle of list iterator", lambda: cycle(iter([1, 2])), upto=6)
check("repeat", lambda: repeat("x"))
check("repeat times", lambda: repeat([1], 3), upto=6)
r = repeat("y", 4)
next(r)
assert copy(r)[0].__length_hint__() == 3
"#);
}

#[test]
fn filtering_iterators_continue() {
    run(r#"
check("accumulate", lambda: accumulate([1, 2, 3, 4, 5]), upto=7)
check("accumulate func", lambda: accumulate(range(1, 6), operator.mul), upto=7)
check("accumulate initial", lambda: accumulate([1, 2, 3], initial=100), upto=6)
check("accumulate lambda", lambda: accumulate("abcd", lambda a, b: b + a), upto=6)
# A total of None rebuilds the way CPython 3.11 did: through an islice.
check("accumulate None total", lambda: accumulate([None, 1, 2], lambda a, b: None), upto=5, same_type=False)
check("compress", lambda: compress("abcdefgh", [1, 0, 1, 1, 0, 0, 1]), upto=6)
check("dropwhile", lambda: dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5]), upto=6)
check("takewhile", lambda: takewhile(lambda x: x < 3, [1, 2, 3, 1, 5]), upto=5)
check("filterfalse", lambda: filterfalse(lambda x: x % 3, range(10)), upto=6)
check("filterfalse None", lambda: filterfalse(None, [0, 1, "", "a", None, 0]), upto=6)
check("starmap", lambda: starmap(pow, [(2, 3), (3, 2), (10, 1)]), upto=5)
check("starmap lists", lambda: starmap(operator.add, [["a", "b"], [[1], [2]]]), upto=4)
"#);
}

#[test]
fn multi_input_and_slicing_iterators_continue() {
    run(r#"
check("chain", lambda: chain("ab", [], (1, 2), range(2)), upto=8)
check("chain.from_iterable", lambda: chain.from_iterable(["xy", "z", ""]), upto=5)
check("chain empty", lambda: chain(), upto=2)
check("zip_longest", lambda: zip_longest("abc", [1], "wxyz", fillvalue="-"), upto=6)
check("zip_longest default", lambda: zip_longest("ab", range(3)), upto=5)
check("islice", lambda: islice(range(20), 2, 15, 3), upto=7)
check("islice stop", lambda: islice("abcdef", 3), upto=5)
check("islice open", lambda: islice(count(), 1, None, 2))
check("batched", lambda: batched(range(7), 3), upto=5)
check("batched strict", lambda: batched("abcd", 2, strict=True), upto=4)
b = batched("abc", 2, strict=True)
next(b)
try:
    next(copy(b)[0])
except ValueError as e:
    assert str(e) == "batched(): incomplete batch", e
else:
    raise AssertionError("strict was lost")
check("pairwise", lambda: pairwise("abcde"), upto=6)
check("pairwise short", lambda: pairwise("a"), upto=2)
"#);
}

#[test]
fn groupby_and_its_groupers_continue_together() {
    run(r#"
def group(kg):
    return kg[0], list(kg[1])
check("groupby", lambda: groupby("aaabccdd"), upto=6, view=group)
check("groupby key", lambda: groupby(range(10), key=lambda x: x // 3), upto=6, view=group)
# Keys only, groups untouched and partly taken.
for taken in range(4):
    def make():
        gb = groupby("aaaabbbcc")
        k, g = next(gb)
        for _ in range(taken):
            next(g)
        return gb, g
    gb, g = make()
    gb2, g2 = copy(gb, g)
    assert type(g2).__name__ == "_grouper", type(g2)
    assert take(g2, 9) == take(g, 9), taken
    gb, g = make()
    gb2, g2 = copy(gb, g)
    expected = [(k, list(v)) for k, v in make()[0]]
    assert [(k, list(v)) for k, v in gb2] == expected, (taken, expected)
    assert [(k, list(v)) for k, v in gb] == expected
    assert list(g2) == [] and list(g) == []
# A grouper whose group is over stays over.
gb = groupby("aabb")
_, old = next(gb)
next(gb)
(old2,) = copy(old)
assert list(old2) == [] and list(old) == []
checked += 1
"#);
}

#[test]
fn tee_siblings_share_one_rebuilt_buffer() {
    run(r#"
check("tee", lambda: tee(range(10))[0])
check("tee long", lambda: tee(range(200))[0], upto=3, after=150)
for lead in range(0, 130, 13):
    for lag in range(0, lead + 1, 29):
        a, b, c = tee(iter(range(150)), 3)
        take(a, lead)
        take(b, lag)
        a2, b2, c2 = copy(a, b, c)
        assert a2.__copy__ is not None
        for x, y in ((a2, a), (b2, b), (c2, c)):
            assert take(x, 200) == take(y, 200), (lead, lag)
        checked += 1
# Siblings rebuilt together still share: what one reads the other sees once.
src = iter("abcdef")
t1, t2 = tee(src)
next(t1)
t1b, t2b = copy(t1, t2)
assert next(t1b) == "b" and next(t2b) == "a" and next(t2b) == "b" and list(t1b) == list("cdef")
assert list(t2b) == list("cdef")
c1 = t1.__copy__()
(c1b,) = copy(c1)
assert list(c1b) == list(t1)
checked += 1
"#);
}

#[test]
fn combinatoric_iterators_continue() {
    run(r#"
check("product", lambda: product("ab", range(3)), upto=8)
check("product repeat", lambda: product([0, 1], repeat=3), upto=10)
check("product empty pool", lambda: product("ab", ""), upto=2)
check("product nothing", lambda: product(), upto=3)
check("permutations", lambda: permutations("abcd", 2), upto=14)
check("permutations full", lambda: permutations(range(3)), upto=8)
check("permutations r0", lambda: permutations("ab", 0), upto=3)
check("permutations r>n", lambda: permutations("ab", 3), upto=2)
check("combinations", lambda: combinations("abcde", 3), upto=12)
check("combinations r0", lambda: combinations("abc", 0), upto=3)
check("combinations r>n", lambda: combinations("ab", 3), upto=2)
check("cwr", lambda: combinations_with_replacement("abc", 2), upto=8)
check("cwr r0", lambda: combinations_with_replacement("", 0), upto=3)
check("cwr empty", lambda: combinations_with_replacement("", 2), upto=2)
"#);
}

#[test]
fn nested_iterators_continue() {
    run(r#"
check("islice of cycle", lambda: islice(cycle("abc"), 1, 20, 2), upto=8)
check("chain of tees", lambda: chain(*tee("xyz", 2)), upto=8)
check("zip_longest of islice", lambda: zip_longest(islice(count(), 3), "pq"), upto=5)
check("accumulate of pairwise", lambda: accumulate(pairwise(range(6)), lambda a, b: a + b), upto=6)
check("starmap of product", lambda: starmap(operator.mul, product(range(3), repeat=2)), upto=10)
check("compress of count", lambda: compress(count(), cycle([1, 0, 0])), upto=6)
"#);
}
