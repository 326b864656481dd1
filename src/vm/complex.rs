//! `complex`: the value, its arithmetic (CPython's `complexobject.c` step for step, so
//! results match to the last bit: `_Py_c_quot`, `c_powu`, `_Py_c_pow`), comparison, hash,
//! `repr` and the constructor's string parsing.

use num_traits::ToPrimitive;

use super::object::{Object, Payload};
use super::ops::hash_float;
use super::{PyResult, Value, Vm};
use crate::compiler::bytecode::BinKind;
use crate::text;
use crate::text::format_spec::{Align, FormatSpec, SignMode};
use crate::text::{TextError, TextResult};

/// A complex number as (real, imaginary).
pub type C = (f64, f64);

/// The parts of a `complex` value.
pub fn complex_of(v: &Value) -> Option<C> {
    match v.payload() {
        Some(Payload::Complex(re, im)) => Some((*re, *im)),
        _ => None,
    }
}

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; `None` for division by zero.
fn quot(a: C, b: C) -> Option<C> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `c_powu`: `x ** n` by repeated squaring.
fn powu(x: C, n: u64) -> C {
    let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `_Py_c_pow`; `None` for zero to a negative or complex power.
fn pow_general(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        return if b.1 != 0.0 || b.0 < 0.0 { None } else { Some((0.0, 0.0)) };
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `complex.__pow__`: small integral exponents by multiplication, as CPython.
fn pow(a: C, b: C) -> Option<C> {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            Some(powu(a, n as u64))
        } else {
            quot((1.0, 0.0), powu(a, n.unsigned_abs()))
        }
    } else {
        pow_general(a, b)
    }
}

/// A float's repr without the `.0` CPython's complex repr leaves off (`1`, `1.5`, `1e+16`).
fn part_repr(x: f64) -> String {
    let s = text::float_repr::repr_f64(x);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(c: C) -> String {
    if c.0 == 0.0 && c.0.is_sign_positive() {
        return format!("{}j", part_repr(c.1));
    }
    let im = part_repr(c.1);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im}j)", part_repr(c.0))
}

/// `format(z, spec)` (`format_complex_internal`): each part formatted like a float (no `.0`
/// without a presentation type), the imaginary part always signed unless the real part is
/// left out, parentheses without a type, then the whole padded (right-aligned by default).
pub fn format_complex(c: C, spec: &str) -> TextResult<String> {
    if spec.is_empty() {
        return Ok(complex_repr(c));
    }
    let f = FormatSpec::parse(spec, "complex")?;
    if f.zero_pad || f.fill == Some('0') {
        return Err(TextError::value("Zero padding is not allowed in complex format specifier"));
    }
    if f.align == Some(Align::AfterSign) {
        return Err(TextError::value("'=' alignment flag is not allowed in complex format specifier"));
    }
    let ty = match f.type_char {
        None => None,
        Some('n') => Some('g'),
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => Some(t),
        Some(t) => {
            return Err(TextError::value(format!("Unknown format code '{t}' for object of type 'complex'")))
        }
    };
    let skip_re = ty.is_none() && c.0 == 0.0 && c.0.is_sign_positive();
    let sign = match f.sign {
        Some(SignMode::Plus) => "+",
        Some(SignMode::Space) => " ",
        _ => "",
    };
    let part = |x: f64, sign: &str| -> TextResult<String> {
        if ty.is_none() && f.precision.is_none() {
            let s = part_repr(x);
            return Ok(if s.starts_with('-') { s } else { format!("{sign}{s}") });
        }
        let mut sub = String::from(sign);
        if f.no_neg_zero {
            sub.push('z');
        }
        if f.alternate {
            sub.push('#');
        }
        if let Some(g) = f.grouping {
            sub.push(g);
        }
        if let Some(p) = f.precision {
            sub.push_str(&format!(".{p}"));
        }
        sub.push(ty.unwrap_or('g'));
        text::format_spec::format_float(x, &sub, "complex")
    };
    let re = if skip_re { String::new() } else { part(c.0, sign)? };
    let im = part(c.1, if skip_re { sign } else { "+" })?;
    let body = if ty.is_none() && !skip_re { format!("({re}{im}j)") } else { format!("{re}{im}j") };
    let pad = f.width.unwrap_or(0).saturating_sub(body.chars().count());
    let left = match f.align.unwrap_or(Align::Right) {
        Align::Left => 0,
        Align::Center => pad / 2,
        _ => pad,
    };
    let fill = f.fill.unwrap_or(' ');
    let mut out: String = std::iter::repeat_n(fill, left).collect();
    out.push_str(&body);
    out.extend(std::iter::repeat_n(fill, pad - left));
    Ok(out)
}

/// `hash(complex)`.
pub fn complex_hash(c: C) -> i64 {
    let combined = (hash_float(c.0) as u64).wrapping_add(1000003u64.wrapping_mul(hash_float(c.1) as u64));
    if combined == u64::MAX {
        -2
    } else {
        combined as i64
    }
}

/// Parses `complex(str)`'s argument; `None` when malformed.
pub fn parse_complex(s: &str) -> Option<C> {
    let mut s = s.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        s = inner.trim();
    }
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    let real = |t: &str| -> Option<f64> {
        if t.is_empty() || t.contains(['(', ')']) {
            return None;
        }
        text::number_parse::parse_float(t).ok()
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else { return Some((real(s)?, 0.0)) };
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let imag = |t: &str| -> Option<f64> {
        match t {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => real(t),
        }
    };
    match split {
        Some(k) => Some((real(&body[..k])?, imag(&body[k..])?)),
        None => Some((0.0, imag(body)?)),
    }
}

impl Vm {
    /// A new `complex` value.
    pub fn new_complex(&self, c: C) -> Value {
        Value::Obj(Object::new(self.types.complex.clone(), Payload::Complex(c.0, c.1)))
    }

    /// An operand of complex arithmetic: a complex, float, int or bool (`None` otherwise).
    pub fn complex_operand(&mut self, v: &Value) -> PyResult<Option<C>> {
        Ok(Some(match v {
            Value::Int(i) => (*i as f64, 0.0),
            Value::Bool(b) => (*b as i64 as f64, 0.0),
            Value::Float(f) => (*f, 0.0),
            Value::BigInt(b) => match b.to_f64().filter(|f| f.is_finite()) {
                Some(f) => (f, 0.0),
                None => return Err(self.new_error("OverflowError", "int too large to convert to float")),
            },
            _ => match complex_of(v) {
                Some(c) => c,
                None => return Ok(None),
            },
        }))
    }

    /// `a <op> b` when one side is a complex and the other a number; `None` otherwise (and
    /// for operators complex does not have, which then raise the usual TypeError).
    pub(super) fn complex_binop(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if complex_of(a).is_none() && complex_of(b).is_none() {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (self.complex_operand(a)?, self.complex_operand(b)?) else {
            return Ok(None);
        };
        let r = match op {
            BinKind::Add => (x.0 + y.0, x.1 + y.1),
            BinKind::Sub => (x.0 - y.0, x.1 - y.1),
            BinKind::Mul => prod(x, y),
            BinKind::TrueDiv => match quot(x, y) {
                Some(r) => r,
                None => return Err(self.new_error("ZeroDivisionError", "complex division by zero")),
            },
            BinKind::Pow => self.complex_pow(x, y)?,
            _ => return Ok(None),
        };
        Ok(Some(self.new_complex(r)))
    }

    /// `x ** y` with CPython's errors.
    pub fn complex_pow(&mut self, x: C, y: C) -> PyResult<C> {
        match pow(x, y) {
            None => Err(self.new_error("ZeroDivisionError", "0.0 to a negative or complex power")),
            Some(r) if r.0.is_infinite() || r.1.is_infinite() => {
                Err(self.new_error("OverflowError", "complex exponentiation"))
            }
            Some(r) => Ok(r),
        }
    }

    /// `a == b` when one side is a complex and the other a number; `None` otherwise.
    pub(super) fn complex_eq(&mut self, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let (x, other) = match (complex_of(a), complex_of(b)) {
            (Some(x), Some(y)) => return Ok(Some(x == y)),
            (Some(x), None) => (x, b),
            (None, Some(y)) => (y, a),
            (None, None) => return Ok(None),
        };
        match other {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
                Ok(Some(x.1 == 0.0 && self.eq(&Value::Float(x.0), other)?))
            }
            _ => Ok(None),
        }
    }

    /// `abs(complex)`.
    pub fn complex_abs(&mut self, c: C) -> PyResult<Value> {
        if c.0.is_infinite() || c.1.is_infinite() {
            return Ok(Value::Float(f64::INFINITY));
        }
        let r = c.0.hypot(c.1);
        if r.is_infinite() {
            return Err(self.new_error("OverflowError", "absolute value too large"));
        }
        Ok(Value::Float(r))
    }

    /// `float ** float` whose result is complex (a negative base, a fractional exponent).
    pub(super) fn float_pow_complex(&mut self, x: f64, y: f64) -> PyResult<Value> {
        let r = self.complex_pow((x, 0.0), (y, 0.0))?;
        Ok(self.new_complex(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        assert_eq!(complex_repr((0.0, 1.0)), "1j");
        assert_eq!(complex_repr((1.0, 2.0)), "(1+2j)");
        assert_eq!(complex_repr((-0.0, -1.0)), "(-0-1j)");
        assert_eq!(complex_repr((1e20, 0.0)), "(1e+20+0j)");
        assert_eq!(complex_repr((f64::NAN, f64::INFINITY)), "(nan+infj)");
        assert_eq!(complex_repr((0.0, -0.0)), "-0j");
    }

    #[test]
    fn strings_parse_like_cpython() {
        assert_eq!(parse_complex("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex(" (1-j) "), Some((1.0, -1.0)));
        assert_eq!(parse_complex("j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex("1e-3+1e+3j"), Some((0.001, 1000.0)));
        assert_eq!(parse_complex("2.5"), Some((2.5, 0.0)));
        assert_eq!(parse_complex("1 + 2j"), None);
        assert_eq!(parse_complex("abc"), None);
    }

    #[test]
    fn integral_powers_multiply() {
        assert_eq!(pow((1.0, 2.0), (2.0, 0.0)), Some((-3.0, 4.0)));
        assert_eq!(pow((0.0, 0.0), (-1.0, 0.0)), None);
    }
}
