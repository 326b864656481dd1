//! Python `bytes` methods where Rust's std has no direct equivalent: ASCII-whitespace `split`
//! and `strip`, byte-index `find`/`count` with slice clamping, `replace` (including an empty
//! pattern), `hex(sep, bytes_per_sep)` and `bytes.fromhex`.

use super::strmethods::adjust_indices;
use super::{TextError, TextResult, MAX_FORMAT_LEN};

/// `ValueError` text for `bytes.index` misses.
pub const SUBSECTION_NOT_FOUND: &str = "subsection not found";

/// `bytes.isspace()` per byte: space, `\t`, `\n`, `\r`, `\x0b`, `\x0c`.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// First occurrence of `needle` in `hay`.
pub fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    (0..=last_start).find(|&i| hay[i] == first && &hay[i + 1..i + needle.len()] == rest)
}

/// Last occurrence of `needle` in `hay`.
pub fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let last_start = hay.len().checked_sub(needle.len())?;
    (0..=last_start).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

/// The adjusted `[start, end)` window, or `None` when `start > end`.
fn window(len: usize, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    let (s, e) = adjust_indices(start, end, len);
    (s <= e).then_some((s, e))
}

/// `b.find(sub, start, end)`.
pub fn find(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (s, e) = window(b.len(), start, end)?;
    find_sub(&b[s..e], sub).map(|i| i + s)
}

/// `b.rfind(sub, start, end)`.
pub fn rfind(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (s, e) = window(b.len(), start, end)?;
    rfind_sub(&b[s..e], sub).map(|i| i + s)
}

/// `b.index(sub, start, end)`: a miss is `ValueError: subsection not found`.
pub fn index(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> TextResult<usize> {
    find(b, sub, start, end).ok_or_else(|| TextError::value(SUBSECTION_NOT_FOUND))
}

/// `b.count(sub, start, end)`: non-overlapping; an empty `sub` counts every gap.
pub fn count(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> usize {
    let Some((s, e)) = window(b.len(), start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return e - s + 1;
    }
    let mut hay = &b[s..e];
    let mut n = 0;
    while let Some(i) = find_sub(hay, sub) {
        n += 1;
        hay = &hay[i + sub.len()..];
    }
    n
}

/// `b.startswith(prefix, start, end)`.
pub fn startswith(b: &[u8], prefix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    let (s, _) = adjust_indices(start, end, b.len());
    s <= b.len() && window(b.len(), start, end).is_some_and(|(s, e)| b[s..e].starts_with(prefix))
}

/// `b.endswith(suffix, start, end)`.
pub fn endswith(b: &[u8], suffix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    let (s, _) = adjust_indices(start, end, b.len());
    s <= b.len() && window(b.len(), start, end).is_some_and(|(s, e)| b[s..e].ends_with(suffix))
}

/// Separator-mode split from the left.
fn split_on<'a>(b: &'a [u8], sep: &[u8], limit: usize) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = b;
    while out.len() < limit {
        let Some(i) = find_sub(rest, sep) else { break };
        out.push(&rest[..i]);
        rest = &rest[i + sep.len()..];
    }
    out.push(rest);
    out
}

/// Separator-mode split from the right (result in reverse order).
fn rsplit_on<'a>(b: &'a [u8], sep: &[u8], limit: usize) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = b;
    while out.len() < limit {
        let Some(i) = rfind_sub(rest, sep) else { break };
        out.push(&rest[i + sep.len()..]);
        rest = &rest[..i];
    }
    out.push(rest);
    out
}

/// `b.split(sep, maxsplit)`: `None` splits on runs of ASCII whitespace.
pub fn split<'a>(b: &'a [u8], sep: Option<&[u8]>, maxsplit: i64) -> TextResult<Vec<&'a [u8]>> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    match sep {
        Some([]) => Err(TextError::value("empty separator")),
        Some(sep) => Ok(split_on(b, sep, limit)),
        None => {
            let mut out = Vec::new();
            let mut rest = lstrip(b, None);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest);
                    break;
                }
                let end = rest.iter().position(|&c| is_space(c)).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = lstrip(&rest[end..], None);
            }
            Ok(out)
        }
    }
}

/// `b.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(b: &'a [u8], sep: Option<&[u8]>, maxsplit: i64) -> TextResult<Vec<&'a [u8]>> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = match sep {
        Some([]) => return Err(TextError::value("empty separator")),
        Some(sep) => rsplit_on(b, sep, limit),
        None => {
            let mut out = Vec::new();
            let mut rest = rstrip(b, None);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest);
                    break;
                }
                let start = rest.iter().rposition(|&c| is_space(c)).map_or(0, |i| i + 1);
                out.push(&rest[start..]);
                rest = rstrip(&rest[..start], None);
            }
            out
        }
    };
    out.reverse();
    Ok(out)
}

/// Whether `c` is stripped: ASCII whitespace by default, else membership in `chars`.
fn strippable(c: u8, chars: Option<&[u8]>) -> bool {
    chars.map_or_else(|| is_space(c), |set| set.contains(&c))
}

/// `b.lstrip(chars)`.
pub fn lstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let start = b.iter().position(|&c| !strippable(c, chars)).unwrap_or(b.len());
    &b[start..]
}

/// `b.rstrip(chars)`.
pub fn rstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let end = b.iter().rposition(|&c| !strippable(c, chars)).map_or(0, |i| i + 1);
    &b[..end]
}

/// `b.strip(chars)`.
pub fn strip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    rstrip(lstrip(b, chars), chars)
}

/// `b.replace(old, new, count)` (`count < 0` means all; empty `old` inserts between bytes).
pub fn replace(b: &[u8], old: &[u8], new: &[u8], count: i64) -> TextResult<Vec<u8>> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        let slots = limit.min(b.len() + 1);
        if b.len().saturating_add(new.len().saturating_mul(slots)) > MAX_FORMAT_LEN {
            return Err(TextError::overflow("replace bytes is too long"));
        }
        for (i, &c) in b.iter().enumerate() {
            if i < slots {
                out.extend_from_slice(new);
            }
            out.push(c);
        }
        if slots > b.len() {
            out.extend_from_slice(new);
        }
        return Ok(out);
    }
    let mut rest = b;
    let mut done = 0;
    while done < limit {
        let Some(i) = find_sub(rest, old) else { break };
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(new);
        rest = &rest[i + old.len()..];
        done += 1;
        if out.len() > MAX_FORMAT_LEN {
            return Err(TextError::overflow("replace bytes is too long"));
        }
    }
    out.extend_from_slice(rest);
    Ok(out)
}

/// `b.hex(sep, bytes_per_sep)`: `sep` must be one ASCII character; positive
/// `bytes_per_sep` groups from the right, negative from the left.
pub fn hex(b: &[u8], sep: Option<&str>, bytes_per_sep: i64) -> TextResult<String> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep = match sep {
        None => None,
        Some(s) if s.chars().count() != 1 => return Err(TextError::value("sep must be length 1.")),
        Some(s) if !s.is_ascii() => return Err(TextError::value("sep must be ASCII.")),
        Some(s) => Some(s.as_bytes()[0] as char),
    };
    let group = usize::try_from(bytes_per_sep.unsigned_abs()).unwrap_or(usize::MAX);
    let mut out = String::with_capacity(b.len() * 3);
    for (i, &byte) in b.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            let boundary =
                if bytes_per_sep > 0 { (b.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if boundary {
                out.push(sep);
            }
        }
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 15)] as char);
    }
    Ok(out)
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed between pairs.
pub fn fromhex(s: &str) -> TextResult<Vec<u8>> {
    let err = |pos: usize| {
        TextError::value(format!("non-hexadecimal number found in fromhex() arg at position {pos}"))
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()).ok_or_else(|| err(i))?;
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| err(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;
    use crate::text::test_util::{check, Expected};

    include!("testdata/bytesmethods_cases.rs");

    fn opt(v: i64) -> Option<i64> {
        (v != NONE).then_some(v)
    }

    #[test]
    fn split_table() {
        for &(b, sep, has_sep, n, sw, rw) in BYTES_SPLIT_CASES {
            let sep = has_sep.then_some(sep);
            assert_eq!(split(b, sep, n).unwrap(), sw, "{b:?}.split({sep:?}, {n})");
            assert_eq!(rsplit(b, sep, n).unwrap(), rw, "{b:?}.rsplit({sep:?}, {n})");
        }
        assert!(split(b"a", Some(b""), -1).is_err());
    }

    #[test]
    fn strip_table() {
        for &(b, chars, has, both, l, r) in BYTES_STRIP_CASES {
            let chars = has.then_some(chars);
            assert_eq!(strip(b, chars), both, "{b:?}.strip({chars:?})");
            assert_eq!(lstrip(b, chars), l);
            assert_eq!(rstrip(b, chars), r);
        }
    }

    #[test]
    fn search_table() {
        for &(b, sub, st, en, f, rf, c, sw, ew) in BYTES_SEARCH_CASES {
            let (st, en) = (opt(st), opt(en));
            let what = format!("{b:?} {sub:?} {st:?} {en:?}");
            assert_eq!(find(b, sub, st, en).map_or(-1, |v| v as i64), f, "find {what}");
            assert_eq!(rfind(b, sub, st, en).map_or(-1, |v| v as i64), rf, "rfind {what}");
            assert_eq!(count(b, sub, st, en) as i64, c, "count {what}");
            assert_eq!(startswith(b, sub, st, en), sw, "startswith {what}");
            assert_eq!(endswith(b, sub, st, en), ew, "endswith {what}");
        }
    }

    #[test]
    fn replace_table() {
        for &(b, old, new, n, want) in BYTES_REPLACE_CASES {
            assert_eq!(replace(b, old, new, n).unwrap(), want, "{b:?}.replace({old:?}, {new:?}, {n})");
        }
    }

    #[test]
    fn hex_table() {
        for &(b, sep, n, ref want) in HEX_CASES {
            let sep = (sep != "\u{0}NONE").then_some(sep);
            check(hex(b, sep, n), want, &format!("{b:?}.hex({sep:?}, {n})"));
        }
    }

    #[test]
    fn fromhex_table() {
        for &(s, ref want) in FROMHEX_CASES {
            let got = fromhex(s).map(|v| crate::text::repr::repr_bytes(&v));
            check(got, want, &format!("bytes.fromhex({s:?})"));
        }
    }
}
