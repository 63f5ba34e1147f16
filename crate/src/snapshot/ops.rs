//! The body of a snapshot is a program for a small stack machine, as pickle's is: each op pushes
//! one item (an object, an unboxed number, a frame) or changes the item under its operands. Ops
//! marked "memo" also append the object they make to the memo table, which `GET` reads; the
//! memo is how sharing and cycles survive.
//!
//! Operands listed in brackets are popped from the stack (first listed = deepest); "peek"
//! means the target stays on the stack.

// ---- values that need no memo
pub const NONE: u8 = 1;
pub const TRUE: u8 = 2;
pub const FALSE: u8 = 3;
pub const ELLIPSIS: u8 = 4;
pub const NOT_IMPLEMENTED: u8 = 5;
/// ivar.
pub const INT: u8 = 6;
/// bytes: two's complement, little-endian.
pub const BIG_INT: u8 = 7;
/// f64.
pub const FLOAT: u8 = 8;
/// f64 f64.
pub const COMPLEX: u8 = 9;
/// The empty slot `LoadMethod` leaves on a value stack.
pub const NULL: u8 = 10;
/// An unbound fast local.
pub const UNBOUND: u8 = 11;

// ---- memo
/// uvar index.
pub const GET: u8 = 20;
/// uvar n: drop n items (the operands of an object that was made while they were written).
pub const POP: u8 = 21;

// ---- plain objects (memo)
/// bytes, WTF-8.
pub const STR: u8 = 30;
pub const BYTES: u8 = 31;
pub const BYTE_ARRAY: u8 = 32;
/// uvar n [items…] → tuple.
pub const TUPLE: u8 = 33;
/// uvar n [items…] → frozenset.
pub const FROZEN_SET: u8 = 34;
pub const LIST: u8 = 35;
pub const DICT: u8 = 36;
pub const SET: u8 = 37;
/// uvar n: peek list/list subclass [items…].
pub const APPENDS: u8 = 38;
/// uvar n: peek dict/dict subclass [key, value…].
pub const SET_ITEMS: u8 = 39;
/// uvar n: peek set/set subclass [items…].
pub const ADDS: u8 = 40;

// ---- named objects (memo)
/// u8 kind, then the names of a [`super::perms::Perm`].
pub const PERM: u8 = 50;
/// str module, str qualname: what `__reduce_ex__` names with a string.
pub const GLOBAL: u8 = 51;

// ---- Sleepy's own objects (memo)
/// code ref, uvar closure length [globals, builtins, cells…, defaults, kwdefaults, name, qualname].
pub const FUNCTION: u8 = 60;
pub const CELL: u8 = 61;
/// peek cell (Sleepy's or RustPython's) [value].
pub const CELL_SET: u8 = 62;
/// code ref.
pub const CODE: u8 = 63;
/// [next, filename, lineno, name].
pub const TRACEBACK: u8 = 64;
/// u8 kind, u8 state [name, qualname].
pub const GENERATOR: u8 = 65;
/// peek generator [frame].
pub const GEN_FRAME: u8 = 66;
/// u8 op [generator].
pub const GEN_METHOD: u8 = 67;
/// u8 op kind, u8 closing [async generator, operand].
pub const ASYNC_STEP: u8 = 68;
/// [annotations].
pub const ANNOTATE: u8 = 69;

// ---- program modules, classes, instances (memo)
/// [name, dict].
pub const MODULE: u8 = 80;
/// [metaclass, name, qualname, bases, module, slots] → class with only those in its namespace.
pub const CLASS: u8 = 81;
/// uvar n: peek class [name, value…], set as `type.__setattr__` would.
pub const CLASS_ATTRS: u8 = 82;
/// u8 flags: peek class; finishes a class whose attributes are all set (abc bookkeeping).
pub const CLASS_READY: u8 = 83;
/// [class] → `base.__new__(class)` for the class's builtin base.
pub const NEW_OBJECT: u8 = 84;
/// [class, payload] → `base.__new__(class, payload)` (subclasses of int, str, tuple, …).
pub const NEW_OBJECT_WITH: u8 = 85;
/// peek object [dict]: the object's `__dict__` becomes that dict.
pub const SET_DICT: u8 = 86;
/// uvar n: peek object [name, value…], set past any `__setattr__` of the program's.
pub const SET_ATTRS: u8 = 87;
/// [class, args] → exception made by its builtin base's `__new__`.
pub const EXCEPTION: u8 = 88;
/// u8 suppress_context: peek exception [cause, context].
pub const EXC_LINKS: u8 = 89;

// ---- RustPython's objects (memo)
/// [function, self].
pub const BOUND_METHOD: u8 = 100;
/// [object, name] → getattr(object, name): builtin methods bound to an object.
pub const GET_ATTR: u8 = 101;
/// [fget, fset, fdel, doc].
pub const PROPERTY: u8 = 102;
/// [function].
pub const STATIC_METHOD: u8 = 103;
/// [function].
pub const CLASS_METHOD: u8 = 104;
/// [marshalled code, globals, name, defaults, closure] → a function compiled by RustPython.
pub const PY_FUNCTION: u8 = 105;
/// A RustPython cell, empty.
pub const PY_CELL: u8 = 106;
/// [callable, args] → callable(*args).
pub const REDUCE: u8 = 107;
/// peek object [state]: `__setstate__`, or the state updates `__dict__` (and slots).
pub const BUILD: u8 = 108;
/// uvar n: peek object [items…] → object.append(item) each.
pub const LIST_ITEMS: u8 = 109;
/// uvar n: peek object [key, value…] → object[key] = value each.
pub const DICT_ITEMS: u8 = 110;

/// u8 kind (keys, values, items) [dict].
pub const DICT_VIEW: u8 = 111;
/// [mapping].
pub const MAPPING_PROXY: u8 = 112;

/// [class, name] → the class's own namespace entry (a `__dict__` or slot descriptor).
pub const CLASS_ENTRY: u8 = 113;
/// [args] → `args[0] | args[1] | …` (a `types.UnionType`).
pub const UNION: u8 = 114;
/// [class, args] → `base.__new__(class, *args)` for the class's builtin base.
pub const REDUCE_NEW: u8 = 115;
/// [class, object or None] → `super(class, object)` (or `super(class)`).
pub const SUPER: u8 = 116;
/// [class, name, object] → the class's own entry `name` bound to the object: a builtin
/// method bound from a class up the object's MRO.
pub const BIND: u8 = 117;
/// A `weakref.ref` whose referent is gone.
pub const DEAD_WEAKREF: u8 = 118;
/// u8 way [pattern, string, start, end] → a `re.Match` found again by one of
/// [`super::encode::MATCH_SEARCHES`] from `start`, which must match exactly `start..end`.
pub const RE_MATCH: u8 = 119;

// ---- execution state
/// The frame header (see `encode::frame_plan`) [stack…, fast…, cells…, globals, builtins,
/// locals, handled, completion operands…] → frame.
pub const FRAME: u8 = 120;
/// The last op: the session header [frames…, (module name, module)…, module states…,
/// scheduler (main, current, queue, tasklets) when the program used tasklets].
pub const SESSION: u8 = 121;
/// The last op of a pickled tasklet's image [tasklet].
pub const TASKLET_IMAGE: u8 = 122;

// ---- Stackless (memo)
/// u8 flags, u8 blocked direction, uvar id [class] → tasklet.
pub const TASKLET: u8 = 130;
/// uvar frame count: peek tasklet [func, tempval, throw, name, frames…].
pub const TASKLET_STATE: u8 = 131;
/// u8 flags, u8 preference [class] → channel.
pub const CHANNEL: u8 = 132;
/// uvar n, (u8 direction, u8 payload kind) × n: peek channel [(tasklet, payload, case)…].
pub const CHANNEL_QUEUE: u8 = 133;
/// u8 direction [channel, value] → a `select` case.
pub const CASE: u8 = 134;
/// u8 saved flag (0 none, 1 false, 2 true) → an `atomic` context manager.
pub const ATOMIC: u8 = 135;
/// u8 operation [tasklet or channel] → its bound `send`, `receive`, `kill`, ….
pub const OP: u8 = 136;
