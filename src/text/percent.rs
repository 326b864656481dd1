//! printf-style `%` formatting (`str % args`): a lazy parser over the format string and the
//! per-value renderers, plus CPython 3.11's error messages for the VM's argument handling.
//!
//! # How the VM drives it
//!
//! ```text
//! let mut parser = PercentParser::new(fmt);
//! while let Some(piece) = parser.next_piece() {
//!     match piece? {
//!         Piece::Literal(text) => out.push_str(text),
//!         Piece::Spec(mut spec) => {
//!             // 1. spec.key: look it up in the mapping argument
//!             //    (TypeError REQUIRES_MAPPING if the args are not a mapping, KeyError(key)).
//!             // 2. spec.width == Count::Star: take the next positional arg, which must be an
//!             //    int (TypeError STAR_WANTS_INT), then spec.set_star_width(n).
//!             //    Same for precision with spec.set_star_precision(n).
//!             // 3. Take the value (TypeError NOT_ENOUGH_ARGS when none is left).
//!             // 4. let conv = spec.conversion()?;   // "unsupported format character ..."
//!             // 5. Convert the value as conv.input() says and call format_int /
//!             //    format_float / format_text.
//!         }
//!     }
//! }
//! // 6. Positional args left over: TypeError NOT_ALL_CONVERTED (only when the args were a
//! //    tuple or a single non-mapping value).
//! ```
//!
//! The order matters: CPython reports a missing argument before an unsupported conversion.

use num_bigint::{BigInt, Sign};

use super::float_repr::{format_abs, FloatFlags, FloatStyle};
use super::{TextError, TextResult, MAX_FORMAT_LEN};

/// `TypeError` when the arguments run out.
pub const NOT_ENOUGH_ARGS: &str = "not enough arguments for format string";
/// `TypeError` when positional arguments are left over.
pub const NOT_ALL_CONVERTED: &str = "not all arguments converted during string formatting";
/// `TypeError` when a `*` width or precision argument is not an int.
pub const STAR_WANTS_INT: &str = "* wants int";
/// `TypeError` when `%(key)` is used without a mapping argument.
pub const REQUIRES_MAPPING: &str = "format requires a mapping";
/// `TypeError` for `%c` with something other than an int or a one-character str.
pub const CHAR_REQUIRED: &str = "%c requires int or char";

/// `TypeError` text for `%d`/`%i`/`%u` given a non-number: `"%d format: a real number is
/// required, not str"`.
pub fn real_number_required(conversion: char, type_name: &str) -> String {
    format!("%{conversion} format: a real number is required, not {type_name}")
}

/// `TypeError` text for `%o`/`%x`/`%X` given a non-integer: `"%x format: an integer is
/// required, not float"`.
pub fn integer_required(conversion: char, type_name: &str) -> String {
    format!("%{conversion} format: an integer is required, not {type_name}")
}

/// `TypeError` text for `%e`/`%f`/`%g` given a non-number: `"must be real number, not str"`.
pub fn real_required(type_name: &str) -> String {
    format!("must be real number, not {type_name}")
}

/// The character for `%c` given an int: OverflowError `"%c arg not in range(0x110000)"`
/// outside `0..=0x10FFFF`; lone surrogates (which a Rust `String` cannot hold) are refused
/// with a ValueError.
pub fn char_from_code(value: &BigInt) -> TextResult<char> {
    let cp = u32::try_from(value)
        .ok()
        .filter(|&c| c < 0x110000)
        .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)"))?;
    char::from_u32(cp)
        .ok_or_else(|| TextError::value("surrogate code points cannot be represented in a gyre str"))
}

/// A width or precision field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Not given.
    Absent,
    /// `*`: taken from the next positional argument (resolved by the VM).
    Star,
    /// A literal number.
    Fixed(usize),
}

/// The flag characters `-+ #0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space before non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding for numbers.
    pub zero: bool,
}

/// One `%...` conversion specifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    /// The `%(key)` mapping key, if any.
    pub key: Option<String>,
    /// The flags.
    pub flags: PercentFlags,
    /// The width field.
    pub width: Count,
    /// The precision field.
    pub precision: Count,
    /// The conversion character as written (may be unsupported).
    pub conversion: char,
    /// Code-point index of the conversion character in the format string.
    pub conversion_index: usize,
}

/// What the VM must turn the value into before calling a renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// `s`: `str(value)`, then [`format_text`].
    Str,
    /// `r`: `repr(value)`, then [`format_text`].
    Repr,
    /// `a`: `ascii(value)`, then [`format_text`].
    Ascii,
    /// `c`: an int code point (OverflowError `"%c arg not in range(0x110000)"` outside
    /// `0..=0x10FFFF`) or a 1-character str, else TypeError [`CHAR_REQUIRED`]; then
    /// [`format_text`] with the one character.
    Char,
    /// `d`, `i`, `u`: an int; floats truncate toward zero via `int()`; others raise
    /// [`real_number_required`]. Then [`format_int`].
    Decimal,
    /// `o`, `x`, `X`: an int via `__index__`, else [`integer_required`]. Then [`format_int`].
    Radix,
    /// `e E f F g G`: `float(value)`, else [`real_required`]. Then [`format_float`].
    Float,
}

impl PercentSpec {
    /// Classifies the conversion, or CPython's "unsupported format character" `ValueError`.
    /// Call this after fetching the value, as CPython does.
    pub fn conversion(&self) -> TextResult<Conversion> {
        Ok(match self.conversion {
            's' => Conversion::Str,
            'r' => Conversion::Repr,
            'a' => Conversion::Ascii,
            'c' => Conversion::Char,
            'd' | 'i' | 'u' => Conversion::Decimal,
            'o' | 'x' | 'X' => Conversion::Radix,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => Conversion::Float,
            other => {
                let shown = if (' '..='~').contains(&other) { other } else { '?' };
                return Err(TextError::value(format!(
                    "unsupported format character '{shown}' ({:#x}) at index {}",
                    other as u32, self.conversion_index
                )));
            }
        })
    }

    /// Applies a `*` width taken from the arguments (negative means left-justify).
    pub fn set_star_width(&mut self, width: i64) -> TextResult<()> {
        if width < 0 {
            self.flags.left = true;
        }
        let w = usize::try_from(width.unsigned_abs()).map_err(|_| TextError::value("width too big"))?;
        self.width = Count::Fixed(w);
        Ok(())
    }

    /// Applies a `*` precision taken from the arguments (negative means zero).
    pub fn set_star_precision(&mut self, precision: i64) -> TextResult<()> {
        if precision > i64::from(i32::MAX) {
            return Err(TextError::value("precision too big"));
        }
        self.precision = Count::Fixed(usize::try_from(precision).unwrap_or(0));
        Ok(())
    }

    fn width_value(&self) -> TextResult<usize> {
        let w = match self.width {
            Count::Fixed(w) => w,
            _ => 0,
        };
        if w > MAX_FORMAT_LEN {
            return Err(TextError::value("width too big"));
        }
        Ok(w)
    }

    fn precision_value(&self) -> TextResult<Option<usize>> {
        match self.precision {
            Count::Fixed(p) if p > MAX_FORMAT_LEN => Err(TextError::value("precision too big")),
            Count::Fixed(p) => Ok(Some(p)),
            _ => Ok(None),
        }
    }

    fn sign_for(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else if self.flags.plus {
            "+"
        } else if self.flags.space {
            " "
        } else {
            ""
        }
    }
}

/// A piece of a `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text copied as is (`%%` comes out as a literal `"%"`).
    Literal(&'a str),
    /// A conversion specifier that consumes a value.
    Spec(PercentSpec),
}

/// Lazily splits a `%` format string into [`Piece`]s, reporting syntax errors where CPython
/// would (so earlier pieces are processed first).
#[derive(Debug, Clone)]
pub struct PercentParser<'a> {
    fmt: &'a str,
    pos: usize,
    char_index: usize,
}

impl<'a> PercentParser<'a> {
    /// A parser over `fmt`.
    pub fn new(fmt: &'a str) -> Self {
        PercentParser { fmt, pos: 0, char_index: 0 }
    }

    /// The next piece, `None` at the end, or a syntax error (`incomplete format`,
    /// `incomplete format key`, `width too big`, `precision too big`).
    pub fn next_piece(&mut self) -> Option<TextResult<Piece<'a>>> {
        let rest = &self.fmt[self.pos..];
        if rest.is_empty() {
            return None;
        }
        if rest.starts_with("%%") {
            self.advance(2, 2);
            return Some(Ok(Piece::Literal("%")));
        }
        if rest.starts_with('%') {
            self.advance(1, 1);
            return Some(self.parse_spec().map(Piece::Spec));
        }
        let len = rest.find('%').unwrap_or(rest.len());
        let text = &rest[..len];
        self.advance(len, text.chars().count());
        Some(Ok(Piece::Literal(text)))
    }

    fn advance(&mut self, bytes: usize, chars: usize) {
        self.pos += bytes;
        self.char_index += chars;
    }

    fn peek(&self) -> Option<char> {
        self.fmt[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.advance(c.len_utf8(), 1);
        Some(c)
    }

    fn parse_key(&mut self) -> TextResult<String> {
        let start = self.pos;
        let mut depth = 1usize;
        while let Some(c) = self.bump() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(self.fmt[start..self.pos - 1].to_string());
                    }
                }
                _ => {}
            }
        }
        Err(TextError::value("incomplete format key"))
    }

    fn parse_number(&mut self, limit: usize, message: &str) -> TextResult<usize> {
        let mut n: usize = 0;
        while let Some(d) = self.peek().filter(char::is_ascii_digit) {
            self.bump();
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(d as usize - '0' as usize))
                .filter(|&n| n <= limit)
                .ok_or_else(|| TextError::value(message))?;
        }
        Ok(n)
    }

    fn parse_count(&mut self, limit: usize, message: &str) -> TextResult<Count> {
        if self.peek() == Some('*') {
            self.bump();
            return Ok(Count::Star);
        }
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            return Ok(Count::Fixed(self.parse_number(limit, message)?));
        }
        Ok(Count::Absent)
    }

    fn parse_spec(&mut self) -> TextResult<PercentSpec> {
        let key = if self.peek() == Some('(') {
            self.bump();
            Some(self.parse_key()?)
        } else {
            None
        };
        let mut flags = PercentFlags::default();
        while let Some(c) = self.peek() {
            match c {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            self.bump();
        }
        let width = self.parse_count(isize::MAX as usize, "width too big")?;
        let precision = if self.peek() == Some('.') {
            self.bump();
            match self.parse_count(i32::MAX as usize, "precision too big")? {
                Count::Absent => Count::Fixed(0),
                other => other,
            }
        } else {
            Count::Absent
        };
        if matches!(self.peek(), Some('h' | 'l' | 'L')) {
            self.bump();
        }
        let conversion_index = self.char_index;
        let conversion = self.bump().ok_or_else(|| TextError::value("incomplete format"))?;
        Ok(PercentSpec { key, flags, width, precision, conversion, conversion_index })
    }
}

/// Pads `body` (of `len` code points) with spaces to the spec's width.
fn pad_spaces(body: String, len: usize, width: usize, left: bool) -> String {
    if len >= width {
        return body;
    }
    let fill = " ".repeat(width - len);
    if left {
        body + &fill
    } else {
        fill + &body
    }
}

/// Assembles sign, prefix and digits, zero-padding (flag `0`, not `-`) or space-padding.
fn pad_number(spec: &PercentSpec, sign: &str, prefix: &str, body: &str) -> TextResult<String> {
    let width = spec.width_value()?;
    let len = sign.len() + prefix.len() + body.len();
    if spec.flags.zero && !spec.flags.left && len < width {
        let zeros = "0".repeat(width - len);
        return Ok(format!("{sign}{prefix}{zeros}{body}"));
    }
    Ok(pad_spaces(format!("{sign}{prefix}{body}"), len, width, spec.flags.left))
}

/// Renders an int for `%d %i %u %o %x %X` (precision is a minimum digit count).
pub fn format_int(spec: &PercentSpec, value: &BigInt) -> TextResult<String> {
    let (radix, prefix) = match spec.conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if spec.conversion == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision_value()? {
        if p > digits.len() {
            digits.insert_str(0, &"0".repeat(p - digits.len()));
        }
    }
    let prefix = if spec.flags.alt { prefix } else { "" };
    let sign = spec.sign_for(value.sign() == Sign::Minus);
    pad_number(spec, sign, prefix, &digits)
}

/// Renders a float for `%e %E %f %F %g %G` (default precision 6).
pub fn format_float(spec: &PercentSpec, value: f64) -> TextResult<String> {
    let precision = spec.precision_value()?.unwrap_or(6);
    let style = match spec.conversion.to_ascii_lowercase() {
        'e' => FloatStyle::Exponent,
        'f' => FloatStyle::Fixed,
        _ => FloatStyle::General,
    };
    let flags =
        FloatFlags { alt: spec.flags.alt, add_dot_0: false, upper: spec.conversion.is_ascii_uppercase() };
    let body = format_abs(value, style, precision, flags);
    let sign = spec.sign_for(value.is_sign_negative() && !value.is_nan());
    pad_number(spec, sign, "", &body)
}

/// Renders already-converted text for `%s %r %a %c`: precision truncates (code points; not
/// for `%c`), the width pads with spaces; the `0` flag is ignored.
pub fn format_text(spec: &PercentSpec, text: &str) -> TextResult<String> {
    let width = spec.width_value()?;
    let (text, len) = match spec.precision {
        Count::Fixed(p) if spec.conversion != 'c' => match text.char_indices().nth(p) {
            Some((cut, _)) => (&text[..cut], p),
            None => (text, text.chars().count()),
        },
        _ => (text, text.chars().count()),
    };
    Ok(pad_spaces(text.to_string(), len, width, spec.flags.left))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::repr::repr_str;
    use crate::text::test_util::{check, Expected};
    use crate::text::TextError;

    include!("testdata/percent_cases.rs");

    /// A test argument.
    #[derive(Debug)]
    enum Arg {
        I(&'static str),
        F(u64),
        S(&'static str),
    }

    /// A miniature VM loop over positional args, following the module docs.
    fn run(fmt: &str, args: &[Arg]) -> TextResult<String> {
        let mut out = String::new();
        let mut next = 0;
        let mut take = || {
            let a = args.get(next);
            next += 1;
            a.ok_or_else(|| TextError::type_error(NOT_ENOUGH_ARGS))
        };
        let mut parser = PercentParser::new(fmt);
        while let Some(piece) = parser.next_piece() {
            let mut spec = match piece? {
                Piece::Literal(t) => {
                    out.push_str(t);
                    continue;
                }
                Piece::Spec(s) => s,
            };
            if spec.width == Count::Star {
                match take()? {
                    Arg::I(n) => spec.set_star_width(n.parse().unwrap())?,
                    _ => return Err(TextError::type_error(STAR_WANTS_INT)),
                }
            }
            if spec.precision == Count::Star {
                match take()? {
                    Arg::I(n) => spec.set_star_precision(n.parse().unwrap())?,
                    _ => return Err(TextError::type_error(STAR_WANTS_INT)),
                }
            }
            let arg = take()?;
            let conv = spec.conversion()?;
            let piece = match (conv, arg) {
                (Conversion::Str, Arg::S(s)) => format_text(&spec, s)?,
                (Conversion::Repr, Arg::S(s)) => format_text(&spec, &repr_str(s))?,
                (Conversion::Decimal | Conversion::Radix, Arg::I(n)) => {
                    format_int(&spec, &n.parse().unwrap())?
                }
                (Conversion::Float, Arg::F(b)) => format_float(&spec, f64::from_bits(*b))?,
                (Conversion::Float, Arg::I(n)) => format_float(&spec, n.parse().unwrap())?,
                (Conversion::Decimal, Arg::S(_)) => {
                    return Err(TextError::type_error(real_number_required(spec.conversion, "str")))
                }
                (Conversion::Char, Arg::S(s)) => format_text(&spec, s)?,
                (c, a) => panic!("test harness cannot convert {a:?} for {c:?}"),
            };
            out.push_str(&piece);
        }
        if next < args.len() {
            return Err(TextError::type_error(NOT_ALL_CONVERTED));
        }
        Ok(out)
    }

    #[test]
    fn percent_table() {
        for (fmt, args, want) in PERCENT_CASES {
            check(run(fmt, args), want, &format!("{fmt:?} % {args:?}"));
        }
    }

    #[test]
    fn char_codes() {
        assert_eq!(char_from_code(&BigInt::from(0x41)), Ok('A'));
        let e = char_from_code(&BigInt::from(0x110000)).unwrap_err();
        assert_eq!(e.message, "%c arg not in range(0x110000)");
        assert!(char_from_code(&BigInt::from(-1)).is_err());
    }

    #[test]
    fn key_and_errors() {
        let mut p = PercentParser::new("a%(x(y))-5d%(");
        assert_eq!(p.next_piece(), Some(Ok(Piece::Literal("a"))));
        match p.next_piece() {
            Some(Ok(Piece::Spec(s))) => {
                assert_eq!(s.key.as_deref(), Some("x(y)"));
                assert!(s.flags.left);
                assert_eq!(s.width, Count::Fixed(5));
            }
            other => panic!("{other:?}"),
        }
        let err = p.next_piece().unwrap().unwrap_err();
        assert_eq!(err.message, "incomplete format key");
        let spec = match PercentParser::new("é%\u{e9}").nth_spec() {
            Some(s) => s,
            None => panic!("no spec"),
        };
        assert_eq!(
            spec.conversion().unwrap_err().message,
            "unsupported format character '?' (0xe9) at index 2"
        );
    }

    impl PercentParser<'_> {
        fn nth_spec(&mut self) -> Option<PercentSpec> {
            while let Some(p) = self.next_piece() {
                if let Ok(Piece::Spec(s)) = p {
                    return Some(s);
                }
            }
            None
        }
    }
}
