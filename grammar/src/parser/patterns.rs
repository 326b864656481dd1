//! Grammar actions for `match` statements: building [`Pattern`] nodes and the syntax checks
//! CPython's parser makes on them (the compiler-level checks live in `validate`).

use super::{fail, PResult};
use crate::ast::*;

fn pattern(kind: PatternKind, l: usize, r: usize) -> Pattern {
    Pattern { kind, span: Span::new(l, r) }
}

/// The subject of `match`: one expression, or a tuple when there are commas.
pub fn match_subject(first: Expr, rest: Vec<Expr>, trail: bool, l: usize, r: usize) -> PResult<Expr> {
    if rest.is_empty() && !trail && matches!(first.kind, ExprKind::Starred(_)) {
        return fail("invalid syntax", first.span);
    }
    Ok(super::maybe_tuple(first, rest, trail, l, r))
}

/// A sequence pattern from its items (`first` is the item before the first comma, if any).
pub fn seq_pattern(
    first: Option<Pattern>,
    rest: Vec<Pattern>,
    last: Option<Pattern>,
    l: usize,
    r: usize,
) -> Pattern {
    let items = first.into_iter().chain(rest).chain(last).collect();
    pattern(PatternKind::Sequence(items), l, r)
}

/// `p as name`.
pub fn as_pattern(p: Pattern, name: String, l: usize, r: usize) -> PResult<Pattern> {
    if name == "_" {
        return fail("cannot use '_' as a target", Span::new(r - 1, r));
    }
    Ok(pattern(PatternKind::As { pattern: Some(Box::new(p)), name: Some(name) }, l, r))
}

/// `*name` or `*_` inside a sequence pattern.
pub fn star_pattern(name: String, l: usize, r: usize) -> Pattern {
    pattern(PatternKind::Star((name != "_").then_some(name)), l, r)
}

/// A bare name: a capture, or the wildcard `_`.
pub fn capture_pattern(name: String, l: usize, r: usize) -> Pattern {
    pattern(PatternKind::As { pattern: None, name: (name != "_").then_some(name) }, l, r)
}

/// A literal: None/True/False match by identity, other literals by equality.
pub fn literal_pattern(e: Expr, l: usize, r: usize) -> PResult<Pattern> {
    match &e.kind {
        ExprKind::Constant(c @ (Constant::None | Constant::Bool(_))) => {
            Ok(pattern(PatternKind::Singleton(c.clone()), l, r))
        }
        ExprKind::JoinedStr(_) => fail("patterns may only match literals and attribute lookups", e.span),
        _ => Ok(pattern(PatternKind::Value(e), l, r)),
    }
}

type PatternArg = (Option<(String, Span)>, Pattern);

/// `cls(p, ..., attr=p, ...)`: positional sub-patterns must come first, attributes only once.
pub fn class_pattern(
    cls: Expr,
    args: Vec<PatternArg>,
    last: Option<PatternArg>,
    l: usize,
    r: usize,
) -> PResult<Pattern> {
    let mut patterns = Vec::new();
    let mut kwd_attrs: Vec<String> = Vec::new();
    let mut kwd_patterns = Vec::new();
    for (key, p) in args.into_iter().chain(last) {
        match key {
            None if !kwd_attrs.is_empty() => {
                return fail("positional patterns follow keyword patterns", p.span);
            }
            None => patterns.push(p),
            Some((name, span)) => {
                if kwd_attrs.contains(&name) {
                    return fail(format!("attribute name repeated in class pattern: {name}"), span);
                }
                kwd_attrs.push(name);
                kwd_patterns.push(p);
            }
        }
    }
    Ok(pattern(PatternKind::Class { cls, patterns, kwd_attrs, kwd_patterns }, l, r))
}

type MappingItem = (Option<Expr>, Option<Pattern>, Span);

/// `{key: p, ..., **rest}`: `**rest` must be last and may not be `**_`.
pub fn mapping_pattern(
    items: Vec<MappingItem>,
    last: Option<MappingItem>,
    l: usize,
    r: usize,
) -> PResult<Pattern> {
    let mut keys = Vec::new();
    let mut patterns = Vec::new();
    let mut rest = None;
    for (key, p, span) in items.into_iter().chain(last) {
        if rest.is_some() {
            return fail("invalid syntax", span);
        }
        match (key, p) {
            (Some(k), Some(p)) => {
                keys.push(k);
                patterns.push(p);
            }
            (Some(Expr { kind: ExprKind::Name(n), span }), None) => {
                if n == "_" {
                    return fail("invalid syntax", Span { start: span.end - 1, end: span.end });
                }
                rest = Some(n);
            }
            _ => unreachable!("mapping items are key: pattern or **name"),
        }
    }
    Ok(pattern(PatternKind::Mapping { keys, patterns, rest }, l, r))
}
