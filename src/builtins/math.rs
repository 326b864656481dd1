//! The native `math` module: CPython's functions and constants with its argument rules
//! (ints of any size and objects with `__float__`/`__index__` are accepted, strings are not)
//! and its errors (`math domain error`, `math range error`).

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{arity, module};
use crate::vm::object::Args;
use crate::vm::{Exc, PyResult, Value, Vm};

/// Builds the `math` module.
pub fn math_module(vm: &mut Vm) -> PyResult<Value> {
    let m = module(
        vm,
        "math",
        &[
            ("sqrt", m_sqrt),
            ("cbrt", m_cbrt),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("sin", m_sin),
            ("cos", m_cos),
            ("tan", m_tan),
            ("asin", m_asin),
            ("acos", m_acos),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("sinh", m_sinh),
            ("cosh", m_cosh),
            ("tanh", m_tanh),
            ("asinh", m_asinh),
            ("acosh", m_acosh),
            ("atanh", m_atanh),
            ("log", m_log),
            ("log2", m_log2),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("pow", m_pow),
            ("fabs", m_fabs),
            ("floor", m_floor),
            ("ceil", m_ceil),
            ("trunc", m_trunc),
            ("gcd", m_gcd),
            ("lcm", m_lcm),
            ("factorial", m_factorial),
            ("isqrt", m_isqrt),
            ("comb", m_comb),
            ("perm", m_perm),
            ("isclose", m_isclose),
            ("isnan", m_isnan),
            ("isinf", m_isinf),
            ("isfinite", m_isfinite),
            ("copysign", m_copysign),
            ("fmod", m_fmod),
            ("modf", m_modf),
            ("frexp", m_frexp),
            ("ldexp", m_ldexp),
            ("remainder", m_remainder),
            ("fsum", m_fsum),
            ("prod", m_prod),
            ("hypot", m_hypot),
            ("dist", m_dist),
            ("degrees", m_degrees),
            ("radians", m_radians),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("gamma", m_gamma),
            ("lgamma", m_lgamma),
            ("nextafter", m_nextafter),
            ("ulp", m_ulp),
        ],
    );
    vm.module_set(&m, "pi", Value::Float(std::f64::consts::PI));
    vm.module_set(&m, "e", Value::Float(std::f64::consts::E));
    vm.module_set(&m, "tau", Value::Float(std::f64::consts::TAU));
    vm.module_set(&m, "inf", Value::Float(f64::INFINITY));
    vm.module_set(&m, "nan", Value::Float(f64::NAN));
    Ok(m)
}

/// A real-number argument as `float`: ints (OverflowError when too large), floats, and
/// objects with `__float__` or `__index__`; anything else is a TypeError.
pub fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => match crate::vm::ops::big_to_f64(b) {
            Some(f) => Ok(f),
            None => Err(vm.new_error("OverflowError", "int too large to convert to float")),
        },
        _ => {
            if let Some(r) = vm.call_dunder(v, "__float__", vec![])? {
                if let Value::Float(f) = r {
                    return Ok(f);
                }
                let t = vm.type_name(v);
                let rt = vm.type_name(&r);
                return Err(
                    vm.new_error("TypeError", &format!("{t}.__float__ returned non-float (type {rt})"))
                );
            }
            if let Some(inner) = crate::vm::ops::unboxed(v) {
                if !matches!(inner, Value::Str(_)) {
                    return real_arg(vm, &inner);
                }
            }
            if let Some(r) = vm.call_dunder(v, "__index__", vec![])? {
                return real_arg(vm, &r);
            }
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("must be real number, not {t}")))
        }
    }
}

/// Positional argument `i` of a math function as a float.
fn farg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<f64> {
    real_arg(vm, &args.pos[i])
}

fn domain(vm: &mut Vm) -> Exc {
    vm.new_error("ValueError", "math domain error")
}

fn range_error(vm: &mut Vm) -> Exc {
    vm.new_error("OverflowError", "math range error")
}

/// A one-argument float function: domain check first, then overflow of a finite input.
fn unary(vm: &mut Vm, args: &Args, name: &str, f: fn(f64) -> f64, ok: fn(f64) -> bool) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let x = farg(vm, args, 0)?;
    if !ok(x) {
        return Err(domain(vm));
    }
    let r = f(x);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

macro_rules! math_unary {
    ($name:ident, $py:literal, $f:expr, $ok:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            unary(vm, &args, $py, $f, $ok)
        }
    };
}

fn any(_: f64) -> bool {
    true
}

fn finite_or_nan(x: f64) -> bool {
    !x.is_infinite()
}

math_unary!(m_sqrt, "sqrt", f64::sqrt, |x| x >= 0.0 || x.is_nan());
math_unary!(m_cbrt, "cbrt", f64::cbrt, any);
math_unary!(m_exp, "exp", f64::exp, any);
math_unary!(m_exp2, "exp2", f64::exp2, any);
math_unary!(m_expm1, "expm1", f64::exp_m1, any);
math_unary!(m_sin, "sin", f64::sin, finite_or_nan);
math_unary!(m_cos, "cos", f64::cos, finite_or_nan);
math_unary!(m_tan, "tan", f64::tan, finite_or_nan);
math_unary!(m_asin, "asin", f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan());
math_unary!(m_acos, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan());
math_unary!(m_atan, "atan", f64::atan, any);
math_unary!(m_sinh, "sinh", f64::sinh, any);
math_unary!(m_cosh, "cosh", f64::cosh, any);
math_unary!(m_tanh, "tanh", f64::tanh, any);
math_unary!(m_asinh, "asinh", f64::asinh, any);
math_unary!(m_acosh, "acosh", f64::acosh, |x| x >= 1.0 || x.is_nan());
math_unary!(m_atanh, "atanh", f64::atanh, |x| (x > -1.0 && x < 1.0) || x.is_nan());
math_unary!(m_log1p, "log1p", f64::ln_1p, |x| x > -1.0 || x.is_nan());
math_unary!(m_fabs, "fabs", f64::abs, any);
math_unary!(m_degrees, "degrees", f64::to_degrees, any);
math_unary!(m_radians, "radians", f64::to_radians, any);
math_unary!(m_erf, "erf", erf, any);
math_unary!(m_erfc, "erfc", erfc, any);

/// Natural log of a positive int of any size (exact exponent for huge values).
fn log_int(b: &BigInt) -> f64 {
    match b.to_f64().filter(|f| f.is_finite()) {
        Some(f) => f.ln(),
        None => {
            let shift = b.bits() - 60;
            let top = (b >> shift as usize).to_f64().unwrap_or(1.0);
            top.ln() + shift as f64 * std::f64::consts::LN_2
        }
    }
}

/// `f(v)` for the log functions, with the domain check. Ints too large for a float use
/// their exact binary exponent: `ln(n) / ln_base`.
fn log_arg(vm: &mut Vm, v: &Value, f: fn(f64) -> f64, ln_base: f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Err(domain(vm));
        }
        if crate::vm::ops::big_to_f64(b).is_none() {
            return Ok(log_int(b) / ln_base);
        }
    }
    let x = real_arg(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "log", &args, 1, 2)?;
    let x = log_arg(vm, &args.pos[0], f64::ln, 1.0)?;
    match args.pos.get(1) {
        Some(b) => {
            let base = log_arg(vm, b, f64::ln, 1.0)?;
            if base == 0.0 {
                return Err(vm.new_error("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(x / base))
        }
        None => Ok(Value::Float(x)),
    }
}

fn m_log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "log2", &args, 1, 1)?;
    Ok(Value::Float(log_arg(vm, &args.pos[0], f64::log2, std::f64::consts::LN_2)?))
}

fn m_log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "log10", &args, 1, 1)?;
    Ok(Value::Float(log_arg(vm, &args.pos[0], f64::log10, std::f64::consts::LN_10)?))
}

fn m_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "pow", &args, 2, 2)?;
    let x = farg(vm, &args, 0)?;
    let y = farg(vm, &args, 1)?;
    if (x == 0.0 && y < 0.0 && y.is_finite())
        || (x < 0.0 && x.is_finite() && y.fract() != 0.0 && y.is_finite())
    {
        return Err(domain(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "atan2", &args, 2, 2)?;
    let y = farg(vm, &args, 0)?;
    let x = farg(vm, &args, 1)?;
    Ok(Value::Float(y.atan2(x)))
}

fn m_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut xs = Vec::with_capacity(args.pos.len());
    for v in args.pos {
        xs.push(real_arg(vm, v)?);
    }
    Ok(Value::Float(vector_norm(&xs)))
}

/// Euclidean norm, scaled to avoid overflow (infinities win over NaN, as in CPython).
fn vector_norm(xs: &[f64]) -> f64 {
    if xs.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if xs.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let max = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return 0.0;
    }
    if xs.len() <= 2 {
        return xs.iter().fold(0.0f64, |acc, x| acc.hypot(*x));
    }
    let sum: f64 = xs.iter().map(|x| (x / max) * (x / max)).sum();
    max * sum.sqrt()
}

fn m_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dist", &args, 2, 2)?;
    let p = vm.collect(&args.pos[0])?;
    let q = vm.collect(&args.pos[1])?;
    if p.len() != q.len() {
        return Err(vm.new_error("ValueError", "both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        diffs.push(real_arg(vm, a)? - real_arg(vm, b)?);
    }
    Ok(Value::Float(vector_norm(&diffs)))
}

/// floor/ceil/trunc: ints pass through, floats round to an int, other objects use their dunder.
fn to_int_rounded(vm: &mut Vm, args: &Args, name: &str, f: fn(f64) -> f64, dunder: &str) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    match &args.pos[0] {
        v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => float_to_int(vm, f(*x)),
        v => match vm.call_dunder(v, dunder, vec![])? {
            Some(r) => Ok(r),
            None => {
                if dunder == "__trunc__" {
                    let t = vm.type_name(v);
                    return Err(
                        vm.new_error("TypeError", &format!("type {t} doesn't define __trunc__ method"))
                    );
                }
                let x = real_arg(vm, v)?;
                float_to_int(vm, f(x))
            }
        },
    }
}

fn float_to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    crate::text::round::float_to_bigint(x).map(Value::from_bigint).map_err(|e| vm.text_error(e))
}

fn m_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_int_rounded(vm, &args, "floor", f64::floor, "__floor__")
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_int_rounded(vm, &args, "ceil", f64::ceil, "__ceil__")
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_int_rounded(vm, &args, "trunc", f64::trunc, "__trunc__")
}

/// An integer argument (ints and objects with `__index__`), as a big integer.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = crate::vm::ops::big_of(v) {
        return Ok(b);
    }
    if let Some(r) = vm.call_dunder(v, "__index__", vec![])? {
        if let Some(b) = crate::vm::ops::big_of(&r) {
            return Ok(b);
        }
    }
    let t = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("'{t}' object cannot be interpreted as an integer")))
}

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for v in args.pos {
        let b = int_arg(vm, v)?;
        g = num_integer::Integer::gcd(&g, &b);
    }
    Ok(Value::from_bigint(g))
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut l = BigInt::one();
    for v in args.pos {
        let b = int_arg(vm, v)?;
        if b.is_zero() {
            return Ok(Value::Int(0));
        }
        l = num_integer::Integer::lcm(&l, &b);
    }
    Ok(Value::from_bigint(l))
}

/// The largest `factorial()` argument accepted (the result has ~456k digits).
const MAX_FACTORIAL: u64 = 100_000;

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "factorial", &args, 1, 1)?;
    if matches!(args.pos[0], Value::Float(_)) {
        return Err(vm.new_error("TypeError", "'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, &args.pos[0])?;
    if n.is_negative() {
        return Err(vm.new_error("ValueError", "factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    if n > MAX_FACTORIAL {
        return Err(vm.new_error("OverflowError", "factorial() argument should not exceed 100000"));
    }
    Ok(Value::from_bigint(product_range(1, n)))
}

/// The product of `lo..=hi`, split in halves so the big multiplications stay balanced.
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        return (lo..=hi).fold(BigInt::one(), |acc, i| acc * i);
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isqrt", &args, 1, 1)?;
    let n = int_arg(vm, &args.pos[0])?;
    if n.is_negative() {
        return Err(vm.new_error("ValueError", "isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "comb", &args, 2, 2)?;
    let n = int_arg(vm, &args.pos[0])?;
    let k = int_arg(vm, &args.pos[1])?;
    if n.is_negative() {
        return Err(vm.new_error("ValueError", "n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.new_error("ValueError", "k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k).to_u64().unwrap_or(0);
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(acc))
}

fn m_perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "perm", &args, 1, 2)?;
    let n = int_arg(vm, &args.pos[0])?;
    let k = match args.pos.get(1) {
        Some(v) if !v.is_none() => int_arg(vm, v)?,
        _ => n.clone(),
    };
    if n.is_negative() {
        return Err(vm.new_error("ValueError", "n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.new_error("ValueError", "k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut acc = BigInt::one();
    for i in 0..k.to_u64().unwrap_or(0) {
        acc *= &n - i;
    }
    Ok(Value::from_bigint(acc))
}

fn m_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isclose", &args, 2, 2)?;
    let a = farg(vm, &args, 0)?;
    let b = farg(vm, &args, 1)?;
    let rel = match args.kwarg("rel_tol") {
        Some(v) => real_arg(vm, v)?,
        None => 1e-9,
    };
    let abs = match args.kwarg("abs_tol") {
        Some(v) => real_arg(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.new_error("ValueError", "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs))
}

fn m_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isnan", &args, 1, 1)?;
    Ok(Value::Bool(farg(vm, &args, 0)?.is_nan()))
}

fn m_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isinf", &args, 1, 1)?;
    Ok(Value::Bool(farg(vm, &args, 0)?.is_infinite()))
}

fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isfinite", &args, 1, 1)?;
    Ok(Value::Bool(farg(vm, &args, 0)?.is_finite()))
}

fn m_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "copysign", &args, 2, 2)?;
    let a = farg(vm, &args, 0)?;
    let b = farg(vm, &args, 1)?;
    Ok(Value::Float(a.copysign(b)))
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "fmod", &args, 2, 2)?;
    let a = farg(vm, &args, 0)?;
    let b = farg(vm, &args, 1)?;
    if b.is_infinite() && a.is_finite() {
        return Ok(Value::Float(a));
    }
    if (b == 0.0 || a.is_infinite()) && !a.is_nan() && !b.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(a % b))
}

fn m_remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "remainder", &args, 2, 2)?;
    let x = farg(vm, &args, 0)?;
    let y = farg(vm, &args, 1)?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    // IEEE 754 remainder: x - n*y with n the nearest integer to x/y, ties to even.
    let n = (x / y).round();
    let n = if ((x / y) - (x / y).trunc()).abs() == 0.5 { 2.0 * ((x / y) / 2.0).round() } else { n };
    let r = x - n * y;
    Ok(Value::Float(if r == 0.0 { 0.0f64.copysign(x) } else { r }))
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "modf", &args, 1, 1)?;
    let a = farg(vm, &args, 0)?;
    if a.is_infinite() {
        return Ok(Value::tuple(vec![Value::Float(0.0f64.copysign(a)), Value::Float(a)]));
    }
    Ok(Value::tuple(vec![Value::Float(a.fract()), Value::Float(a.trunc())]))
}

/// `frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= abs(m) < 1`.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || x.is_nan() || x.is_infinite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn m_frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "frexp", &args, 1, 1)?;
    let (m, e) = frexp(farg(vm, &args, 0)?);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
}

/// `x * 2**e` without intermediate overflow or double rounding.
fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let e = e.clamp(-2200, 2200) as i32;
    let (mut x, mut e) = (x, e);
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        // Keep the last step exact: scale down in two parts near the subnormal range.
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e)
}

fn m_ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "ldexp", &args, 2, 2)?;
    let x = farg(vm, &args, 0)?;
    if matches!(args.pos[1], Value::Float(_)) {
        return Err(vm.new_error("TypeError", "Expected an int as second argument to ldexp."));
    }
    let e = int_arg(vm, &args.pos[1])?;
    let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let r = ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

/// `fsum`: exactly rounded sum by Shewchuk's partials (CPython's `msum`).
fn m_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "fsum", &args, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        let x = real_arg(vm, &v)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        add_partial(&mut partials, x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.new_error("ValueError", "-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    Ok(Value::Float(round_partials(&partials)))
}

/// Adds `x` to the non-overlapping partial sums (Shewchuk), keeping them exact.
fn add_partial(partials: &mut Vec<f64>, mut x: f64) {
    let mut i = 0;
    for j in 0..partials.len() {
        let mut y = partials[j];
        if x.abs() < y.abs() {
            std::mem::swap(&mut x, &mut y);
        }
        let hi = x + y;
        let lo = y - (hi - x);
        if lo != 0.0 {
            partials[i] = lo;
            i += 1;
        }
        x = hi;
    }
    partials.truncate(i);
    partials.push(x);
}

/// The correctly rounded value of a list of non-overlapping partials (CPython's tail step).
fn round_partials(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}

fn m_prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "prod", &args, 1, 1)?;
    let mut acc = args.kwarg("start").cloned().unwrap_or(Value::Int(1));
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        acc = vm.binary_op(crate::compiler::bytecode::BinKind::Mul, &acc, &v)?;
    }
    Ok(acc)
}

fn m_nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "nextafter", &args, 2, 2)?;
    let x = farg(vm, &args, 0)?;
    let y = farg(vm, &args, 1)?;
    Ok(Value::Float(nextafter(x, y)))
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "ulp", &args, 1, 1)?;
    let x = farg(vm, &args, 0)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x));
    }
    if x == f64::MAX {
        return Ok(Value::Float(x - nextafter(x, 0.0)));
    }
    Ok(Value::Float(nextafter(x, f64::INFINITY) - x))
}

fn m_gamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gamma", &args, 1, 1)?;
    let x = farg(vm, &args, 0)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if x == f64::NEG_INFINITY || (x <= 0.0 && x == x.floor()) {
        return Err(domain(vm));
    }
    if x == f64::INFINITY {
        return Ok(Value::Float(x));
    }
    if x == x.floor() && x <= 23.0 {
        // Exact for small integers, as CPython's table is.
        let n = x as u64;
        return Ok(Value::Float((1..n).fold(1.0f64, |acc, i| acc * i as f64)));
    }
    let r = gamma(x);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

fn m_lgamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "lgamma", &args, 1, 1)?;
    let x = farg(vm, &args, 0)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if x.is_infinite() {
        return Ok(Value::Float(f64::INFINITY));
    }
    if x <= 0.0 && x == x.floor() {
        return Err(domain(vm));
    }
    if x == 1.0 || x == 2.0 {
        return Ok(Value::Float(0.0));
    }
    Ok(Value::Float(lgamma(x)))
}

/// Lanczos approximation (g = 7, n = 9) of the gamma function.
fn gamma(x: f64) -> f64 {
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma(1.0 - x));
    }
    lgamma_pos(x).exp()
}

fn lgamma(x: f64) -> f64 {
    if x < 0.5 {
        let s = (std::f64::consts::PI * x).sin().abs();
        return std::f64::consts::PI.ln() - s.ln() - lgamma(1.0 - x);
    }
    lgamma_pos(x)
}

/// `ln(gamma(x))` for `x >= 0.5` by the Lanczos series.
fn lgamma_pos(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEF: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut a = COEF[0];
    let t = x + G + 0.5;
    for (i, c) in COEF.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The error function (series for small |x|, continued fraction otherwise), as CPython.
fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 1.5 {
        erf_series(x)
    } else {
        let r = 1.0 - erfc_cf(ax);
        if x > 0.0 {
            r
        } else {
            -r
        }
    }
}

fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 1.5 {
        1.0 - erf_series(x)
    } else {
        let r = erfc_cf(ax);
        if x > 0.0 {
            r
        } else {
            2.0 - r
        }
    }
}

fn erf_series(x: f64) -> f64 {
    const TERMS: usize = 25;
    let x2 = x * x;
    let mut acc = 0.0;
    let mut fk = TERMS as f64 + 0.5;
    for _ in 0..TERMS {
        acc = 2.0 + x2 * acc / fk;
        fk -= 1.0;
    }
    acc * x * (-x2).exp() / std::f64::consts::PI.sqrt()
}

fn erfc_cf(x: f64) -> f64 {
    const TERMS: usize = 50;
    if x >= 30.0 {
        return 0.0;
    }
    let x2 = x * x;
    let mut a = 0.0;
    let mut da = 0.5;
    let mut p = 1.0;
    let mut p_last = 0.0;
    let mut q = da + x2;
    let mut q_last = 1.0;
    for _ in 0..TERMS {
        a += da;
        da += 2.0;
        let b = da + x2;
        let temp = p;
        p = b * p - a * p_last;
        p_last = temp;
        let temp = q;
        q = b * q - a * q_last;
        q_last = temp;
    }
    p / q * x * (-x2).exp() / std::f64::consts::PI.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_matches_cpython() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(0.25), (0.5, -1));
        assert_eq!(frexp(-3.0), (-0.75, 2));
        assert_eq!(frexp(0.0), (0.0, 0));
        assert_eq!(frexp(5e-324), (0.5, -1073));
    }

    #[test]
    fn fsum_is_exactly_rounded() {
        let mut partials: Vec<f64> = Vec::new();
        for _ in 0..10 {
            add_partial(&mut partials, 0.1);
        }
        assert_eq!(round_partials(&partials), 1.0);
    }
}
