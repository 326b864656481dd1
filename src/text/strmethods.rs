//! Python `str` methods whose semantics differ from Rust's std: code-point indices with slice
//! clamping, whitespace- vs separator-mode `split`, Python's line boundaries and whitespace,
//! padding rules, case conversions with titlecase and final sigma, and the `is*` predicates.
//!
//! Indices (`start`, `end`, results) are code-point indices, as Python sees them; the
//! [`char_to_byte`] / [`byte_to_char`] helpers convert, with an ASCII fast path.

use super::unicode as u;
use super::{TextError, TextResult, MAX_FORMAT_LEN};

/// `ValueError` text for `index`/`rindex` misses on `str`.
pub const SUBSTRING_NOT_FOUND: &str = "substring not found";

/// `ValueError` for an empty separator (`split`, `partition`, ...).
fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

/// Number of code points in `s`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `index` in `s` (`s.len()` when `index >= char_len(s)`).
pub fn char_to_byte(s: &str, index: usize) -> usize {
    if s.is_ascii() {
        return index.min(s.len());
    }
    s.char_indices().nth(index).map_or(s.len(), |(b, _)| b)
}

/// Code-point index of byte offset `byte` (which must be a char boundary) in `s`.
pub fn byte_to_char(s: &str, byte: usize) -> usize {
    let prefix = &s.as_bytes()[..byte.min(s.len())];
    if prefix.is_ascii() {
        prefix.len()
    } else {
        prefix.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }
}

/// Python's slice-index adjustment for `start`/`end` arguments of `find`, `count`, ...:
/// `None` means the bound itself, negatives count from the end (clamped at 0), `end` is
/// clamped to `len`; `start` may stay past the end (then nothing matches).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let fix = |v: i64| {
        if v < 0 {
            (v + len_i).max(0)
        } else {
            v
        }
    };
    let end = end.map_or(len_i, fix).min(len_i);
    let start = start.map_or(0, fix);
    (usize::try_from(start).unwrap_or(usize::MAX), end as usize)
}

/// The `[start, end)` window of `s` as byte offsets, or `None` when `start > end`.
fn window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize, usize)> {
    let (cs, ce) = adjust_indices(start, end, char_len(s));
    if cs > ce {
        return None;
    }
    Some((cs, char_to_byte(s, cs), char_to_byte(s, ce)))
}

/// `s.find(sub, start, end)`: code-point index or `None` (Python's -1).
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (cs, bs, be) = window(s, start, end)?;
    let pos = s[bs..be].find(sub)?;
    Some(cs + byte_to_char(&s[bs..], pos))
}

/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (cs, bs, be) = window(s, start, end)?;
    let pos = s[bs..be].rfind(sub)?;
    Some(cs + byte_to_char(&s[bs..], pos))
}

/// `s.index(sub, start, end)`: like [`find`] but a miss is `ValueError: substring not found`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TextResult<usize> {
    find(s, sub, start, end).ok_or_else(|| TextError::value(SUBSTRING_NOT_FOUND))
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TextResult<usize> {
    rfind(s, sub, start, end).ok_or_else(|| TextError::value(SUBSTRING_NOT_FOUND))
}

/// `s.count(sub, start, end)`: non-overlapping; an empty `sub` counts every gap.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let Some((cs, bs, be)) = window(s, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        let (_, ce) = adjust_indices(start, end, char_len(s));
        return ce - cs + 1;
    }
    s[bs..be].matches(sub).count()
}

/// `s.startswith(prefix, start, end)` for one prefix (the VM loops over tuples).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let len = char_len(s);
    let (cs, _) = adjust_indices(start, end, len);
    if cs > len {
        return false;
    }
    window(s, start, end).is_some_and(|(_, bs, be)| s[bs..be].starts_with(prefix))
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let len = char_len(s);
    let (cs, _) = adjust_indices(start, end, len);
    if cs > len {
        return false;
    }
    window(s, start, end).is_some_and(|(_, bs, be)| s[bs..be].ends_with(suffix))
}

/// Splits off the next whitespace-delimited word from the front: (word, rest after it).
fn next_word(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start_matches(u::is_space);
    if s.is_empty() {
        return None;
    }
    let end = s.find(u::is_space).unwrap_or(s.len());
    Some((&s[..end], &s[end..]))
}

/// `s.split(sep, maxsplit)` (`maxsplit < 0` means no limit). `sep == None` splits on runs of
/// Python whitespace and drops empty strings; an empty `sep` is `ValueError: empty separator`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> TextResult<Vec<&'a str>> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => Ok(s.splitn(limit.saturating_add(1), sep).collect()),
        None if s.is_ascii() => Ok(split_ascii_space(s, limit)),
        None => {
            let mut out = Vec::new();
            let mut rest = s;
            while let Some((word, after)) = next_word(rest) {
                if out.len() == limit {
                    out.push(rest.trim_start_matches(u::is_space));
                    break;
                }
                out.push(word);
                rest = after;
            }
            Ok(out)
        }
    }
}

/// Python whitespace among ASCII bytes (as [`u::is_space`] decides for ASCII characters).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

/// [`split`] on whitespace of an ASCII string, scanning bytes instead of decoding characters
/// (the common case, several times faster): at most `limit` splits, the rest kept whole.
fn split_ascii_space(s: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for_each_ascii_word(s, limit, |w| out.push(w));
    out
}

/// Calls `emit` with each piece of `s.split(None, limit)` for an ASCII `s`, in order (the
/// last piece is the unsplit rest once `limit` splits are made). `str.split` builds its
/// result values straight from the pieces this way, without a vector of slices.
pub fn for_each_ascii_word<'a>(s: &'a str, limit: usize, mut emit: impl FnMut(&'a str)) {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    loop {
        while i < b.len() && is_ascii_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if n == limit {
            emit(&s[i..]);
            break;
        }
        let start = i;
        while i < b.len() && !is_ascii_space(b[i]) {
            i += 1;
        }
        emit(&s[start..i]);
        n += 1;
    }
}

/// Splits off the last whitespace-delimited word: (rest before it, word).
fn prev_word(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_end_matches(u::is_space);
    if s.is_empty() {
        return None;
    }
    let start = s.char_indices().rev().find(|&(_, c)| u::is_space(c)).map_or(0, |(i, c)| i + c.len_utf8());
    Some((&s[..start], &s[start..]))
}

/// `s.rsplit(sep, maxsplit)`: like [`split`] but from the right.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> TextResult<Vec<&'a str>> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out: Vec<&str> = match sep {
        Some("") => return Err(empty_separator()),
        Some(sep) => s.rsplitn(limit.saturating_add(1), sep).collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = s;
            while let Some((before, word)) = prev_word(rest) {
                if out.len() == limit {
                    out.push(rest.trim_end_matches(u::is_space));
                    break;
                }
                out.push(word);
                rest = before;
            }
            out
        }
    };
    out.reverse();
    Ok(out)
}

/// Python's line-boundary characters (besides `\r\n` as a pair).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
            iter.next();
            end += 1;
        }
        out.push(if keepends { &s[start..end] } else { &s[start..i] });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `s.strip(chars)`: `None` strips Python whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(u::is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(u::is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// Rejects widths we will not materialise (CPython would try and raise MemoryError).
fn check_len(n: usize) -> TextResult<()> {
    if n > MAX_FORMAT_LEN {
        return Err(TextError::overflow("new string is too long"));
    }
    Ok(())
}

/// `s` with `left` and `right` copies of `fill` around it.
fn padded(s: &str, left: usize, right: usize, fill: char) -> TextResult<String> {
    check_len(left + right)?;
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Padding needed to reach `width`, or `None` if `s` is already at least that wide.
fn margin(s: &str, width: i64) -> Option<usize> {
    let len = char_len(s) as i64;
    (width > len).then(|| (width - len) as usize)
}

/// `s.center(width, fillchar)`, with CPython's rule for odd padding.
pub fn center(s: &str, width: i64, fill: char) -> TextResult<String> {
    let Some(marg) = margin(s, width) else {
        return Ok(s.to_string());
    };
    let left = marg / 2 + (marg & width as usize & 1);
    padded(s, left, marg - left, fill)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> TextResult<String> {
    let marg = margin(s, width).unwrap_or(0);
    padded(s, 0, marg, fill)
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> TextResult<String> {
    let marg = margin(s, width).unwrap_or(0);
    padded(s, marg, 0, fill)
}

/// `s.zfill(width)`: zeros after a leading `+`/`-`.
pub fn zfill(s: &str, width: i64) -> TextResult<String> {
    let marg = margin(s, width).unwrap_or(0);
    let mut out = padded(s, marg, 0, '0')?;
    if marg > 0 && (s.starts_with('+') || s.starts_with('-')) {
        let sign = &s[..1];
        out.replace_range(0..1, sign);
        out.replace_range(marg..marg + 1, "0");
    }
    Ok(out)
}

/// `s.expandtabs(tabsize)`: columns reset after `\n` and `\r`.
pub fn expandtabs(s: &str, tabsize: i64) -> TextResult<String> {
    let mut out = String::with_capacity(s.len());
    let mut column: usize = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let ts = usize::try_from(tabsize).unwrap_or(usize::MAX);
                    let n = ts - column % ts;
                    check_len(out.len().saturating_add(n))?;
                    out.extend(std::iter::repeat_n(' ', n));
                    column += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(out)
}

/// Capital sigma lowers to final `ς` when preceded by a cased letter and not followed by one
/// (skipping case-ignorable characters both ways).
fn lower_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|&&c| !u::is_case_ignorable(c));
    if !before.is_some_and(|&c| u::is_cased(c)) {
        return 'σ';
    }
    let after = chars[i + 1..].iter().find(|&&c| !u::is_case_ignorable(c));
    if after.is_some_and(|&c| u::is_cased(c)) {
        'σ'
    } else {
        'ς'
    }
}

/// Appends the lowercase of `chars[i]`, applying the final-sigma rule.
fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    if chars[i] == 'Σ' {
        out.push(lower_sigma(chars, i));
    } else {
        u::push_lower(chars[i], out);
    }
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&chars, i, &mut out);
    }
    out
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| u::push_upper(c, &mut out));
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| u::push_fold(c, &mut out));
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if u::is_upper(c) {
            push_lower_at(&chars, i, &mut out);
        } else if u::is_lower(c) {
            u::push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.title()`: titlecase after uncased characters, lowercase after cased ones.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_cased {
            push_lower_at(&chars, i, &mut out);
        } else {
            u::push_title(c, &mut out);
        }
        previous_cased = u::is_cased(c);
    }
    out
}

/// `s.capitalize()` (3.8+): first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            u::push_title(chars[0], &mut out);
        } else {
            push_lower_at(&chars, i, &mut out);
        }
    }
    out
}

/// Non-empty and every character satisfies `pred`.
fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, u::is_digit)
}

/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, u::is_decimal)
}

/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, u::is_numeric)
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, u::is_alpha)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, u::is_alnum)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, u::is_space)
}

/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(u::is_printable)
}

/// `s.isascii()`.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isidentifier()` (no keyword check; that is `keyword.iskeyword`).
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(u::is_xid_start) && chars.all(u::is_xid_continue)
}

/// `s.isupper()`: has a cased character and none lowercase or titlecase.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if u::is_lower(c) || u::is_title(c) {
            return false;
        }
        cased |= u::is_upper(c);
    }
    cased
}

/// `s.islower()`: has a cased character and none uppercase or titlecase.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if u::is_upper(c) || u::is_title(c) {
            return false;
        }
        cased |= u::is_lower(c);
    }
    cased
}

/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.chars() {
        if u::is_upper(c) || u::is_title(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if u::is_lower(c) {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `s.replace(old, new, count)` (`count < 0` means all). An empty `old` inserts `new` before
/// every character and at the end, up to `count` times.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> TextResult<String> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if !old.is_empty() {
        let hits = s.matches(old).take(limit).count();
        let growth = new.len().saturating_sub(old.len()).saturating_mul(hits);
        check_len(s.len().saturating_add(growth))?;
        return Ok(s.replacen(old, new, limit));
    }
    let slots = limit.min(char_len(s) + 1);
    check_len(s.len().saturating_add(new.len().saturating_mul(slots)))?;
    let mut out = String::with_capacity(s.len() + new.len() * slots);
    let mut inserted = 0;
    for c in s.chars() {
        if inserted < slots {
            out.push_str(new);
            inserted += 1;
        }
        out.push(c);
    }
    if inserted < slots {
        out.push_str(new);
    }
    Ok(out)
}

/// `s.partition(sep)`: `(before, sep, after)`, or `(s, "", "")` when `sep` is absent.
pub fn partition<'a>(s: &'a str, sep: &str) -> TextResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: `(before, sep, after)`, or `("", "", s)` when `sep` is absent.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> TextResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

#[cfg(test)]
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    include!("testdata/strmethods_cases.rs");

    fn opt(v: i64) -> Option<i64> {
        (v != NONE).then_some(v)
    }

    #[test]
    fn split_table() {
        for &(s, sep, maxsplit, split_want, rsplit_want) in SPLIT_CASES {
            let sep = (sep != "\u{0}NONE").then_some(sep);
            let what = format!("{s:?}.split({sep:?}, {maxsplit})");
            assert_eq!(split(s, sep, maxsplit).unwrap(), split_want, "{what}");
            assert_eq!(rsplit(s, sep, maxsplit).unwrap(), rsplit_want, "r{what}");
        }
    }

    #[test]
    fn splitlines_table() {
        for &(s, plain, keep) in SPLITLINES_CASES {
            assert_eq!(splitlines(s, false), plain, "{s:?}");
            assert_eq!(splitlines(s, true), keep, "{s:?}");
        }
    }

    #[test]
    fn strip_table() {
        for &(s, chars, both, left, right) in STRIP_CASES {
            let chars = (chars != "\u{0}NONE").then_some(chars);
            assert_eq!(strip(s, chars), both, "{s:?}.strip({chars:?})");
            assert_eq!(lstrip(s, chars), left, "{s:?}.lstrip({chars:?})");
            assert_eq!(rstrip(s, chars), right, "{s:?}.rstrip({chars:?})");
        }
    }

    #[test]
    fn pad_table() {
        for &(s, width, fill, c, l, r, z) in PAD_CASES {
            assert_eq!(center(s, width, fill).unwrap(), c, "{s:?}.center({width}, {fill:?})");
            assert_eq!(ljust(s, width, fill).unwrap(), l, "{s:?}.ljust({width})");
            assert_eq!(rjust(s, width, fill).unwrap(), r, "{s:?}.rjust({width})");
            assert_eq!(zfill(s, width).unwrap(), z, "{s:?}.zfill({width})");
        }
    }

    #[test]
    fn expandtabs_table() {
        for &(s, size, want) in EXPANDTABS_CASES {
            assert_eq!(expandtabs(s, size).unwrap(), want, "{s:?}.expandtabs({size})");
        }
    }

    #[test]
    fn case_table() {
        for &(s, wants) in CASE_CASES {
            let got = [upper(s), lower(s), title(s), capitalize(s), swapcase(s), casefold(s)];
            assert_eq!(got, wants, "case conversions of {s:?}");
        }
    }

    #[test]
    fn predicate_table() {
        let preds: [fn(&str) -> bool; 13] = [
            isdigit,
            isdecimal,
            isnumeric,
            isalpha,
            isalnum,
            isspace,
            isupper,
            islower,
            istitle,
            isidentifier,
            isprintable,
            isascii,
            |_| true,
        ];
        for &(s, wants) in PREDICATE_CASES {
            let got: Vec<bool> = preds[..12].iter().map(|p| p(s)).collect();
            assert_eq!(got, wants, "predicates of {s:?}");
        }
    }

    #[test]
    fn search_table() {
        for &(s, sub, start, end, f, rf, c, sw, ew) in SEARCH_CASES {
            let (st, en) = (opt(start), opt(end));
            let what = format!("{s:?} {sub:?} {start} {end}");
            assert_eq!(find(s, sub, st, en).map_or(-1, |v| v as i64), f, "find {what}");
            assert_eq!(rfind(s, sub, st, en).map_or(-1, |v| v as i64), rf, "rfind {what}");
            assert_eq!(count(s, sub, st, en) as i64, c, "count {what}");
            assert_eq!(startswith(s, sub, st, en), sw, "startswith {what}");
            assert_eq!(endswith(s, sub, st, en), ew, "endswith {what}");
        }
    }

    #[test]
    fn replace_partition_table() {
        for &(s, old, new, n, want, part, rpart) in REPLACE_CASES {
            assert_eq!(replace(s, old, new, n).unwrap(), want, "{s:?}.replace({old:?}, {new:?}, {n})");
            if old.is_empty() {
                assert_eq!(partition(s, old).unwrap_err().message, "empty separator");
                assert_eq!(rpartition(s, old).unwrap_err().message, "empty separator");
                continue;
            }
            assert_eq!(partition(s, old).unwrap(), part, "{s:?}.partition({old:?})");
            assert_eq!(rpartition(s, old).unwrap(), rpart, "{s:?}.rpartition({old:?})");
        }
    }

    #[test]
    fn empty_separator_errors() {
        assert_eq!(split("a", Some(""), -1).unwrap_err().message, "empty separator");
        assert_eq!(rsplit("a", Some(""), 1).unwrap_err().message, "empty separator");
    }

    #[test]
    fn index_helpers() {
        let s = "aé日b";
        assert_eq!(char_len(s), 4);
        assert_eq!(char_to_byte(s, 2), 3);
        assert_eq!(byte_to_char(s, 6), 3);
        assert_eq!(char_to_byte(s, 10), s.len());
        assert_eq!(index("abc", "z", None, None).unwrap_err().message, SUBSTRING_NOT_FOUND);
    }

    #[test]
    fn huge_padding_is_refused() {
        assert!(center("a", 1 << 40, ' ').is_err());
        assert!(expandtabs("\t", 1 << 40).is_err());
    }
}
