//! `SyntaxError`: the front end's one error type, and its CPython-style rendering.

use crate::ast::Span;
use crate::line_index::LineIndex;

/// Which Python exception class a syntax error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`
    Syntax,
    /// `IndentationError`
    Indentation,
    /// `TabError`
    Tab,
}

/// A syntax error with its location, ready to render like CPython does.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message, e.g. `invalid syntax` or `expected ':'`.
    pub msg: String,
    /// Where the caret goes (byte offsets into the source).
    pub span: Span,
    /// True when more input could complete the source (the REPL shows `...`).
    pub incomplete: bool,
}

impl SyntaxError {
    /// Makes a complete (not "incomplete input") error.
    pub fn new(kind: ErrorKind, msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind, msg: msg.into(), span, incomplete: false }
    }

    /// The Python class name: `SyntaxError`, `IndentationError` or `TabError`.
    pub fn class_name(&self) -> &'static str {
        match self.kind {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
        }
    }

    /// 1-based line number of the error.
    pub fn line(&self, source: &str) -> usize {
        LineIndex::new(source).line_col(self.span.start as usize).0
    }

    /// Renders the error as CPython prints it for an uncaught SyntaxError:
    /// `  File "x.py", line N`, the source line, a caret line, then `SyntaxError: msg`.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let index = LineIndex::new(source);
        let (line, col) = index.line_col(self.span.start as usize);
        let text = index.line_text(source, line);
        let trimmed = text.trim_start();
        let indent = text.chars().count() - trimmed.chars().count();
        let caret_col = col.saturating_sub(indent);
        let mut out = format!("  File \"{filename}\", line {line}\n");
        out.push_str(&format!("    {}\n", trimmed.trim_end()));
        out.push_str(&format!("    {}^\n", " ".repeat(caret_col)));
        out.push_str(&format!("{}: {}", self.class_name(), self.msg));
        out
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}
