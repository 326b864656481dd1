//! Float arithmetic with Python semantics that std does not provide: correctly rounded
//! `round(x, ndigits)`, `round(x)`, floor division / modulo / `divmod` (result sign follows
//! the divisor), and exact float-to-int conversion into a `BigInt`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::One;

use super::{ErrorKind, TextError, TextResult};

/// `ZeroDivisionError` with `message`.
fn zero_division(message: &str) -> TextError {
    TextError { kind: ErrorKind::ZeroDivision, message: message.to_string() }
}

/// Splits a finite `x` into `(mantissa, exp2)` with `x == mantissa * 2^exp2` exactly.
fn decompose(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exp) = if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
    let m = BigInt::from(mantissa);
    (if negative { -m } else { m }, exp)
}

/// `int(x)`: truncation toward zero, exact for any finite float.
pub fn float_to_bigint(x: f64) -> TextResult<BigInt> {
    if x.is_nan() {
        return Err(TextError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(TextError::overflow("cannot convert float infinity to integer"));
    }
    let (m, e) = decompose(x);
    Ok(if e >= 0 {
        m << e as usize
    } else {
        // Shifting a negative BigInt right rounds toward -inf; truncate on the magnitude.
        let mag = m.magnitude() >> (-e) as usize;
        BigInt::from_biguint(m.sign(), mag)
    })
}

/// `round(x)` with no `ndigits`: half-to-even, as an int.
pub fn round_to_int(x: f64) -> TextResult<BigInt> {
    float_to_bigint(x.round_ties_even())
}

/// `num / den` rounded half-to-even (`den > 0`).
fn div_round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_mod_floor(den);
    let twice = &r * 2u32;
    if twice > *den || (twice == *den && q.is_odd()) {
        q + 1u32
    } else {
        q
    }
}

/// `round(x, ndigits)` for a float, correctly rounded (half-even on the exact binary value,
/// so `round(2.675, 2) == 2.67`). OverflowError "rounded value too large to represent" when
/// rounding up overflows.
pub fn round_f64(x: f64, ndigits: i64) -> TextResult<f64> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x);
    let (mut num, mut den) = (m, BigInt::one());
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let scale = num_traits::pow(BigInt::from(10u32), ndigits.unsigned_abs() as usize);
    if ndigits >= 0 {
        num *= scale;
    } else {
        den *= scale;
    }
    let rounded = div_round_half_even(&num, &den);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}{}e{}", rounded.magnitude(), -ndigits);
    let result: f64 = text.parse().unwrap_or(f64::NAN);
    if result.is_infinite() {
        return Err(TextError::overflow("rounded value too large to represent"));
    }
    Ok(result)
}

/// Python's float `divmod(x, y)`: `(floor quotient, remainder)` with the remainder taking
/// the divisor's sign (and signed zeros as CPython produces them).
pub fn float_divmod(x: f64, y: f64) -> TextResult<(f64, f64)> {
    if y == 0.0 {
        return Err(zero_division("float divmod()"));
    }
    Ok(divmod_unchecked(x, y))
}

fn divmod_unchecked(x: f64, y: f64) -> (f64, f64) {
    let mut rem = x % y;
    let mut div = (x - rem) / y;
    if rem != 0.0 {
        if (y < 0.0) != (rem < 0.0) {
            rem += y;
            div -= 1.0;
        }
    } else {
        rem = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, rem)
}

/// Python's float `x % y`.
pub fn float_mod(x: f64, y: f64) -> TextResult<f64> {
    if y == 0.0 {
        return Err(zero_division("float modulo"));
    }
    Ok(divmod_unchecked(x, y).1)
}

/// Python's float `x // y`.
pub fn float_floordiv(x: f64, y: f64) -> TextResult<f64> {
    if y == 0.0 {
        return Err(zero_division("float floor division by zero"));
    }
    Ok(divmod_unchecked(x, y).0)
}

/// Python's float `x / y` (only the zero check differs from IEEE division).
pub fn float_truediv(x: f64, y: f64) -> TextResult<f64> {
    if y == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(x / y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::float_repr::repr_f64;
    use crate::text::test_util::{check, Expected};

    include!("testdata/round_cases.rs");

    #[test]
    fn round_table() {
        for &(bits, nd, ref want) in ROUND_CASES {
            let x = f64::from_bits(bits);
            check(round_f64(x, nd).map(repr_f64), want, &format!("round({x:?}, {nd})"));
        }
    }

    #[test]
    fn round_int_table() {
        for &(bits, ref want) in ROUND_INT_CASES {
            let x = f64::from_bits(bits);
            check(round_to_int(x).map(|v| v.to_string()), want, &format!("round({x:?})"));
            let trunc = float_to_bigint(x).map(|v| v.to_string());
            if want.is_err() {
                assert!(trunc.is_err());
            }
        }
    }

    #[test]
    fn int_table() {
        for &(bits, ref want) in INT_CASES {
            let x = f64::from_bits(bits);
            check(float_to_bigint(x).map(|v| v.to_string()), want, &format!("int({x:?})"));
        }
    }

    #[test]
    fn divmod_table() {
        for &(xb, yb, ref q, ref r) in DIVMOD_CASES {
            let (x, y) = (f64::from_bits(xb), f64::from_bits(yb));
            let what = format!("divmod({x:?}, {y:?})");
            check(float_floordiv(x, y).map(repr_f64), q, &what);
            check(float_mod(x, y).map(repr_f64), r, &what);
            if let (Ok(q), Ok(r)) = (q, r) {
                let (gq, gr) = float_divmod(x, y).unwrap();
                assert_eq!((repr_f64(gq), repr_f64(gr)), (q.to_string(), r.to_string()));
            }
        }
    }
}
