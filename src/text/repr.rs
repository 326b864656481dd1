//! `repr()` of `str` and `bytes`, and `ascii()` of `str`: CPython's quote choice and escapes.

use super::unicode::is_printable;
use std::fmt::Write;

/// The quote CPython picks: `"` only when the text has `'` and no `"`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// Appends `c` escaped as `\xhh`, `\uhhhh` or `\Uhhhhhhhh` by magnitude.
fn push_code_escape(out: &mut String, c: char) {
    let cp = c as u32;
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

/// The body of `repr`: quotes, `\\`, `\t\n\r`, controls and non-printables.
fn quote_str(s: &str) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if c.is_ascii() => push_code_escape(&mut out, c),
            c if is_printable(c) => out.push(c),
            c => push_code_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(s)` for a `str`.
pub fn repr_str(s: &str) -> String {
    quote_str(s)
}

/// `ascii(obj)` from `repr(obj)`: every non-ASCII character escaped as `\xhh`, `\uhhhh`
/// or `\Uhhhhhhhh`, everything else kept (the repr is already quoted).
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_code_escape(&mut out, c);
        }
    }
    out
}

/// Python's `repr(b)` for `bytes`: `b'...'`.
pub fn repr_bytes(b: &[u8]) -> String {
    quote_bytes(b, false)
}

/// Python's `repr(ba)` for `bytearray`: `bytearray(b'...')`, where CPython escapes `'` even
/// inside double quotes.
pub fn repr_bytearray(b: &[u8]) -> String {
    format!("bytearray({})", quote_bytes(b, true))
}

fn quote_bytes(b: &[u8], always_escape_single: bool) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"')) as u8;
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            q if q == quote || (always_escape_single && q == b'\'') => {
                out.push('\\');
                out.push(q as char);
            }
            b' '..=b'~' => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    include!("testdata/repr_cases.rs");

    #[test]
    fn str_table() {
        for &(s, repr, ascii) in STR_REPR_CASES {
            assert_eq!(repr_str(s), repr, "repr({s:?})");
            assert_eq!(ascii_escape(&repr_str(s)), ascii, "ascii({s:?})");
        }
    }

    #[test]
    fn bytes_table() {
        for &(b, repr) in BYTES_REPR_CASES {
            assert_eq!(repr_bytes(b), repr, "repr({b:?})");
        }
    }

    #[test]
    fn every_code_point_matches_cpython() {
        // One entry per block of 4096 code points: CPython's summed repr() lengths.
        for &(start, total) in REPR_LEN_DIGEST {
            let mut sum = 0usize;
            for cp in start..start + 4096 {
                if let Some(c) = char::from_u32(cp) {
                    sum += repr_str(c.encode_utf8(&mut [0; 4])).chars().count();
                }
            }
            assert_eq!(sum, total, "block starting {start:#x}");
        }
    }
}
