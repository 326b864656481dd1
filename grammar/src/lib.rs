//! gyre's front end: source text to a validated AST, or a CPython-style `SyntaxError`.
//!
//! Pipeline: `lexer` (logos tokens) -> `layout` (NEWLINE/INDENT/DEDENT) -> the lalrpop
//! parser -> `validate` (targets, context of `return`/`await`/...). Nothing here knows about
//! the runtime. The public surface is the functions below, [`ast`], [`SyntaxError`] and
//! [`LineIndex`]; LALRPOP's own error type never leaves this crate.

pub mod ast;
mod error;
mod line_index;

pub use error::{ErrorKind, SyntaxError};
pub use line_index::LineIndex;

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
    let _ = (source, mode);
    Err(SyntaxError::new(ErrorKind::Syntax, "parser not built yet", ast::Span::default()))
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
