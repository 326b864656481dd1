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

    /// Renders the error as CPython 3.11 prints an uncaught SyntaxError: `  File "x.py", line
    /// N`, the source line without its indentation, a caret line (`^`, or `^^^` over a range),
    /// then `SyntaxError: msg`. Follows `print_error_text` in CPython's pythonrun.c, including
    /// its clipping rules and omitting the caret when it would point left of the text.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let index = LineIndex::new(source);
        let (line, col) = index.line_col(self.span.start as usize);
        let (end_line, end_col) = index.line_col(self.span.end as usize);
        let text = index.line_text(source, line);
        let len = text.chars().count();
        let text_end = (text.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize) + text.len();
        let has_newline = source.get(text_end..).is_some_and(|rest| rest.starts_with(['\n', '\r']));
        let line_size = len + usize::from(has_newline);
        let offset = col + 1;
        let mut end_offset = if end_line == line { end_col + 1 } else { line_size };
        end_offset = end_offset.min(line_size + 1);
        let carets = if end_offset > offset { end_offset - offset } else { 1 };
        let mut out = format!("  File \"{filename}\", line {line}\n");
        let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
        let indent = len - trimmed.chars().count();
        out.push_str(&format!("    {trimmed}\n"));
        let caret = (offset as isize - 1 - indent as isize).min(trimmed.chars().count() as isize);
        if caret >= 0 {
            out.push_str(&format!("    {}{}\n", " ".repeat(caret as usize), "^".repeat(carets)));
        }
        out.push_str(&format!("{}: {}", self.class_name(), self.msg));
        out
    }

    /// CPython's `SyntaxError.offset` for this error: the 1-based column in characters.
    pub fn offset(&self, source: &str) -> usize {
        LineIndex::new(source).line_col(self.span.start as usize).1 + 1
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}
