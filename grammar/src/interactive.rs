//! One REPL input, parsed the way CPython's interactive loop reads it ("single" input): either
//! the simple statements of one line, or one compound statement ended by a blank line.
//!
//! The REPL feeds the lines typed so far; the answer is a statement to run, an error to show,
//! or an error with `incomplete` set, meaning "show `... ` and read another line". Beyond what
//! [`crate::parse`] flags as incomplete (an open bracket, string or block), a compound
//! statement stays incomplete until a blank line, because a following `elif`, `else`,
//! `except` or more indented lines could still belong to it, and a lone comment line waits
//! for a statement, as in CPython.

use crate::ast::{Module, Span, Stmt, StmtKind};
use crate::error::{ErrorKind, SyntaxError};
use crate::Mode;

/// Parses one interactive input (top-level `await` allowed).
///
/// ```
/// use gyre_grammar::parse_interactive;
/// assert!(parse_interactive("x = 1\n").is_ok());
/// assert!(parse_interactive("if x:\n    y()\n").unwrap_err().incomplete);
/// assert!(parse_interactive("if x:\n    y()\n\n").is_ok());
/// ```
pub fn parse_interactive(source: &str) -> Result<Module, SyntaxError> {
    let module = crate::parse(source, Mode::Interactive)?;
    let ended = ends_with_blank_line(source);
    match module.body.as_slice() {
        [] if !ended && !source.trim().is_empty() => Err(incomplete(source)),
        [first, second, ..] if is_compound(first) => {
            // CPython reads one statement; a dedented line right after a block is an error.
            let at = second.span.start as usize;
            let end = at + word_len(&source[at..]);
            Err(SyntaxError::new(ErrorKind::Syntax, "invalid syntax", Span::new(at, end)))
        }
        [first, ..] if is_compound(first) && !ended => Err(incomplete(source)),
        _ => Ok(module),
    }
}

/// True for statements that own a block (and so may continue on the next line).
fn is_compound(s: &Stmt) -> bool {
    matches!(
        s.kind,
        StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::For { .. }
            | StmtKind::While { .. }
            | StmtKind::If { .. }
            | StmtKind::With { .. }
            | StmtKind::Try { .. }
            | StmtKind::Match { .. }
    )
}

/// True when the last line of `source` (after its final line break) holds only whitespace
/// and is preceded by at least one line.
fn ends_with_blank_line(source: &str) -> bool {
    let body = source.strip_suffix('\n').unwrap_or(source);
    match body.rsplit_once('\n') {
        Some((_, last)) => last.trim().is_empty(),
        None => false,
    }
}

fn incomplete(source: &str) -> SyntaxError {
    let end = source.len();
    let e = SyntaxError::new(ErrorKind::Syntax, "unexpected EOF while parsing", Span::new(end, end));
    SyntaxError { incomplete: true, ..e }
}

/// The length of the identifier-like word at the start of `s` (at least 1), for the caret.
fn word_len(s: &str) -> usize {
    let n: usize = s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').map(char::len_utf8).sum();
    n.max(1).min(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_incomplete(src: &str) -> bool {
        parse_interactive(src).is_err_and(|e| e.incomplete)
    }

    #[test]
    fn simple_statements_are_complete_at_once() {
        for src in ["x = 1\n", "x = 1; y = 2\n", "await f()\n", "print(1)\n", "\n", ""] {
            assert!(parse_interactive(src).is_ok(), "{src:?}");
        }
    }

    #[test]
    fn compound_statements_wait_for_a_blank_line() {
        for src in [
            "if x:\n",
            "if x:\n    y\n",
            "if x: y\n",
            "def f():\n    return 1\n",
            "try:\n    pass\nexcept E:\n    pass\n",
            "async with a:\n    pass\n",
            "@d\n",
            "x = (1,\n",
            "s = '''a\n",
            "# just a comment\n",
        ] {
            assert!(is_incomplete(src), "should wait: {src:?}");
        }
        for src in ["if x:\n    y\n\n", "def f():\n    return 1\n    \n", "if x: y\n\n", "# c\n\n"] {
            assert!(parse_interactive(src).is_ok(), "should run: {src:?}");
        }
    }

    #[test]
    fn a_statement_after_a_block_is_invalid_syntax() {
        let src = "if 1:\n    print(1)\nprint(2)\n";
        let e = parse_interactive(src).unwrap_err();
        assert!(!e.incomplete);
        assert_eq!(
            e.render("<stdin>", src),
            "  File \"<stdin>\", line 3\n    print(2)\n    ^^^^^\nSyntaxError: invalid syntax"
        );
    }

    #[test]
    fn real_errors_are_not_incomplete() {
        for src in ["x = \n", "1 +* 2\n", "x = 1)\n"] {
            assert!(parse_interactive(src).is_err_and(|e| !e.incomplete), "{src:?}");
        }
    }
}
