//! Scope analysis and compile errors.

use super::symtable::{analyze_module, NameScope, Scope};
use super::{compile, Mode};

fn scopes(source: &str) -> Scope {
    let parsed = ruff_python_parser::parse_module(source).expect("parses");
    let module = parsed.into_syntax();
    analyze_module(&module.body, module.range).expect("analyses")
}

fn child<'a>(scope: &'a Scope, name: &str) -> &'a Scope {
    scope.children.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no scope {name}"))
}

#[test]
fn closures_make_cells_and_free_variables() {
    let m =
        scopes("def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n");
    let outer = child(&m, "outer");
    assert_eq!(outer.lookup("x"), NameScope::Cell);
    assert_eq!(outer.cellvars, vec!["x".to_owned()]);
    let inner = child(outer, "inner");
    assert_eq!(inner.lookup("x"), NameScope::Free);
    assert_eq!(inner.freevars, vec!["x".to_owned()]);
}

#[test]
fn global_and_nonlocal_declarations() {
    let m = scopes("g = 0\ndef f():\n    global g\n    g = 1\n    n = 0\n    def h():\n        nonlocal n\n        n += 1\n    return h\n");
    let f = child(&m, "f");
    assert_eq!(f.lookup("g"), NameScope::GlobalExplicit);
    assert_eq!(f.lookup("n"), NameScope::Cell);
    assert_eq!(child(f, "h").lookup("n"), NameScope::Free);
}

#[test]
fn class_bodies_do_not_leak_names_into_methods() {
    let m = scopes("class C:\n    x = 1\n    def f(self):\n        return x\n");
    let c = child(&m, "C");
    assert_eq!(c.lookup("x"), NameScope::Local);
    assert_eq!(child(c, "f").lookup("x"), NameScope::GlobalImplicit);
}

#[test]
fn super_gives_methods_a_class_cell() {
    let m = scopes("class C(B):\n    def f(self):\n        return super().f()\n");
    let c = child(&m, "C");
    assert!(c.needs_class_cell);
    assert_eq!(c.cellvars, vec!["__class__".to_owned()]);
    assert_eq!(child(c, "f").freevars, vec!["__class__".to_owned()]);
}

#[test]
fn comprehensions_are_scopes_and_walrus_binds_outside() {
    let m = scopes("def f(xs):\n    ys = [y for x in xs if (y := x * 2)]\n    return y\n");
    let f = child(&m, "f");
    assert_eq!(f.lookup("y"), NameScope::Cell);
    let comp = child(f, "<listcomp>");
    assert_eq!(comp.lookup("x"), NameScope::Local);
    assert_eq!(comp.lookup("y"), NameScope::Free);
}

#[test]
fn parameters_come_first_in_slot_order() {
    let m = scopes("def f(a, /, b, *args, c, **kw):\n    d = 1\n");
    let f = child(&m, "f");
    assert_eq!(f.local_order, vec!["a", "b", "c", "args", "kw", "d"]);
}

fn error_of(source: &str) -> super::SyntaxError {
    compile(source, "t.py", Mode::Exec).expect_err("should not compile")
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let e = error_of("x = 1\nif x\n    pass\n");
    assert_eq!(e.line, 2);
    assert_eq!(e.filename, "t.py");
    assert_eq!(e.text, "if x");
    let shown = e.to_string();
    assert!(shown.starts_with("  File \"t.py\", line 2\n    if x\n"), "{shown}");
    assert!(shown.contains("SyntaxError: "), "{shown}");
}

#[test]
fn semantic_errors_are_syntax_errors() {
    assert_eq!(error_of("return 1\n").message, "'return' outside function");
    assert_eq!(error_of("break\n").message, "'break' outside loop");
    assert_eq!(
        error_of("def f():\n    x = 1\n    global x\n").message,
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(error_of("def f():\n    nonlocal q\n").message, "no binding for nonlocal 'q' found");
    assert_eq!(
        error_of("def f(a, a):\n    pass\n").message,
        "duplicate argument 'a' in function definition"
    );
    assert_eq!(error_of("f(x=1, x=2)\n").message, "keyword argument repeated: x");
    let e = error_of("x = 1\n\nyield x\n");
    assert_eq!((e.message.as_str(), e.line), ("'yield' outside function", 3));
}

#[test]
fn every_construct_compiles() {
    let source = r#"
import math, os.path as p
from collections import deque as d
def f(a, /, b=1, *args, c, d=2, **kw) -> int:
    global g
    x = [i for i in y] if False else None
    return a
async def co():
    async with m as n:
        await n
    async for q in r:
        pass
    return [i async for i in r]
class C(B, metaclass=M, flag=True):
    z: int = 3
    def m(self):
        return super().m() + __class__.x
try:
    pass
except* ValueError as e:
    pass
with a as (b, c), d:
    del b, c[0], d.e
match s:
    case [1, *rest] | {"k": v, **kw} if v: pass
    case Point(x=0, y=yy) as p: pass
    case None | True | 1.5 | "s" | a.b: pass
    case _: pass
lam = lambda *a, **k: (a, k)
s = f"{x!r:>{w}.{p}f} {y=}"
n = (yield_ := 1)
g = (i for i in range(3))
"#;
    compile(source, "all.py", Mode::Exec).expect("compiles");
}
