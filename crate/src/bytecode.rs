//! Sleepy's instruction set and code objects.
//!
//! Everything here is plain data: a code object never points at a RustPython object, so the
//! snapshot codec can write it as it is and the evaluator can be paused between any two
//! instructions.

use std::sync::Arc;

use malachite_bigint::BigInt;

pub mod stack_depth;

/// Index into one of a code object's tables (constants, names, locals, cells).
pub type Arg = u32;
/// An instruction index inside the same code object.
pub type Target = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

/// Conversion applied by `FormatValue` (`!s`, `!r`, `!a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instr {
    // ---- stack shuffling
    Pop,
    /// Push a copy of the item `n` places down (1 = top).
    Copy(Arg),
    /// Swap the top with the item `n` places down (2 = second).
    Swap(Arg),
    // ---- constants and names
    LoadConst(Arg),
    LoadFast(Arg),
    StoreFast(Arg),
    DeleteFast(Arg),
    /// Cells are numbered cellvars first, then freevars.
    LoadDeref(Arg),
    StoreDeref(Arg),
    DeleteDeref(Arg),
    /// Push the cell object itself (to build a closure).
    LoadClosure(Arg),
    /// Class bodies: look the name up in the class namespace first, then in the cell.
    LoadClassDeref {
        name: Arg,
        cell: Arg,
    },
    LoadGlobal(Arg),
    StoreGlobal(Arg),
    DeleteGlobal(Arg),
    LoadName(Arg),
    StoreName(Arg),
    DeleteName(Arg),
    LoadAttr(Arg),
    StoreAttr(Arg),
    DeleteAttr(Arg),
    /// Pushes `[method, self]` when the attribute is a plain function found on the type,
    /// else `[attr, NULL]`; `CallMethod` then calls without creating a bound method.
    LoadMethod(Arg),
    Subscript,
    StoreSubscript,
    DeleteSubscript,
    BuildSlice(Arg),
    // ---- operators
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Is {
        negate: bool,
    },
    Contains {
        negate: bool,
    },
    // ---- control flow
    Jump(Target),
    PopJumpIfFalse(Target),
    PopJumpIfTrue(Target),
    JumpIfFalseOrPop(Target),
    JumpIfTrueOrPop(Target),
    /// Pops TOS; jumps if it is None.
    PopJumpIfNone(Target),
    GetIter,
    /// Next item of the iterator at TOS; when exhausted pop it and jump.
    ForIter(Target),
    Return,
    // ---- builders
    BuildTuple(Arg),
    BuildList(Arg),
    BuildSet(Arg),
    /// `n` key/value pairs.
    BuildMap(Arg),
    BuildString(Arg),
    /// Comprehension helpers: append TOS to the collection `n` places down (after popping).
    ListAppend(Arg),
    SetAdd(Arg),
    MapAdd(Arg),
    ListExtend(Arg),
    SetUpdate(Arg),
    DictUpdate(Arg),
    /// Like `DictUpdate` but rejects duplicate keys (call `**kwargs` merging).
    DictMerge(Arg),
    ListToTuple,
    UnpackSequence(Arg),
    UnpackEx {
        before: Arg,
        after: Arg,
    },
    FormatValue {
        conversion: Conversion,
        has_spec: bool,
    },
    // ---- calls
    /// `func, NULL-or-self, args...` — see `LoadMethod`.
    CallMethod(Arg),
    Call(Arg),
    /// Like `Call`, the last `len(kwnames)` arguments are keywords; `kwnames` is a const tuple.
    CallKw {
        argc: Arg,
        kwnames: Arg,
    },
    /// `func, args_tuple[, kwargs_dict]`.
    CallEx {
        has_kwargs: bool,
    },
    /// TOS: code const index; below it, by `flags`: closure tuple, annotations dict,
    /// kw defaults dict, defaults tuple.
    MakeFunction {
        code: Arg,
        flags: u8,
    },
    /// Stack: body function, name, bases tuple, kwargs dict → class.
    BuildClass,
    // ---- exceptions
    /// Raise with `n` operands (0 = re-raise the handled exception, 1 = exc, 2 = exc from cause).
    Raise(Arg),
    /// Re-raise TOS (an exception object) without touching its traceback.
    Reraise,
    /// Push the currently handled exception then make TOS the handled one.
    PushExcInfo,
    /// Pop the saved handled exception, restoring it.
    PopExcept,
    /// TOS: exception type(s), TOS1: exception → bool (exception stays).
    CheckExcMatch,
    /// `except*`: TOS type, TOS1 exception group → pushes (rest, match).
    CheckEgMatch,
    /// Combine the raised/reraised groups of an `except*` block: TOS list, TOS1 original.
    PrepReraiseStar,
    /// Push `__exit__` bound method then the result of `__enter__`.
    BeforeWith,
    BeforeAsyncWith,
    /// Call the `__exit__` found 4 down with the exception at TOS.
    WithExceptStart,
    /// `assert` failure: pops the message (or None) and raises AssertionError.
    RaiseAssertion {
        has_msg: bool,
    },
    // ---- generators and coroutines
    YieldValue,
    /// Delegate to the iterator at TOS1, sending TOS; result replaces both when done.
    YieldFrom,
    /// Turn TOS into an awaitable iterator (`__await__`).
    GetAwaitable,
    GetAiter,
    GetAnext,
    /// End of `async for`: StopAsyncIteration at TOS stops the loop.
    EndAsyncFor,
    // ---- imports
    /// TOS1 level int, TOS fromlist → module.
    ImportName(Arg),
    ImportFrom(Arg),
    ImportStar,
    // ---- pattern matching
    /// Push `len(TOS)` (TOS stays).
    GetLen,
    MatchMapping,
    MatchSequence,
    /// TOS keys tuple, TOS1 subject → values tuple or None (subject, keys stay).
    MatchKeys,
    /// TOS kw-names tuple, TOS1 class, TOS2 subject → attributes tuple or None.
    MatchClass(Arg),
    /// `**rest` of a mapping pattern: TOS keys, TOS1 subject → dict of the remaining items.
    CopyDictWithoutKeys,
    // ---- module-level helpers
    SetupAnnotations,
}

/// One entry of a code object's exception table: an exception raised by an instruction in
/// `start..end` unwinds the value stack to `depth`, pushes the exception and jumps to `target`.
/// Entries are ordered innermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    /// WTF-8 bytes so lone surrogates survive.
    Str(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
    Code(Arc<CodeObject>),
}

/// What kind of scope a code object runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
}

pub mod flags {
    pub const GENERATOR: u16 = 1;
    pub const COROUTINE: u16 = 2;
    pub const ASYNC_GENERATOR: u16 = 4;
    pub const VARARGS: u16 = 8;
    pub const VARKEYWORDS: u16 = 16;
    /// The function's first cell is `__class__` (methods using `super()`/`__class__`).
    pub const CLASS_CELL: u16 = 32;
    /// Comprehensions and lambdas: hidden from tracebacks' "in <module>" naming rules.
    pub const COMPREHENSION: u16 = 64;
}

/// `MakeFunction` flags.
pub mod make_flags {
    pub const DEFAULTS: u8 = 1;
    pub const KW_DEFAULTS: u8 = 2;
    pub const ANNOTATIONS: u8 = 4;
    pub const CLOSURE: u8 = 8;
}

#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    pub kind: CodeKind,
    pub name: String,
    pub qualname: String,
    pub filename: Arc<str>,
    pub first_line: u32,
    pub flags: u16,
    pub arg_count: u32,
    pub posonly_count: u32,
    pub kwonly_count: u32,
    /// Fast locals; parameters first (positional, keyword-only, *args, **kwargs).
    pub varnames: Vec<String>,
    /// Parameters that are also cells: `(cell index, varname index)`, copied on entry.
    pub cell_params: Vec<(u32, u32)>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub names: Vec<String>,
    pub consts: Vec<Constant>,
    pub code: Vec<Instr>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    /// Source byte range of each instruction's expression (for tracebacks' `^` markers).
    pub spans: Vec<(u32, u32)>,
    pub handlers: Vec<Handler>,
    pub docstring: Option<String>,
}

impl CodeObject {
    pub fn has_flag(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    pub fn cell_count(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The innermost handler covering instruction `pc`.
    pub fn handler_for(&self, pc: u32) -> Option<&Handler> {
        self.handlers.iter().find(|h| h.start <= pc && pc < h.end)
    }

    pub fn span_at(&self, pc: usize) -> (u32, u32) {
        self.spans.get(pc).copied().unwrap_or((0, 0))
    }

    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }
}

impl CodeObject {
    /// A listing of this code object and the ones nested in it, for `sleepy dis`.
    pub fn disassemble(&self) -> String {
        let mut out = format!("code {} ({}:{})\n", self.qualname, self.filename, self.first_line);
        for (pc, instr) in self.code.iter().enumerate() {
            out.push_str(&format!("{:>5} {:>5}  {instr:?}\n", self.lines[pc], pc));
        }
        for h in &self.handlers {
            out.push_str(&format!(
                "  handler {}..{} -> {} depth {}\n",
                h.start, h.end, h.target, h.depth
            ));
        }
        for c in &self.consts {
            if let Constant::Code(code) = c {
                out.push('\n');
                out.push_str(&code.disassemble());
            }
        }
        out
    }
}
