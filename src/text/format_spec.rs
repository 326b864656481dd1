//! The format-spec mini-language (PEP 3101) as `format()`, f-strings and `str.format` use it:
//! parsing `[[fill]align][sign][z][#][0][width][grouping][.precision][type]` and rendering
//! ints, floats and strings with it, with CPython 3.11's exact error messages.
//!
//! The VM calls [`format_int`], [`format_float`] or [`format_str`] with the spec text that
//! `__format__` received and the Python type name used in error messages (`"int"`, `"bool"`,
//! `"float"`, `"str"`, or a subclass name). `bool` is formatted as an int by the VM, except
//! that an empty spec means `str(value)` (`format(True, '')` is `'True'`).

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::ToPrimitive;

use super::float_repr::{format_abs, FloatFlags, FloatStyle};
use super::{TextError, TextResult, MAX_FORMAT_LEN};

/// Where padding goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between the sign/prefix and the digits.
    AfterSign,
}

/// The sign option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignMode {
    /// `-` (default): only negative numbers get a sign.
    Minus,
    /// `+`: always a sign.
    Plus,
    /// ` `: a space for non-negative numbers.
    Space,
}

/// A parsed format spec. Parsing is type-independent; each `format_*` function then validates
/// it for its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// The explicit fill character, if one was given before an alignment.
    pub fill: Option<char>,
    /// The explicit alignment, if any.
    pub align: Option<Align>,
    /// Whether a sign option was written, and which.
    pub sign: Option<SignMode>,
    /// `z`: coerce negative zero to zero.
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0` before the width (without an explicit fill): zero padding.
    pub zero_pad: bool,
    /// Minimum width in code points.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// Digits after `.`.
    pub precision: Option<usize>,
    /// The presentation type character, if any.
    pub type_char: Option<char>,
}

/// Reads a run of ASCII digits starting at `pos`; `Ok(None)` if there are none.
fn parse_count(chars: &[char], pos: &mut usize) -> TextResult<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    let mut overflow = false;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        if !chars[*pos].is_ascii_digit() {
            break;
        }
        match value.checked_mul(10).and_then(|v| v.checked_add(d as usize)) {
            Some(v) if v <= isize::MAX as usize => value = v,
            _ => overflow = true,
        }
        *pos += 1;
    }
    if overflow {
        return Err(TextError::value("Too many decimal digits in format string"));
    }
    Ok((*pos > start).then_some(value))
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

fn grouping_of(c: Option<&char>) -> Option<char> {
    match c {
        Some(',') => Some(','),
        Some('_') => Some('_'),
        _ => None,
    }
}

impl FormatSpec {
    /// Parses `spec`; `type_name` is only used in the "Invalid format specifier" message.
    pub fn parse(spec: &str, type_name: &str) -> TextResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            type_char: None,
        };
        let mut pos = 0;
        if let Some(a) = chars.get(1).and_then(|&c| align_of(c)) {
            out.fill = Some(chars[0]);
            out.align = Some(a);
            pos = 2;
        } else if let Some(a) = chars.first().and_then(|&c| align_of(c)) {
            out.align = Some(a);
            pos = 1;
        }
        out.sign = match chars.get(pos) {
            Some('+') => Some(SignMode::Plus),
            Some('-') => Some(SignMode::Minus),
            Some(' ') => Some(SignMode::Space),
            _ => None,
        };
        pos += usize::from(out.sign.is_some());
        if chars.get(pos) == Some(&'z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && chars.get(pos) == Some(&'0') {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = parse_count(&chars, &mut pos)?;
        out.grouping = grouping_of(chars.get(pos));
        if out.grouping.is_some() {
            pos += 1;
            if let Some(second) = grouping_of(chars.get(pos)) {
                return Err(if Some(second) == out.grouping {
                    TextError::value(format!("Cannot specify '{second}' with '{second}'."))
                } else {
                    TextError::value("Cannot specify both ',' and '_'.")
                });
            }
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            out.precision = parse_count(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(TextError::value("Format specifier missing precision"));
            }
        }
        match chars.len() - pos {
            0 => {}
            1 => out.type_char = Some(chars[pos]),
            _ => {
                return Err(TextError::value(format!(
                    "Invalid format specifier '{spec}' for object of type '{type_name}'"
                )))
            }
        }
        Ok(out)
    }

    /// CPython's check that the grouping option suits the (possibly defaulted) type.
    fn check_grouping(&self, default_type: Option<char>) -> TextResult<()> {
        let Some(sep) = self.grouping else {
            return Ok(());
        };
        let ty = self.type_char.or(default_type);
        let ok = match ty {
            None => true,
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => sep == '_',
            Some(_) => false,
        };
        if ok {
            return Ok(());
        }
        let shown = ty.unwrap_or('\0');
        Err(TextError::value(format!("Cannot specify '{sep}' with '{shown}'.")))
    }

    /// Fill and alignment after applying the `0` flag and the type's default alignment.
    fn resolved_fill_align(&self, default_align: Align) -> (char, Align) {
        let align = match (self.align, self.zero_pad) {
            (Some(a), _) => a,
            (None, true) if default_align == Align::Right => Align::AfterSign,
            (None, _) => default_align,
        };
        let fill = self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' });
        (fill, align)
    }

    fn checked_width(&self) -> TextResult<usize> {
        let w = self.width.unwrap_or(0);
        if w > MAX_FORMAT_LEN {
            return Err(TextError::value("Too many decimal digits in format string"));
        }
        Ok(w)
    }
}

fn unknown_code(ty: char, type_name: &str) -> TextError {
    TextError::value(format!("Unknown format code '{ty}' for object of type '{type_name}'"))
}

/// Pads `content` (of `len` code points) to `width` with `fill` for alignment `align`
/// (`AfterSign` is treated as right alignment; numbers handle it before calling this).
fn pad(content: &str, len: usize, width: usize, fill: char, align: Align) -> String {
    if len >= width {
        return content.to_string();
    }
    let total = width - len;
    let (left, right) = match align {
        Align::Left => (0, total),
        Align::Center => (total / 2, total - total / 2),
        Align::Right | Align::AfterSign => (total, 0),
    };
    let mut s = String::with_capacity(content.len() + total * fill.len_utf8());
    s.extend(std::iter::repeat_n(fill, left));
    s.push_str(content);
    s.extend(std::iter::repeat_n(fill, right));
    s
}

/// Formats a `str` value (`format(s, spec)`); `type_name` names the type in errors.
pub fn format_str(value: &str, spec: &str, type_name: &str) -> TextResult<String> {
    let spec = FormatSpec::parse(spec, type_name)?;
    spec.check_grouping(Some('s'))?;
    match spec.type_char {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    match spec.sign {
        Some(SignMode::Space) => {
            return Err(TextError::value("Space not allowed in string format specifier"))
        }
        Some(_) => return Err(TextError::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(TextError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(TextError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(TextError::value("'=' alignment not allowed in string format specifier"));
    }
    let width = spec.checked_width()?;
    let (fill, align) = spec.resolved_fill_align(Align::Left);
    let (text, len) = match spec.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((cut, _)) => (&value[..cut], p),
            None => (value, value.chars().count()),
        },
        None => (value, value.chars().count()),
    };
    Ok(pad(text, len, width, fill, align))
}

/// The pieces of a number before padding: sign, prefix (`0x`), integer digits (grouped and
/// zero-padded here), and the rest (fraction, exponent, `%`, or `inf`).
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    rest: &'a str,
    group_size: usize,
}

/// Inserts `sep` every `group` digits from the right, left-padding with zeros until the result
/// is at least `min_width` long; never starts with a separator.
fn group_digits(digits: &str, sep: Option<char>, group: usize, min_width: usize) -> String {
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() + digits.len() / group.max(1) + 1);
    let mut src = digits.bytes().rev().peekable();
    let mut in_group = 0;
    loop {
        let more = src.peek().is_some();
        if !more && rev.len() >= min_width {
            break;
        }
        if let Some(sep) = sep {
            if in_group == group {
                rev.push(sep as u8);
                in_group = 0;
            }
        }
        rev.push(src.next().unwrap_or(b'0'));
        in_group += 1;
    }
    rev.reverse();
    String::from_utf8(rev).unwrap_or_default()
}

/// Assembles sign, prefix, grouped digits and rest, then pads to the spec's width.
fn render_number(parts: &NumberParts<'_>, spec: &FormatSpec) -> TextResult<String> {
    let width = spec.checked_width()?;
    let (fill, align) = spec.resolved_fill_align(Align::Right);
    let sign = match (parts.negative, spec.sign.unwrap_or(SignMode::Minus)) {
        (true, _) => "-",
        (false, SignMode::Plus) => "+",
        (false, SignMode::Space) => " ",
        (false, SignMode::Minus) => "",
    };
    let fixed_len = sign.len() + parts.prefix.len() + parts.rest.len();
    let min_digits =
        if fill == '0' && align == Align::AfterSign { width.saturating_sub(fixed_len) } else { 0 };
    let grouped = group_digits(parts.digits, spec.grouping, parts.group_size, min_digits);
    let len = fixed_len + grouped.len();
    if align == Align::AfterSign {
        let padding = width.saturating_sub(len);
        let mut s = String::with_capacity(len + padding * fill.len_utf8());
        s.push_str(sign);
        s.push_str(parts.prefix);
        s.extend(std::iter::repeat_n(fill, padding));
        s.push_str(&grouped);
        s.push_str(parts.rest);
        return Ok(s);
    }
    let body = format!("{sign}{}{grouped}{}", parts.prefix, parts.rest);
    Ok(pad(&body, len, width, fill, align))
}

/// Formats an int (`format(n, spec)`); float presentation types convert to float first.
pub fn format_int(value: &BigInt, spec: &str, type_name: &str) -> TextResult<String> {
    let spec = FormatSpec::parse(spec, type_name)?;
    spec.check_grouping(Some('d'))?;
    let ty = spec.type_char.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = value
                .to_f64()
                .filter(|x| x.is_finite())
                .ok_or_else(|| TextError::overflow("int too large to convert to float"))?;
            return format_float_parsed(x, &spec, type_name);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        other => return Err(unknown_code(other, type_name)),
    }
    if spec.precision.is_some() {
        return Err(TextError::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_zero {
        return Err(TextError::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        return format_int_char(value, &spec);
    }
    let (radix, prefix, group_size) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: value.sign() == BigSign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
        group_size,
    };
    render_number(&parts, &spec)
}

/// Convenience wrapper of [`format_int`] for machine integers.
pub fn format_i64(value: i64, spec: &str, type_name: &str) -> TextResult<String> {
    format_int(&BigInt::from(value), spec, type_name)
}

/// The `c` presentation type: the code point as a one-character string.
fn format_int_char(value: &BigInt, spec: &FormatSpec) -> TextResult<String> {
    if spec.sign.is_some() {
        return Err(TextError::value("Sign not allowed with integer format specifier 'c'"));
    }
    if spec.alternate {
        return Err(TextError::value("Alternate form (#) not allowed with integer format specifier 'c'"));
    }
    let ch =
        value.to_i64().ok_or_else(|| TextError::overflow("Python int too large to convert to C long"))?;
    let ch = u32::try_from(ch)
        .ok()
        .filter(|&c| c < 0x110000)
        .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)"))?;
    let ch = char::from_u32(ch)
        .ok_or_else(|| TextError::value("surrogate code points cannot be represented in a gyre str"))?;
    let width = spec.checked_width()?;
    let (fill, align) = spec.resolved_fill_align(Align::Right);
    let align = if align == Align::AfterSign { Align::Right } else { align };
    Ok(pad(ch.encode_utf8(&mut [0; 4]), 1, width, fill, align))
}

/// Formats a float (`format(x, spec)`).
pub fn format_float(value: f64, spec: &str, type_name: &str) -> TextResult<String> {
    let spec = FormatSpec::parse(spec, type_name)?;
    spec.check_grouping(None)?;
    format_float_parsed(value, &spec, type_name)
}

/// Whether a formatted magnitude has any non-zero mantissa digit.
fn has_nonzero_digit(body: &str) -> bool {
    body.bytes().take_while(|&b| b != b'e' && b != b'E').any(|b| (b'1'..=b'9').contains(&b))
}

fn format_float_parsed(value: f64, spec: &FormatSpec, type_name: &str) -> TextResult<String> {
    let precision = spec.precision;
    if precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(TextError::value("precision too big"));
    }
    let mut flags = FloatFlags { alt: spec.alternate, ..FloatFlags::default() };
    let (style, default_precision) = match spec.type_char {
        None if precision.is_some() => {
            flags.add_dot_0 = true;
            (FloatStyle::General, 0)
        }
        None => {
            flags.add_dot_0 = true;
            (FloatStyle::Repr, 0)
        }
        Some('e') => (FloatStyle::Exponent, 6),
        Some('f') | Some('%') => (FloatStyle::Fixed, 6),
        Some('g') | Some('n') => (FloatStyle::General, 6),
        Some('E') | Some('F') | Some('G') => {
            flags.upper = true;
            match spec.type_char {
                Some('E') => (FloatStyle::Exponent, 6),
                Some('F') => (FloatStyle::Fixed, 6),
                _ => (FloatStyle::General, 6),
            }
        }
        Some(other) => return Err(unknown_code(other, type_name)),
    };
    let precision = precision.unwrap_or(default_precision);
    if precision > MAX_FORMAT_LEN {
        return Err(TextError::value("Too many decimal digits in format string"));
    }
    let percent = spec.type_char == Some('%');
    let x = if percent { value * 100.0 } else { value };
    let mut body = format_abs(x, style, precision, flags);
    if percent {
        body.push('%');
    }
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if negative && spec.no_neg_zero && x.is_finite() && !has_nonzero_digit(&body) {
        negative = false;
    }
    let split =
        if x.is_finite() { body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len()) } else { 0 };
    let (digits, rest) = body.split_at(split);
    let mut spec = spec.clone();
    if !x.is_finite() {
        spec.grouping = None;
    }
    let parts = NumberParts { negative, prefix: "", digits, rest, group_size: 3 };
    render_number(&parts, &spec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_util::{check, Expected};

    include!("testdata/format_spec_cases.rs");

    #[test]
    fn int_table() {
        for (value, spec, want) in INT_CASES {
            let v: BigInt = value.parse().unwrap();
            check(format_int(&v, spec, "int"), want, &format!("format({value}, {spec:?})"));
        }
    }

    #[test]
    fn float_table() {
        for (bits, spec, want) in FLOAT_CASES {
            let x = f64::from_bits(*bits);
            check(format_float(x, spec, "float"), want, &format!("format({x:?}, {spec:?})"));
        }
    }

    #[test]
    fn str_table() {
        for (value, spec, want) in STR_CASES {
            check(format_str(value, spec, "str"), want, &format!("format({value:?}, {spec:?})"));
        }
    }

    #[test]
    fn huge_width_is_refused_cleanly() {
        assert!(format_str("a", "1000000000", "str").is_err());
        assert!(format_float(1.0, ".1000000000f", "float").is_err());
        let e = format_i64(1, "99999999999999999999", "int").unwrap_err();
        assert_eq!(e.message, "Too many decimal digits in format string");
    }
}
