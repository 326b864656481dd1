//! The checks CPython's compiler makes on `case` patterns: irrefutable patterns only where
//! no later case is hidden, one binding per name, alternatives binding the same names, one
//! star per sequence, no duplicate literal keys in a mapping pattern.

use crate::ast::*;
use crate::error::{ErrorKind, SyntaxError};

type R = Result<(), SyntaxError>;

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(ErrorKind::Syntax, msg, span)
}

/// Checks one case's pattern; `allow_irrefutable` holds for the last case and guarded ones.
pub fn check_case(p: &Pattern, allow_irrefutable: bool) -> R {
    Checker { names: Vec::new(), allow_irrefutable }.pattern(p)
}

/// The names a pattern binds, in binding order.
pub fn bound_names(p: &Pattern) -> Vec<&str> {
    let mut out = Vec::new();
    collect(p, &mut out);
    out
}

fn collect<'p>(p: &'p Pattern, out: &mut Vec<&'p str>) {
    match &p.kind {
        PatternKind::Value(_) | PatternKind::Singleton(_) => {}
        PatternKind::Sequence(items) => items.iter().for_each(|i| collect(i, out)),
        PatternKind::Star(name) => out.extend(name.as_deref()),
        PatternKind::Mapping { patterns, rest, .. } => {
            patterns.iter().for_each(|i| collect(i, out));
            out.extend(rest.as_deref());
        }
        PatternKind::Class { patterns, kwd_patterns, .. } => {
            patterns.iter().chain(kwd_patterns).for_each(|i| collect(i, out))
        }
        PatternKind::As { pattern, name } => {
            if let Some(inner) = pattern {
                collect(inner, out);
            }
            out.extend(name.as_deref());
        }
        PatternKind::Or(alts) => collect(&alts[0], out),
    }
}

struct Checker {
    names: Vec<String>,
    allow_irrefutable: bool,
}

impl Checker {
    fn bind(&mut self, name: &Option<Name>, span: Span) -> R {
        let Some(name) = name else { return Ok(()) };
        if self.names.contains(name) {
            return Err(err(format!("multiple assignments to name '{name}' in pattern"), span));
        }
        self.names.push(name.clone());
        Ok(())
    }

    /// A pattern inside a sequence, mapping or class pattern: irrefutable is fine there.
    fn sub(&mut self, p: &Pattern) -> R {
        let saved = std::mem::replace(&mut self.allow_irrefutable, true);
        self.pattern(p)?;
        self.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::Value(_) | PatternKind::Singleton(_) => Ok(()),
            PatternKind::Sequence(items) => {
                if items.iter().filter(|i| matches!(i.kind, PatternKind::Star(_))).count() > 1 {
                    return Err(err("multiple starred names in sequence pattern", p.span));
                }
                items.iter().try_for_each(|i| self.sub(i))
            }
            PatternKind::Star(name) => self.bind(name, p.span),
            PatternKind::Mapping { keys, patterns, rest } => {
                let mut seen: Vec<&Constant> = Vec::new();
                for k in keys {
                    if let ExprKind::Constant(c) = &k.kind {
                        if seen.contains(&c) {
                            let msg = format!("mapping pattern checks duplicate key ({})", const_repr(c));
                            return Err(err(msg, p.span));
                        }
                        seen.push(c);
                    }
                }
                patterns.iter().try_for_each(|i| self.sub(i))?;
                self.bind(rest, p.span)
            }
            PatternKind::Class { patterns, kwd_patterns, .. } => {
                patterns.iter().chain(kwd_patterns).try_for_each(|i| self.sub(i))
            }
            PatternKind::As { pattern: None, name } => {
                if !self.allow_irrefutable {
                    return Err(match name {
                        Some(n) => {
                            err(format!("name capture '{n}' makes remaining patterns unreachable"), p.span)
                        }
                        None => err("wildcard makes remaining patterns unreachable", p.span),
                    });
                }
                self.bind(name, p.span)
            }
            PatternKind::As { pattern: Some(inner), name } => {
                self.pattern(inner)?;
                self.bind(name, p.span)
            }
            PatternKind::Or(alts) => self.or(alts),
        }
    }

    fn or(&mut self, alts: &[Pattern]) -> R {
        let outer = std::mem::take(&mut self.names);
        let allow = self.allow_irrefutable;
        let mut first: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.names = Vec::new();
            self.allow_irrefutable = allow && i == alts.len() - 1;
            self.pattern(alt)?;
            let mut names = std::mem::take(&mut self.names);
            names.sort();
            match &first {
                None => first = Some(names),
                Some(f) if *f != names => {
                    return Err(err("alternative patterns bind different names", alt.span));
                }
                Some(_) => {}
            }
        }
        self.allow_irrefutable = allow;
        self.names = outer;
        for n in first.unwrap_or_default() {
            self.bind(&Some(n), alts[0].span)?;
        }
        Ok(())
    }
}

/// `repr()` of a literal key, for the duplicate-key message.
fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Imag(f) => format!("{f:?}j"),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => format!("b{}", str_repr(&String::from_utf8_lossy(b))),
    }
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::from(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
