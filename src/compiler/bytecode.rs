//! The instruction set and code objects: what the compiler produces and the VM runs.
//!
//! gyre's bytecode is register based (Lua 5 style). Every frame has `nregs` registers:
//! first the parameters, then the other locals, then temporaries allocated by the compiler in
//! stack order. An operand `Reg(n)` names register `n` of the current frame.
//!
//! Calling convention: the callee sits in register `base`, its arguments in `base+1..`, and the
//! result replaces `base`. A script callee's register window starts at `base+1`, so positional
//! arguments are already where its parameters live.
//!
//! Invariants: every instruction is at most 8 bytes (a size test checks it); jump targets are
//! absolute instruction indices inside the same code object; `spans[i]` locates instruction `i`.

use std::rc::Rc;

use gyre_grammar::ast::Span;
use num_bigint::BigInt;

/// A register of the current frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(pub u16);

impl Reg {
    /// The register `n` places after this one.
    pub fn offset(self, n: u16) -> Reg {
        Reg(self.0 + n)
    }

    /// The register index as `usize`.
    pub fn idx(self) -> usize {
        self.0 as usize
    }
}

/// An index into [`Code::consts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConstIdx(pub u16);

/// An index into [`Code::names`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameIdx(pub u16);

/// Binary operators that have no dedicated fast instruction; also the in-place forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinKind {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `@`
    MatMul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpKind {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryKind {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `not x`
    Not,
}

/// The structural-pattern-matching operations of [`Instr::Match`] (PEP 634).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// `R[dst]` = whether `R[subj]` is a sequence a sequence pattern may match (list, tuple,
    /// range, ... but never str, bytes or bytearray).
    IsSequence,
    /// `R[dst]` = whether `R[subj]` is a mapping (a dict or dict subclass).
    IsMapping,
    /// `R[dst] = len(R[subj])`.
    Len,
    /// `R[dst]` = the tuple of `R[subj]`'s values for the keys in the tuple `R[arg]` (looked up
    /// without `__missing__`), or None when a key is absent.
    Keys,
    /// `R[dst]` = a new dict of `R[subj]`'s items minus the keys in the tuple `R[arg]`.
    Rest,
    /// `R[dst]` = the tuple of sub-subjects of `R[subj]` for the class pattern whose class is
    /// `R[arg]`, keyword names tuple `R[arg+1]` and positional count `R[arg+2]`, or None
    /// when `R[subj]` is not an instance or lacks an attribute.
    Class,
}

/// One instruction. Each variant documents its operands and its effect (`R[x]` is register `x`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// No effect (a jump target placeholder).
    Nop,
    /// `R[dst] = consts[idx]`.
    LoadConst { dst: Reg, idx: ConstIdx },
    /// `R[dst] = val` (a small integer).
    LoadInt { dst: Reg, val: i32 },
    /// `R[dst] = None`.
    LoadNone { dst: Reg },
    /// `R[dst] = val`.
    LoadBool { dst: Reg, val: bool },
    /// `R[dst] = R[src]`.
    Move { dst: Reg, src: Reg },
    /// Raise UnboundLocalError for `names[name]` if `R[reg]` is unbound.
    CheckBound { reg: Reg, name: NameIdx },
    /// `R[reg] = <unbound>` (`del x` of a local; raises first if already unbound).
    DeleteFast { reg: Reg, name: NameIdx },
    /// `R[from..from + count] = None`: the temporaries a statement left, released at its end
    /// as CPython's stack releases them (an object whose last holder was one is freed now).
    ClearTemps { from: Reg, count: u16 },
    /// `R[dst] = globals[names[name]]`, falling back to builtins; NameError if missing.
    LoadGlobal { dst: Reg, name: NameIdx },
    /// `globals[names[name]] = R[src]`.
    StoreGlobal { name: NameIdx, src: Reg },
    /// `del globals[names[name]]`.
    DeleteGlobal { name: NameIdx },
    /// Class-body lookup: the frame's locals mapping, then globals, then builtins.
    LoadName { dst: Reg, name: NameIdx },
    /// `locals[names[name]] = R[src]` (class bodies).
    StoreName { name: NameIdx, src: Reg },
    /// `del locals[names[name]]`.
    DeleteName { name: NameIdx },
    /// `R[reg] = cell(R[reg])`: turn a local (possibly unbound) into a cell, at function entry.
    MakeCell { reg: Reg },
    /// `R[dst] = R[cell].contents`; NameError/UnboundLocalError (per `name`) if empty.
    LoadDeref { dst: Reg, cell: Reg, name: NameIdx },
    /// `R[cell].contents = R[src]`.
    StoreDeref { cell: Reg, src: Reg },
    /// Empty the cell `R[cell]`.
    DeleteDeref { cell: Reg, name: NameIdx },
    /// Class body: `R[dst]` = the class namespace entry `names[name]` if present, else the
    /// contents of cell `R[cell]` (a free variable read inside a class body).
    LoadClassDeref { dst: Reg, cell: Reg, name: NameIdx },

    /// `R[dst] = R[a] + R[b]`.
    Add { dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = R[a] - R[b]`.
    Sub { dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = R[a] * R[b]`.
    Mul { dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = R[a] <op> R[b]` for the other binary operators.
    Binary { op: BinKind, dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = R[a] <op>= R[b]`: the in-place protocol (`__iadd__` ...), then the binary one.
    Inplace { op: BinKind, dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = R[a] <op> imm` with a small int constant operand.
    BinaryI { op: BinKind, dst: Reg, a: Reg, imm: i16 },
    /// `R[dst] = R[a] <op>= imm` (the in-place protocol) with a small int constant operand.
    InplaceI { op: BinKind, dst: Reg, a: Reg, imm: i16 },
    /// `R[dst] = R[a] <op> imm` for a rich comparison with a small int constant.
    CompareI { op: CmpKind, dst: Reg, a: Reg, imm: i16 },
    /// `R[dst] = <op> R[src]`.
    Unary { op: UnaryKind, dst: Reg, src: Reg },
    /// `R[dst] = R[a] <op> R[b]` (rich comparison, identity or membership).
    Compare { op: CmpKind, dst: Reg, a: Reg, b: Reg },

    /// Jump to `target`.
    Jump { target: u32 },
    /// Jump to `target` when `R[cond]` is false.
    JumpIfFalse { cond: Reg, target: u32 },
    /// Jump to `target` when `R[cond]` is true.
    JumpIfTrue { cond: Reg, target: u32 },

    // Quickened forms: never emitted by the compiler (so never in a `Code`, a disassembly or
    // a snapshot). `vm::quicken` rewrites the copy of the instructions the VM runs when it
    // loads a code object, so that the commonest operators skip the second dispatch on
    // their operator kind.
    /// `Inplace { op: Add, .. }`.
    InplaceAdd { dst: Reg, a: Reg, b: Reg },
    /// `Inplace { op: Sub, .. }`.
    InplaceSub { dst: Reg, a: Reg, b: Reg },
    /// `Inplace { op: Mul, .. }`.
    InplaceMul { dst: Reg, a: Reg, b: Reg },
    /// `BinaryI { op: Add, .. }`.
    AddI { dst: Reg, a: Reg, imm: i16 },
    /// `BinaryI { op: Sub, .. }`.
    SubI { dst: Reg, a: Reg, imm: i16 },
    /// `InplaceI { op: Add, .. }`.
    InplaceAddI { dst: Reg, a: Reg, imm: i16 },
    /// `InplaceI { op: Sub, .. }`.
    InplaceSubI { dst: Reg, a: Reg, imm: i16 },
    /// `Binary { op: Mod, .. }` (the operator kind is a constant of the dispatch arm, so the
    /// int and float paths need no second dispatch on it).
    Mod { dst: Reg, a: Reg, b: Reg },
    /// `Binary { op: FloorDiv, .. }`.
    FloorDiv { dst: Reg, a: Reg, b: Reg },
    /// `Binary { op: TrueDiv, .. }`.
    TrueDiv { dst: Reg, a: Reg, b: Reg },
    /// `BinaryI { op: Mod, .. }`.
    ModI { dst: Reg, a: Reg, imm: i16 },
    /// `BinaryI { op: FloorDiv, .. }`.
    FloorDivI { dst: Reg, a: Reg, imm: i16 },
    /// `Inplace { op: Add, .. }` whose next instruction is `SetAttr { src: dst, .. }` (the
    /// `obj.x += v` of an augmented attribute assignment): a scalar result is stored through
    /// the attribute cache here and the `SetAttr`, which stays in place for jumps that land
    /// on it and gives the object and name, is skipped.
    InplaceAddAttr { dst: Reg, a: Reg, b: Reg },
    /// `Inplace { op: Sub, .. }` followed by `SetAttr { src: dst, .. }` (see `InplaceAddAttr`).
    InplaceSubAttr { dst: Reg, a: Reg, b: Reg },
    /// `GetAttr` heading a whole `obj.name += x <op> y` statement: the next three
    /// instructions are `Add`/`Sub`/`Mul { dst: t, .. }`, `InplaceAddAttr { dst, a: dst, b: t }`
    /// and `SetAttr { obj, name, src: dst }`. When the attribute is a cached scalar and both
    /// operators take their fast paths, the four run here at once (one attribute lookup and
    /// one dispatch) and are skipped; otherwise this is a plain `GetAttr` and they run next.
    GetAttrAddAug { dst: Reg, obj: Reg, name: NameIdx },
    /// `GetAttrAddAug` of `obj.name -= x <op> y` (an `InplaceSubAttr` third).
    GetAttrSubAug { dst: Reg, obj: Reg, name: NameIdx },
    /// `Compare` whose next instruction is `JumpIfFalse { cond: dst, .. }`: when the
    /// comparison is decided without calling out, the jump is taken here as well (the
    /// `JumpIfFalse` stays in place for jumps that land on it, and gives the target).
    CompareJump { op: CmpKind, dst: Reg, a: Reg, b: Reg },
    /// `CompareI` followed by `JumpIfFalse { cond: dst, .. }` (see `CompareJump`).
    CompareIJump { op: CmpKind, dst: Reg, a: Reg, imm: i16 },

    /// `R[dst] = [R[start], ..., R[start+count-1]]`.
    BuildList { dst: Reg, start: Reg, count: u16 },
    /// `R[dst] = (R[start], ..., R[start+count-1])`.
    BuildTuple { dst: Reg, start: Reg, count: u16 },
    /// `R[dst] = {R[start], ...}`.
    BuildSet { dst: Reg, start: Reg, count: u16 },
    /// `R[dst] = {R[start]: R[start+1], ...}` over `count` pairs.
    BuildDict { dst: Reg, start: Reg, count: u16 },
    /// `R[dst] = slice(R[start], R[start+1], R[start+2])`.
    BuildSlice { dst: Reg, start: Reg },
    /// `R[dst] = "".join(R[start..start+count])` (the parts are already strings).
    BuildString { dst: Reg, start: Reg, count: u16 },
    /// `R[dst] = format(conv(R[src]))` with `conv` 0 = none, 1 = str, 2 = repr, 3 = ascii.
    FormatValue { dst: Reg, src: Reg, conv: u8 },
    /// `R[dst] = format(R[dst], R[spec])` (the conversion was already applied).
    FormatWithSpec { dst: Reg, spec: Reg },
    /// `R[list].append(R[item])`.
    ListAppend { list: Reg, item: Reg },
    /// `R[list].extend(R[iter])`.
    ListExtend { list: Reg, iter: Reg },
    /// `R[dst] = tuple(R[list])`.
    ListToTuple { dst: Reg, list: Reg },
    /// `R[set].add(R[item])`.
    SetAdd { set: Reg, item: Reg },
    /// `R[set].update(R[iter])`.
    SetUpdate { set: Reg, iter: Reg },
    /// `R[dict][R[key]] = R[value]`.
    DictSet { dict: Reg, key: Reg, value: Reg },
    /// `R[dict].update(R[mapping])` (`**m` in a display).
    DictUpdate { dict: Reg, mapping: Reg },
    /// Like `DictUpdate` for `**m` in a call: duplicate keys raise TypeError.
    DictMerge { dict: Reg, mapping: Reg, func: Reg },

    /// `R[dst] = R[obj][R[key]]`.
    GetItem { dst: Reg, obj: Reg, key: Reg },
    /// `R[obj][R[key]] = R[src]`.
    SetItem { obj: Reg, key: Reg, src: Reg },
    /// `del R[obj][R[key]]`.
    DelItem { obj: Reg, key: Reg },
    /// `R[dst] = R[obj].names[name]`.
    GetAttr { dst: Reg, obj: Reg, name: NameIdx },
    /// `R[obj].names[name] = R[src]`.
    SetAttr { obj: Reg, name: NameIdx, src: Reg },
    /// `del R[obj].names[name]`.
    DelAttr { obj: Reg, name: NameIdx },
    /// Method lookup for a call: `R[dst]` = the function and `R[dst+1]` = `R[obj]` when the
    /// attribute is a plain method of the type; otherwise `R[dst]` = the attribute and
    /// `R[dst+1]` = unbound (so `CallMethod` knows not to pass it).
    LoadMethod { dst: Reg, obj: Reg, name: NameIdx },

    /// `R[base] = R[base](R[base+1], ..., R[base+argc])`.
    Call { base: Reg, argc: u16 },
    /// Like `Call`, the last `len(consts[kwnames])` arguments being keyword arguments whose
    /// names are the tuple `consts[kwnames]`.
    CallKw { base: Reg, argc: u16, kwnames: ConstIdx },
    /// After `LoadMethod` into `base`: call `R[base]` with `R[base+1]` (if bound) and then
    /// `R[base+2..base+2+argc]`; the result goes to `R[base]`.
    CallMethod { base: Reg, argc: u16 },
    /// `CallMethod` with keyword arguments named by `consts[kwnames]`.
    CallMethodKw { base: Reg, argc: u16, kwnames: ConstIdx },
    /// `R[base] = R[base](*R[base+1], **R[base+2])` (`R[base+2]` may be None).
    CallEx { base: Reg },
    /// Return `R[src]` from the frame.
    Return { src: Reg },
    /// Return None from the frame.
    ReturnNone,

    /// `R[dst] = iter(R[src])`.
    GetIter { dst: Reg, src: Reg },
    /// `R[iter+1] = next(R[iter])`, or jump to `exit` when it is exhausted.
    ForIter { iter: Reg, exit: u32 },
    /// Unpack exactly `count` items of `R[src]` into `R[dst..dst+count]`.
    UnpackSequence { dst: Reg, src: Reg, count: u16 },
    /// Unpack `before` items, a list of the rest, then `after` items into `R[dst..]`.
    UnpackEx { dst: Reg, src: Reg, before: u8, after: u8 },

    /// `R[dst] = function(consts[code])`; `R[extra]` holds the defaults tuple (or None),
    /// `R[extra+1]` the keyword-only defaults dict (or None), `R[extra+2]` the closure
    /// tuple of cells (or None) and `R[extra+3]` the `__annotations__` dict (or None).
    MakeFunction { dst: Reg, code: ConstIdx, extra: Reg },
    /// Build a class: `R[base]` = the body function, `R[base+1]` the name, `R[base+2]` the
    /// bases tuple, `R[base+3]` the keywords dict (or None). Result in `R[base]`.
    MakeClass { base: Reg },

    /// Raise `R[exc]` (a class or instance), with cause `R[cause]` when `has_cause`.
    Raise { exc: Reg, cause: Reg, has_cause: bool },
    /// Re-raise `R[exc]` keeping its traceback (end of a `finally`/handler cleanup).
    Reraise { exc: Reg },
    /// Bare `raise`: re-raise the exception being handled (RuntimeError if none).
    RaiseCurrent,
    /// `raise AssertionError(R[msg])`, or with no argument when `has_msg` is false.
    RaiseAssert { msg: Reg, has_msg: bool },
    /// Entering an `except` handler: `R[save]` = the exception being handled before, and
    /// `R[exc]` becomes the one being handled (for bare `raise` and `__context__`).
    PushExcInfo { save: Reg, exc: Reg },
    /// Leaving a handler: the exception being handled goes back to `R[saved]`.
    PopExcInfo { saved: Reg },
    /// `R[dst] = isinstance(R[exc], R[typ])` with `except` clause checks (TypeError if `R[typ]`
    /// is not an exception class or tuple of them).
    CheckExcMatch { dst: Reg, exc: Reg, typ: Reg },
    /// `except*` step: split the group `R[rest]` by `R[typ]`: `R[dst]` = the matching part (or
    /// None) and `R[rest]` = what is left (or None).
    ExcGroupSplit { dst: Reg, rest: Reg, typ: Reg },
    /// End of a `try ... except*`: combine what handlers raised (`R[raised]`, a list) and what
    /// was unhandled (`R[rest]`) relative to `R[orig]`; the result replaces `R[raised]` (None
    /// when nothing is left to raise).
    ExcGroupCombine { orig: Reg, raised: Reg, rest: Reg },

    /// `with`: `R[dst]` = `type(R[mgr]).__exit__` bound, `R[dst+1]` = `R[mgr].__enter__()`.
    WithEnter { dst: Reg, mgr: Reg },
    /// `async with`: `R[dst]` = bound `__aexit__`, `R[dst+1]` = the `__aenter__()` awaitable.
    AsyncWithEnter { dst: Reg, mgr: Reg },
    /// `R[dst] = R[exit](type(R[exc]), R[exc], tb)` (or `(None, None, None)` when `R[exc]`
    /// is None).
    WithExit { dst: Reg, exit: Reg, exc: Reg },

    /// Suspend the generator, producing `R[src]`; on resume `R[dst]` = the sent value.
    Yield { dst: Reg, src: Reg },
    /// Delegate to the iterator `R[src]` until it finishes; `R[dst]` = its return value.
    /// The instruction re-executes on every resume, forwarding sent values and throws.
    YieldFrom { dst: Reg, src: Reg },
    /// `R[dst]` = the awaitable iterator for `R[src]` (coroutine, Future, or `__await__()`).
    GetAwaitable { dst: Reg, src: Reg },
    /// `R[dst] = R[src].__aiter__()`.
    GetAIter { dst: Reg, src: Reg },
    /// `R[dst]` = the awaitable `R[src].__anext__()`.
    GetANext { dst: Reg, src: Reg },
    /// If the exception `R[exc]` is StopAsyncIteration, jump to `target`; otherwise re-raise it.
    EndAsyncFor { exc: Reg, target: u32 },

    /// `R[dst]` = the module `names[name]` (relative by `level` dots), imported if needed; the
    /// top-level package when `top` is true (for `import a.b`).
    Import { dst: Reg, name: NameIdx, level: u8, top: bool },
    /// `R[dst] = R[module].names[name]`, importing a submodule if needed (ImportError if absent).
    ImportFrom { dst: Reg, module: Reg, name: NameIdx },
    /// `from R[module] import *` into the current namespace.
    ImportStar { module: Reg },
    /// REPL: print `repr(R[src])` unless it is None, and store it in `builtins._`.
    PrintExpr { src: Reg },

    /// A pattern-matching step; see [`MatchKind`] for each operation's effect.
    Match { op: MatchKind, dst: Reg, subj: Reg, arg: Reg },
}

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Const {
    /// `None`
    None,
    /// `True`/`False`
    Bool(bool),
    /// `...`
    Ellipsis,
    /// An integer that fits in `i64`.
    Int(i64),
    /// A larger integer.
    BigInt(Rc<BigInt>),
    /// A float.
    Float(f64),
    /// An imaginary literal: the complex number with this imaginary part.
    Imag(f64),
    /// A string (interned by the VM when loaded).
    Str(Rc<str>),
    /// A bytes literal.
    Bytes(Rc<[u8]>),
    /// A tuple of constants (keyword-name tuples, folded literals).
    Tuple(Rc<[Const]>),
    /// A nested code object (function, lambda, comprehension or class body).
    Code(Rc<Code>),
}

impl PartialEq for Const {
    /// Constants are deduplicated by value; code objects only by identity, and floats by bits
    /// (so `0.0` and `-0.0` stay distinct).
    fn eq(&self, other: &Const) -> bool {
        match (self, other) {
            (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
            (Const::Bool(a), Const::Bool(b)) => a == b,
            (Const::Int(a), Const::Int(b)) => a == b,
            (Const::BigInt(a), Const::BigInt(b)) => a == b,
            (Const::Float(a), Const::Float(b)) | (Const::Imag(a), Const::Imag(b)) => {
                a.to_bits() == b.to_bits()
            }
            (Const::Str(a), Const::Str(b)) => a == b,
            (Const::Bytes(a), Const::Bytes(b)) => a == b,
            (Const::Tuple(a), Const::Tuple(b)) => a == b,
            (Const::Code(a), Const::Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// One exception-table entry: an exception raised at a pc in `start..end` jumps to `handler`
/// with the exception in `R[exc]`. When several entries cover a pc, the deepest wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    /// First protected instruction.
    pub start: u32,
    /// One past the last protected instruction.
    pub end: u32,
    /// Where the handler code starts.
    pub handler: u32,
    /// The register that receives the exception.
    pub exc: Reg,
    /// Nesting depth: inner `try` blocks have larger depths.
    pub depth: u16,
}

/// What kind of code a [`Code`] object holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A module (or `-c` string, or REPL input).
    Module,
    /// A class body: names go to the class namespace.
    Class,
    /// A plain function, lambda or comprehension.
    Function,
    /// A generator function (contains `yield`).
    Generator,
    /// An `async def` without `yield`.
    Coroutine,
    /// An `async def` with `yield`.
    AsyncGenerator,
}

/// The source file a code object came from: for line numbers and traceback lines.
#[derive(Debug)]
pub struct Source {
    /// The file name as given (`x.py`, `<string>`, `<stdin>`).
    pub filename: Rc<str>,
    /// The full text.
    pub text: Rc<str>,
    /// Line starts for offset lookups.
    pub lines: gyre_grammar::LineIndex,
}

/// A compiled function, class body or module.
#[derive(Debug)]
pub struct Code {
    /// The function name (`<module>`, `<lambda>`, `<listcomp>`, ...).
    pub name: Rc<str>,
    /// The dotted qualified name (`Outer.method.<locals>.inner`).
    pub qualname: Rc<str>,
    /// What kind of code this is.
    pub kind: CodeKind,
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// The source span of each instruction (same length as `instrs`).
    pub spans: Vec<Span>,
    /// Constants referenced by `ConstIdx`.
    pub consts: Vec<Const>,
    /// Names referenced by `NameIdx` (globals, attributes, modules, and local names for
    /// error messages).
    pub names: Vec<Rc<str>>,
    /// Number of registers a frame needs.
    pub nregs: u16,
    /// Positional parameters (positional-only included).
    pub argcount: u16,
    /// Positional-only parameters.
    pub posonlycount: u16,
    /// Keyword-only parameters.
    pub kwonlycount: u16,
    /// True when the function takes `*args` (its register follows the named parameters).
    pub has_varargs: bool,
    /// True when the function takes `**kwargs` (its register follows `*args`).
    pub has_varkw: bool,
    /// Parameter and local names by register (for binding by keyword and for `locals()`).
    pub varnames: Vec<Rc<str>>,
    /// Registers that receive the closure's cells at entry, in closure order.
    pub freevars: Vec<(Reg, Rc<str>)>,
    /// Registers holding cells created at entry (`MakeCell` already emitted for them).
    pub cellvars: Vec<(Reg, Rc<str>)>,
    /// The exception table.
    pub handlers: Vec<Handler>,
    /// Line of the `def`/`class` (1 for modules).
    pub first_line: u32,
    /// The source the code came from.
    pub source: Rc<Source>,
    /// The docstring (functions only).
    pub doc: Option<Rc<str>>,
}

impl Code {
    /// The 1-based line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        match self.spans.get(pc) {
            Some(span) => self.source.lines.line_col(span.start as usize).0 as u32,
            None => self.first_line,
        }
    }

    /// The innermost handler covering `pc`, if any.
    pub fn find_handler(&self, pc: u32) -> Option<&Handler> {
        self.handlers.iter().filter(|h| h.start <= pc && pc < h.end).max_by_key(|h| h.depth)
    }

    /// True for generator, coroutine and async generator code.
    pub fn is_resumable(&self) -> bool {
        matches!(self.kind, CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instruction_is_at_most_8_bytes() {
        assert!(std::mem::size_of::<Instr>() <= 8, "{}", std::mem::size_of::<Instr>());
    }
}
