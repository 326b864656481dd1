//! Methods of `int` and `float`: bit operations, byte conversions, integer ratios and the
//! hexadecimal float forms (`float.hex`, `float.fromhex`).

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::{class_fn, method, method_arity, opt_arg};
use crate::vm::object::{Args, NativeFn};
use crate::vm::ops::{big_of, unboxed};
use crate::vm::{PyResult, Value, Vm};

pub(super) fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    for (name, f) in [
        ("bit_length", int_bit_length as NativeFn),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("as_integer_ratio", int_ratio),
        ("conjugate", num_self),
        ("__index__", num_self),
        ("__int__", num_self),
        ("__float__", num_float),
    ] {
        method(vm, &int, name, f);
    }
    class_fn(vm, &int, "from_bytes", int_from_bytes);
    let float = vm.types.float.clone();
    for (name, f) in [
        ("is_integer", float_is_integer as NativeFn),
        ("as_integer_ratio", float_ratio),
        ("conjugate", num_self),
        ("hex", float_hex),
        ("__float__", num_float),
        ("__int__", float_int),
    ] {
        method(vm, &float, name, f);
    }
    class_fn(vm, &float, "fromhex", float_fromhex);
    let complex = vm.types.complex.clone();
    method(vm, &complex, "conjugate", complex_conjugate);
}

/// `complex.conjugate()`.
fn complex_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match crate::vm::complex::complex_of(&number(&args)) {
        Some((re, im)) => Ok(vm.new_complex((re, -im))),
        None => Err(vm.new_error("TypeError", "descriptor 'conjugate' requires a 'complex' object")),
    }
}

/// The receiver as a builtin number (script subclass instances unwrapped).
fn number(args: &Args) -> Value {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    unboxed(&v).unwrap_or(v)
}

/// The integer receiver.
fn this_int(vm: &mut Vm, args: &Args, name: &str) -> PyResult<BigInt> {
    match big_of(&number(args)) {
        Some(b) => Ok(b),
        None => Err(vm.new_error("TypeError", &format!("descriptor '{name}' requires an 'int' object"))),
    }
}

/// The float receiver.
fn this_float(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    match number(args) {
        Value::Float(f) => Ok(f),
        _ => Err(vm.new_error("TypeError", &format!("descriptor '{name}' requires a 'float' object"))),
    }
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "int.bit_length", &args, 0, 0)?;
    Ok(Value::Int(this_int(vm, &args, "bit_length")?.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "int.bit_count", &args, 0, 0)?;
    let b = this_int(vm, &args, "bit_count")?;
    let ones: u32 = b.magnitude().iter_u64_digits().map(u64::count_ones).sum();
    Ok(Value::Int(ones as i64))
}

fn int_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "int.as_integer_ratio", &args, 0, 0)?;
    let b = this_int(vm, &args, "as_integer_ratio")?;
    Ok(Value::tuple(vec![Value::from_bigint(b), Value::Int(1)]))
}

fn num_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match number(&args) {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    })
}

fn num_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(super::constructors::to_float(vm, &number(&args))?))
}

fn float_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::constructors::to_int(vm, &number(&args))
}

/// `"big"`/`"little"` from a byteorder argument (default big, as in 3.11).
fn byteorder(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "big" => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "little" => Ok(false),
        Some(Value::Str(_)) => Err(vm.new_error("ValueError", "byteorder must be either 'little' or 'big'")),
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("to_bytes() argument 'byteorder' must be str, not {t}")))
        }
    }
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "to_bytes", &args, 0, 2)?;
    let b = this_int(vm, &args, "to_bytes")?;
    let len = match opt_arg(&args, 1, "length") {
        Some(v) => vm.index_of(v)?,
        None => 1,
    };
    if len < 0 {
        return Err(vm.new_error("ValueError", "length argument must be non-negative"));
    }
    let big_endian = byteorder(vm, opt_arg(&args, 2, "byteorder"))?;
    let signed = match args.kwarg("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if b.is_negative() && !signed {
        return Err(vm.new_error("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.to_bytes_le().1 };
    if b.is_zero() {
        bytes.clear();
    }
    let len = len as usize;
    if bytes.len() > len {
        return Err(vm.new_error("OverflowError", "int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(len, fill);
    if big_endian {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = super::class_and_rest(&args);
    let Some(src) = rest.first().or(args.kwarg("bytes")) else {
        return Err(vm.new_error("TypeError", "from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let data = match vm.bytes_of(src) {
        Some(b) => b,
        None => {
            let not_bytes = |vm: &mut Vm| {
                let t = vm.type_name(src);
                vm.new_error("TypeError", &format!("cannot convert '{t}' object to bytes"))
            };
            if matches!(src, Value::Str(_)) {
                return Err(not_bytes(vm));
            }
            let iter = vm.get_iter(src).map_err(|_| not_bytes(vm))?;
            let mut out = Vec::new();
            for v in vm.collect(&iter)? {
                let i = vm.index_of(&v)?;
                out.push(
                    u8::try_from(i)
                        .map_err(|_| vm.new_error("ValueError", "bytes must be in range(0, 256)"))?,
                );
            }
            out
        }
    };
    let big_endian = byteorder(vm, rest.get(1).or(args.kwarg("byteorder")))?;
    let signed = match args.kwarg("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut le = data;
    if big_endian {
        le.reverse();
    }
    let v = if signed { BigInt::from_signed_bytes_le(&le) } else { BigInt::from_bytes_le(Sign::Plus, &le) };
    let int = vm.types.int.clone();
    super::for_subclass(vm, cls, &int, Value::from_bigint(v))
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "float.is_integer", &args, 0, 0)?;
    let f = this_float(vm, &args, "is_integer")?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "float.as_integer_ratio", &args, 0, 0)?;
    let f = this_float(vm, &args, "as_integer_ratio")?;
    if f.is_nan() {
        return Err(vm.new_error("ValueError", "cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.new_error("OverflowError", "cannot convert Infinity to integer ratio"));
    }
    let (m, e) = super::math::frexp(f);
    // m * 2**53 is an exact integer; shift the exponent accordingly and reduce.
    let mant = (m * (1u64 << 53) as f64) as i64;
    let mut num = BigInt::from(mant);
    let mut exp = e - 53;
    let tz = if mant == 0 { 0 } else { mant.trailing_zeros() as i64 };
    num >>= tz as usize;
    exp += tz;
    let (num, den) = if exp >= 0 {
        (num << exp as usize, BigInt::from(1))
    } else {
        (num, BigInt::from(1) << (-exp) as usize)
    };
    Ok(Value::tuple(vec![Value::from_bigint(num), Value::from_bigint(den)]))
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "float.hex", &args, 0, 0)?;
    let f = this_float(vm, &args, "hex")?;
    if f.is_nan() {
        return Ok(Value::str("nan"));
    }
    if f.is_infinite() {
        return Ok(Value::str(if f > 0.0 { "inf" } else { "-inf" }));
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return Ok(Value::string(format!("{sign}0x0.0p+0")));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    Ok(Value::string(format!("{sign}0x{lead}.{mant:013x}p{e:+}")))
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = super::class_and_rest(&args);
    let [v] = rest else { return Err(vm.new_error("TypeError", "fromhex() takes exactly one argument")) };
    let s = super::str_arg(vm, v, "fromhex() argument")?;
    match parse_hex_float(s) {
        Ok(f) => {
            let float = vm.types.float.clone();
            super::for_subclass(vm, cls, &float, Value::Float(f))
        }
        Err(HexError::Invalid) => {
            Err(vm.new_error("ValueError", "invalid hexadecimal floating-point string"))
        }
        Err(HexError::Overflow) => {
            Err(vm.new_error("OverflowError", "hexadecimal value too large to represent as a float"))
        }
    }
}

enum HexError {
    Invalid,
    Overflow,
}

/// `float.fromhex`: `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits]`, or
/// inf/nan, with surrounding whitespace; rounds half to even like CPython.
fn parse_hex_float(s: &str) -> Result<f64, HexError> {
    let t = s.trim();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if neg { -v } else { v });
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().map_err(|_| HexError::Invalid)?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(HexError::Invalid);
    }
    let mut digits = BigInt::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or(HexError::Invalid)?;
        digits = digits * 16 + d;
    }
    let exp = exp.saturating_sub(4 * frac_part.len() as i64);
    let v = scale_to_f64(&digits, exp).ok_or(HexError::Overflow)?;
    Ok(if neg { -v } else { v })
}

/// `digits * 2**exp` rounded to the nearest float (ties to even), None on overflow.
fn scale_to_f64(digits: &BigInt, exp: i64) -> Option<f64> {
    if digits.is_zero() {
        return Some(0.0);
    }
    let bits = digits.bits() as i64;
    // Keep 53 significant bits (fewer for subnormals) and round the rest away.
    let top = bits + exp;
    if top > 1024 {
        return None;
    }
    let keep = if top < -1021 { (53 - (-1021 - top)).max(0) } else { 53 };
    let shift = bits - keep;
    let (mant, exp) = if shift > 0 {
        let q: BigInt = digits >> shift as usize;
        let rem: BigInt = digits - (&q << shift as usize);
        let half = BigInt::from(1) << (shift - 1) as usize;
        let up = rem > half || (rem == half && (&q & BigInt::from(1)) == BigInt::from(1));
        (if up { q + 1 } else { q }, exp + shift)
    } else {
        (digits.clone(), exp)
    };
    // `mant` is already rounded to the target precision, so scaling by powers of two is exact;
    // two steps keep the intermediate inside the float range.
    let m = mant.to_f64()?;
    let e = exp.clamp(-2200, 2200) as i32;
    let r = m * 2f64.powi(e / 2) * 2f64.powi(e - e / 2);
    if r.is_infinite() {
        return None;
    }
    Some(r)
}
