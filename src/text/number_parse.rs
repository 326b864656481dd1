//! Numbers from and to text: `int(s, base)`, `float(s)`, `bin()/oct()/hex()`, and `str(int)`
//! with CPython 3.11's integer string-conversion digit limit and exact error messages.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::repr::repr_str;
use super::unicode::{decimal_value, is_space};
use super::{TextError, TextResult};

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// An integer parsed by [`parse_int`]: machine-sized when it fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedInt {
    /// Fits in an `i64`.
    Small(i64),
    /// Does not fit in an `i64`.
    Big(BigInt),
}

#[cfg(test)]
impl ParsedInt {
    /// The value as a `BigInt`.
    pub fn into_bigint(self) -> BigInt {
        match self {
            ParsedInt::Small(v) => BigInt::from(v),
            ParsedInt::Big(v) => v,
        }
    }
}

/// `ValueError: invalid literal for int() with base 10: 'abc'` (repr cut to 200 code points,
/// as CPython's `%.200R` does).
pub fn int_literal_error(s: &str, base: u32) -> TextError {
    let shown: String = repr_str(s).chars().take(200).collect();
    TextError::value(format!("invalid literal for int() with base {base}: {shown}"))
}

/// `ValueError: could not convert string to float: 'x'`.
pub fn float_literal_error(s: &str) -> TextError {
    TextError::value(format!("could not convert string to float: {}", repr_str(s)))
}

/// CPython's text for parsing an over-long decimal literal.
fn too_many_digits_parse(limit: usize, digits: usize) -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has \
         {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// CPython's text for `str()` of an over-long int.
fn too_many_digits_str(limit: usize) -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// CPython's numeric-string normalisation: Unicode decimal digits become ASCII digits and
/// non-ASCII whitespace becomes a space; `None` if another non-ASCII character is present.
fn to_ascii_numeric(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else {
            return None;
        }
    }
    Some(out)
}

/// Trims C `isspace` characters (` \t\n\v\f\r`) from both ends.
fn trim_c_space(b: &[u8]) -> &[u8] {
    let is_ws = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let start = b.iter().position(|c| !is_ws(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !is_ws(c)).map_or(start, |e| e + 1);
    &b[start..end]
}

/// Value of an ASCII digit or letter in bases up to 36.
fn digit_value(c: u8) -> Option<u32> {
    (c as char).to_digit(36)
}

/// Splits an optional `0x`/`0o`/`0b` prefix off `body`, resolving base 0.
/// Returns (base, rest, had_prefix).
fn split_prefix(body: &[u8], base: u32) -> (u32, &[u8], bool) {
    if body.len() >= 2 && body[0] == b'0' {
        let pb = match body[1].to_ascii_lowercase() {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            return (pb, &body[2..], true);
        }
    }
    (if base == 0 { 10 } else { base }, body, false)
}

/// Removes single underscores between digits (one may follow a base prefix); `None` if the
/// digits are empty, invalid for `base`, or the underscores are misplaced.
fn clean_digits(digits: &[u8], base: u32, after_prefix: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(digits.len());
    let mut prev_underscore = false;
    for (i, &c) in digits.iter().enumerate() {
        if c == b'_' {
            let allowed = if i == 0 { after_prefix } else { !prev_underscore };
            if !allowed {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        if digit_value(c).is_none_or(|d| d >= base) {
            return None;
        }
        out.push(c);
        prev_underscore = false;
    }
    if out.is_empty() || prev_underscore {
        return None;
    }
    Some(out)
}

/// `int(s, base)`: whitespace, sign, `0x`/`0o`/`0b` prefixes (base 0 or matching base),
/// underscores between digits, Unicode decimal digits. `max_str_digits` is CPython's
/// `sys.get_int_max_str_digits()` (0 = unlimited; only for bases that are not powers of two).
pub fn parse_int(s: &str, base: u32, max_str_digits: usize) -> TextResult<ParsedInt> {
    if base == 1 || base > 36 {
        return Err(TextError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || int_literal_error(s, base);
    let ascii = to_ascii_numeric(s).ok_or_else(invalid)?;
    let body = trim_c_space(&ascii);
    let (negative, body) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let (radix, digits, had_prefix) = split_prefix(body, base);
    let digits = clean_digits(digits, radix, had_prefix).ok_or_else(invalid)?;
    if base == 0 && !had_prefix && digits[0] == b'0' && digits.iter().any(|&d| d != b'0') {
        return Err(invalid());
    }
    if max_str_digits > 0 && !radix.is_power_of_two() && digits.len() > max_str_digits {
        return Err(too_many_digits_parse(max_str_digits, digits.len()));
    }
    Ok(digits_to_int(&digits, radix, negative))
}

/// Converts validated ASCII digits to a [`ParsedInt`].
fn digits_to_int(digits: &[u8], radix: u32, negative: bool) -> ParsedInt {
    let mut small: i128 = 0;
    let mut fits = digits.len() <= 64;
    for &c in digits {
        if !fits {
            break;
        }
        let d = i128::from(digit_value(c).unwrap_or(0));
        small = small * i128::from(radix) + d;
        fits = small <= i128::from(u64::MAX);
    }
    if fits {
        let v = if negative { -small } else { small };
        if let Ok(v) = i64::try_from(v) {
            return ParsedInt::Small(v);
        }
    }
    let big = BigInt::parse_bytes(digits, radix).unwrap_or_default();
    ParsedInt::Big(if negative { -big } else { big })
}

/// Checks the float literal grammar: `digits ['.' [digits]] | '.' digits`, then an optional
/// exponent; digit runs may contain single underscores between digits.
fn valid_float_syntax(b: &[u8]) -> bool {
    fn digit_run(b: &[u8], mut i: usize) -> Option<usize> {
        if !b.get(i)?.is_ascii_digit() {
            return None;
        }
        i += 1;
        loop {
            match b.get(i) {
                Some(c) if c.is_ascii_digit() => i += 1,
                Some(b'_') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 2,
                _ => return Some(i),
            }
        }
    }
    let mut i = 0;
    let int_end = digit_run(b, 0);
    let mut have_digits = int_end.is_some();
    if let Some(e) = int_end {
        i = e;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if let Some(e) = digit_run(b, i) {
            i = e;
            have_digits = true;
        }
    }
    if !have_digits {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        match digit_run(b, i) {
            Some(e) => i = e,
            None => return false,
        }
    }
    i == b.len()
}

/// `float(s)`: whitespace, sign, `inf`/`infinity`/`nan` in any case, underscores between
/// digits, exponents, Unicode decimal digits.
pub fn parse_float(s: &str) -> TextResult<f64> {
    let invalid = || float_literal_error(s);
    let ascii = to_ascii_numeric(s).ok_or_else(invalid)?;
    let body = trim_c_space(&ascii);
    let (negative, body) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => fresh_nan(),
        _ if valid_float_syntax(body) => {
            let cleaned: String = body.iter().filter(|&&c| c != b'_').map(|&c| c as char).collect();
            cleaned.parse::<f64>().map_err(|_| invalid())?
        }
        _ => return Err(invalid()),
    };
    Ok(if negative { -magnitude } else { magnitude })
}

thread_local! {
    /// Payload of the next NaN `float()` makes (see [`fresh_nan`]).
    static NEXT_NAN: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// Quiet NaN bits: exponent all ones and the quiet bit; the 51 bits below are the payload.
const QUIET_NAN: u64 = 0x7ff8_0000_0000_0000;
/// The payload bits of a quiet NaN.
const NAN_PAYLOAD_MASK: u64 = 0x0007_ffff_ffff_ffff;

/// A NaN unlike any other made before: floats are values in gyre, so identity (`is`,
/// and the identity shortcut of `in` and `==` on containers) compares bits, and CPython's
/// `float('nan')` makes a new object each time (`x is x` but not `float('nan') is
/// float('nan')`). Only the payload differs; every NaN behaves the same otherwise.
pub fn fresh_nan() -> f64 {
    let n = NEXT_NAN.with(|c| {
        let n = c.get();
        c.set(if n >= NAN_PAYLOAD_MASK { 1 } else { n + 1 });
        n
    });
    f64::from_bits(QUIET_NAN | (n & NAN_PAYLOAD_MASK))
}

/// `bin()`/`oct()`/`hex()` and the `#b/#o/#x` forms: `base` 2, 8 or 16 (others give plain
/// digits); with `prefix`, `-0x1f` style.
pub fn int_to_base_string(value: &BigInt, base: u32, prefix: bool) -> String {
    let digits = value.magnitude().to_str_radix(base.clamp(2, 36));
    let pre = match (prefix, base) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let sign = if value.is_negative() { "-" } else { "" };
    format!("{sign}{pre}{digits}")
}

/// `str(n)` for an int, enforcing CPython's digit limit (`max_str_digits`, 0 = unlimited).
pub fn int_to_decimal_string(value: &BigInt, max_str_digits: usize) -> TextResult<String> {
    if let Some(v) = value.to_i64() {
        return Ok(v.to_string());
    }
    if max_str_digits > 0 {
        // Cheap pre-check by bit length, as CPython does before converting.
        let bits = value.bits();
        let min_digits = (bits.saturating_sub(1) as f64 * std::f64::consts::LOG10_2) as usize;
        if min_digits > max_str_digits {
            return Err(too_many_digits_str(max_str_digits));
        }
    }
    let text = value.to_string();
    let digits = text.len() - usize::from(value.is_negative());
    if max_str_digits > 0 && digits > max_str_digits {
        return Err(too_many_digits_str(max_str_digits));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_util::{check, Expected};

    include!("testdata/number_parse_cases.rs");

    #[test]
    fn int_table() {
        for &(s, base, ref want) in INT_PARSE_CASES {
            let got = parse_int(s, base, DEFAULT_MAX_STR_DIGITS).map(|v| v.into_bigint().to_string());
            check(got, want, &format!("int({s:?}, {base})"));
        }
    }

    #[test]
    fn float_table() {
        for &(s, ref want) in FLOAT_PARSE_CASES {
            let got = parse_float(s).map(crate::text::float_repr::repr_f64);
            check(got, want, &format!("float({s:?})"));
        }
    }

    #[test]
    fn base_strings() {
        for &(v, bin, oct, hex) in BASE_CASES {
            let v: BigInt = v.parse().unwrap();
            assert_eq!(int_to_base_string(&v, 2, true), bin);
            assert_eq!(int_to_base_string(&v, 8, true), oct);
            assert_eq!(int_to_base_string(&v, 16, true), hex);
        }
    }

    #[test]
    fn str_digit_limit() {
        let ten = BigInt::from(10);
        let ok = num_traits::pow(ten.clone(), 4299);
        assert_eq!(int_to_decimal_string(&ok, 4300).unwrap().len(), 4300);
        let too_big = num_traits::pow(ten, 4300);
        let err = int_to_decimal_string(&too_big, 4300).unwrap_err();
        assert!(err.message.starts_with("Exceeds the limit (4300 digits)"));
        assert_eq!(int_to_decimal_string(&(-too_big), 0).unwrap().len(), 4302);
    }

    #[test]
    fn small_results_stay_small() {
        assert_eq!(parse_int("-9223372036854775808", 10, 0), Ok(ParsedInt::Small(i64::MIN)));
        assert!(matches!(parse_int("9223372036854775808", 10, 0), Ok(ParsedInt::Big(_))));
    }
}
