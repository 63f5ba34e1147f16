//! Scope analysis: which names are local, global, free or cells, for every scope of a module.
//!
//! The rules are CPython 3.11's: comprehensions are scopes of their own, class bodies do not
//! leak their names into nested functions, a walrus inside a comprehension binds in the nearest
//! enclosing function (or module), and a method that uses `super` or `__class__` gets a free
//! `__class__` that its class provides as a cell.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::SyntaxErrorInfo;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    fn is_function_like(self) -> bool {
        matches!(self, Self::Function | Self::Lambda | Self::Comprehension)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    /// A fast local of a function, or a namespace entry of a module or class body.
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere visible: the module's globals, then builtins.
    GlobalImplicit,
    /// Bound in an enclosing function.
    Free,
    /// Local here and captured by a nested scope.
    Cell,
}

#[derive(Debug, Default, Clone)]
struct RawSymbol {
    bound: bool,
    used: bool,
    param: bool,
    global: bool,
    nonlocal: bool,
    /// Bound by a walrus inside a comprehension: lives in the enclosing function.
    walrus_from_comprehension: bool,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Final classification of each name used or bound in this scope.
    pub symbols: HashMap<String, NameScope>,
    /// Parameters in frame-slot order: positional-only, positional, keyword-only, *args, **kwargs.
    pub params: Vec<String>,
    /// Locals in first-seen order (parameters first).
    pub local_order: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Class scopes: a method uses `__class__`/`super`, so the body must create the cell.
    pub needs_class_cell: bool,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub children: Vec<Scope>,
    /// A class-body name that a nested scope also needs from an enclosing function.
    pub class_free_also_local: HashSet<String>,
    raw: HashMap<String, RawSymbol>,
    raw_order: Vec<String>,
    uses_super_or_class: bool,
    range: TextRange,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange) -> Self {
        Scope {
            kind,
            name: name.to_owned(),
            symbols: HashMap::new(),
            params: Vec::new(),
            local_order: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            needs_class_cell: false,
            is_generator: false,
            is_coroutine: false,
            children: Vec::new(),
            class_free_also_local: HashSet::new(),
            raw: HashMap::new(),
            raw_order: Vec::new(),
            uses_super_or_class: false,
            range,
        }
    }

    fn raw_mut(&mut self, name: &str) -> &mut RawSymbol {
        if !self.raw.contains_key(name) {
            self.raw_order.push(name.to_owned());
        }
        self.raw.entry(name.to_owned()).or_default()
    }

    pub fn lookup(&self, name: &str) -> NameScope {
        self.symbols.get(name).copied().unwrap_or(NameScope::GlobalImplicit)
    }

    pub fn range(&self) -> TextRange {
        self.range
    }
}

type Result<T> = std::result::Result<T, SyntaxErrorInfo>;

/// Builds the scope tree of a module (or of an `exec`/`eval` body).
pub fn analyze_module(body: &[Stmt], range: TextRange) -> Result<Scope> {
    let mut builder = Builder { stack: vec![Scope::new(ScopeKind::Module, "<module>", range)] };
    builder.stmts(body)?;
    let mut module = builder.stack.pop().expect("module scope");
    resolve(&mut module, &HashSet::new())?;
    Ok(module)
}

/// Scope tree for an expression evaluated by `eval`.
pub fn analyze_expression(expr: &Expr) -> Result<Scope> {
    let mut builder =
        Builder { stack: vec![Scope::new(ScopeKind::Module, "<module>", expr.range())] };
    builder.expr(expr)?;
    let mut module = builder.stack.pop().expect("module scope");
    resolve(&mut module, &HashSet::new())?;
    Ok(module)
}

struct Builder {
    stack: Vec<Scope>,
}

fn error(msg: impl Into<String>, range: TextRange) -> SyntaxErrorInfo {
    SyntaxErrorInfo { message: msg.into(), range }
}

impl Builder {
    fn current(&mut self) -> &mut Scope {
        self.stack.last_mut().expect("scope stack is never empty")
    }

    fn bind(&mut self, name: &str) {
        self.current().raw_mut(name).bound = true;
    }

    fn use_name(&mut self, name: &str) {
        let scope = self.current();
        scope.raw_mut(name).used = true;
        if scope.kind.is_function_like() && (name == "super" || name == "__class__") {
            scope.uses_super_or_class = true;
        }
    }

    fn push(&mut self, kind: ScopeKind, name: &str, range: TextRange) {
        self.stack.push(Scope::new(kind, name, range));
    }

    fn pop(&mut self) {
        let scope = self.stack.pop().expect("pushed scope");
        self.current().children.push(scope);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        for stmt in body {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    fn parameters(&mut self, params: &ast::Parameters) -> Result<()> {
        // Defaults and annotations are evaluated in the enclosing scope.
        for p in params.iter_non_variadic_params() {
            if let Some(default) = &p.default {
                self.expr(default)?;
            }
        }
        Ok(())
    }

    fn annotations(&mut self, params: &ast::Parameters, returns: Option<&Expr>) -> Result<()> {
        for p in params.iter() {
            if let Some(annotation) = p.annotation() {
                self.expr(annotation)?;
            }
        }
        if let Some(returns) = returns {
            self.expr(returns)?;
        }
        Ok(())
    }

    fn declare_params(&mut self, params: &ast::Parameters) -> Result<()> {
        let mut seen = HashSet::new();
        let names = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .map(|p| &p.parameter)
            .chain(params.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(params.vararg.as_deref())
            .chain(params.kwarg.as_deref());
        for p in names {
            let name = p.name.as_str();
            if !seen.insert(name.to_owned()) {
                return Err(error(
                    format!("duplicate argument '{name}' in function definition"),
                    p.range(),
                ));
            }
            let scope = self.current();
            scope.params.push(name.to_owned());
            let raw = scope.raw_mut(name);
            raw.bound = true;
            raw.param = true;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<()> {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.parameters(&f.parameters)?;
                self.annotations(&f.parameters, f.returns.as_deref())?;
                self.bind(f.name.as_str());
                self.push(ScopeKind::Function, f.name.as_str(), f.range);
                self.current().is_coroutine = f.is_async;
                self.declare_params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.pop();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(c.name.as_str());
                self.push(ScopeKind::Class, c.name.as_str(), c.range);
                self.stmts(&c.body)?;
                self.pop();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::TypeAlias(t) => {
                self.target(&t.name)?;
                self.expr(&t.value)?;
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = a.target.as_ref() {
                    self.use_name(n.id.as_str());
                }
                self.target(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                let in_function = self.current().kind.is_function_like();
                if !in_function || !a.simple {
                    self.expr(&a.annotation)?;
                }
                if a.value.is_some() || !a.simple || !matches!(a.target.as_ref(), Expr::Name(_)) {
                    self.target(&a.target)?;
                } else if let Expr::Name(n) = a.target.as_ref() {
                    // `x: int` without a value still makes `x` local to a function.
                    self.bind(n.id.as_str());
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.expr(t)?;
                    }
                    self.stmts(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(name) = &h.name {
                        self.bind(name.as_str());
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let bound = match &alias.asname {
                        Some(as_name) => as_name.as_str(),
                        None => alias.name.as_str().split('.').next().unwrap_or_default(),
                    };
                    self.bind(bound);
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        if self.current().kind != ScopeKind::Module {
                            return Err(error("import * only allowed at module level", i.range));
                        }
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.bind(bound.as_str());
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    let scope = self.current();
                    let raw = scope.raw_mut(name.as_str());
                    if raw.param {
                        return Err(error(
                            format!("name '{}' is parameter and global", name.as_str()),
                            g.range,
                        ));
                    }
                    if raw.used || raw.bound {
                        let what = if raw.bound { "assigned to" } else { "used" };
                        return Err(error(
                            format!("name '{}' is {what} before global declaration", name.as_str()),
                            g.range,
                        ));
                    }
                    raw.global = true;
                }
            }
            Stmt::Nonlocal(n) => {
                if !self.current().kind.is_function_like() {
                    return Err(error("nonlocal declaration not allowed at module level", n.range));
                }
                for name in &n.names {
                    let raw = self.current().raw_mut(name.as_str());
                    if raw.param {
                        return Err(error(
                            format!("name '{}' is parameter and nonlocal", name.as_str()),
                            n.range,
                        ));
                    }
                    if raw.used || raw.bound {
                        let what = if raw.bound { "assigned to" } else { "used" };
                        return Err(error(
                            format!(
                                "name '{}' is {what} before nonlocal declaration",
                                name.as_str()
                            ),
                            n.range,
                        ));
                    }
                    raw.nonlocal = true;
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => return Err(error("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn pattern(&mut self, pattern: &Pattern) -> Result<()> {
        match pattern {
            Pattern::MatchValue(v) => self.expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            Pattern::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(rest) = &m.rest {
                    self.bind(rest.as_str());
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.bind(name.as_str());
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(name) = &a.name {
                    self.bind(name.as_str());
                }
            }
            Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }

    /// An assignment (or deletion) target.
    fn target(&mut self, target: &Expr) -> Result<()> {
        match target {
            Expr::Name(n) => self.bind(n.id.as_str()),
            Expr::Tuple(t) => {
                for e in &t.elts {
                    self.target(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.target(e)?;
                }
            }
            Expr::Starred(s) => self.target(&s.value)?,
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            other => self.expr(other)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        name: &str,
        range: TextRange,
        generators: &[ast::Comprehension],
        elements: &[&Expr],
        is_generator: bool,
    ) -> Result<()> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        self.push(ScopeKind::Comprehension, name, range);
        self.current().is_generator = is_generator;
        self.current().params.push(".0".to_owned());
        let raw = self.current().raw_mut(".0");
        raw.bound = true;
        raw.param = true;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            if g.is_async {
                self.current().is_coroutine = true;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elements {
            self.expr(e)?;
        }
        self.pop();
        Ok(())
    }

    fn walrus_target(&mut self, name: &str, range: TextRange) -> Result<()> {
        let depth = self.stack.len();
        let mut owner = depth - 1;
        while self.stack[owner].kind == ScopeKind::Comprehension {
            owner -= 1;
        }
        if owner == depth - 1 {
            self.bind(name);
            return Ok(());
        }
        if self.stack[owner].kind == ScopeKind::Class {
            return Err(error(
                "assignment expression within a comprehension cannot be used in a class body",
                range,
            ));
        }
        self.stack[owner].raw_mut(name).bound = true;
        for scope in &mut self.stack[owner + 1..] {
            let raw = scope.raw_mut(name);
            raw.walrus_from_comprehension = true;
            raw.bound = true;
        }
        Ok(())
    }

    fn expr(&mut self, expr: &Expr) -> Result<()> {
        match expr {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                match n.target.as_ref() {
                    Expr::Name(name) => self.walrus_target(name.id.as_str(), n.range)?,
                    other => {
                        return Err(error(
                            "cannot use assignment expressions with this target",
                            other.range(),
                        ))
                    }
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(params) = &l.parameters {
                    self.parameters(params)?;
                }
                self.push(ScopeKind::Lambda, "<lambda>", l.range);
                if let Some(params) = &l.parameters {
                    self.declare_params(params)?;
                }
                self.expr(&l.body)?;
                self.pop();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for e in &s.elts {
                    self.expr(e)?;
                }
            }
            Expr::ListComp(c) => {
                self.comprehension("<listcomp>", c.range, &c.generators, &[&c.elt], false)?
            }
            Expr::SetComp(c) => {
                self.comprehension("<setcomp>", c.range, &c.generators, &[&c.elt], false)?
            }
            Expr::DictComp(c) => {
                let mut elements = vec![c.value.as_ref()];
                if let Some(k) = &c.key {
                    elements.insert(0, k.as_ref());
                }
                self.comprehension("<dictcomp>", c.range, &c.generators, &elements, false)?
            }
            Expr::Generator(g) => {
                self.comprehension("<genexpr>", g.range, &g.generators, &[&g.elt], true)?
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.mark_generator(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.mark_generator(y.range)?;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for e in c.comparators.iter() {
                    self.expr(e)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.interpolated(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(error("template strings are not supported", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::Constant(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => self.use_name(n.id.as_str()),
            Expr::List(l) => {
                for e in &l.elts {
                    self.expr(e)?;
                }
            }
            Expr::Tuple(t) => {
                for e in &t.elts {
                    self.expr(e)?;
                }
            }
            Expr::Slice(s) => {
                for e in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(e)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(error("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn interpolated(&mut self, elements: &ast::InterpolatedStringElements) -> Result<()> {
        for element in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = element {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.interpolated(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, range: TextRange) -> Result<()> {
        let scope = self.current();
        match scope.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                scope.is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension if scope.is_generator => Ok(()),
            ScopeKind::Comprehension => Err(error("'yield' inside list comprehension", range)),
            ScopeKind::Class | ScopeKind::Module => Err(error("'yield' outside function", range)),
        }
    }
}

/// Classifies every name of `scope` and its children. `visible` holds the names bound in the
/// enclosing function scopes. Returns the names this scope needs from outside (its free
/// variables, including those it only passes through to nested scopes).
fn resolve(scope: &mut Scope, visible: &HashSet<String>) -> Result<HashSet<String>> {
    let function_like = scope.kind.is_function_like();
    if function_like && scope.uses_super_or_class && visible.contains("__class__") {
        scope.raw_mut("__class__").used = true;
    }
    let mut free = HashSet::new();
    let order = scope.raw_order.clone();
    for name in &order {
        let raw = scope.raw[name].clone();
        let resolved = if raw.global {
            NameScope::GlobalExplicit
        } else if raw.nonlocal {
            if !visible.contains(name) {
                return Err(error(format!("no binding for nonlocal '{name}' found"), scope.range));
            }
            NameScope::Free
        } else if raw.walrus_from_comprehension && scope.kind == ScopeKind::Comprehension {
            if visible.contains(name) {
                NameScope::Free
            } else {
                NameScope::GlobalExplicit
            }
        } else if raw.bound {
            NameScope::Local
        } else if visible.contains(name) && (function_like || scope.kind == ScopeKind::Class) {
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        if resolved == NameScope::Free {
            free.insert(name.clone());
        }
        if resolved == NameScope::Local && function_like {
            scope.local_order.push(name.clone());
        }
        scope.symbols.insert(name.clone(), resolved);
    }
    // Parameters come first among the locals, in declaration order.
    if function_like {
        let params = scope.params.clone();
        scope.local_order.retain(|n| !params.contains(n));
        let mut ordered = params;
        ordered.append(&mut scope.local_order);
        scope.local_order = ordered;
    }

    let mut child_visible = match scope.kind {
        ScopeKind::Module => HashSet::new(),
        ScopeKind::Class => visible.clone(),
        _ => {
            let mut v = visible.clone();
            for (name, s) in &scope.symbols {
                if matches!(s, NameScope::Local | NameScope::Free) {
                    v.insert(name.clone());
                }
            }
            v
        }
    };
    if scope.kind == ScopeKind::Class {
        child_visible.insert("__class__".to_owned());
    }

    let mut children = std::mem::take(&mut scope.children);
    let mut captured: Vec<String> = Vec::new();
    for child in &mut children {
        let mut child_free: Vec<String> = resolve(child, &child_visible)?.into_iter().collect();
        child_free.sort();
        for name in child_free {
            if scope.kind == ScopeKind::Class && name == "__class__" {
                scope.needs_class_cell = true;
                continue;
            }
            match scope.symbols.get(&name).copied() {
                Some(NameScope::Local) | Some(NameScope::Cell) if function_like => {
                    scope.symbols.insert(name.clone(), NameScope::Cell);
                    if !captured.contains(&name) {
                        captured.push(name);
                    }
                }
                Some(NameScope::Free) => {}
                Some(NameScope::Local) if scope.kind == ScopeKind::Class => {
                    scope.class_free_also_local.insert(name.clone());
                    free.insert(name);
                }
                _ => {
                    if scope.kind != ScopeKind::Class {
                        scope.symbols.insert(name.clone(), NameScope::Free);
                    } else {
                        scope.class_free_also_local.insert(name.clone());
                    }
                    free.insert(name);
                }
            }
        }
    }
    scope.children = children;

    // Cells: captured locals in first-seen order; parameters keep their fast slot too.
    let mut cellvars: Vec<String> = Vec::new();
    if scope.needs_class_cell {
        cellvars.push("__class__".to_owned());
    }
    for name in &scope.local_order {
        if captured.contains(name) {
            cellvars.push(name.clone());
        }
    }
    scope.local_order.retain(|n| !captured.contains(n) || scope.params.contains(n));
    scope.cellvars = cellvars;
    let mut freevars: Vec<String> = free.iter().cloned().collect();
    freevars.sort();
    scope.freevars = freevars;
    Ok(free)
}
