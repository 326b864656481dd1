//! The soft keywords `match` and `case` (PEP 634): a token rewrite between the layout pass
//! and the parser.
//!
//! `match` and `case` stay ordinary names (`match = 3`, `match(x)`, `print(case)`) except
//! where they start a match statement: a `match` becomes a keyword token when it starts a
//! logical line that ends with `:`, and a `case` becomes
//! one when it starts a statement directly inside that block. The parser's LR(1) grammar
//! then sees plain keywords and needs no backtracking.

use crate::layout::Spanned;
use crate::token::Tok;

/// Rewrites the `match`/`case` names that start match statements into keyword tokens.
pub fn mark(toks: &mut [Spanned]) {
    for i in 0..toks.len() {
        if is_name(&toks[i].1, "match") && starts_statement(toks, i) && opens_block(toks, i) {
            toks[i].1 = Tok::Match;
            mark_cases(toks, i);
        }
    }
}

fn is_name(t: &Tok, name: &str) -> bool {
    matches!(t, Tok::Name(n) if n == name)
}

/// True when `toks[i]` is the first token of a compound statement (so not after `;`).
fn starts_statement(toks: &[Spanned], i: usize) -> bool {
    i == 0 || matches!(toks[i - 1].1, Tok::Newline | Tok::Indent | Tok::Dedent)
}

/// True when `match` at `i` is followed by a subject and its logical line ends with `:`. No
/// other statement can have that shape, so a missing block is reported as a match
/// statement's (as CPython does), and the REPL sees an incomplete `match` header.
fn opens_block(toks: &[Spanned], i: usize) -> bool {
    let Some(next) = toks.get(i + 1) else { return false };
    if !starts_subject(&next.1) {
        return false;
    }
    let Some(nl) = toks[i..].iter().position(|t| t.1 == Tok::Newline).map(|n| i + n) else {
        return false;
    };
    nl > i + 1 && toks[nl - 1].1 == Tok::Colon
}

/// A `match` subject starts like an expression, or with `*` (`match *a, b:`).
fn starts_subject(t: &Tok) -> bool {
    *t == Tok::Star || crate::parser::starts_expr(t)
}

/// Marks the `case` names starting statements directly inside the block of the `match` at `m`.
fn mark_cases(toks: &mut [Spanned], m: usize) {
    let Some(nl) = toks[m..].iter().position(|t| t.1 == Tok::Newline).map(|n| m + n) else {
        return;
    };
    if toks.get(nl + 1).is_none_or(|t| t.1 != Tok::Indent) {
        return;
    }
    let mut depth = 0usize;
    let mut at_start = true;
    for t in toks.iter_mut().skip(nl + 2) {
        match t.1 {
            Tok::Indent => depth += 1,
            Tok::Dedent if depth == 0 => return,
            Tok::Dedent => depth -= 1,
            Tok::Newline => {}
            _ => {
                if at_start && depth == 0 && is_name(&t.1, "case") {
                    t.1 = Tok::Case;
                }
                at_start = false;
                continue;
            }
        }
        at_start = true;
    }
}
