//! The parser stage: runs the lalrpop tables over the layout tokens, builds AST nodes in the
//! grammar actions (the helpers below), and turns LALRPOP's errors into CPython's messages.
//!
//! Error priority follows CPython 3.11: a tokenizer error anywhere in the file wins over a
//! parser error (CPython re-tokenizes the rest of the file after a parse failure); an
//! unclosed bracket wins over a parser error on a later line.

use lalrpop_util::ParseError;

use crate::ast::*;
use crate::error::{ErrorKind, SyntaxError};
use crate::layout::{self, Spanned};
use crate::line_index::LineIndex;
use crate::token::{StrLit, Tok};
use crate::validate::{self, TargetCtx};

#[allow(clippy::all, clippy::pedantic, unused_qualifications, unused_parens, dead_code, unused_imports)]
#[rustfmt::skip]
mod python;

mod patterns;
pub use patterns::*;

/// What the single start symbol produced.
pub enum Top {
    Module(Vec<Stmt>),
    Expr(Expr),
}

/// One call argument before the argument list is checked (a cover for the call grammar).
pub enum ArgItem {
    Pos(Expr),
    /// A generator expression without its own parentheses: only valid as the sole argument.
    BareGen(Expr),
    Keyword(Expr, Expr, Span),
    Star(Expr),
    DoubleStar(Expr, Span),
}

/// One parameter before the parameter list is checked.
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    Star(Option<Arg>, Span),
    DoubleStar(Arg, Option<Expr>, Span),
    Slash(Span),
}

type PResult<T> = Result<T, ParseError<usize, Tok, SyntaxError>>;

fn user(e: SyntaxError) -> ParseError<usize, Tok, SyntaxError> {
    ParseError::User { error: e }
}

fn fail<T>(msg: impl Into<String>, span: Span) -> PResult<T> {
    Err(user(SyntaxError::new(ErrorKind::Syntax, msg, span)))
}

/// Parses a whole module.
pub fn parse_module(src: &str) -> Result<Vec<Stmt>, SyntaxError> {
    let lay = layout::layout(src, 0, src.len(), false);
    match run(src, Tok::StartModule, lay, false)? {
        Top::Module(body) => Ok(body),
        Top::Expr(_) => unreachable!("module start token gives a module"),
    }
}

/// Parses one f-string replacement field `src[start..end]` as a parenthesised expression.
pub fn parse_field(src: &str, start: usize, end: usize) -> Result<Expr, SyntaxError> {
    let lay = layout::layout(src, start, end, true);
    let prefix = |mut e: SyntaxError| {
        if !e.msg.starts_with("f-string") {
            e.msg = format!("f-string: {}", e.msg);
        }
        e.incomplete = false;
        e
    };
    match run(src, Tok::StartExpr, lay, true).map_err(prefix)? {
        Top::Expr(e) => Ok(e),
        Top::Module(_) => unreachable!("expression start token gives an expression"),
    }
}

fn run(src: &str, start: Tok, lay: layout::Layout, field: bool) -> Result<Top, SyntaxError> {
    let layout::Layout { mut toks, error, unclosed } = lay;
    crate::soft_keywords::mark(&mut toks);
    if let Some(e) = &error {
        if !e.weak {
            return Err(e.err.clone());
        }
    }
    let first = toks.first().map_or(0, |t| t.0);
    let stream = std::iter::once(Ok((first, start, first))).chain(toks.iter().cloned().map(Ok));
    let result = python::TopParser::new().parse(src, stream);
    let parse_err = match result {
        Ok(top) if error.is_none() && unclosed.is_none() => return Ok(top),
        Ok(_) => None,
        Err(ParseError::UnrecognizedEof { .. }) if error.is_some() || unclosed.is_some() => None,
        Err(e) => Some((fail_pos(&e), map_error(src, &toks, e, field))),
    };
    if let Some(e) = error {
        return Err(parse_err.map_or(e.err, |p| p.1));
    }
    if let Some((open, at)) = unclosed {
        let index = LineIndex::new(src);
        let open_line = index.line_col(at).0;
        // CPython compares the line of the furthest token read, not of the error.
        match parse_err {
            Some((pos, p)) if index.line_col(pos).0 <= open_line => return Err(p),
            _ => {
                let c = match open {
                    Tok::LPar => '(',
                    Tok::LSqb => '[',
                    _ => '{',
                };
                let e = SyntaxError::new(
                    ErrorKind::Syntax,
                    format!("'{c}' was never closed"),
                    Span::new(at, at + 1),
                );
                return Err(SyntaxError { incomplete: true, ..e });
            }
        }
    }
    Err(parse_err
        .map_or_else(|| SyntaxError::new(ErrorKind::Syntax, "invalid syntax", Span::default()), |p| p.1))
}

/// Where the parser stopped: the start of the token it could not use.
fn fail_pos(e: &ParseError<usize, Tok, SyntaxError>) -> usize {
    match e {
        ParseError::UnrecognizedToken { token, .. } | ParseError::ExtraToken { token } => token.0,
        ParseError::UnrecognizedEof { location, .. } | ParseError::InvalidToken { location } => *location,
        ParseError::User { error } => error.span.start as usize,
    }
}

/// Maps a LALRPOP error to CPython's message and location.
fn map_error(
    src: &str,
    toks: &[Spanned],
    err: ParseError<usize, Tok, SyntaxError>,
    field: bool,
) -> SyntaxError {
    let syntax =
        |msg: &str, at: usize, end: usize| SyntaxError::new(ErrorKind::Syntax, msg, Span::new(at, end));
    match err {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => syntax("invalid syntax", location, location),
        ParseError::ExtraToken { token } => syntax("invalid syntax", token.0, token.2),
        ParseError::UnrecognizedEof { location, expected } => {
            let e = unexpected(src, toks, toks.len(), (location, location), &expected, field);
            SyntaxError { incomplete: !field, ..e }
        }
        ParseError::UnrecognizedToken { token, expected } => {
            let i = toks.iter().position(|t| t.0 == token.0 && t.1 == token.1).unwrap_or(toks.len());
            let e = unexpected(src, toks, i, (token.0, token.2), &expected, field);
            let at_eof = token.1 == Tok::Dedent && token.0 >= src.trim_end().len();
            SyntaxError { incomplete: at_eof && !field, ..e }
        }
    }
}

/// The message for an unexpected token `toks[i]` (or EOF when `i == toks.len()`).
fn unexpected(
    src: &str,
    toks: &[Spanned],
    i: usize,
    (s, e): (usize, usize),
    expected: &[String],
    field: bool,
) -> SyntaxError {
    let has = |t: &str| expected.iter().any(|x| x == t);
    let tok = toks.get(i).map(|t| &t.1);
    let prev = |k: usize| i.checked_sub(k).and_then(|j| toks.get(j)).map(|t| &t.1);
    let err = |kind, msg: String, at: usize, end: usize| SyntaxError::new(kind, msg, Span::new(at, end));
    if tok == Some(&Tok::Indent) {
        // CPython's offset here is the indentation width (so no caret is printed).
        let at = if s > 0 && !src[..s].ends_with('\n') { s - 1 } else { s };
        return err(ErrorKind::Indentation, "unexpected indent".into(), at, at);
    }
    if has("Indent") && prev(1) == Some(&Tok::Newline) && prev(2) == Some(&Tok::Colon) {
        let msg = expected_block(src, toks, i - 2);
        return err(ErrorKind::Indentation, msg, s, s);
    }
    if has("\"except\"") && has("\"finally\"") {
        return err(ErrorKind::Syntax, "expected 'except' or 'finally' block".into(), s, e);
    }
    if let Some(Tok::Name(n)) = prev(1) {
        if (n == "print" || n == "exec") && tok.is_some_and(starts_expr) && tok != Some(&Tok::LPar) && !field
        {
            let msg = format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?");
            return err(ErrorKind::Syntax, msg, toks[i - 1].0, e);
        }
    }
    if tok == Some(&Tok::Newline) && has("\":\"") && !field {
        return err(ErrorKind::Syntax, "expected ':'".into(), s, s);
    }
    if has("\"else\"") && !has("\"elif\"") && !has("\"except\"") {
        let start = toks[..i]
            .iter()
            .rposition(|t| t.1 == Tok::If)
            .filter(|&j| j > 0)
            .map_or(s, |j| toks[expr_start(toks, j - 1)].0);
        return err(ErrorKind::Syntax, "expected 'else' after 'if' expression".into(), start, s);
    }
    if tok == Some(&Tok::Equal) && !has("\"=\"") {
        if let (Some(Tok::Name(_)), false) = (prev(1), prev(2) == Some(&Tok::Dot)) {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            let end = toks.get(i + 1).map_or(e, |t| t.2);
            return err(ErrorKind::Syntax, msg.into(), toks[i - 1].0, end);
        }
    }
    let in_brackets = bracket_depth(&toks[..i.min(toks.len())]) > 0 || field;
    if in_brackets && tok.is_some_and(starts_expr) && prev(1).is_some_and(ends_expr) {
        let name_then_string = matches!((prev(1), tok), (Some(Tok::Name(_)), Some(Tok::Str(_))));
        if !name_then_string {
            let start = toks[expr_start(toks, i - 1)].0;
            return err(ErrorKind::Syntax, "invalid syntax. Perhaps you forgot a comma?".into(), start, e);
        }
    }
    err(ErrorKind::Syntax, "invalid syntax".into(), s, e)
}

/// "expected an indented block after ..." for the header whose `:` is `toks[colon]`.
fn expected_block(src: &str, toks: &[Spanned], colon: usize) -> String {
    let start = toks[..colon]
        .iter()
        .rposition(|t| matches!(t.1, Tok::Newline | Tok::Indent | Tok::Dedent))
        .map_or(0, |j| j + 1);
    let mut k = start;
    if toks.get(k).map(|t| &t.1) == Some(&Tok::Async) {
        k += 1;
    }
    let Some((at, head, _)) = toks.get(k) else {
        return "expected an indented block".into();
    };
    let line = LineIndex::new(src).line_col(toks[start].0).0;
    let _ = at;
    let what = match head {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::With => "'with' statement",
        Tok::Try => "'try' statement",
        Tok::Except if toks.get(k + 1).map(|t| &t.1) == Some(&Tok::Star) => "'except*' statement",
        Tok::Except => "'except' statement",
        Tok::Finally => "'finally' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        Tok::Match => "'match' statement",
        Tok::Case => "'case' statement",
        _ => return "expected an indented block".into(),
    };
    format!("expected an indented block after {what} on line {line}")
}

fn bracket_depth(toks: &[Spanned]) -> i32 {
    let start = toks.iter().rposition(|t| t.1 == Tok::Newline).map_or(0, |j| j + 1);
    toks[start..].iter().fold(0, |d, t| d + i32::from(t.1.is_open()) - i32::from(t.1.is_close()))
}

/// Walks back from the token ending an expression to the token starting its primary chain
/// (`a.b(c)[d]`), for error ranges such as "Perhaps you forgot a comma?".
fn expr_start(toks: &[Spanned], mut j: usize) -> usize {
    loop {
        if toks[j].1.is_close() {
            let mut depth = 0;
            while j > 0 {
                if toks[j].1.is_close() {
                    depth += 1;
                } else if toks[j].1.is_open() {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j -= 1;
            }
        }
        if j >= 2 && toks[j - 1].1 == Tok::Dot {
            j -= 2;
            continue;
        }
        if j >= 1 && toks[j].1.is_open() && ends_expr(&toks[j - 1].1) {
            j -= 1;
            continue;
        }
        return j;
    }
}

/// Whether `t` can begin an expression.
pub(crate) fn starts_expr(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Lambda
            | Tok::Await
    )
}

fn ends_expr(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

// ---------------------------------------------------------------------------------------
// Helpers called from the grammar actions.
// ---------------------------------------------------------------------------------------

fn span_of(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

/// The end of a block: its last statement's end (DEDENT sits at the next token).
fn block_end(body: &[Stmt]) -> u32 {
    body.last().map_or(0, |s| s.span.end)
}

pub fn compound(l: usize, kind: StmtKind) -> Stmt {
    let end = match &kind {
        StmtKind::While { body, orelse, .. } => block_end(orelse).max(block_end(body)),
        StmtKind::Match { cases, .. } => cases.last().map_or(l as u32, |c| block_end(&c.body)),
        _ => l as u32,
    };
    Stmt::new(kind, Span { start: l as u32, end })
}

pub fn dotted(first: String, rest: Vec<String>) -> String {
    let mut s = first;
    for r in rest {
        s.push('.');
        s.push_str(&r);
    }
    s
}

pub fn maybe_tuple(first: Expr, rest: Vec<Expr>, trail: bool, l: usize, r: usize) -> Expr {
    if rest.is_empty() && !trail {
        return first;
    }
    let mut elts = vec![first];
    elts.extend(rest);
    Expr::new(ExprKind::Tuple(elts), span_of(l, r))
}

/// A subscript list: like an expression list, except that a lone `*x` is a one-element tuple
/// (`a[*b]` is `a[(*b,)]`, as in CPython 3.11's AST).
pub fn subscript_list(first: Expr, rest: Vec<Expr>, trail: bool, l: usize, r: usize) -> Expr {
    let lone_star = rest.is_empty() && matches!(first.kind, ExprKind::Starred(_));
    maybe_tuple(first, rest, trail || lone_star, l, r)
}

pub fn parenthesized(first: Expr, rest: Vec<Expr>, trail: bool, l: usize, r: usize) -> PResult<Expr> {
    if rest.is_empty() && !trail {
        if let ExprKind::Starred(_) = first.kind {
            return fail("cannot use starred expression here", first.span);
        }
        return Ok(first);
    }
    let mut elts = vec![first];
    elts.extend(rest);
    Ok(Expr::new(ExprKind::Tuple(elts), span_of(l, r)))
}

/// `ctx as target` inside parentheses, kept as `as(ctx, target)` until `with` unpacks it.
pub fn with_marker(context: Expr, target: Expr, l: usize, r: usize) -> Expr {
    let func = Expr::new(ExprKind::Name("as".into()), Span::new(l, l));
    Expr::new(
        ExprKind::Call { func: Box::new(func), args: vec![context, target], keywords: vec![] },
        span_of(l, r),
    )
}

pub fn binop(left: Expr, op: BinOp, right: Expr, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, span_of(l, r))
}

pub fn unary(op: UnaryOp, operand: Expr, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::UnaryOp { op, operand: Box::new(operand) }, span_of(l, r))
}

pub fn boolop(op: BoolOp, first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> Expr {
    let mut values = vec![first];
    values.extend(rest);
    Expr::new(ExprKind::BoolOp { op, values }, span_of(l, r))
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    Expr::new(ExprKind::Compare { left: Box::new(left), ops, comparators }, span_of(l, r))
}

pub fn slice(
    lower: Option<Expr>,
    upper: Option<Expr>,
    step: Option<Option<Expr>>,
    l: usize,
    r: usize,
) -> Expr {
    let b = |e: Option<Expr>| e.map(Box::new);
    Expr::new(ExprKind::Slice { lower: b(lower), upper: b(upper), step: b(step.flatten()) }, span_of(l, r))
}

pub fn strings(src: &str, parts: Vec<(usize, Box<StrLit>, usize)>) -> PResult<Expr> {
    crate::strings::concat(src, parts).map_err(user)
}

pub fn named_expr(target: Expr, value: Expr, l: usize, r: usize) -> PResult<Expr> {
    if !matches!(target.kind, ExprKind::Name(_)) {
        let msg = format!("cannot use assignment expressions with {}", validate::expr_name(&target));
        return fail(msg, target.span);
    }
    Ok(Expr::new(ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) }, span_of(l, r)))
}

fn check_elt(elt: &Expr, dict: bool) -> PResult<()> {
    if let ExprKind::Starred(_) = elt.kind {
        let msg = if dict {
            "dict unpacking cannot be used in dict comprehension"
        } else {
            "iterable unpacking cannot be used in comprehension"
        };
        return fail(msg, elt.span);
    }
    no_marker(elt)
}

fn no_marker(e: &Expr) -> PResult<()> {
    if validate::is_with_marker(e) {
        return fail("invalid syntax", e.span);
    }
    Ok(())
}

pub fn genexp(elt: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::GeneratorExp { elt: Box::new(elt), generators }, span_of(l, r))
}

pub fn paren_genexp(elt: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> PResult<Expr> {
    check_elt(&elt, false)?;
    Ok(genexp(elt, generators, l, r))
}

pub fn listcomp(elt: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> PResult<Expr> {
    check_elt(&elt, false)?;
    Ok(Expr::new(ExprKind::ListComp { elt: Box::new(elt), generators }, span_of(l, r)))
}

pub fn setcomp(elt: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> PResult<Expr> {
    check_elt(&elt, false)?;
    Ok(Expr::new(ExprKind::SetComp { elt: Box::new(elt), generators }, span_of(l, r)))
}

pub fn dict(items: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    Expr::new(ExprKind::Dict { keys, values }, span_of(l, r))
}

pub fn comprehension(is_async: bool, target: Expr, iter: Expr, ifs: Vec<Expr>) -> PResult<Comprehension> {
    validate::check_target(&target, TargetCtx::For).map_err(user)?;
    Ok(Comprehension { target, iter, ifs, is_async })
}

pub fn call(func: Expr, items: Vec<ArgItem>, l: usize, r: usize) -> PResult<Expr> {
    let (args, keywords) = call_args(items)?;
    Ok(Expr::new(ExprKind::Call { func: Box::new(func), args, keywords }, span_of(l, r)))
}

/// Checks and splits a call's argument list (CPython's `invalid_arguments` messages).
fn call_args(items: Vec<ArgItem>) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let n = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_kw = false;
    let mut seen_kwunpack = false;
    for item in items {
        match item {
            ArgItem::Pos(e) => {
                no_marker(&e)?;
                if seen_kwunpack {
                    return fail("positional argument follows keyword argument unpacking", e.span);
                }
                if seen_kw {
                    return fail("positional argument follows keyword argument", e.span);
                }
                args.push(e);
            }
            ArgItem::BareGen(e) => {
                if n > 1 {
                    return fail("Generator expression must be parenthesized", e.span);
                }
                if let ExprKind::GeneratorExp { elt, .. } = &e.kind {
                    check_elt(elt, false)?;
                }
                args.push(e);
            }
            ArgItem::Star(e) => {
                if seen_kwunpack {
                    return fail("iterable argument unpacking follows keyword argument unpacking", e.span);
                }
                args.push(e);
            }
            ArgItem::Keyword(key, value, span) => {
                let ExprKind::Name(name) = key.kind else {
                    let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
                    return fail(msg, Span { start: key.span.start, end: value.span.start });
                };
                seen_kw = true;
                keywords.push(Keyword { arg: Some(name), value, span });
            }
            ArgItem::DoubleStar(value, span) => {
                seen_kwunpack = true;
                keywords.push(Keyword { arg: None, value, span });
            }
        }
    }
    Ok((args, keywords))
}

pub fn classdef(l: usize, name: String, args: Option<Vec<ArgItem>>, body: Vec<Stmt>) -> PResult<Stmt> {
    let (bases, keywords) = call_args(args.unwrap_or_default())?;
    let end = block_end(&body);
    let def = ClassDef { name, bases, keywords, body, decorators: vec![] };
    Ok(Stmt::new(StmtKind::ClassDef(Box::new(def)), Span { start: l as u32, end }))
}

pub fn star_param(l: usize, arg: Option<(usize, String, Option<Expr>, usize)>, r: usize) -> ParamItem {
    let arg = arg.map(|(a, name, annotation, b)| Arg { name, annotation, span: Span::new(a, b) });
    ParamItem::Star(arg, span_of(l, r))
}

/// Checks a parameter list and builds `Arguments` (CPython's `invalid_parameters` messages).
fn arguments(items: Vec<ParamItem>) -> PResult<Arguments> {
    let mut a = Arguments::default();
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut bare_star: Option<Span> = None;
    let mut seen_kwarg = false;
    let mut seen_default = false;
    for item in items {
        if seen_kwarg {
            let span = match &item {
                ParamItem::Plain(arg, _) => arg.span,
                ParamItem::Star(_, s) | ParamItem::DoubleStar(_, _, s) | ParamItem::Slash(s) => *s,
            };
            return fail("arguments cannot follow var-keyword argument", span);
        }
        match item {
            ParamItem::Plain(arg, default) => {
                if seen_star {
                    bare_star = None;
                    a.kwonly.push(arg);
                    a.kw_defaults.push(default);
                    continue;
                }
                match default {
                    Some(d) => {
                        seen_default = true;
                        a.defaults.push(d);
                    }
                    None if seen_default => {
                        return fail("non-default argument follows default argument", arg.span)
                    }
                    None => {}
                }
                a.args.push(arg);
            }
            ParamItem::Slash(span) => {
                if seen_slash {
                    return fail("/ may appear only once", span);
                }
                if seen_star {
                    return fail("/ must be ahead of *", span);
                }
                if a.args.is_empty() {
                    return fail("at least one argument must precede /", span);
                }
                seen_slash = true;
                a.posonly = std::mem::take(&mut a.args);
            }
            ParamItem::Star(arg, span) => {
                if seen_star {
                    return fail("* argument may appear only once", span);
                }
                seen_star = true;
                match arg {
                    Some(arg) => a.vararg = Some(arg),
                    None => bare_star = Some(span),
                }
            }
            ParamItem::DoubleStar(arg, default, _) => {
                if let Some(d) = default {
                    let at = d.span.start.saturating_sub(1) as usize;
                    return fail("var-keyword argument cannot have default value", Span::new(at, at));
                }
                if let Some(s) = bare_star {
                    return fail("named arguments must follow bare *", s);
                }
                seen_kwarg = true;
                a.kwarg = Some(arg);
            }
        }
    }
    if let Some(s) = bare_star {
        return fail("named arguments must follow bare *", s);
    }
    Ok(a)
}

pub fn lambda(params: Vec<ParamItem>, body: Expr, l: usize, r: usize) -> PResult<Expr> {
    let args = arguments(params)?;
    Ok(Expr::new(ExprKind::Lambda { args: Box::new(args), body: Box::new(body) }, span_of(l, r)))
}

pub fn funcdef(
    l: usize,
    is_async: bool,
    name: String,
    params: Vec<ParamItem>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let args = arguments(params)?;
    let end = block_end(&body);
    let def = FunctionDef { name, args, body, decorators: vec![], returns, is_async };
    Ok(Stmt::new(StmtKind::FunctionDef(Box::new(def)), Span { start: l as u32, end }))
}

pub fn decorate(decorators: Vec<Expr>, mut def: Stmt) -> Stmt {
    match &mut def.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    def
}

type Elif = (usize, Tok, Expr, Tok, Vec<Stmt>);

pub fn if_chain(l: usize, test: Expr, body: Vec<Stmt>, elifs: Vec<Elif>, orelse: Option<Vec<Stmt>>) -> Stmt {
    let mut tail = orelse.unwrap_or_default();
    for (el, _, etest, _, ebody) in elifs.into_iter().rev() {
        let end = block_end(&tail).max(block_end(&ebody));
        tail = vec![Stmt::new(
            StmtKind::If { test: etest, body: ebody, orelse: tail },
            Span { start: el as u32, end },
        )];
    }
    let end = block_end(&tail).max(block_end(&body));
    Stmt::new(StmtKind::If { test, body, orelse: tail }, Span { start: l as u32, end })
}

pub fn for_stmt(
    l: usize,
    is_async: bool,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
) -> PResult<Stmt> {
    validate::check_target(&target, TargetCtx::For).map_err(user)?;
    let orelse = orelse.unwrap_or_default();
    let end = block_end(&orelse).max(block_end(&body));
    Ok(Stmt::new(StmtKind::For { is_async, target, iter, body, orelse }, Span { start: l as u32, end }))
}

pub fn handler(
    l: usize,
    typ: Option<(Expr, Option<String>)>,
    body: Vec<Stmt>,
    _star: bool,
) -> (ExceptHandler, bool) {
    let end = block_end(&body);
    let (typ, name) = match typ {
        Some((t, n)) => (Some(t), n),
        None => (None, None),
    };
    (ExceptHandler { typ, name, body, span: Span { start: l as u32, end } }, _star)
}

pub fn try_stmt(
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<(ExceptHandler, bool)>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> PResult<Stmt> {
    let is_star = handlers.first().is_some_and(|h| h.1);
    if let Some((h, _)) = handlers.iter().find(|h| h.1 != is_star) {
        let span = Span { start: h.span.start, end: h.span.start + 6 };
        return fail("cannot have both 'except' and 'except*' on the same 'try'", span);
    }
    let handlers: Vec<ExceptHandler> = handlers.into_iter().map(|h| h.0).collect();
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let end = block_end(&finalbody)
        .max(block_end(&orelse))
        .max(handlers.last().map_or(0, |h| h.span.end))
        .max(block_end(&body));
    Ok(Stmt::new(StmtKind::Try { body, handlers, orelse, finalbody, is_star }, Span { start: l as u32, end }))
}

pub fn with_stmt(l: usize, is_async: bool, items: Vec<WithItem>, body: Vec<Stmt>) -> PResult<Stmt> {
    let items = validate::with_items(items).map_err(user)?;
    let end = block_end(&body);
    Ok(Stmt::new(StmtKind::With { is_async, items, body }, Span { start: l as u32, end }))
}

pub fn delete(target: Expr) -> PResult<StmtKind> {
    let targets = match target.kind {
        ExprKind::Tuple(elts) if elts.first().is_some_and(|f| f.span.start == target.span.start) => elts,
        kind => vec![Expr::new(kind, target.span)],
    };
    for t in &targets {
        validate::check_target(t, TargetCtx::Del).map_err(user)?;
    }
    Ok(StmtKind::Delete(targets))
}

pub fn assign(first: Expr, rest: Vec<Expr>) -> PResult<StmtKind> {
    let mut targets = vec![first];
    targets.extend(rest);
    let value =
        targets.pop().unwrap_or_else(|| Expr::new(ExprKind::Constant(Constant::None), Span::default()));
    no_marker(&value)?;
    for (k, t) in targets.iter().enumerate() {
        validate::check_assign_target(t, k == 0).map_err(user)?;
    }
    Ok(StmtKind::Assign { targets, value })
}

pub fn aug_assign(target: Expr, op: BinOp, value: Expr) -> PResult<StmtKind> {
    if !matches!(target.kind, ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
        let msg =
            format!("'{}' is an illegal expression for augmented assignment", validate::expr_name(&target));
        return fail(msg, target.span);
    }
    Ok(StmtKind::AugAssign { target, op, value })
}

pub fn ann_assign(l: usize, target: Expr, annotation: Expr, value: Option<Expr>) -> PResult<StmtKind> {
    let simple = matches!(target.kind, ExprKind::Name(_)) && target.span.start as usize == l;
    match &target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple(_) | ExprKind::List(_) => {
            let msg = format!("only single target (not {}) can be annotated", validate::expr_name(&target));
            let first = match &target.kind {
                ExprKind::Tuple(elts) if elts.first().is_some_and(|f| f.span.start == target.span.start) => {
                    elts[0].span
                }
                _ => target.span,
            };
            return fail(msg, first);
        }
        _ => return fail("illegal target for annotation", target.span),
    }
    Ok(StmtKind::AnnAssign { target, annotation, value, simple })
}
