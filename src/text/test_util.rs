//! Shared helpers for the text module's table-driven tests (compiled only under `cfg(test)`).

use super::{ErrorKind, TextResult};

/// An expected outcome from the CPython oracle: the text, or (exception class, message).
pub type Expected = Result<&'static str, (&'static str, &'static str)>;

/// The Python exception class name for an [`ErrorKind`].
pub fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Value => "ValueError",
        ErrorKind::Type => "TypeError",
        ErrorKind::Overflow => "OverflowError",
        ErrorKind::Key => "KeyError",
        ErrorKind::ZeroDivision => "ZeroDivisionError",
    }
}

/// Asserts that `got` matches the oracle's `want`; `what` describes the case.
pub fn check(got: TextResult<String>, want: &Expected, what: &str) {
    match (got, want) {
        (Ok(g), Ok(w)) => assert_eq!(g, *w, "{what}"),
        (Err(e), Err((kind, msg))) => {
            assert_eq!((kind_name(e.kind), e.message.as_str()), (*kind, *msg), "{what}");
        }
        (g, w) => panic!("{what}: got {g:?}, want {w:?}"),
    }
}
