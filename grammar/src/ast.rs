//! The abstract syntax tree produced by the parser and consumed by the compiler.
//!
//! The shape follows CPython's `ast` module (Python 3.11) closely, so that a reader who knows
//! `ast.dump` output recognises every node. Differences on purpose:
//! - there is no expression context (`Load`/`Store`/`Del`): the compiler knows it from position;
//! - `async def`/`async for`/`async with` are flags on the sync node, not separate nodes;
//! - every node carries a [`Span`] of byte offsets into the source.
//!
//! Invariants the parser guarantees (and the validation pass checks): assignment, `del`,
//! `for` and `with ... as` targets are only `Name`, `Attribute`, `Subscript`, `Starred`
//! (in a sequence), `List` or `Tuple` of targets.

use num_bigint::BigInt;

/// A half-open byte range `start..end` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// Makes a span from two byte offsets.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// An identifier (variable, attribute, function or module name).
pub type Name = String;

/// A whole module: a file, a `-c` string, or one REPL input.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The statements in order.
    pub body: Vec<Stmt>,
}

/// A statement with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What kind of statement this is.
    pub kind: StmtKind,
    /// Where it is in the source (for a compound statement, its whole extent).
    pub span: Span,
}

/// The statement forms (Python reference, chapters 7 and 8).
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `def` or `async def`, with its decorators.
    FunctionDef(Box<FunctionDef>),
    /// `class`, with its decorators.
    ClassDef(Box<ClassDef>),
    /// `return [value]`.
    Return(Option<Expr>),
    /// `del a, b[0], c.d`.
    Delete(Vec<Expr>),
    /// `a = b = value`: `targets` holds every target, left to right.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`.
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `target: annotation [= value]`; `simple` is true for a bare, unparenthesised name.
    AnnAssign { target: Expr, annotation: Expr, value: Option<Expr>, simple: bool },
    /// `for` / `async for`, with the optional `else` block.
    For { is_async: bool, target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `while test: ... else: ...`.
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `if test: ... elif ...: ... else: ...`; an `elif` chain nests as a single `If` in `orelse`.
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `with` / `async with`, with one or more items.
    With { is_async: bool, items: Vec<WithItem>, body: Vec<Stmt> },
    /// `raise [exc [from cause]]`.
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    /// `try` with handlers; `is_star` is true for `except*` handlers.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        is_star: bool,
    },
    /// `assert test [, msg]`.
    Assert { test: Expr, msg: Option<Expr> },
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from [.]*module import names`; `level` counts the leading dots.
    ImportFrom { module: Option<Name>, names: Vec<Alias>, level: u32 },
    /// `global a, b`.
    Global(Vec<Name>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<Name>),
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `match subject:` with its `case` blocks, tried in order.
    Match { subject: Expr, cases: Vec<MatchCase> },
}

/// One `case pattern [if guard]:` block of a `match` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    /// The pattern the subject is matched against.
    pub pattern: Pattern,
    /// The `if` guard, evaluated after the pattern's names are bound.
    pub guard: Option<Expr>,
    /// The block run when the pattern matches and the guard holds.
    pub body: Vec<Stmt>,
}

/// A pattern of a `case` clause (PEP 634), with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// What kind of pattern this is.
    pub kind: PatternKind,
    /// Where it is in the source.
    pub span: Span,
}

/// The pattern forms, named after CPython's `ast.Match*` nodes.
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A literal (other than None/True/False) or a dotted value, compared with `==`.
    Value(Expr),
    /// `None`, `True` or `False`, compared by identity.
    Singleton(Constant),
    /// `[p, ...]`, `(p, ...)` or `p, ...`; at most one item is a `Star`.
    Sequence(Vec<Pattern>),
    /// `*name` (or `*_`, `None`) inside a sequence pattern.
    Star(Option<Name>),
    /// `{key: p, ..., **rest}`; keys are literal or value expressions.
    Mapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<Name> },
    /// `cls(p, ..., attr=p, ...)`.
    Class { cls: Expr, patterns: Vec<Pattern>, kwd_attrs: Vec<Name>, kwd_patterns: Vec<Pattern> },
    /// `p as name`; a bare capture has no pattern, the wildcard `_` has neither.
    As { pattern: Option<Box<Pattern>>, name: Option<Name> },
    /// `p | q | ...`.
    Or(Vec<Pattern>),
}

/// A `def` or `async def` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function's name.
    pub name: Name,
    /// The parameter list.
    pub args: Arguments,
    /// The body statements.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first (as written, top to bottom).
    pub decorators: Vec<Expr>,
    /// The `-> annotation`, if any.
    pub returns: Option<Expr>,
    /// True for `async def`.
    pub is_async: bool,
}

/// A `class` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class name.
    pub name: Name,
    /// Positional bases (may include `*args` as `Starred`).
    pub bases: Vec<Expr>,
    /// Keyword arguments such as `metaclass=M` (and `**kw`).
    pub keywords: Vec<Keyword>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// A parameter list, as in CPython's `ast.arguments`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arguments {
    /// Parameters before `/`.
    pub posonly: Vec<Arg>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Arg>,
    /// `*args`, if present.
    pub vararg: Option<Arg>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Arg>,
    /// One entry per keyword-only parameter: its default, or `None` when it is required.
    pub kw_defaults: Vec<Option<Expr>>,
    /// `**kwargs`, if present.
    pub kwarg: Option<Arg>,
    /// Defaults for the last `defaults.len()` of `posonly` + `args`.
    pub defaults: Vec<Expr>,
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// The parameter name.
    pub name: Name,
    /// The annotation, if any (evaluated, then ignored, by gyre).
    pub annotation: Option<Expr>,
    /// Where the parameter is.
    pub span: Span,
}

/// A keyword argument in a call or class statement; `arg` is `None` for `**mapping`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword, or `None` for `**mapping`.
    pub arg: Option<Name>,
    /// The value.
    pub value: Expr,
    /// Where the whole `name=value` is.
    pub span: Span,
}

/// One item of a `with` statement: `context [as vars]`.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context: Expr,
    /// The `as` target, if any.
    pub vars: Option<Expr>,
}

/// One `except [type [as name]]:` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The exception type expression; `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// The `as` name, if any.
    pub name: Option<Name>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// Where the clause is (from `except` to the end of its body).
    pub span: Span,
}

/// An `import` name: `a.b.c [as d]`, or `*` in `from m import *`.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The dotted name as written (`"a.b.c"`), or `"*"`.
    pub name: Name,
    /// The `as` name, if any.
    pub asname: Option<Name>,
    /// Where the alias is.
    pub span: Span,
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What kind of expression this is.
    pub kind: ExprKind,
    /// Where it is in the source.
    pub span: Span,
}

/// The expression forms (Python reference, chapter 6).
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `target := value` (the target is always a `Name`).
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    /// `left op right`.
    BinOp { left: Box<Expr>, op: BinOp, right: Box<Expr> },
    /// `op operand`.
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `lambda args: body`.
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    /// `body if test else orelse`.
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    /// `{k: v, **m}`: a `None` key marks a `**m` entry whose mapping is the value.
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    /// `{a, b, *c}`.
    Set(Vec<Expr>),
    /// `[elt for ...]`.
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    /// `{elt for ...}`.
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    /// `{key: value for ...}`.
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    /// `(elt for ...)`.
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    /// `await value`.
    Await(Box<Expr>),
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `left op1 c1 op2 c2 ...` (a chained comparison).
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    /// `func(args, keywords)`: `*x` arguments appear as `Starred` in `args`,
    /// `**m` as a keyword whose `arg` is `None`.
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    /// One `{value!conversion:format_spec}` field of an f-string. `conversion` is
    /// `'s'`, `'r'` or `'a'`; `format_spec` is a `JoinedStr`.
    FormattedValue { value: Box<Expr>, conversion: Option<char>, format_spec: Option<Box<Expr>> },
    /// An f-string (after implicit concatenation): `Constant(Str)` and `FormattedValue` parts.
    JoinedStr(Vec<Expr>),
    /// A literal.
    Constant(Constant),
    /// `value.attr`.
    Attribute { value: Box<Expr>, attr: Name },
    /// `value[slice]`; a tuple index `a[1, 2]` is a `Tuple` slice.
    Subscript { value: Box<Expr>, slice: Box<Expr> },
    /// `*value` in a call, display or assignment target.
    Starred(Box<Expr>),
    /// A bare identifier.
    Name(Name),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
}

/// A literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// `...`.
    Ellipsis,
    /// An integer literal that fits in `i64`.
    Int(i64),
    /// An integer literal too large for `i64`.
    BigInt(Box<BigInt>),
    /// A float literal.
    Float(f64),
    /// An imaginary literal (`2j`): the complex number with this imaginary part.
    Imag(f64),
    /// A string literal (escapes processed, implicit concatenation done).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
}

/// One `for target in iter if cond...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` conditions, in order.
    pub ifs: Vec<Expr>,
    /// True for `async for`.
    pub is_async: bool,
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Binary arithmetic and bitwise operators (also used by augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `//`
    FloorDiv,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `~`
    Invert,
    /// `not`
    Not,
    /// unary `+`
    UAdd,
    /// unary `-`
    USub,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl Expr {
    /// Makes an expression node.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

impl Stmt {
    /// Makes a statement node.
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt { kind, span }
    }
}
