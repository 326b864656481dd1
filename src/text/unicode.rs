//! Per-code-point Unicode properties and case mappings exactly as CPython 3.11 defines them
//! (`str.isprintable`, `isalpha`, `isdecimal`, ..., `upper`/`lower`/`title`/`casefold`), backed
//! by the generated tables in `unicode_tables.rs` with ASCII fast paths.

use super::unicode_tables as t;

/// Whether `c` lies in one of the sorted inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    find_range(ranges, c).is_some()
}

/// The range of `ranges` containing `c`, if any.
fn find_range(ranges: &[(u32, u32)], c: char) -> Option<(u32, u32)> {
    let cp = c as u32;
    let i = ranges.partition_point(|&(_, hi)| hi < cp);
    ranges.get(i).copied().filter(|&(lo, _)| lo <= cp)
}

/// The value of a decimal digit (category Nd), as `unicodedata.decimal(c)`. Nd characters
/// come in runs of ten starting at zero, which the generated table preserves.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    find_range(t::DECIMAL, c).map(|(lo, _)| (c as u32 - lo) % 10)
}

/// Looks `c` up in a sorted mapping table.
fn lookup(map: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    map.binary_search_by_key(&(c as u32), |&(cp, _)| cp).ok().map(|i| map[i].1)
}

/// `c.isprintable()`.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(t::PRINTABLE, c)
}

/// `c.isalpha()` (categories Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(t::ALPHA, c)
}

/// `c.isdecimal()` (category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DECIMAL, c)
}

/// `c.isdigit()` (Numeric_Type Decimal or Digit).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DIGIT, c)
}

/// `c.isnumeric()` (any Numeric_Type).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::NUMERIC, c)
}

/// `c.isalnum()`.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `c.isspace()` (Python's definition, which includes `\x1c`..`\x1f`).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    in_ranges(t::SPACE, c)
}

/// Lowercase property.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(t::LOWER, c)
}

/// Uppercase property.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(t::UPPER, c)
}

/// General category Lt.
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(t::TITLE, c)
}

/// Cased: lowercase, uppercase or titlecase.
pub fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_title(c)
}

/// Case_Ignorable (used by the final-sigma rule).
pub fn is_case_ignorable(c: char) -> bool {
    in_ranges(t::CASE_IGNORABLE, c)
}

/// May start an identifier (XID_Start or `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(t::XID_START, c)
}

/// May continue an identifier (XID_Continue).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(t::XID_CONTINUE, c)
}

/// Appends the full uppercase mapping of `c`.
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        out.push_str(lookup(t::UPPER_MAP, c).unwrap_or(c.encode_utf8(&mut [0; 4])));
    }
}

/// Appends the full lowercase mapping of `c` (capital sigma maps to `σ`; callers apply the
/// final-sigma rule).
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.push_str(lookup(t::LOWER_MAP, c).unwrap_or(c.encode_utf8(&mut [0; 4])));
    }
}

/// Appends the full titlecase mapping of `c`.
pub fn push_title(c: char, out: &mut String) {
    match lookup(t::TITLE_MAP, c) {
        Some(s) => out.push_str(s),
        None => push_upper(c, out),
    }
}

/// Appends the full case folding of `c`.
pub fn push_fold(c: char, out: &mut String) {
    match lookup(t::FOLD_MAP, c) {
        Some(s) => out.push_str(s),
        None => push_lower(c, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spot_checks() {
        assert!(is_printable('é') && !is_printable('\u{a0}') && !is_printable('\u{200b}'));
        assert!(is_space('\x1c') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('一') && !is_digit('一'));
        assert!(is_alpha('ª') && !is_alpha('\u{345}'));
        assert!(is_title('ǅ') && is_cased('ǅ'));
        let mut s = String::new();
        push_title('ß', &mut s);
        push_fold('ß', &mut s);
        push_upper('ﬃ', &mut s);
        push_lower('İ', &mut s);
        assert_eq!(s, "SsssFFIi\u{307}");
        assert_eq!(decimal_value('\u{667}'), Some(7));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('²'), None);
    }
}
