//! AST → Sleepy bytecode.
//!
//! Exception handling follows CPython 3.11: no runtime block stack, an exception table per code
//! object, and `finally` bodies inlined on every exit path (normal, `return`, `break`,
//! `continue`) plus once on the exceptional path. Statement-level code always runs with a
//! statically known value-stack depth (`base_depth`), which is what the table records.

use std::collections::HashMap;
use std::sync::Arc;

use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_source_file::{LineIndex, SourceFile};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::symtable::{NameScope, Scope, ScopeKind};
use super::SyntaxErrorInfo;
use crate::bytecode::{
    flags, make_flags, BinOp, CmpOp, CodeKind, CodeObject, Constant, Conversion, Handler, Instr,
    UnaryOp,
};

type Result<T> = std::result::Result<T, SyntaxErrorInfo>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Label(u32);

/// What a block of the compile-time block stack holds, and how to leave it early.
enum BlockKind<'a> {
    /// A `for` loop keeps its iterator on the stack; a `while` loop keeps nothing.
    Loop { continue_to: Label, break_to: Label, has_iter: bool },
    /// The protected body of `try … finally`; leaving it runs the final body.
    TryFinally { finalbody: &'a [Stmt] },
    /// The final body on the exceptional path: `[previous exc, exc]` are on the stack.
    FinallyEnd,
    /// An `except` body: the previously handled exception is on the stack.
    ExceptHandler { name: Option<String> },
    /// A `with` body: the bound `__exit__` is on the stack.
    With,
    /// Only routes exceptions to a handler.
    Region,
    /// A `return` value waiting on the stack while a `finally` body runs.
    ReturnValue,
}

struct Block<'a> {
    kind: BlockKind<'a>,
    handler: Option<(Label, u32)>,
}

/// One code object under construction.
struct Unit<'a> {
    scope: &'a Scope,
    kind: CodeKind,
    name: String,
    qualname: String,
    first_line: u32,
    flags: u16,
    arg_count: u32,
    posonly_count: u32,
    kwonly_count: u32,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    consts: Vec<Constant>,
    code: Vec<Instr>,
    lines: Vec<u32>,
    spans: Vec<(u32, u32)>,
    handler_of: Vec<Option<(Label, u32)>>,
    labels: Vec<u32>,
    blocks: Vec<Block<'a>>,
    base_depth: u32,
    docstring: Option<String>,
    /// Class whose private names (`__x`) are mangled in this unit.
    private: Option<String>,
}

pub struct Compiler<'a> {
    source: &'a SourceFile,
    index: &'a LineIndex,
    filename: Arc<str>,
    units: Vec<Unit<'a>>,
    line: u32,
    /// Source range of the expression or statement being compiled.
    span: TextRange,
    /// What a lambda without parameters gets.
    no_parameters: &'a ast::Parameters,
}

const NO_LABEL: u32 = u32::MAX;

fn error(message: impl Into<String>, range: TextRange) -> SyntaxErrorInfo {
    SyntaxErrorInfo { message: message.into(), range }
}

fn child_scope(scope: &Scope, range: TextRange) -> &Scope {
    scope
        .children
        .iter()
        .find(|c| c.range() == range)
        .expect("symbol table has a scope for every function, class and comprehension")
}

fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_owned();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.to_owned();
    }
    format!("_{class}{name}")
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn is_docstring(stmt: Option<&Stmt>) -> Option<String> {
    if let Some(Stmt::Expr(e)) = stmt {
        if let Expr::StringLiteral(s) = e.value.as_ref() {
            return Some(s.value.to_str().to_owned());
        }
    }
    None
}

fn has_starred(elts: &[Expr]) -> bool {
    elts.iter().any(|e| matches!(e, Expr::Starred(_)))
}

#[derive(Clone, Copy)]
enum Collection {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    pub fn new(
        source: &'a SourceFile,
        index: &'a LineIndex,
        filename: &str,
        no_parameters: &'a ast::Parameters,
    ) -> Self {
        Compiler {
            source,
            index,
            filename: Arc::from(filename),
            units: Vec::new(),
            line: 1,
            span: TextRange::default(),
            no_parameters,
        }
    }

    fn line_of(&self, offset: TextSize) -> u32 {
        self.index.line_index(offset).get() as u32
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is being compiled")
    }

    // ------------------------------------------------------------------ units

    fn push_unit(
        &mut self,
        scope: &'a Scope,
        kind: CodeKind,
        name: &str,
        qualname: String,
        first_line: u32,
    ) {
        let private = match scope.kind {
            ScopeKind::Class => Some(scope.name.clone()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let mut unit = Unit {
            scope,
            kind,
            name: name.to_owned(),
            qualname,
            first_line,
            flags: 0,
            arg_count: 0,
            posonly_count: 0,
            kwonly_count: 0,
            varnames: Vec::new(),
            cellvars: scope.cellvars.clone(),
            freevars: scope.freevars.clone(),
            names: Vec::new(),
            name_index: HashMap::new(),
            consts: Vec::new(),
            code: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            handler_of: Vec::new(),
            labels: Vec::new(),
            blocks: Vec::new(),
            base_depth: 0,
            docstring: None,
            private,
        };
        if matches!(scope.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
        {
            unit.varnames = scope.local_order.clone();
        }
        if scope.is_generator {
            unit.flags |=
                if scope.is_coroutine { flags::ASYNC_GENERATOR } else { flags::GENERATOR };
        } else if scope.is_coroutine {
            unit.flags |= flags::COROUTINE;
        }
        if scope.kind == ScopeKind::Comprehension {
            unit.flags |= flags::COMPREHENSION;
        }
        self.units.push(unit);
    }

    fn pop_unit(&mut self) -> Arc<CodeObject> {
        let unit = self.units.pop().expect("unit");
        let resolve = |label: u32| unit.labels[label as usize];
        let code: Vec<Instr> = unit
            .code
            .iter()
            .map(|&instr| match instr {
                Instr::Jump(t) => Instr::Jump(resolve(t)),
                Instr::PopJumpIfFalse(t) => Instr::PopJumpIfFalse(resolve(t)),
                Instr::PopJumpIfTrue(t) => Instr::PopJumpIfTrue(resolve(t)),
                Instr::JumpIfFalseOrPop(t) => Instr::JumpIfFalseOrPop(resolve(t)),
                Instr::JumpIfTrueOrPop(t) => Instr::JumpIfTrueOrPop(resolve(t)),
                Instr::PopJumpIfNone(t) => Instr::PopJumpIfNone(resolve(t)),
                Instr::ForIter(t) => Instr::ForIter(resolve(t)),
                other => other,
            })
            .collect();
        let mut handlers: Vec<Handler> = Vec::new();
        for (pc, h) in unit.handler_of.iter().enumerate() {
            let pc = pc as u32;
            if let Some((label, depth)) = h {
                let target = resolve(label.0);
                match handlers.last_mut() {
                    Some(last)
                        if last.end == pc && last.target == target && last.depth == *depth =>
                    {
                        last.end = pc + 1
                    }
                    _ => handlers.push(Handler { start: pc, end: pc + 1, target, depth: *depth }),
                }
            }
        }
        let mut cell_params = Vec::new();
        for (ci, name) in unit.cellvars.iter().enumerate() {
            if let Some(vi) = unit.scope.params.iter().position(|p| p == name) {
                cell_params.push((ci as u32, vi as u32));
            }
        }
        let flags = unit.flags
            | if unit.scope.needs_class_cell && unit.kind == CodeKind::Class {
                flags::CLASS_CELL
            } else {
                0
            };
        Arc::new(CodeObject {
            kind: unit.kind,
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            first_line: unit.first_line,
            flags,
            arg_count: unit.arg_count,
            posonly_count: unit.posonly_count,
            kwonly_count: unit.kwonly_count,
            varnames: unit.varnames,
            cell_params,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            names: unit.names,
            consts: unit.consts,
            code,
            lines: unit.lines,
            spans: unit.spans,
            handlers,
            docstring: unit.docstring,
        })
    }

    // ------------------------------------------------------------------ emission

    fn emit(&mut self, instr: Instr) {
        let line = self.line;
        let span = (self.span.start().to_u32(), self.span.end().to_u32());
        let unit = self.unit();
        let handler = unit.blocks.iter().rev().find_map(|b| b.handler);
        unit.code.push(instr);
        unit.lines.push(line);
        unit.spans.push(span);
        unit.handler_of.push(handler);
    }

    fn new_label(&mut self) -> Label {
        let unit = self.unit();
        unit.labels.push(NO_LABEL);
        Label(unit.labels.len() as u32 - 1)
    }

    fn bind_label(&mut self, label: Label) {
        let unit = self.unit();
        unit.labels[label.0 as usize] = unit.code.len() as u32;
    }

    fn set_line(&mut self, range: TextRange) {
        self.line = self.line_of(range.start());
        self.span = range;
    }

    fn add_const(&mut self, constant: Constant) -> u32 {
        let unit = self.unit();
        if !matches!(constant, Constant::Code(_) | Constant::Float(_) | Constant::Complex { .. }) {
            if let Some(i) = unit.consts.iter().position(|c| c == &constant) {
                return i as u32;
            }
        }
        unit.consts.push(constant);
        unit.consts.len() as u32 - 1
    }

    fn load_const(&mut self, constant: Constant) {
        let i = self.add_const(constant);
        self.emit(Instr::LoadConst(i));
    }

    fn str_const(s: &str) -> Constant {
        Constant::Str(s.as_bytes().to_vec())
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        if let Some(&i) = unit.name_index.get(name) {
            return i;
        }
        unit.names.push(name.to_owned());
        let i = unit.names.len() as u32 - 1;
        unit.name_index.insert(name.to_owned(), i);
        i
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    fn push_block(&mut self, kind: BlockKind<'a>, handler: Option<(Label, u32)>) {
        self.unit().blocks.push(Block { kind, handler });
    }

    fn pop_block(&mut self) -> Block<'a> {
        self.unit().blocks.pop().expect("block")
    }

    // ------------------------------------------------------------------ names

    fn cell_index(&self, name: &str) -> Option<u32> {
        let unit = self.unit_ref();
        if let Some(i) = unit.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        unit.freevars.iter().position(|n| n == name).map(|i| (unit.cellvars.len() + i) as u32)
    }

    fn var_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        match unit.varnames.iter().position(|n| n == name) {
            Some(i) => i as u32,
            None => {
                unit.varnames.push(name.to_owned());
                unit.varnames.len() as u32 - 1
            }
        }
    }

    fn name_op(&mut self, name: &str, ctx: NameCtx) {
        let scope = self.unit_ref().scope;
        let resolved = scope.lookup(name);
        let mangled = self.mangled(name);
        let kind = scope.kind;
        let function_like =
            matches!(kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension);
        let instr = match resolved {
            NameScope::Local if function_like => {
                let i = self.var_index(name);
                match ctx {
                    NameCtx::Load => Instr::LoadFast(i),
                    NameCtx::Store => Instr::StoreFast(i),
                    NameCtx::Delete => Instr::DeleteFast(i),
                }
            }
            NameScope::Cell | NameScope::Free if function_like || resolved == NameScope::Cell => {
                let i = self.cell_index(name).expect("cell or free variable has a slot");
                match ctx {
                    NameCtx::Load => Instr::LoadDeref(i),
                    NameCtx::Store => Instr::StoreDeref(i),
                    NameCtx::Delete => Instr::DeleteDeref(i),
                }
            }
            NameScope::Free => {
                // A class body reading a variable of an enclosing function.
                let cell = self.cell_index(name).expect("free variable has a slot");
                let n = self.name_idx(&mangled);
                match ctx {
                    NameCtx::Load => Instr::LoadClassDeref { name: n, cell },
                    NameCtx::Store => Instr::StoreDeref(cell),
                    NameCtx::Delete => Instr::DeleteDeref(cell),
                }
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit
                if function_like || resolved == NameScope::GlobalExplicit =>
            {
                let n = self.name_idx(&mangled);
                match ctx {
                    NameCtx::Load => Instr::LoadGlobal(n),
                    NameCtx::Store => Instr::StoreGlobal(n),
                    NameCtx::Delete => Instr::DeleteGlobal(n),
                }
            }
            _ => {
                let n = self.name_idx(&mangled);
                match ctx {
                    NameCtx::Load => Instr::LoadName(n),
                    NameCtx::Store => Instr::StoreName(n),
                    NameCtx::Delete => Instr::DeleteName(n),
                }
            }
        };
        self.emit(instr);
    }

    // ------------------------------------------------------------------ module

    pub fn compile_module(mut self, body: &'a [Stmt], scope: &'a Scope) -> Result<Arc<CodeObject>> {
        self.push_unit(scope, CodeKind::Module, "<module>", "<module>".to_owned(), 1);
        if let Some(doc) = is_docstring(body.first()) {
            self.unit().docstring = Some(doc);
        }
        if body.iter().any(has_annotations) {
            self.emit(Instr::SetupAnnotations);
        }
        self.stmts(body)?;
        self.load_const(Constant::None);
        self.emit(Instr::Return);
        Ok(self.pop_unit())
    }

    /// `eval` mode: the value of one expression.
    pub fn compile_expression(
        mut self,
        expr: &'a Expr,
        scope: &'a Scope,
    ) -> Result<Arc<CodeObject>> {
        self.push_unit(scope, CodeKind::Module, "<module>", "<module>".to_owned(), 1);
        self.set_line(expr.range());
        self.expr(expr)?;
        self.emit(Instr::Return);
        Ok(self.pop_unit())
    }

    // ------------------------------------------------------------------ statements

    fn stmts(&mut self, body: &'a [Stmt]) -> Result<()> {
        for stmt in body {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> Result<()> {
        self.set_line(stmt.range());
        match stmt {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => {
                let scope_kind = self.unit_ref().scope.kind;
                if !matches!(scope_kind, ScopeKind::Function | ScopeKind::Lambda) {
                    return Err(error("'return' outside function", r.range));
                }
                let is_async_gen = self.unit_ref().flags & flags::ASYNC_GENERATOR != 0;
                match &r.value {
                    Some(v) if is_async_gen => {
                        return Err(error("'return' with value in async generator", v.range()))
                    }
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.unwind(true, None)?;
                self.set_line(stmt.range());
                self.emit(Instr::Return);
                Ok(())
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::TypeAlias(t) => Err(error("type aliases are not supported", t.range)),
            Stmt::Assign(a) => {
                if let Some(()) = self.parallel_assign(a)? {
                    return Ok(());
                }
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => {
                if w.is_async {
                    self.check_async(w.range, "async with")?;
                }
                self.with_items(&w.items, &w.body, w.is_async)
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
                Ok(())
            }
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
                self.emit(Instr::RaiseAssertion { has_msg: a.msg.is_some() });
                self.bind_label(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.name.as_str();
                    self.load_const(Constant::Int(0.into()));
                    self.load_const(Constant::None);
                    let n = self.name_idx(name);
                    self.emit(Instr::ImportName(n));
                    match &alias.asname {
                        Some(as_name) => {
                            for part in name.split('.').skip(1) {
                                let n = self.name_idx(part);
                                self.emit(Instr::ImportFrom(n));
                                self.emit(Instr::Swap(2));
                                self.emit(Instr::Pop);
                            }
                            self.name_op(as_name.as_str(), NameCtx::Store);
                        }
                        None => {
                            let top = name.split('.').next().unwrap_or(name);
                            self.name_op(top, NameCtx::Store);
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                self.load_const(Constant::Int(i.level.into()));
                let names: Vec<Constant> =
                    i.names.iter().map(|a| Self::str_const(a.name.as_str())).collect();
                self.load_const(Constant::Tuple(names));
                let n = self.name_idx(module);
                self.emit(Instr::ImportName(n));
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for alias in &i.names {
                    let n = self.name_idx(alias.name.as_str());
                    self.emit(Instr::ImportFrom(n));
                    let target = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.name_op(target.as_str(), NameCtx::Store);
                }
                self.emit(Instr::Pop);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(Instr::Pop);
                Ok(())
            }
            Stmt::Break(b) => self.break_continue(b.range, true),
            Stmt::Continue(c) => self.break_continue(c.range, false),
            Stmt::IpyEscapeCommand(c) => Err(error("invalid syntax", c.range)),
        }
    }

    fn check_async(&self, range: TextRange, what: &str) -> Result<()> {
        let unit = self.unit_ref();
        if unit.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) == 0 {
            return Err(error(format!("'{what}' outside async function"), range));
        }
        Ok(())
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> Result<()> {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let first_line = match f.decorator_list.first() {
            Some(d) => self.line_of(d.range().start()),
            None => self.line_of(f.range.start()),
        };
        let scope = child_scope(self.unit_ref().scope, f.range);
        let returns = f.returns.as_deref();
        self.make_function(
            scope,
            f.name.as_str(),
            &f.parameters,
            returns,
            FunctionBody::Stmts(&f.body),
            first_line,
        )?;
        for _ in &f.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.name_op(f.name.as_str(), NameCtx::Store);
        Ok(())
    }

    fn qualname_for(&self, name: &str) -> String {
        let unit = self.unit_ref();
        match unit.kind {
            CodeKind::Module => name.to_owned(),
            CodeKind::Class => format!("{}.{name}", unit.qualname),
            CodeKind::Function => {
                if unit.scope.symbols.get(name) == Some(&NameScope::GlobalExplicit) {
                    name.to_owned()
                } else {
                    format!("{}.<locals>.{name}", unit.qualname)
                }
            }
        }
    }

    fn make_function(
        &mut self,
        scope: &'a Scope,
        name: &str,
        params: &'a ast::Parameters,
        returns: Option<&'a Expr>,
        body: FunctionBody<'a>,
        first_line: u32,
    ) -> Result<()> {
        let mut make = 0u8;
        // Positional defaults.
        let defaults: Vec<&Expr> = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            make |= make_flags::DEFAULTS;
        }
        let kw_defaults: Vec<(&str, &Expr)> = params
            .kwonlyargs
            .iter()
            .filter_map(|p| p.default.as_deref().map(|d| (p.parameter.name.as_str(), d)))
            .collect();
        if !kw_defaults.is_empty() {
            for (n, d) in &kw_defaults {
                let key = self.mangled(n);
                self.load_const(Self::str_const(&key));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kw_defaults.len() as u32));
            make |= make_flags::KW_DEFAULTS;
        }
        let mut annotations = 0;
        for p in params.iter() {
            if let Some(a) = p.annotation() {
                let key = self.mangled(p.name().as_str());
                self.load_const(Self::str_const(&key));
                self.expr(a)?;
                annotations += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Self::str_const("return"));
            self.expr(r)?;
            annotations += 1;
        }
        if annotations > 0 {
            self.emit(Instr::BuildMap(annotations));
            make |= make_flags::ANNOTATIONS;
        }

        let qualname = self.qualname_for(name);
        let outer_line = self.line;
        self.push_unit(scope, CodeKind::Function, name, qualname, first_line);
        {
            let unit = self.unit();
            unit.posonly_count = params.posonlyargs.len() as u32;
            unit.arg_count = (params.posonlyargs.len() + params.args.len()) as u32;
            unit.kwonly_count = params.kwonlyargs.len() as u32;
            if params.vararg.is_some() {
                unit.flags |= flags::VARARGS;
            }
            if params.kwarg.is_some() {
                unit.flags |= flags::VARKEYWORDS;
            }
        }
        match body {
            FunctionBody::Stmts(stmts) => {
                let doc = is_docstring(stmts.first());
                self.unit().docstring = doc;
                self.stmts(stmts)?;
                if !matches!(stmts.last(), Some(Stmt::Return(_))) {
                    self.load_const(Constant::None);
                    self.emit(Instr::Return);
                }
            }
            FunctionBody::Expr(e) => {
                self.set_line(e.range());
                self.expr(e)?;
                if self.unit_ref().flags & flags::GENERATOR != 0 {
                    self.emit(Instr::Pop);
                    self.load_const(Constant::None);
                }
                self.emit(Instr::Return);
            }
        }
        let code = self.pop_unit();
        self.line = outer_line;
        self.finish_function(code, make)
    }

    /// Emits the closure tuple (if any) and `MakeFunction` for a compiled body.
    fn finish_function(&mut self, code: Arc<CodeObject>, mut make: u8) -> Result<()> {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone() {
                let i =
                    self.cell_index(&name).expect("enclosing scope provides every free variable");
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            make |= make_flags::CLOSURE;
        }
        let code_idx = self.add_const(Constant::Code(code));
        self.emit(Instr::MakeFunction { code: code_idx, flags: make });
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> Result<()> {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let first_line = match c.decorator_list.first() {
            Some(d) => self.line_of(d.range().start()),
            None => self.line_of(c.range.start()),
        };
        let scope = child_scope(self.unit_ref().scope, c.range);
        let name = c.name.as_str();
        let qualname = self.qualname_for(name);
        let outer_line = self.line;
        self.push_unit(scope, CodeKind::Class, name, qualname.clone(), first_line);
        self.unit().docstring = is_docstring(c.body.first());
        let module_name = self.name_idx("__name__");
        self.emit(Instr::LoadGlobal(module_name));
        let n = self.name_idx("__module__");
        self.emit(Instr::StoreName(n));
        self.load_const(Self::str_const(&qualname));
        let n = self.name_idx("__qualname__");
        self.emit(Instr::StoreName(n));
        self.load_const(Constant::Int(first_line.into()));
        let n = self.name_idx("__firstlineno__");
        self.emit(Instr::StoreName(n));
        if let Some(doc) = self.unit_ref().docstring.clone() {
            self.load_const(Self::str_const(&doc));
            let n = self.name_idx("__doc__");
            self.emit(Instr::StoreName(n));
        }
        if c.body.iter().any(has_annotations) {
            self.emit(Instr::SetupAnnotations);
        }
        let body: &'a [Stmt] =
            if self.unit_ref().docstring.is_some() { &c.body[1..] } else { &c.body };
        self.stmts(body)?;
        let attributes: Vec<Constant> =
            static_attributes(&c.body).iter().map(|a| Self::str_const(a)).collect();
        self.load_const(Constant::Tuple(attributes));
        let n = self.name_idx("__static_attributes__");
        self.emit(Instr::StoreName(n));
        if scope.needs_class_cell {
            let i = self.cell_index("__class__").expect("class cell");
            self.emit(Instr::LoadClosure(i));
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Instr::Return);
        let code = self.pop_unit();
        self.line = outer_line;
        self.finish_function(code, 0)?;
        self.load_const(Self::str_const(name));
        let (args, keywords): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.sequence(args, Collection::Tuple)?;
        self.keywords_dict(keywords)?;
        self.emit(Instr::BuildClass);
        for _ in &c.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.name_op(name, NameCtx::Store);
        Ok(())
    }

    /// `a, b = x, y` (two or three names each side, as CPython does) without building a
    /// tuple: the values are evaluated, reversed in place, and stored left to right.
    fn parallel_assign(&mut self, a: &'a ast::StmtAssign) -> Result<Option<()>> {
        let ([target], Expr::Tuple(values)) = (a.targets.as_slice(), a.value.as_ref()) else {
            return Ok(None);
        };
        let targets = match target {
            Expr::Tuple(t) => &t.elts,
            Expr::List(l) => &l.elts,
            _ => return Ok(None),
        };
        let n = targets.len();
        if !(2..=3).contains(&n)
            || values.elts.len() != n
            || has_starred(targets)
            || has_starred(&values.elts)
        {
            return Ok(None);
        }
        for v in &values.elts {
            self.expr(v)?;
        }
        self.emit(Instr::Swap(n as u32));
        for t in targets {
            self.store_target(t)?;
        }
        Ok(Some(()))
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> Result<()> {
        let op = binop(a.op);
        match a.target.as_ref() {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), NameCtx::Load);
                self.expr(&a.value)?;
                self.emit(Instr::Inplace(op));
                self.name_op(n.id.as_str(), NameCtx::Store);
            }
            Expr::Attribute(attr) => {
                self.expr(&attr.value)?;
                self.emit(Instr::Copy(1));
                let n = self.name_idx(&self.mangled(attr.attr.as_str()));
                self.emit(Instr::LoadAttr(n));
                self.expr(&a.value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::Subscript);
                self.expr(&a.value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscript);
            }
            other => {
                return Err(error(
                    "'expression' is an illegal expression for augmented assignment",
                    other.range(),
                ))
            }
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> Result<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let kind = self.unit_ref().kind;
        if let (Expr::Name(n), true) = (a.target.as_ref(), a.simple) {
            if kind != CodeKind::Function {
                self.expr(&a.annotation)?;
                let ann = self.name_idx("__annotations__");
                self.emit(Instr::LoadName(ann));
                let key = self.mangled(n.id.as_str());
                self.load_const(Self::str_const(&key));
                self.emit(Instr::StoreSubscript);
            }
        } else if kind != CodeKind::Function {
            // Complex targets: the annotation is evaluated, not stored.
            self.expr(&a.annotation)?;
            self.emit(Instr::Pop);
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> Result<()> {
        if f.is_async {
            return self.async_for(f);
        }
        let start = self.new_label();
        let exhausted = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetIter);
        self.bind_label(start);
        self.set_line(f.range);
        self.emit(Instr::ForIter(exhausted.0));
        self.unit().base_depth += 1;
        self.push_block(
            BlockKind::Loop { continue_to: start, break_to: end, has_iter: true },
            None,
        );
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.emit(Instr::Jump(start.0));
        self.pop_block();
        self.unit().base_depth -= 1;
        self.bind_label(exhausted);
        self.stmts(&f.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a ast::StmtFor) -> Result<()> {
        self.check_async(f.range, "async for")?;
        let start = self.new_label();
        let handler = self.new_label();
        let end = self.new_label();
        let after_else = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetAiter);
        self.bind_label(start);
        let depth = self.unit_ref().base_depth + 1;
        self.push_block(BlockKind::Region, Some((handler, depth)));
        self.emit(Instr::GetAnext);
        self.load_const(Constant::None);
        self.emit(Instr::YieldFrom);
        self.pop_block();
        self.unit().base_depth += 1;
        self.push_block(
            BlockKind::Loop { continue_to: start, break_to: after_else, has_iter: true },
            None,
        );
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.emit(Instr::Jump(start.0));
        self.pop_block();
        self.unit().base_depth -= 1;
        self.bind_label(handler);
        // [aiter, exc]: StopAsyncIteration ends the loop, anything else propagates.
        self.emit(Instr::EndAsyncFor);
        self.bind_label(end);
        self.stmts(&f.orelse)?;
        self.bind_label(after_else);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> Result<()> {
        let start = self.new_label();
        let exhausted = self.new_label();
        let end = self.new_label();
        self.bind_label(start);
        self.set_line(w.test.range());
        self.jump_if(&w.test, false, exhausted)?;
        self.push_block(
            BlockKind::Loop { continue_to: start, break_to: end, has_iter: false },
            None,
        );
        self.stmts(&w.body)?;
        self.emit(Instr::Jump(start.0));
        self.pop_block();
        self.bind_label(exhausted);
        self.stmts(&w.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> Result<()> {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, false, next)?;
        self.stmts(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.emit(Instr::Jump(end.0));
            self.bind_label(next);
            next = self.new_label();
            if let Some(test) = &clause.test {
                self.set_line(test.range());
                self.jump_if(test, false, next)?;
            }
            self.stmts(&clause.body)?;
        }
        self.bind_label(next);
        self.bind_label(end);
        Ok(())
    }

    fn break_continue(&mut self, range: TextRange, is_break: bool) -> Result<()> {
        let found = self.unit_ref().blocks.iter().any(|b| matches!(b.kind, BlockKind::Loop { .. }));
        if !found {
            let what =
                if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(error(what, range));
        }
        self.unwind(false, Some(is_break))?;
        Ok(())
    }

    /// Leaves the enclosing blocks for a `return` (`loop_exit` None: all of them, keeping the
    /// return value on top) or a `break`/`continue` (up to the innermost loop, then jumps).
    fn unwind(&mut self, preserve_tos: bool, loop_exit: Option<bool>) -> Result<()> {
        let mut popped: Vec<Block<'a>> = Vec::new();
        let mut result = Ok(());
        while let Some(block) = self.unit().blocks.pop() {
            if let (BlockKind::Loop { continue_to, break_to, has_iter }, Some(is_break)) =
                (&block.kind, loop_exit)
            {
                let (continue_to, break_to, has_iter) = (*continue_to, *break_to, *has_iter);
                if is_break {
                    if has_iter {
                        self.emit(Instr::Pop);
                    }
                    self.emit(Instr::Jump(break_to.0));
                } else {
                    self.emit(Instr::Jump(continue_to.0));
                }
                popped.push(block);
                break;
            }
            let swap = |c: &mut Self| {
                if preserve_tos {
                    c.emit(Instr::Swap(2));
                }
            };
            match &block.kind {
                BlockKind::Loop { has_iter, .. } => {
                    if *has_iter {
                        swap(self);
                        self.emit(Instr::Pop);
                    }
                }
                BlockKind::TryFinally { finalbody } => {
                    let finalbody = *finalbody;
                    // The popped blocks are gone while the final body compiles, so a `return`
                    // inside it does not run it again. A return value waiting under it is a
                    // block of its own, so `break`/`continue` in the final body drop it.
                    let saved_depth = self.unit_ref().base_depth;
                    let inner_depth = self.depth_without(&popped, &block);
                    self.unit().base_depth = inner_depth + u32::from(preserve_tos);
                    if preserve_tos {
                        self.push_block(BlockKind::ReturnValue, None);
                    }
                    let r = self.stmts(finalbody);
                    if preserve_tos {
                        self.pop_block();
                    }
                    self.unit().base_depth = saved_depth;
                    if let Err(e) = r {
                        result = Err(e);
                        popped.push(block);
                        break;
                    }
                }
                BlockKind::FinallyEnd => {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::Pop);
                        self.emit(Instr::Swap(2));
                    } else {
                        self.emit(Instr::Pop);
                    }
                    self.emit(Instr::PopExcept);
                }
                BlockKind::ExceptHandler { name } => {
                    let name = name.clone();
                    swap(self);
                    self.emit(Instr::PopExcept);
                    if let Some(name) = name {
                        // `except*` bodies carry their own handler and keep the group's
                        // cleanup; a plain `except` body's cleanup no longer applies.
                        let plain = block.handler.is_none();
                        self.after_pop_except(plain, |c| {
                            c.load_const(Constant::None);
                            c.name_op(&name, NameCtx::Store);
                            c.name_op(&name, NameCtx::Delete);
                        });
                    }
                }
                BlockKind::With => {
                    swap(self);
                    self.load_const(Constant::None);
                    self.load_const(Constant::None);
                    self.load_const(Constant::None);
                    self.emit(Instr::Call(3));
                    self.emit(Instr::Pop);
                }
                BlockKind::Region => {}
                BlockKind::ReturnValue => {
                    swap(self);
                    self.emit(Instr::Pop);
                }
            }
            popped.push(block);
        }
        while let Some(block) = popped.pop() {
            self.unit().blocks.push(block);
        }
        result
    }

    /// Static stack depth of the code just outside `block` once `popped` are left.
    fn depth_without(&self, popped: &[Block<'a>], block: &Block<'a>) -> u32 {
        let mut depth = self.unit_ref().base_depth;
        for b in popped.iter().chain(std::iter::once(block)) {
            depth -= match b.kind {
                BlockKind::Loop { has_iter: true, .. } => 1,
                BlockKind::FinallyEnd => 2,
                BlockKind::ExceptHandler { .. } => 1,
                BlockKind::With => 1,
                BlockKind::ReturnValue => 1,
                _ => 0,
            };
        }
        depth
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> Result<()> {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let on_exception = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let depth = self.unit_ref().base_depth;
        self.push_block(
            BlockKind::TryFinally { finalbody: &t.finalbody },
            Some((on_exception, depth)),
        );
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_block();
        self.stmts(&t.finalbody)?;
        self.emit(Instr::Jump(end.0));

        self.bind_label(on_exception);
        self.emit(Instr::PushExcInfo);
        self.unit().base_depth += 2;
        self.push_block(BlockKind::FinallyEnd, Some((cleanup, depth + 1)));
        self.stmts(&t.finalbody)?;
        self.emit(Instr::Reraise);
        self.pop_block();
        self.unit().base_depth -= 2;
        self.bind_label(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind_label(end);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> Result<()> {
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let depth = self.unit_ref().base_depth;
        self.push_block(BlockKind::Region, Some((handler, depth)));
        self.stmts(&t.body)?;
        self.pop_block();
        self.stmts(&t.orelse)?;
        self.emit(Instr::Jump(end.0));

        self.bind_label(handler);
        self.emit(Instr::PushExcInfo);
        self.push_block(BlockKind::Region, Some((cleanup, depth + 1)));
        if t.is_star {
            self.except_star_handlers(t, end)?;
        } else {
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                self.set_line(h.range);
                let next = self.new_label();
                if let Some(ty) = &h.type_ {
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit(Instr::PopJumpIfFalse(next.0));
                } else if !std::ptr::eq(h, last_handler(t)) {
                    return Err(error("default 'except:' must be last", h.range));
                }
                self.handler_body(h.name.as_ref().map(|n| n.as_str()), &h.body, end)?;
                self.bind_label(next);
            }
            self.emit(Instr::Reraise);
        }
        self.pop_block();
        self.bind_label(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind_label(end);
        Ok(())
    }

    /// Emits what follows the `PopExcept` that ends a plain `except` body (`hoist`): the
    /// innermost block is then the handlers' cleanup region, which expects `[prev, exc]`
    /// under it and would unwind a shorter stack wrongly, so it is left out and an exception
    /// there goes to the enclosing handler, as in CPython.
    fn after_pop_except(&mut self, hoist: bool, f: impl FnOnce(&mut Self)) {
        if !hoist {
            return f(self);
        }
        let cleanup = self.pop_block();
        f(self);
        self.unit().blocks.push(cleanup);
    }

    /// With `[prev, exc]` on the stack: bind or drop `exc`, run `body`, restore `prev`.
    fn handler_body(&mut self, name: Option<&str>, body: &'a [Stmt], end: Label) -> Result<()> {
        match name {
            Some(n) => self.name_op(n, NameCtx::Store),
            None => self.emit(Instr::Pop),
        }
        let depth = self.unit_ref().base_depth + 1;
        self.unit().base_depth = depth;
        self.push_block(BlockKind::ExceptHandler { name: name.map(str::to_owned) }, None);
        let unbind = self.new_label();
        if name.is_some() {
            self.push_block(BlockKind::Region, Some((unbind, depth)));
        }
        self.stmts(body)?;
        if name.is_some() {
            self.pop_block();
        }
        self.pop_block();
        self.unit().base_depth = depth - 1;
        self.emit(Instr::PopExcept);
        if let Some(n) = name {
            self.after_pop_except(true, |c| {
                c.load_const(Constant::None);
                c.name_op(n, NameCtx::Store);
                c.name_op(n, NameCtx::Delete);
            });
        }
        self.emit(Instr::Jump(end.0));
        if let Some(n) = name {
            self.bind_label(unbind);
            self.load_const(Constant::None);
            self.name_op(n, NameCtx::Store);
            self.name_op(n, NameCtx::Delete);
            self.emit(Instr::Reraise);
        }
        Ok(())
    }

    /// `except*`: each clause splits the group; whatever no clause handled, plus whatever the
    /// clauses raised, is re-raised together at the end.
    fn except_star_handlers(&mut self, t: &'a ast::StmtTry, end: Label) -> Result<()> {
        // Stack: [prev, group]. Keep the original group and a list of raised exceptions.
        self.emit(Instr::Copy(1)); // [prev, orig, rest]
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Swap(2)); // [prev, orig, raised, rest]
        let base = self.unit_ref().base_depth;
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let no_match = self.new_label();
            let Some(ty) = &h.type_ else {
                return Err(error("expected 'except' or 'finally' block", h.range));
            };
            self.expr(ty)?;
            self.emit(Instr::CheckEgMatch); // [.., rest', match-or-None]
            self.emit(Instr::Copy(1));
            self.emit(Instr::PopJumpIfNone(no_match.0));
            // Run the body with the match as the handled exception.
            let caught = self.new_label();
            let after = self.new_label();
            self.emit(Instr::PushExcInfo); // [.., rest', prev2, match]
            self.unit().base_depth = base + 5;
            match h.name.as_ref() {
                Some(n) => self.name_op(n.as_str(), NameCtx::Store),
                None => self.emit(Instr::Pop),
            }
            self.push_block(
                BlockKind::ExceptHandler { name: h.name.as_ref().map(|n| n.to_string()) },
                Some((caught, base + 5)),
            );
            self.stmts(&h.body)?;
            self.pop_block();
            self.emit(Instr::PopExcept);
            self.emit(Instr::Jump(after.0));
            // The body raised: record it in the list, keep going.
            self.bind_label(caught); // [prev, orig, raised, rest', prev2, exc]
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopExcept); // [prev, orig, raised, rest', exc]
            self.emit(Instr::Copy(3));
            self.emit(Instr::Swap(2));
            self.emit(Instr::ListAppend(1)); // appends exc to raised
            self.emit(Instr::Pop);
            self.bind_label(after);
            if let Some(n) = &h.name {
                self.load_const(Constant::None);
                self.name_op(n.as_str(), NameCtx::Store);
                self.name_op(n.as_str(), NameCtx::Delete);
            }
            self.unit().base_depth = base;
            let next = self.new_label();
            self.emit(Instr::Jump(next.0));
            self.bind_label(no_match);
            self.emit(Instr::Pop);
            self.bind_label(next);
        }
        // [prev, orig, raised, rest]: add the unhandled rest, combine, raise or finish.
        self.emit(Instr::ListAppend(1));
        self.emit(Instr::PrepReraiseStar); // [prev, to_raise-or-None]
        self.emit(Instr::Copy(1));
        let nothing = self.new_label();
        self.emit(Instr::PopJumpIfNone(nothing.0));
        self.emit(Instr::Reraise);
        self.bind_label(nothing);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Jump(end.0));
        Ok(())
    }

    fn with_items(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::GetAwaitable);
            self.load_const(Constant::None);
            self.emit(Instr::YieldFrom);
        } else {
            self.emit(Instr::BeforeWith);
        }
        let depth = self.unit_ref().base_depth + 1;
        self.unit().base_depth = depth;
        self.push_block(BlockKind::With, Some((handler, depth)));
        match &item.optional_vars {
            Some(target) => self.store_target(target)?,
            None => self.emit(Instr::Pop),
        }
        self.with_items(rest, body, is_async)?;
        self.pop_block();
        self.unit().base_depth = depth - 1;
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.load_const(Constant::None);
            self.emit(Instr::YieldFrom);
        }
        self.emit(Instr::Pop);
        self.emit(Instr::Jump(end.0));

        self.bind_label(handler); // [exit, exc]
        self.emit(Instr::PushExcInfo); // [exit, prev, exc]
        self.push_block(BlockKind::Region, Some((cleanup, depth + 1)));
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.load_const(Constant::None);
            self.emit(Instr::YieldFrom);
        }
        self.emit(Instr::PopJumpIfTrue(suppress.0));
        self.emit(Instr::Reraise);
        self.pop_block();
        self.bind_label(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.emit(Instr::Jump(end.0));
        self.bind_label(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind_label(end);
        Ok(())
    }

    // ------------------------------------------------------------------ targets

    fn store_target(&mut self, target: &'a Expr) -> Result<()> {
        match target {
            Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Store),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_idx(&self.mangled(a.attr.as_str()));
                self.emit(Instr::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::StoreSubscript);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack(elts, target.range())?;
                for e in elts {
                    let e = match e {
                        Expr::Starred(s) => s.value.as_ref(),
                        other => other,
                    };
                    self.store_target(e)?;
                }
            }
            Expr::Starred(s) => {
                return Err(error("starred assignment target must be in a list or tuple", s.range))
            }
            other => {
                return Err(error(format!("cannot assign to {}", describe(other)), other.range()))
            }
        }
        Ok(())
    }

    fn unpack(&mut self, elts: &[Expr], range: TextRange) -> Result<()> {
        let stars: Vec<usize> = elts
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Expr::Starred(_)))
            .map(|(i, _)| i)
            .collect();
        match stars.as_slice() {
            [] => self.emit(Instr::UnpackSequence(elts.len() as u32)),
            [i] => {
                self.emit(Instr::UnpackEx { before: *i as u32, after: (elts.len() - i - 1) as u32 })
            }
            _ => return Err(error("multiple starred expressions in assignment", range)),
        }
        Ok(())
    }

    fn delete_target(&mut self, target: &'a Expr) -> Result<()> {
        match target {
            Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Delete),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_idx(&self.mangled(a.attr.as_str()));
                self.emit(Instr::DeleteAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DeleteSubscript);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            other => {
                return Err(error(format!("cannot delete {}", describe(other)), other.range()))
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------------ expressions

    /// Jumps to `target` when `expr` is truthy (`when` true) or falsy (`when` false).
    fn jump_if(&mut self, expr: &'a Expr, when: bool, target: Label) -> Result<()> {
        match expr {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.jump_if(&u.operand, !when, target)
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                if is_and != when {
                    // `and` jumping on false / `or` jumping on true: any operand decides.
                    for v in &b.values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, rest) = b.values.split_last().expect("bool op has operands");
                    for v in rest {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.bind_label(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(expr)?;
                self.emit(if when {
                    Instr::PopJumpIfTrue(target.0)
                } else {
                    Instr::PopJumpIfFalse(target.0)
                });
                Ok(())
            }
        }
    }

    /// Compiles `expr`; its instructions carry its source range (for tracebacks), and the
    /// enclosing expression's range is back in force afterwards.
    fn expr(&mut self, expr: &'a Expr) -> Result<()> {
        let (line, span) = (self.line, self.span);
        self.set_line(expr.range());
        let result = self.expr_inner(expr);
        self.line = line;
        self.span = span;
        result
    }

    fn expr_inner(&mut self, expr: &'a Expr) -> Result<()> {
        match expr {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let (last, rest) = b.values.split_last().expect("bool op has operands");
                for v in rest {
                    self.expr(v)?;
                    self.emit(match b.op {
                        ast::BoolOp::And => Instr::JumpIfFalseOrPop(end.0),
                        ast::BoolOp::Or => Instr::JumpIfTrueOrPop(end.0),
                    });
                }
                self.expr(last)?;
                self.bind_label(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::Binary(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(Instr::Unary(match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                }));
            }
            Expr::Lambda(l) => {
                let scope = child_scope(self.unit_ref().scope, l.range);
                let params = l.parameters.as_deref().unwrap_or(self.no_parameters);
                let line = self.line_of(l.range.start());
                self.make_function(
                    scope,
                    "<lambda>",
                    params,
                    None,
                    FunctionBody::Expr(&l.body),
                    line,
                )?;
            }
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit(Instr::Jump(end.0));
                self.bind_label(orelse);
                self.expr(&i.orelse)?;
                self.bind_label(end);
            }
            Expr::Dict(d) => self.dict_display(&d.items)?,
            Expr::Set(s) => self.sequence(&s.elts, Collection::Set)?,
            Expr::ListComp(c) => self.comprehension(c.range, &c.generators, Comp::List(&c.elt))?,
            Expr::SetComp(c) => self.comprehension(c.range, &c.generators, Comp::Set(&c.elt))?,
            Expr::DictComp(c) => {
                let Some(key) = c.key.as_deref() else {
                    return Err(error(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    ));
                };
                self.comprehension(c.range, &c.generators, Comp::Dict(key, &c.value))?
            }
            Expr::Generator(g) => self.comprehension(g.range, &g.generators, Comp::Gen(&g.elt))?,
            Expr::Await(a) => {
                self.check_async(a.range, "await")?;
                self.expr(&a.value)?;
                self.emit(Instr::GetAwaitable);
                self.load_const(Constant::None);
                self.emit(Instr::YieldFrom);
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if self.unit_ref().flags & flags::ASYNC_GENERATOR != 0 {
                    return Err(error("'yield from' inside async function", y.range));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetIter);
                self.load_const(Constant::None);
                self.emit(Instr::YieldFrom);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => {
                let mut count = 0;
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(s) => {
                            let v = rustpython_codegen::string_literal_part_value(self.source, s);
                            self.load_const(Constant::Str(v.into_bytes()));
                            count += 1;
                        }
                        ast::FStringPart::FString(fs) => {
                            count += self.interpolated(&fs.elements, fs.flags.into())?;
                        }
                    }
                }
                if count != 1 {
                    self.emit(Instr::BuildString(count));
                }
            }
            Expr::TString(t) => return Err(error("template strings are not supported", t.range)),
            Expr::StringLiteral(s) => {
                let v = rustpython_codegen::string_literal_value(self.source, &s.value);
                self.load_const(Constant::Str(v.into_bytes()));
            }
            Expr::BytesLiteral(b) => {
                let v: Vec<u8> = b.value.bytes().collect();
                self.load_const(Constant::Bytes(v));
            }
            Expr::NumberLiteral(n) => {
                let c = match &n.value {
                    ast::Number::Int(i) => Constant::Int(
                        rustpython_codegen::compile::ruff_int_to_bigint(i)
                            .map_err(|e| error(e.to_string(), n.range))?,
                    ),
                    ast::Number::Float(f) => Constant::Float(*f),
                    ast::Number::Complex { real, imag } => {
                        Constant::Complex { real: *real, imag: *imag }
                    }
                };
                self.load_const(c);
            }
            Expr::BooleanLiteral(b) => self.load_const(Constant::Bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Constant::None),
            Expr::EllipsisLiteral(_) => self.load_const(Constant::Ellipsis),
            Expr::Constant(c) => return Err(error("unexpected constant node", c.range)),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_idx(&self.mangled(a.attr.as_str()));
                self.emit(Instr::LoadAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::Subscript);
            }
            Expr::Starred(s) => return Err(error("can't use starred expression here", s.range)),
            Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Load),
            Expr::List(l) => self.sequence(&l.elts, Collection::List)?,
            Expr::Tuple(t) => self.sequence(&t.elts, Collection::Tuple)?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(e) => self.expr(e)?,
                        None => self.load_const(Constant::None),
                    }
                }
                match &s.step {
                    Some(e) => {
                        self.expr(e)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(error("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn interpolated(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        flags: ast::AnyStringFlags,
    ) -> Result<u32> {
        let mut count = 0;
        for element in elements.iter() {
            match element {
                ast::InterpolatedStringElement::Literal(lit) => {
                    let v = rustpython_codegen::interpolated_string_literal_value(
                        self.source,
                        lit,
                        flags,
                    );
                    self.load_const(Constant::Str(v.into_bytes()));
                    count += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = match i.conversion {
                        ast::ConversionFlag::None => Conversion::None,
                        ast::ConversionFlag::Str => Conversion::Str,
                        ast::ConversionFlag::Repr => Conversion::Repr,
                        ast::ConversionFlag::Ascii => Conversion::Ascii,
                    };
                    if let Some(debug) = &i.debug_text {
                        let (text, _) = rustpython_codegen::interpolation_debug_text(
                            self.source,
                            debug,
                            i.expression.range(),
                        );
                        self.load_const(Self::str_const(&text));
                        count += 1;
                        if conversion == Conversion::None && i.format_spec.is_none() {
                            conversion = Conversion::Repr;
                        }
                    }
                    self.expr(&i.expression)?;
                    let has_spec = match &i.format_spec {
                        Some(spec) => {
                            let n = self.interpolated(&spec.elements, flags)?;
                            if n != 1 {
                                self.emit(Instr::BuildString(n));
                            }
                            true
                        }
                        None => false,
                    };
                    self.emit(Instr::FormatValue { conversion, has_spec });
                    count += 1;
                }
            }
        }
        if count == 0 {
            self.load_const(Self::str_const(""));
            count = 1;
        }
        Ok(count)
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> Result<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.compare_op(*op);
                self.emit(Instr::JumpIfFalseOrPop(cleanup.0));
            } else {
                self.compare_op(*op);
            }
        }
        self.emit(Instr::Jump(end.0));
        self.bind_label(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::Pop);
        self.bind_label(end);
        Ok(())
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        self.emit(match op {
            C::Eq => Instr::Compare(CmpOp::Eq),
            C::NotEq => Instr::Compare(CmpOp::Ne),
            C::Lt => Instr::Compare(CmpOp::Lt),
            C::LtE => Instr::Compare(CmpOp::Le),
            C::Gt => Instr::Compare(CmpOp::Gt),
            C::GtE => Instr::Compare(CmpOp::Ge),
            C::Is => Instr::Is { negate: false },
            C::IsNot => Instr::Is { negate: true },
            C::In => Instr::Contains { negate: false },
            C::NotIn => Instr::Contains { negate: true },
        });
    }

    /// Builds a list, tuple or set from elements that may contain `*iterables`.
    fn sequence(&mut self, elts: &'a [Expr], kind: Collection) -> Result<()> {
        if !has_starred(elts) {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Collection::List => Instr::BuildList(n),
                Collection::Tuple => Instr::BuildTuple(n),
                Collection::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let leading = elts.iter().take_while(|e| !matches!(e, Expr::Starred(_))).count();
        for e in &elts[..leading] {
            self.expr(e)?;
        }
        let is_set = matches!(kind, Collection::Set);
        self.emit(if is_set {
            Instr::BuildSet(leading as u32)
        } else {
            Instr::BuildList(leading as u32)
        });
        for e in &elts[leading..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(if is_set { Instr::SetUpdate(1) } else { Instr::ListExtend(1) });
                }
                other => {
                    self.expr(other)?;
                    self.emit(if is_set { Instr::SetAdd(1) } else { Instr::ListAppend(1) });
                }
            }
        }
        if matches!(kind, Collection::Tuple) {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(&mut self, items: &'a [ast::DictItem]) -> Result<()> {
        if items.iter().all(|i| i.key.is_some()) {
            for item in items {
                self.expr(item.key.as_ref().expect("checked"))?;
                self.expr(&item.value)?;
            }
            self.emit(Instr::BuildMap(items.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for item in items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(&item.value)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    /// Keyword arguments as one dict (class statements and calls with `**`).
    fn keywords_dict(&mut self, keywords: &'a [ast::Keyword]) -> Result<()> {
        self.emit(Instr::BuildMap(0));
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Self::str_const(name.as_str()));
                    self.expr(&k.value)?;
                    self.emit(Instr::BuildMap(1));
                    self.emit(Instr::DictMerge(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> Result<()> {
        let args = &c.arguments;
        let simple = !has_starred(&args.args) && args.keywords.iter().all(|k| k.arg.is_some());
        check_keywords(&args.keywords)?;
        // Zero-argument super() becomes super(__class__, <first argument>).
        if let Expr::Name(n) = c.func.as_ref() {
            if n.id.as_str() == "super" && args.args.is_empty() && args.keywords.is_empty() {
                if let Some(()) = self.zero_arg_super()? {
                    return Ok(());
                }
            }
        }
        if let (Expr::Attribute(a), true, true) =
            (c.func.as_ref(), simple, args.keywords.is_empty())
        {
            self.expr(&a.value)?;
            let n = self.name_idx(&self.mangled(a.attr.as_str()));
            // A failed lookup points at `obj.name`, not at the whole call.
            let call_span = self.span;
            self.span = a.range;
            self.emit(Instr::LoadMethod(n));
            self.span = call_span;
            for arg in args.args.iter() {
                self.expr(arg)?;
            }
            self.set_line(c.range());
            self.emit(Instr::CallMethod(args.args.len() as u32));
            return Ok(());
        }
        self.expr(&c.func)?;
        if simple {
            for arg in args.args.iter() {
                self.expr(arg)?;
            }
            let mut names = Vec::new();
            for k in args.keywords.iter() {
                self.expr(&k.value)?;
                names.push(Self::str_const(k.arg.as_ref().expect("simple").as_str()));
            }
            self.set_line(c.range());
            let argc = (args.args.len() + names.len()) as u32;
            if names.is_empty() {
                self.emit(Instr::Call(argc));
            } else {
                let kwnames = self.add_const(Constant::Tuple(names));
                self.emit(Instr::CallKw { argc, kwnames });
            }
            return Ok(());
        }
        self.sequence(&args.args, Collection::Tuple)?;
        let has_kwargs = !args.keywords.is_empty();
        if has_kwargs {
            self.keywords_dict(&args.keywords)?;
        }
        self.set_line(c.range());
        self.emit(Instr::CallEx { has_kwargs });
        Ok(())
    }

    fn zero_arg_super(&mut self) -> Result<Option<()>> {
        let scope = self.unit_ref().scope;
        let arg_count = self.unit_ref().arg_count;
        let has_varargs = self.unit_ref().flags & flags::VARARGS != 0;
        if !matches!(scope.kind, ScopeKind::Function) {
            return Ok(None);
        }
        if scope.lookup("super") != NameScope::GlobalImplicit {
            return Ok(None);
        }
        let Some(class_cell) = self.cell_index("__class__") else {
            return Ok(None);
        };
        let Some(first) = scope.params.first().cloned() else {
            return Ok(None);
        };
        if arg_count == 0 && !has_varargs {
            return Ok(None);
        }
        let n = self.name_idx("super");
        self.emit(Instr::LoadGlobal(n));
        self.emit(Instr::LoadDeref(class_cell));
        if arg_count == 0 {
            // def f(*args): super() uses args[0]
            self.name_op(&first, NameCtx::Load);
            self.load_const(Constant::Int(0.into()));
            self.emit(Instr::Subscript);
        } else {
            self.name_op(&first, NameCtx::Load);
        }
        self.emit(Instr::Call(2));
        Ok(Some(()))
    }

    fn comprehension(
        &mut self,
        range: TextRange,
        generators: &'a [ast::Comprehension],
        comp: Comp<'a>,
    ) -> Result<()> {
        let scope = child_scope(self.unit_ref().scope, range);
        let outer_is_async =
            self.unit_ref().flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0;
        if scope.is_coroutine && !matches!(comp, Comp::Gen(_)) && !outer_is_async {
            return Err(error(
                "asynchronous comprehension outside of an asynchronous function",
                range,
            ));
        }
        let name = match comp {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        let line = self.line_of(range.start());
        let outer_line = self.line;
        self.push_unit(scope, CodeKind::Function, name, qualname, line);
        self.unit().arg_count = 1;
        match comp {
            Comp::List(_) => self.emit(Instr::BuildList(0)),
            Comp::Set(_) => self.emit(Instr::BuildSet(0)),
            Comp::Dict(..) => self.emit(Instr::BuildMap(0)),
            Comp::Gen(_) => {}
        }
        self.comprehension_loops(generators, 0, comp)?;
        if matches!(comp, Comp::Gen(_)) {
            self.load_const(Constant::None);
        }
        self.emit(Instr::Return);
        let code = self.pop_unit();
        self.line = outer_line;
        let is_async = code.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0;
        self.finish_function(code, 0)?;
        self.expr(&generators[0].iter)?;
        if generators[0].is_async {
            self.emit(Instr::GetAiter);
        } else {
            self.emit(Instr::GetIter);
        }
        self.emit(Instr::Call(1));
        if is_async && !matches!(comp, Comp::Gen(_)) {
            self.emit(Instr::GetAwaitable);
            self.load_const(Constant::None);
            self.emit(Instr::YieldFrom);
        }
        Ok(())
    }

    fn comprehension_loops(
        &mut self,
        generators: &'a [ast::Comprehension],
        i: usize,
        comp: Comp<'a>,
    ) -> Result<()> {
        let Some(g) = generators.get(i) else {
            let depth = generators.len() as u32 + 1;
            match comp {
                Comp::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
            return Ok(());
        };
        if i == 0 {
            let zero = self.var_index(".0");
            self.emit(Instr::LoadFast(zero));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async { Instr::GetAiter } else { Instr::GetIter });
        }
        let start = self.new_label();
        let end = self.new_label();
        self.bind_label(start);
        if g.is_async {
            let handler = self.new_label();
            // The collection being built (if any) and the iterators of the outer loops.
            let collection = u32::from(!matches!(comp, Comp::Gen(_)));
            let depth = self.unit_ref().base_depth + collection + i as u32 + 1;
            self.push_block(BlockKind::Region, Some((handler, depth)));
            self.emit(Instr::GetAnext);
            self.load_const(Constant::None);
            self.emit(Instr::YieldFrom);
            self.pop_block();
            let body = self.new_label();
            self.emit(Instr::Jump(body.0));
            self.bind_label(handler);
            self.emit(Instr::EndAsyncFor);
            self.emit(Instr::Jump(end.0));
            self.bind_label(body);
        } else {
            self.emit(Instr::ForIter(end.0));
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        self.comprehension_loops(generators, i + 1, comp)?;
        self.emit(Instr::Jump(start.0));
        self.bind_label(end);
        Ok(())
    }

    // ------------------------------------------------------------------ match

    fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> Result<()> {
        let end = self.new_label();
        self.expr(&m.subject)?;
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            self.set_line(case.pattern.range());
            let is_last = i + 1 == n;
            let irrefutable_wildcard = matches!(&case.pattern, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none());
            if irrefutable_wildcard && case.guard.is_none() {
                self.emit(Instr::Pop);
                self.stmts(&case.body)?;
                self.emit(Instr::Jump(end.0));
                // Anything after an irrefutable case is unreachable; CPython rejects it.
                if !is_last {
                    return Err(error(
                        "wildcard makes remaining patterns unreachable",
                        case.pattern.range(),
                    ));
                }
                self.bind_label(end);
                return Ok(());
            }
            let fail = self.new_label();
            // Subject stays on the stack; the pattern consumes a copy.
            self.emit(Instr::Copy(1));
            self.pattern(&case.pattern, fail)?;
            if let Some(guard) = &case.guard {
                self.jump_if(guard, false, fail)?;
            }
            self.emit(Instr::Pop);
            self.stmts(&case.body)?;
            self.emit(Instr::Jump(end.0));
            self.bind_label(fail);
        }
        self.emit(Instr::Pop);
        self.bind_label(end);
        Ok(())
    }

    /// Matches the value at TOS against `pattern`, consuming it. On success bindings are
    /// stored and execution falls through; on failure the stack is back to where it was
    /// before the value was pushed and control jumps to `fail`.
    fn pattern(&mut self, pattern: &'a Pattern, fail: Label) -> Result<()> {
        match pattern {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.emit(Instr::PopJumpIfFalse(fail.0));
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                });
                self.emit(Instr::Is { negate: false });
                self.emit(Instr::PopJumpIfFalse(fail.0));
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    if a.name.is_none() {
                        return self.pattern(p, fail);
                    }
                    // Match a copy, so the subject is still there to bind.
                    self.emit(Instr::Copy(1));
                    let inner_fail = self.new_label();
                    let ok = self.new_label();
                    self.pattern(p, inner_fail)?;
                    self.emit(Instr::Jump(ok.0));
                    self.bind_label(inner_fail);
                    self.emit(Instr::Pop);
                    self.emit(Instr::Jump(fail.0));
                    self.bind_label(ok);
                }
                match &a.name {
                    Some(name) => self.name_op(name.as_str(), NameCtx::Store),
                    None => self.emit(Instr::Pop),
                }
            }
            Pattern::MatchStar(_) => {
                return Err(error("can't use starred name here", pattern.range()))
            }
            Pattern::MatchOr(o) => {
                let success = self.new_label();
                let (last, rest) = o.patterns.split_last().expect("or pattern has alternatives");
                for alt in rest {
                    let next = self.new_label();
                    self.emit(Instr::Copy(1));
                    self.pattern(alt, next)?;
                    self.emit(Instr::Pop);
                    self.emit(Instr::Jump(success.0));
                    self.bind_label(next);
                }
                self.pattern(last, fail)?;
                self.bind_label(success);
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, fail)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, fail)?,
            Pattern::MatchClass(c) => self.class_pattern(c, fail)?,
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, patterns: &'a [Pattern], fail: Label) -> Result<()> {
        let star = patterns.iter().position(|p| matches!(p, Pattern::MatchStar(_)));
        let pop_fail = self.new_label();
        let ok = self.new_label();
        self.emit(Instr::MatchSequence);
        self.emit(Instr::PopJumpIfFalse(pop_fail.0));
        self.emit(Instr::GetLen);
        let n = patterns.len() as i64;
        match star {
            None => {
                self.load_const(Constant::Int(n.into()));
                self.emit(Instr::Compare(CmpOp::Eq));
            }
            Some(_) => {
                self.load_const(Constant::Int((n - 1).into()));
                self.emit(Instr::Compare(CmpOp::Ge));
            }
        }
        self.emit(Instr::PopJumpIfFalse(pop_fail.0));
        // Unpack a copy and match the items one by one (the subject stays for cleanup).
        self.emit(Instr::Copy(1));
        match star {
            None => self.emit(Instr::UnpackSequence(patterns.len() as u32)),
            Some(i) => self
                .emit(Instr::UnpackEx { before: i as u32, after: (patterns.len() - i - 1) as u32 }),
        }
        // Items are on the stack with the first on top.
        for (i, p) in patterns.iter().enumerate() {
            let remaining = (patterns.len() - i - 1) as u32;
            let item_fail = self.new_label();
            let next = self.new_label();
            match p {
                Pattern::MatchStar(s) => match &s.name {
                    Some(name) => self.name_op(name.as_str(), NameCtx::Store),
                    None => self.emit(Instr::Pop),
                },
                _ => {
                    self.pattern(p, item_fail)?;
                }
            }
            self.emit(Instr::Jump(next.0));
            self.bind_label(item_fail);
            for _ in 0..remaining {
                self.emit(Instr::Pop);
            }
            self.emit(Instr::Jump(pop_fail.0));
            self.bind_label(next);
        }
        self.emit(Instr::Pop);
        self.emit(Instr::Jump(ok.0));
        self.bind_label(pop_fail);
        self.emit(Instr::Pop);
        self.emit(Instr::Jump(fail.0));
        self.bind_label(ok);
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, fail: Label) -> Result<()> {
        let pop_fail = self.new_label();
        let ok = self.new_label();
        self.emit(Instr::MatchMapping);
        self.emit(Instr::PopJumpIfFalse(pop_fail.0));
        for k in &m.keys {
            self.expr(k)?;
        }
        self.emit(Instr::BuildTuple(m.keys.len() as u32)); // [subject, keys]
        self.emit(Instr::MatchKeys); // [subject, keys, values-or-None]
        self.emit(Instr::Copy(1));
        let keys_fail = self.new_label();
        let values_none = self.new_label();
        self.emit(Instr::PopJumpIfNone(values_none.0));
        self.emit(Instr::UnpackSequence(m.patterns.len() as u32));
        for (i, p) in m.patterns.iter().enumerate() {
            let remaining = (m.patterns.len() - i - 1) as u32;
            let item_fail = self.new_label();
            let next = self.new_label();
            self.pattern(p, item_fail)?;
            self.emit(Instr::Jump(next.0));
            self.bind_label(item_fail);
            for _ in 0..remaining {
                self.emit(Instr::Pop);
            }
            self.emit(Instr::Jump(keys_fail.0));
            self.bind_label(next);
        }
        // [subject, keys]
        match &m.rest {
            Some(rest) => {
                self.emit(Instr::Copy(2));
                self.emit(Instr::Swap(2));
                self.emit(Instr::CopyDictWithoutKeys); // [subject, rest]
                self.name_op(rest.as_str(), NameCtx::Store);
            }
            None => self.emit(Instr::Pop),
        }
        self.emit(Instr::Pop);
        self.emit(Instr::Jump(ok.0));
        self.bind_label(values_none); // [subject, keys, None]
        self.emit(Instr::Pop);
        self.bind_label(keys_fail); // [subject, keys]
        self.emit(Instr::Pop);
        self.bind_label(pop_fail);
        self.emit(Instr::Pop);
        self.emit(Instr::Jump(fail.0));
        self.bind_label(ok);
        Ok(())
    }

    fn class_pattern(&mut self, c: &'a ast::PatternMatchClass, fail: Label) -> Result<()> {
        let pop_fail = self.new_label();
        let ok = self.new_label();
        self.expr(&c.cls)?;
        let kw_names: Vec<Constant> =
            c.arguments.keywords.iter().map(|k| Self::str_const(k.attr.as_str())).collect();
        let kw = self.add_const(Constant::Tuple(kw_names));
        self.emit(Instr::LoadConst(kw));
        let npos = c.arguments.patterns.len() as u32;
        self.emit(Instr::MatchClass(npos)); // [subject, attrs-or-None]
        self.emit(Instr::Copy(1));
        let none_fail = self.new_label();
        self.emit(Instr::PopJumpIfNone(none_fail.0));
        let all: Vec<&'a Pattern> = c
            .arguments
            .patterns
            .iter()
            .chain(c.arguments.keywords.iter().map(|k| &k.pattern))
            .collect();
        self.emit(Instr::UnpackSequence(all.len() as u32));
        for (i, p) in all.iter().enumerate() {
            let remaining = (all.len() - i - 1) as u32;
            let item_fail = self.new_label();
            let next = self.new_label();
            self.pattern(p, item_fail)?;
            self.emit(Instr::Jump(next.0));
            self.bind_label(item_fail);
            for _ in 0..remaining {
                self.emit(Instr::Pop);
            }
            self.emit(Instr::Jump(pop_fail.0));
            self.bind_label(next);
        }
        self.emit(Instr::Pop);
        self.emit(Instr::Jump(ok.0));
        self.bind_label(none_fail); // [subject, None]
        self.emit(Instr::Pop);
        self.bind_label(pop_fail);
        self.emit(Instr::Pop);
        self.emit(Instr::Jump(fail.0));
        self.bind_label(ok);
        Ok(())
    }
}

/// Names assigned as `self.<name>` in the methods of a class body (CPython 3.13's
/// `__static_attributes__`), sorted.
fn static_attributes(body: &[Stmt]) -> Vec<String> {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Collect<'n> {
        receiver: &'n str,
        names: std::collections::BTreeSet<String>,
    }
    impl<'n> Visitor<'n> for Collect<'n> {
        fn visit_stmt(&mut self, stmt: &'n Stmt) {
            // Nested functions and classes have receivers of their own.
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                visitor::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'n Expr) {
            if let Expr::Attribute(a) = expr {
                if a.ctx == ast::ExprContext::Store {
                    if let Expr::Name(n) = a.value.as_ref() {
                        if n.id.as_str() == self.receiver {
                            self.names.insert(a.attr.to_string());
                        }
                    }
                }
            }
            visitor::walk_expr(self, expr);
        }
    }
    let mut names = std::collections::BTreeSet::new();
    let mut methods: Vec<&ast::StmtFunctionDef> = Vec::new();
    fn find<'b>(stmts: &'b [Stmt], out: &mut Vec<&'b ast::StmtFunctionDef>) {
        for s in stmts {
            match s {
                Stmt::FunctionDef(f) => out.push(f),
                Stmt::If(i) => {
                    find(&i.body, out);
                    for c in &i.elif_else_clauses {
                        find(&c.body, out);
                    }
                }
                _ => {}
            }
        }
    }
    find(body, &mut methods);
    for f in methods {
        let Some(first) = f.parameters.posonlyargs.iter().chain(&f.parameters.args).next() else {
            continue;
        };
        let mut c = Collect {
            receiver: first.parameter.name.as_str(),
            names: std::collections::BTreeSet::new(),
        };
        for s in &f.body {
            c.visit_stmt(s);
        }
        names.extend(c.names);
    }
    names.into_iter().collect()
}

fn last_handler(t: &ast::StmtTry) -> &ast::ExceptHandlerExceptHandler {
    let ast::ExceptHandler::ExceptHandler(h) = t.handlers.last().expect("try has handlers");
    h
}

fn check_keywords(keywords: &[ast::Keyword]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for k in keywords {
        if let Some(name) = &k.arg {
            if !seen.insert(name.as_str()) {
                return Err(error(
                    format!("keyword argument repeated: {}", name.as_str()),
                    k.range(),
                ));
            }
        }
    }
    Ok(())
}

fn describe(expr: &Expr) -> &'static str {
    match expr {
        Expr::Call(_) => "function call",
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => "literal",
        Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::BoolOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::FString(_) => "f-string expression",
        Expr::Generator(_) => "generator expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "expression",
    }
}

fn has_annotations(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => {
            i.body.iter().any(has_annotations)
                || i.elif_else_clauses.iter().any(|c| c.body.iter().any(has_annotations))
        }
        Stmt::For(f) => f.body.iter().chain(&f.orelse).any(has_annotations),
        Stmt::While(w) => w.body.iter().chain(&w.orelse).any(has_annotations),
        Stmt::With(w) => w.body.iter().any(has_annotations),
        Stmt::Try(t) => t.body.iter().chain(&t.orelse).chain(&t.finalbody).any(has_annotations),
        _ => false,
    }
}

#[derive(Clone, Copy)]
enum NameCtx {
    Load,
    Store,
    Delete,
}

enum FunctionBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}
