//! Pure text algorithms for gyre: float repr, the format-spec mini-language, printf-style `%`
//! formatting, `repr()`/`ascii()` of strings and bytes, `int()`/`float()` parsing, `str`/`bytes`
//! methods whose semantics differ from Rust's std, and float rounding/division helpers.
//!
//! Nothing here depends on the VM: plain Rust values go in, plain Rust values come out, and
//! failures are reported as [`TextError`] values carrying CPython 3.11's exact message and the
//! Python exception class the VM should raise.

pub mod bytesmethods;
pub mod codecs;
pub mod float_repr;
pub mod format_spec;
pub mod number_parse;
pub mod percent;
pub mod repr;
pub mod round;
pub mod strmethods;
#[cfg(test)]
mod test_util;
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;

use std::fmt;

/// The Python exception class a [`TextError`] maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ValueError`.
    Value,
    /// `TypeError`.
    Type,
    /// `OverflowError`.
    Overflow,
    /// `KeyError` (only `%(name)s` lookups; the message is the key's repr).
    Key,
    /// `ZeroDivisionError`.
    ZeroDivision,
}

/// A failure from this module: the exception class and CPython's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// Which Python exception to raise.
    pub kind: ErrorKind,
    /// The exception's message, byte-for-byte as CPython 3.11 prints it.
    pub message: String,
}

impl TextError {
    /// A `ValueError` with `message`.
    pub fn value(message: impl Into<String>) -> Self {
        TextError { kind: ErrorKind::Value, message: message.into() }
    }

    /// A `TypeError` with `message`.
    pub fn type_error(message: impl Into<String>) -> Self {
        TextError { kind: ErrorKind::Type, message: message.into() }
    }

    /// An `OverflowError` with `message`.
    pub fn overflow(message: impl Into<String>) -> Self {
        TextError { kind: ErrorKind::Overflow, message: message.into() }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TextError {}

/// Result alias used throughout the text module.
pub type TextResult<T> = Result<T, TextError>;

/// Largest width or precision this module will materialise. CPython accepts anything up to
/// `sys.maxsize` and then fails to allocate; we refuse earlier with a clean `ValueError`.
pub const MAX_FORMAT_LEN: usize = 1 << 24;
