//! Float to text: Python's `repr(float)` and the digit layouts shared by `format()` and `%`
//! formatting (`e`, `f`, `g`, and the repr-like `r` style).
//!
//! Digit generation is delegated to Rust's `{:e}` (shortest round-trip digits) and `{:.N}` /
//! `{:.Ne}` (exact, round-half-even) formatting; this file only re-lays the digits out the way
//! CPython's `PyOS_double_to_string` does.

/// A finite non-negative float as decimal digits: value = `0.DIGITS × 10^decpt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    /// ASCII digits, most significant first; `"0"` (or a run of zeros) for zero.
    pub digits: String,
    /// Position of the decimal point relative to the start of `digits`.
    pub decpt: i32,
}

/// Splits Rust's `{:e}` output (`"1.25e-7"`, `"3e16"`) into digits and decimal-point position.
fn parse_rust_exp(text: &str) -> Decimal {
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    Decimal { digits, decpt: exp + 1 }
}

/// Shortest digits that round-trip to `x.abs()` (`x` must be finite); among candidates of
/// that length, the one nearest the exact value (ties to even), as David Gay's mode 0 gives.
pub fn shortest_digits(x: f64) -> Decimal {
    let x = x.abs();
    let shortest = parse_rust_exp(&format!("{x:e}"));
    let nearest = significant_digits(x, shortest.digits.len());
    if nearest != shortest && round_trips(&nearest, x) {
        nearest
    } else {
        shortest
    }
}

/// Whether `d` parses back to exactly `x`.
fn round_trips(d: &Decimal, x: f64) -> bool {
    let text = format!("0.{}e{}", d.digits, d.decpt);
    text.parse::<f64>() == Ok(x)
}

/// `x.abs()` correctly rounded (half-even on the exact binary value) to `n >= 1` significant
/// digits; trailing zeros are kept so `digits.len() == n`.
pub fn significant_digits(x: f64, n: usize) -> Decimal {
    let n = n.max(1);
    parse_rust_exp(&format!("{:.*e}", n - 1, x.abs()))
}

/// The four digit layouts of CPython's float formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatStyle {
    /// `f`: fixed point with `precision` digits after the point.
    Fixed,
    /// `e`: one digit, point, `precision` digits, exponent.
    Exponent,
    /// `g`: `precision` significant digits, fixed or exponent by magnitude.
    General,
    /// `r`: shortest round-trip digits, exponent when `decpt <= -4 || decpt > 16`.
    Repr,
}

/// Flags that modify a float layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// `#`: always keep the decimal point; `g` keeps trailing zeros.
    pub alt: bool,
    /// Append `.0` to integral fixed-point results (`repr`, and `format()` with no type);
    /// for `General` it also lowers the exponent threshold by one, as CPython does.
    pub add_dot_0: bool,
    /// Upper-case `E`, `INF`, `NAN`.
    pub upper: bool,
}

/// Lays out the magnitude of `x` (no sign) in `style`. Infinities and NaNs give `inf`/`nan`
/// (`INF`/`NAN` when `flags.upper`).
pub fn format_abs(x: f64, style: FloatStyle, precision: usize, flags: FloatFlags) -> String {
    if !x.is_finite() {
        let word = if x.is_nan() { "nan" } else { "inf" };
        return if flags.upper { word.to_ascii_uppercase() } else { word.to_string() };
    }
    let text = match style {
        FloatStyle::Fixed => layout_f(x, precision, flags.alt),
        FloatStyle::Exponent => {
            let d = significant_digits(x, precision.saturating_add(1));
            layout_exp(&d.digits, d.decpt - 1, flags.alt)
        }
        FloatStyle::General => layout_g(x, precision, flags),
        FloatStyle::Repr => layout_r(x, flags),
    };
    if flags.upper {
        text.to_ascii_uppercase()
    } else {
        text
    }
}

/// `f` layout of `|x|`.
fn layout_f(x: f64, precision: usize, alt: bool) -> String {
    let mut s = format!("{:.*}", precision, x.abs());
    if alt && precision == 0 {
        s.push('.');
    }
    s
}

/// `g` layout of `|x|`.
fn layout_g(x: f64, precision: usize, flags: FloatFlags) -> String {
    let p = precision.max(1);
    let mut d = significant_digits(x, p);
    let limit = if flags.add_dot_0 { p - 1 } else { p };
    let use_exp = d.decpt <= -4 || i64::from(d.decpt) > limit as i64;
    if !flags.alt {
        strip_trailing_zeros(&mut d.digits);
    }
    if use_exp {
        layout_exp(&d.digits, d.decpt - 1, flags.alt)
    } else {
        layout_fixed(&d.digits, d.decpt, flags.alt, flags.add_dot_0)
    }
}

/// `r` layout of `|x|` (shortest digits).
fn layout_r(x: f64, flags: FloatFlags) -> String {
    let d = shortest_digits(x);
    if d.decpt <= -4 || d.decpt > 16 {
        layout_exp(&d.digits, d.decpt - 1, flags.alt)
    } else {
        layout_fixed(&d.digits, d.decpt, flags.alt, flags.add_dot_0)
    }
}

/// Removes trailing `'0'`s, keeping at least one digit.
fn strip_trailing_zeros(digits: &mut String) {
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
}

/// `D.DDDe±XX` from significant digits and the decimal exponent of the first digit.
fn layout_exp(digits: &str, exp: i32, alt: bool) -> String {
    let mut s = String::with_capacity(digits.len() + 6);
    s.push_str(&digits[..1]);
    if digits.len() > 1 || alt {
        s.push('.');
    }
    s.push_str(&digits[1..]);
    s.push('e');
    s.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        s.push('0');
    }
    s.push_str(&e.to_string());
    s
}

/// Fixed-point layout of `0.DIGITS × 10^decpt`.
fn layout_fixed(digits: &str, decpt: i32, alt: bool, add_dot_0: bool) -> String {
    let len = digits.len() as i64;
    let decpt = i64::from(decpt);
    let mut s = String::with_capacity(digits.len() + decpt.unsigned_abs() as usize + 3);
    if decpt <= 0 {
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', decpt.unsigned_abs() as usize));
        s.push_str(digits);
    } else if decpt < len {
        let cut = decpt as usize;
        s.push_str(&digits[..cut]);
        s.push('.');
        s.push_str(&digits[cut..]);
    } else {
        s.push_str(digits);
        s.extend(std::iter::repeat_n('0', (decpt - len) as usize));
        if add_dot_0 {
            s.push_str(".0");
        } else if alt {
            s.push('.');
        }
    }
    s
}

/// Python's `repr(x)` / `str(x)` for a float: `0.30000000000000004`, `1e+16`, `-0.0`, `inf`, `nan`.
pub fn repr_f64(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    let flags = FloatFlags { add_dot_0: true, ..FloatFlags::default() };
    let body = format_abs(x, FloatStyle::Repr, 0, flags);
    if x.is_sign_negative() {
        format!("-{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    include!("testdata/float_repr_cases.rs");

    #[test]
    fn repr_table() {
        for &(bits, want) in REPR_CASES {
            let x = f64::from_bits(bits);
            assert_eq!(repr_f64(x), want, "repr of bits {bits:#x}");
        }
    }

    #[test]
    fn repr_basics() {
        assert_eq!(repr_f64(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(repr_f64(1e16), "1e+16");
        assert_eq!(repr_f64(1.5e-7), "1.5e-07");
        assert_eq!(repr_f64(-0.0), "-0.0");
        assert_eq!(repr_f64(f64::NEG_INFINITY), "-inf");
        assert_eq!(repr_f64(-f64::NAN), "nan");
        assert_eq!(repr_f64(123456789012345.0), "123456789012345.0");
    }

    #[test]
    fn digits() {
        let d = significant_digits(9.99, 2);
        assert_eq!((d.digits.as_str(), d.decpt), ("10", 2));
        let d = shortest_digits(0.0);
        assert_eq!((d.digits.as_str(), d.decpt), ("0", 1));
    }
}
