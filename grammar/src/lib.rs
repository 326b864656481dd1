//! gyre's front end: source text to a validated AST, or a CPython-style `SyntaxError`.
//!
//! Pipeline: `lexer` (logos tokens) -> `layout` (NEWLINE/INDENT/DEDENT) -> the lalrpop
//! parser -> `validate` (targets, context of `return`/`await`/...). Nothing here knows about
//! the runtime. The public surface is the functions below, [`ast`], [`SyntaxError`] and
//! [`LineIndex`]; LALRPOP's own error type never leaves this crate.

#![forbid(unsafe_code)]

pub mod ast;
mod error;
mod interactive;
mod layout;
mod lexer;
mod line_index;
mod match_check;
mod parser;
mod soft_keywords;
mod strings;
mod token;
mod validate;

pub use error::{ErrorKind, SyntaxError};
pub use interactive::parse_interactive;
pub use line_index::LineIndex;
pub use match_check::bound_names;

/// What kind of input is being parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A file or `-c` string: `await` is only valid inside `async def`.
    Module,
    /// One REPL input: like `Module`, but top-level `await` is allowed.
    Interactive,
}

/// Parses and validates a whole module.
///
/// ```
/// let m = gyre_grammar::parse("x = 1\n", gyre_grammar::Mode::Module).unwrap();
/// assert_eq!(m.body.len(), 1);
/// ```
pub fn parse(source: &str, mode: Mode) -> Result<ast::Module, SyntaxError> {
    let body = parser::parse_module(source)?;
    validate::check_module(&body, mode)?;
    Ok(ast::Module { body })
}

/// The token stream after the layout pass, one token per line as `line:col TOKEN`, for
/// snapshot tests and debugging. A lexer error ends the listing with `error: message`.
///
/// ```
/// let t = gyre_grammar::tokenize_debug("if x:\n    y\n");
/// assert!(t.contains("Indent"));
/// ```
pub fn tokenize_debug(source: &str) -> String {
    let lay = layout::layout(source, 0, source.len(), false);
    let index = LineIndex::new(source);
    let mut out = String::new();
    for (start, tok, end) in &lay.toks {
        let (line, col) = index.line_col(*start);
        let text = match tok {
            token::Tok::Str(_)
            | token::Tok::Name(_)
            | token::Tok::Int(_)
            | token::Tok::BigInt(_)
            | token::Tok::Float(_)
            | token::Tok::Imag(_) => {
                format!("{tok:?} {:?}", &source[*start..*end])
            }
            _ => format!("{tok:?}"),
        };
        out.push_str(&format!("{line}:{col} {text}\n"));
    }
    if let Some(e) = lay.error {
        out.push_str(&format!("error: {}\n", e.err.msg));
    }
    if let Some((open, _)) = lay.unclosed {
        out.push_str(&format!("unclosed: {open:?}\n"));
    }
    out
}

/// Decodes source bytes as UTF-8, giving CPython's SyntaxError for invalid bytes.
pub fn decode_source(bytes: &[u8]) -> Result<&str, SyntaxError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        SyntaxError::new(
            ErrorKind::Syntax,
            format!("Non-UTF-8 code starting with '\\x{:02x}'", bytes[at]),
            ast::Span::new(at, at),
        )
    })
}
