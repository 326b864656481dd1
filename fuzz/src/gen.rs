//! The structured generator: `arbitrary` turns fuzz bytes into a small Python program
//! (expressions, statements, classes, generators, `async def` run by `asyncio.run`) that
//! usually parses, so the fuzzer spends its time in the compiler and the VM. Programs need
//! not be correct: exceptions are fine, crashes are what we look for.
//!
//! Names come from small fixed palettes so different parts of a program refer to each other.

use std::fmt::{self, Display, Formatter, Write};

use arbitrary::Arbitrary;

/// A whole program: its statements, run at module level after `import asyncio`, then each
/// coroutine function driven by `asyncio.run`. Its `Debug` is the Python source, so
/// `cargo fuzz fmt structured <artifact>` prints the program.
#[derive(Arbitrary)]
pub struct Program {
    body: Vec<Stmt>,
    coroutines: Vec<(Name, Vec<Stmt>)>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Name {
    A,
    B,
    X,
    Xs,
    D,
    F,
    G,
    C,
    Self_,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Attr {
    Value,
    Next,
    Items,
    Append,
    Pop,
    Keys,
    Get,
    Upper,
    Split,
    Join,
    Send,
    Throw,
    Close,
    Dunder,
    Class,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Builtin {
    Len,
    Str,
    Repr,
    Sorted,
    List,
    Dict,
    Set,
    Tuple,
    Sum,
    Min,
    Max,
    Abs,
    Int,
    Float,
    Isinstance,
    Hash,
    Range,
    Enumerate,
    Zip,
    Reversed,
    Iter,
    Next,
    Any,
    All,
    Type,
    Print,
    Format,
    Divmod,
    Pow,
    Round,
    Getattr,
    Bytes,
    Chr,
    Ord,
    Super,
    Map,
    Filter,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Exc {
    Exception,
    ValueError,
    TypeError,
    KeyError,
    StopIteration,
    RuntimeError,
    ZeroDivisionError,
    CancelledError,
    BaseException,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Lit {
    Int(i16),
    Big(u8),
    Float(i8),
    Str(u8),
    Bytes(u8),
    None,
    True,
    False,
    Ellipsis,
}

#[derive(Arbitrary, Debug)]
enum Expr {
    Lit(Lit),
    Name(Name),
    Bin(Box<Expr>, Op, Box<Expr>),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Cmp(Box<Expr>, Cmp, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    Builtin(Builtin, Vec<Expr>),
    Method(Box<Expr>, Attr, Vec<Expr>),
    Attr(Box<Expr>, Attr),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Set(Vec<Expr>),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Lambda(Name, Box<Expr>),
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
    ListComp(Box<Expr>, Name, Box<Expr>, Option<Box<Expr>>),
    DictComp(Box<Expr>, Name, Box<Expr>),
    GenExp(Box<Expr>, Name, Box<Expr>),
    FString(Vec<(Expr, bool)>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Walrus(Name, Box<Expr>),
    Starred(Box<Expr>),
    Sleep(u8),
    CreateTask(Box<Expr>),
    Gather(Vec<Expr>),
    WaitFor(Box<Expr>, u8),
    Mul(Box<Expr>, u16),
}

#[derive(Arbitrary, Debug)]
enum Target {
    Name(Name),
    Index(Name, Expr),
    Attr(Name, Attr),
    Unpack(Name, Name),
    Star(Name, Name),
}

#[derive(Arbitrary, Debug)]
enum Stmt {
    Expr(Expr),
    Assign(Target, Expr),
    AugAssign(Name, Op, Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>),
    For(Name, Expr, Vec<Stmt>, Vec<Stmt>),
    AsyncFor(Name, Expr, Vec<Stmt>),
    Try(Vec<Stmt>, Vec<(Exc, bool, Vec<Stmt>)>, Vec<Stmt>, Vec<Stmt>),
    Raise(Option<(Exc, Expr)>),
    Def(Name, Vec<Name>, Vec<Stmt>),
    AsyncDef(Name, Vec<Name>, Vec<Stmt>),
    Decorated(Name, Name, Vec<Stmt>),
    Class(Name, Option<Name>, Vec<Stmt>),
    Return(Option<Expr>),
    Break,
    Continue,
    Pass,
    With(Expr, Option<Name>, Vec<Stmt>),
    AsyncWith(Expr, Option<Name>, Vec<Stmt>),
    Del(Name),
    Global(Name),
    Nonlocal(Name),
    Assert(Expr, Option<Expr>),
    Import(u8),
    Run(Expr),
    Match(Expr, Vec<(Pattern, Vec<Stmt>)>),
}

#[derive(Arbitrary, Debug)]
enum Pattern {
    Lit(Lit),
    Capture(Name),
    Wild,
    Seq(Vec<Pattern>),
    Class(Exc, Vec<Pattern>),
    Or(Box<Pattern>, Box<Pattern>),
    Map(Vec<(Lit, Pattern)>),
}

const STRINGS: &[&str] = &["", "a", "abc", "héllo", "{}", "a,b,c", "\\n", "\\x00", "日本", "%s", "__init__"];
const MODULES: &[&str] = &[
    "asyncio",
    "math",
    "collections",
    "itertools",
    "functools",
    "json",
    "re",
    "sys",
    "operator",
    "heapq",
    "dataclasses",
    "string",
    "time",
    "random",
    "contextlib",
    "enum",
    "typing",
];

impl Name {
    fn as_str(self) -> &'static str {
        match self {
            Name::A => "a",
            Name::B => "b",
            Name::X => "x",
            Name::Xs => "xs",
            Name::D => "d",
            Name::F => "f",
            Name::G => "g",
            Name::C => "C",
            Name::Self_ => "self",
        }
    }
}

impl Attr {
    fn as_str(self) -> &'static str {
        match self {
            Attr::Value => "value",
            Attr::Next => "__next__",
            Attr::Items => "items",
            Attr::Append => "append",
            Attr::Pop => "pop",
            Attr::Keys => "keys",
            Attr::Get => "get",
            Attr::Upper => "upper",
            Attr::Split => "split",
            Attr::Join => "join",
            Attr::Send => "send",
            Attr::Throw => "throw",
            Attr::Close => "close",
            Attr::Dunder => "__dict__",
            Attr::Class => "__class__",
        }
    }
}

impl Builtin {
    fn as_str(self) -> &'static str {
        match self {
            Builtin::Len => "len",
            Builtin::Str => "str",
            Builtin::Repr => "repr",
            Builtin::Sorted => "sorted",
            Builtin::List => "list",
            Builtin::Dict => "dict",
            Builtin::Set => "set",
            Builtin::Tuple => "tuple",
            Builtin::Sum => "sum",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Abs => "abs",
            Builtin::Int => "int",
            Builtin::Float => "float",
            Builtin::Isinstance => "isinstance",
            Builtin::Hash => "hash",
            Builtin::Range => "range",
            Builtin::Enumerate => "enumerate",
            Builtin::Zip => "zip",
            Builtin::Reversed => "reversed",
            Builtin::Iter => "iter",
            Builtin::Next => "next",
            Builtin::Any => "any",
            Builtin::All => "all",
            Builtin::Type => "type",
            Builtin::Print => "print",
            Builtin::Format => "format",
            Builtin::Divmod => "divmod",
            Builtin::Pow => "pow",
            Builtin::Round => "round",
            Builtin::Getattr => "getattr",
            Builtin::Bytes => "bytes",
            Builtin::Chr => "chr",
            Builtin::Ord => "ord",
            Builtin::Super => "super",
            Builtin::Map => "map",
            Builtin::Filter => "filter",
        }
    }
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "-",
            Op::Mul => "*",
            Op::Div => "/",
            Op::FloorDiv => "//",
            Op::Mod => "%",
            Op::Pow => "**",
            Op::LShift => "<<",
            Op::RShift => ">>",
            Op::And => "&",
            Op::Or => "|",
            Op::Xor => "^",
            Op::MatMul => "@",
        }
    }
}

impl Cmp {
    fn as_str(self) -> &'static str {
        match self {
            Cmp::Eq => "==",
            Cmp::Ne => "!=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::In => "in",
            Cmp::NotIn => "not in",
            Cmp::Is => "is",
            Cmp::IsNot => "is not",
        }
    }
}

impl Exc {
    fn as_str(self) -> &'static str {
        match self {
            Exc::Exception => "Exception",
            Exc::ValueError => "ValueError",
            Exc::TypeError => "TypeError",
            Exc::KeyError => "KeyError",
            Exc::StopIteration => "StopIteration",
            Exc::RuntimeError => "RuntimeError",
            Exc::ZeroDivisionError => "ZeroDivisionError",
            Exc::CancelledError => "asyncio.CancelledError",
            Exc::BaseException => "BaseException",
        }
    }
}

impl Display for Lit {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match *self {
            Lit::Int(n) => write!(f, "({n})"),
            Lit::Big(n) => write!(f, "{}", 7u128.pow(u32::from(n % 40))),
            Lit::Float(n) => write!(f, "({}.5)", n),
            Lit::Str(i) => write!(f, "'{}'", STRINGS[usize::from(i) % STRINGS.len()]),
            Lit::Bytes(i) => write!(f, "b'{}'", ["", "ab", "\\xff", "x y"][usize::from(i) % 4]),
            Lit::None => f.write_str("None"),
            Lit::True => f.write_str("True"),
            Lit::False => f.write_str("False"),
            Lit::Ellipsis => f.write_str("..."),
        }
    }
}

/// Writes `items` separated by `, `.
fn list<T>(f: &mut Formatter<'_>, items: &[T], each: impl Fn(&mut Formatter<'_>, &T) -> fmt::Result) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        each(f, item)?;
    }
    Ok(())
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let exprs = |f: &mut Formatter<'_>, xs: &[Expr]| list(f, xs, |f, x| write!(f, "{x}"));
        match self {
            Expr::Lit(l) => write!(f, "{l}"),
            Expr::Name(n) => f.write_str(n.as_str()),
            Expr::Bin(a, op, b) => write!(f, "({a} {} {b})", op.as_str()),
            Expr::Neg(a) => write!(f, "(-{a})"),
            Expr::Not(a) => write!(f, "(not {a})"),
            Expr::Cmp(a, op, b) => write!(f, "({a} {} {b})", op.as_str()),
            Expr::And(a, b) => write!(f, "({a} and {b})"),
            Expr::Or(a, b) => write!(f, "({a} or {b})"),
            Expr::Call(c, args) => {
                write!(f, "{c}(")?;
                exprs(f, args)?;
                f.write_str(")")
            }
            Expr::Builtin(b, args) => {
                write!(f, "{}(", b.as_str())?;
                exprs(f, args)?;
                f.write_str(")")
            }
            Expr::Method(o, a, args) => {
                write!(f, "{o}.{}(", a.as_str())?;
                exprs(f, args)?;
                f.write_str(")")
            }
            Expr::Attr(o, a) => write!(f, "{o}.{}", a.as_str()),
            Expr::List(xs) => {
                f.write_str("[")?;
                exprs(f, xs)?;
                f.write_str("]")
            }
            Expr::Tuple(xs) => {
                f.write_str("(")?;
                exprs(f, xs)?;
                f.write_str(",)")
            }
            Expr::Dict(kv) => {
                f.write_str("{")?;
                list(f, kv, |f, (k, v)| write!(f, "{k}: {v}"))?;
                f.write_str("}")
            }
            Expr::Set(xs) if xs.is_empty() => f.write_str("set()"),
            Expr::Set(xs) => {
                f.write_str("{")?;
                exprs(f, xs)?;
                f.write_str("}")
            }
            Expr::Index(o, i) => write!(f, "{o}[{i}]"),
            Expr::Slice(o, a, b, c) => {
                write!(f, "{o}[")?;
                for (i, part) in [a, b, c].into_iter().enumerate() {
                    if i > 0 {
                        f.write_str(":")?;
                    }
                    if let Some(p) = part {
                        write!(f, "{p}")?;
                    }
                }
                f.write_str("]")
            }
            Expr::Lambda(n, body) => write!(f, "(lambda {}: {body})", n.as_str()),
            Expr::IfElse(c, a, b) => write!(f, "({a} if {c} else {b})"),
            Expr::ListComp(e, n, it, cond) => {
                write!(f, "[{e} for {} in {it}", n.as_str())?;
                if let Some(c) = cond {
                    write!(f, " if {c}")?;
                }
                f.write_str("]")
            }
            Expr::DictComp(e, n, it) => write!(f, "{{{n}: {e} for {n} in {it}}}", n = n.as_str()),
            Expr::GenExp(e, n, it) => write!(f, "({e} for {} in {it})", n.as_str()),
            Expr::FString(parts) => {
                let mut text = String::new();
                for (e, conv) in parts {
                    let _ = write!(text, "{{{e}{}}} ", if *conv { "!r" } else { "" });
                }
                write!(f, "f\"{}\"", text.replace('"', "'"))
            }
            Expr::Await(e) => write!(f, "(await {e})"),
            Expr::Yield(None) => f.write_str("(yield)"),
            Expr::Yield(Some(e)) => write!(f, "(yield {e})"),
            Expr::YieldFrom(e) => write!(f, "(yield from {e})"),
            Expr::Walrus(n, e) => write!(f, "({} := {e})", n.as_str()),
            Expr::Starred(e) => write!(f, "*{e}"),
            Expr::Sleep(ms) => write!(f, "asyncio.sleep({})", f64::from(*ms) / 10_000.0),
            Expr::CreateTask(e) => write!(f, "asyncio.create_task({e})"),
            Expr::Gather(xs) => {
                f.write_str("asyncio.gather(")?;
                exprs(f, xs)?;
                f.write_str(", return_exceptions=True)")
            }
            Expr::WaitFor(e, ms) => write!(f, "asyncio.wait_for({e}, {})", f64::from(*ms) / 10_000.0),
            Expr::Mul(e, n) => write!(f, "({e} * {n})"),
        }
    }
}

impl Display for Target {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Target::Name(n) => f.write_str(n.as_str()),
            Target::Index(n, e) => write!(f, "{}[{e}]", n.as_str()),
            Target::Attr(n, a) => write!(f, "{}.{}", n.as_str(), a.as_str()),
            Target::Unpack(a, b) => write!(f, "{}, {}", a.as_str(), b.as_str()),
            Target::Star(a, b) => write!(f, "{}, *{}", a.as_str(), b.as_str()),
        }
    }
}

impl Display for Pattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Pattern::Lit(l) => match l {
                Lit::Int(n) => write!(f, "{n}"),
                Lit::Float(_) | Lit::Ellipsis | Lit::Big(_) => f.write_str("0"),
                other => write!(f, "{other}"),
            },
            Pattern::Capture(n) => f.write_str(n.as_str()),
            Pattern::Wild => f.write_str("_"),
            Pattern::Seq(ps) => {
                f.write_str("[")?;
                list(f, ps, |f, p| write!(f, "{p}"))?;
                f.write_str("]")
            }
            Pattern::Class(e, ps) => {
                write!(f, "{}(", e.as_str())?;
                list(f, ps, |f, p| write!(f, "{p}"))?;
                f.write_str(")")
            }
            Pattern::Or(a, b) => write!(f, "({a} | {b})"),
            Pattern::Map(kv) => {
                f.write_str("{")?;
                list(f, kv, |f, (k, p)| write!(f, "{}: {p}", Pattern::Lit(*k)))?;
                f.write_str("}")
            }
        }
    }
}

/// Writes a block body at `indent`, or `pass` for an empty one.
fn block(out: &mut String, indent: usize, body: &[Stmt]) {
    if body.is_empty() {
        line(out, indent, "pass");
    }
    for s in body {
        s.write(out, indent);
    }
}

fn line(out: &mut String, indent: usize, text: &str) {
    for _ in 0..indent {
        out.push_str("    ");
    }
    out.push_str(text);
    out.push('\n');
}

fn params(names: &[Name]) -> String {
    names.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(", ")
}

impl Stmt {
    fn write(&self, out: &mut String, i: usize) {
        match self {
            Stmt::Expr(e) => line(out, i, &e.to_string()),
            Stmt::Assign(t, e) => line(out, i, &format!("{t} = {e}")),
            Stmt::AugAssign(n, op, e) => line(out, i, &format!("{} {}= {e}", n.as_str(), op.as_str())),
            Stmt::If(c, a, b) => {
                line(out, i, &format!("if {c}:"));
                block(out, i + 1, a);
                if !b.is_empty() {
                    line(out, i, "else:");
                    block(out, i + 1, b);
                }
            }
            Stmt::While(c, body) => {
                line(out, i, &format!("while {c}:"));
                block(out, i + 1, body);
            }
            Stmt::For(n, it, body, orelse) => {
                line(out, i, &format!("for {} in {it}:", n.as_str()));
                block(out, i + 1, body);
                if !orelse.is_empty() {
                    line(out, i, "else:");
                    block(out, i + 1, orelse);
                }
            }
            Stmt::AsyncFor(n, it, body) => {
                line(out, i, &format!("async for {} in {it}:", n.as_str()));
                block(out, i + 1, body);
            }
            Stmt::Try(body, handlers, orelse, finally) => {
                line(out, i, "try:");
                block(out, i + 1, body);
                for (exc, named, h) in handlers {
                    let alias = if *named { " as e" } else { "" };
                    line(out, i, &format!("except {}{alias}:", exc.as_str()));
                    block(out, i + 1, h);
                }
                if !orelse.is_empty() && !handlers.is_empty() {
                    line(out, i, "else:");
                    block(out, i + 1, orelse);
                }
                if !finally.is_empty() || handlers.is_empty() {
                    line(out, i, "finally:");
                    block(out, i + 1, finally);
                }
            }
            Stmt::Raise(None) => line(out, i, "raise"),
            Stmt::Raise(Some((exc, e))) => line(out, i, &format!("raise {}({e})", exc.as_str())),
            Stmt::Def(n, ps, body) => {
                line(out, i, &format!("def {}({}):", n.as_str(), params(ps)));
                block(out, i + 1, body);
            }
            Stmt::AsyncDef(n, ps, body) => {
                line(out, i, &format!("async def {}({}):", n.as_str(), params(ps)));
                block(out, i + 1, body);
            }
            Stmt::Decorated(d, n, body) => {
                line(out, i, &format!("@{}", d.as_str()));
                line(out, i, &format!("def {}(*args, **kw):", n.as_str()));
                block(out, i + 1, body);
            }
            Stmt::Class(n, base, body) => {
                let base = base.map(|b| format!("({})", b.as_str())).unwrap_or_default();
                line(out, i, &format!("class {}{base}:", n.as_str()));
                block(out, i + 1, body);
            }
            Stmt::Return(None) => line(out, i, "return"),
            Stmt::Return(Some(e)) => line(out, i, &format!("return {e}")),
            Stmt::Break => line(out, i, "break"),
            Stmt::Continue => line(out, i, "continue"),
            Stmt::Pass => line(out, i, "pass"),
            Stmt::With(e, alias, body) | Stmt::AsyncWith(e, alias, body) => {
                let kw = if matches!(self, Stmt::AsyncWith(..)) { "async with" } else { "with" };
                let alias = alias.map(|a| format!(" as {}", a.as_str())).unwrap_or_default();
                line(out, i, &format!("{kw} {e}{alias}:"));
                block(out, i + 1, body);
            }
            Stmt::Del(n) => line(out, i, &format!("del {}", n.as_str())),
            Stmt::Global(n) => line(out, i, &format!("global {}", n.as_str())),
            Stmt::Nonlocal(n) => line(out, i, &format!("nonlocal {}", n.as_str())),
            Stmt::Assert(e, None) => line(out, i, &format!("assert {e}")),
            Stmt::Assert(e, Some(m)) => line(out, i, &format!("assert {e}, {m}")),
            Stmt::Import(m) => line(out, i, &format!("import {}", MODULES[usize::from(*m) % MODULES.len()])),
            Stmt::Run(e) => line(out, i, &format!("asyncio.run({e})")),
            Stmt::Match(e, cases) => {
                line(out, i, &format!("match {e}:"));
                if cases.is_empty() {
                    line(out, i + 1, "case _:");
                    line(out, i + 2, "pass");
                }
                for (p, body) in cases {
                    line(out, i + 1, &format!("case {p}:"));
                    block(out, i + 2, body);
                }
            }
        }
    }
}

impl fmt::Debug for Program {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Display::fmt(self, f)
    }
}

impl Display for Program {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let mut out = String::from("import asyncio\n");
        block(&mut out, 0, &self.body);
        for (name, body) in &self.coroutines {
            line(&mut out, 0, &format!("async def {}(*args):", name.as_str()));
            block(&mut out, 1, body);
            line(&mut out, 0, "try:");
            line(&mut out, 1, &format!("asyncio.run({}())", name.as_str()));
            line(&mut out, 0, "except Exception:");
            line(&mut out, 1, "pass");
        }
        f.write_str(&out)
    }
}
