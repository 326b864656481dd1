//! `_struct`: packing values into bytes and back by format strings (`struct.pack`,
//! `unpack`, `calcsize`, `pack_into`, `unpack_from`), with CPython's sizes, native
//! alignment under `@`, byte orders, and its `struct.error` messages.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::vm::object::{Args, BaseKind, Class};
use crate::vm::types::builtin_class;
use crate::vm::{PyResult, Value, Vm};

const ERROR_KEY: &str = "struct.error";

/// The `_struct` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(
        vm,
        "_struct",
        &[("pack", pack), ("unpack", unpack), ("calcsize", calcsize), ("unpack_from", unpack_from)],
    );
    let err = error_class(vm);
    vm.module_set(&m, "error", Value::Class(err));
    Ok(m)
}

fn error_class(vm: &mut Vm) -> Rc<Class> {
    if let Some(c) = vm.ext_state.get(ERROR_KEY).and_then(|s| s.clone().downcast::<Rc<Class>>().ok()) {
        return (*c).clone();
    }
    let base = vm.exc_class("Exception");
    let cls = builtin_class("error", &[base], BaseKind::Exception);
    cls.set_attr("__module__", Value::str("struct"));
    vm.ext_state.insert(ERROR_KEY, Rc::new(cls.clone()) as Rc<dyn std::any::Any>);
    cls
}

fn error(vm: &mut Vm, msg: &str) -> crate::vm::Exc {
    let cls = error_class(vm);
    vm.new_exception(&cls, vec![Value::str(msg)])
}

/// One item of a format: its code, repeat count, and byte size.
#[derive(Clone, Copy)]
struct Item {
    code: char,
    count: usize,
    size: usize,
}

struct Format {
    little: bool,
    native: bool,
    items: Vec<Item>,
}

fn item_size(code: char, native: bool) -> Option<usize> {
    Some(match code {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' => {
            if native {
                8
            } else {
                4
            }
        }
        'q' | 'Q' | 'd' => 8,
        'n' | 'N' | 'P' if native => 8,
        _ => return None,
    })
}

fn parse(vm: &mut Vm, fmt: &str) -> PyResult<Format> {
    let mut chars = fmt.chars().peekable();
    let (little, native) = match chars.peek() {
        Some('<') => (true, false),
        Some('>') | Some('!') => (false, false),
        Some('=') => (cfg!(target_endian = "little"), false),
        Some('@') => (cfg!(target_endian = "little"), true),
        _ => (cfg!(target_endian = "little"), true),
    };
    if matches!(chars.peek(), Some('<' | '>' | '!' | '=' | '@')) {
        chars.next();
    }
    let mut items = Vec::new();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut count = None;
        let mut c = c;
        if c.is_ascii_digit() {
            let mut n = c.to_digit(10).unwrap_or(0) as usize;
            loop {
                match chars.next() {
                    Some(d) if d.is_ascii_digit() => {
                        n = n.saturating_mul(10).saturating_add(d.to_digit(10).unwrap_or(0) as usize)
                    }
                    Some(other) => {
                        c = other;
                        break;
                    }
                    None => return Err(error(vm, "repeat count given without format specifier")),
                }
            }
            count = Some(n);
        }
        let size = item_size(c, native).ok_or_else(|| error(vm, "bad char in struct format"))?;
        items.push(Item { code: c, count: count.unwrap_or(1), size });
    }
    Ok(Format { little, native, items })
}

impl Format {
    /// Padding before an item under native alignment.
    fn align(&self, offset: usize, item: &Item) -> usize {
        if !self.native || matches!(item.code, 's' | 'p' | 'x' | 'c' | 'b' | 'B' | '?') {
            return 0;
        }
        (item.size - offset % item.size) % item.size
    }

    fn size(&self) -> usize {
        let mut off = 0;
        for it in &self.items {
            off += self.align(off, it);
            off += it.size * it.count;
        }
        off
    }

    /// How many values the format consumes or produces.
    fn arity(&self) -> usize {
        self.items
            .iter()
            .map(|it| match it.code {
                'x' => 0,
                's' | 'p' => 1,
                _ => it.count,
            })
            .sum()
    }
}

fn fmt_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<String> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(v) => match vm.bytes_of(v) {
            Some(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
            None => {
                let t = vm.type_name(v);
                Err(vm.new_error(
                    "TypeError",
                    &format!("Struct() argument 1 must be a str or bytes object, not {t}"),
                ))
            }
        },
        None => Err(vm.new_error("TypeError", "missing format argument")),
    }
}

fn calcsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = fmt_arg(vm, args.pos.first())?;
    let fmt = parse(vm, &f)?;
    Ok(Value::Int(fmt.size() as i64))
}

fn int_range(code: char, size: usize) -> (BigInt, BigInt) {
    let bits = size * 8;
    if code.is_ascii_uppercase() {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    } else {
        (-(BigInt::from(1) << (bits - 1)), (BigInt::from(1) << (bits - 1)) - 1)
    }
}

/// CPython's message for an out-of-range integer (it depends on the C conversion used).
fn range_message(code: char, size: usize, n: &BigInt, lo: &BigInt, hi: &BigInt) -> String {
    let named = match code {
        'b' => Some("byte"),
        'B' => Some("ubyte"),
        'h' => Some("short"),
        'H' => Some("ushort"),
        _ => None,
    };
    if let Some(name) = named {
        return format!("{name} format requires {lo} <= number <= {hi}");
    }
    if size == 8 || (code.is_ascii_uppercase() && n < &BigInt::from(0)) {
        return "argument out of range".to_string();
    }
    format!("'{code}' format requires {lo} <= number <= {hi}")
}

fn put_int(vm: &mut Vm, out: &mut Vec<u8>, v: &Value, it: &Item, little: bool) -> PyResult<()> {
    let n = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => crate::vm::ops::big_of(v).unwrap_or_default(),
        _ => match vm.call_dunder(v, "__index__", vec![])? {
            Some(i) => crate::vm::ops::big_of(&i).unwrap_or_default(),
            None => return Err(error(vm, "required argument is not an integer")),
        },
    };
    let (lo, hi) = int_range(it.code, it.size);
    if n < lo || n > hi {
        return Err(error(vm, &range_message(it.code, it.size, &n, &lo, &hi)));
    }
    let mut bytes = n.to_signed_bytes_le();
    let fill = if n < BigInt::from(0) { 0xff } else { 0 };
    bytes.resize(it.size, fill);
    if !little {
        bytes.reverse();
    }
    out.extend(bytes);
    Ok(())
}

fn put_float(vm: &mut Vm, out: &mut Vec<u8>, v: &Value, it: &Item, little: bool) -> PyResult<()> {
    let f = match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        Value::BigInt(b) => b.to_f64().unwrap_or(f64::INFINITY),
        _ => crate::builtins::to_float(vm, v).map_err(|_| error(vm, "required argument is not a float"))?,
    };
    let bytes: Vec<u8> = match it.code {
        'd' => f.to_le_bytes().to_vec(),
        'f' => {
            let g = f as f32;
            if g.is_infinite() && f.is_finite() {
                return Err(vm.new_error("OverflowError", "float too large to pack with f format"));
            }
            g.to_le_bytes().to_vec()
        }
        _ => half_bits(vm, f)?.to_le_bytes().to_vec(),
    };
    out.extend(if little { bytes } else { bytes.into_iter().rev().collect() });
    Ok(())
}

/// IEEE 754 binary16 encoding of `f`, rounding to nearest even.
fn half_bits(vm: &mut Vm, f: f64) -> PyResult<u16> {
    let sign = if f.is_sign_negative() { 0x8000u16 } else { 0 };
    if f.is_nan() {
        return Ok(sign | 0x7e00);
    }
    let a = f.abs();
    if a.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    if a >= 65520.0 {
        return Err(vm.new_error("OverflowError", "float too large to pack with e format"));
    }
    if a < 6.103_515_625e-5 {
        // Subnormal: units of 2**-24.
        let m = (a / 5.960_464_477_539_063e-8).round_ties_even() as u16;
        return Ok(sign | m);
    }
    let e = a.log2().floor() as i32;
    let mut m = ((a / 2f64.powi(e) - 1.0) * 1024.0).round_ties_even() as u32;
    let mut e = e + 15;
    if m == 1024 {
        m = 0;
        e += 1;
    }
    Ok(sign | ((e as u16) << 10) | m as u16)
}

fn half_value(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((bits >> 10) & 0x1f) as i32;
    let m = (bits & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = fmt_arg(vm, args.pos.first())?;
    let fmt = parse(vm, &f)?;
    let values = &args.pos[1..];
    if values.len() != fmt.arity() {
        return Err(error(
            vm,
            &format!("pack expected {} items for packing (got {})", fmt.arity(), values.len()),
        ));
    }
    let mut out = Vec::with_capacity(fmt.size());
    let mut vals = values.iter();
    for it in &fmt.items {
        let pad = fmt.align(out.len(), it);
        out.extend(std::iter::repeat_n(0, pad));
        match it.code {
            'x' => out.extend(std::iter::repeat_n(0, it.count)),
            's' | 'p' => {
                let v = vals.next().cloned().unwrap_or(Value::None);
                let Some(mut b) = vm.bytes_of(&v).filter(|_| !matches!(v, Value::Str(_))) else {
                    return Err(error(vm, &format!("argument for '{}' must be a bytes object", it.code)));
                };
                if it.code == 'p' {
                    let n = b.len().min(it.count.saturating_sub(1)).min(255);
                    b.truncate(n);
                    out.push(n as u8);
                    b.resize(it.count.saturating_sub(1), 0);
                } else {
                    b.resize(it.count, 0);
                }
                out.extend(b);
            }
            _ => {
                for _ in 0..it.count {
                    let v = vals.next().cloned().unwrap_or(Value::None);
                    match it.code {
                        'c' => match vm.bytes_of(&v) {
                            Some(b) if b.len() == 1 && !matches!(v, Value::Str(_)) => out.push(b[0]),
                            _ => return Err(error(vm, "char format requires a bytes object of length 1")),
                        },
                        '?' => out.push(vm.truthy(&v)? as u8),
                        'e' | 'f' | 'd' => put_float(vm, &mut out, &v, it, fmt.little)?,
                        _ => put_int(vm, &mut out, &v, it, fmt.little)?,
                    }
                }
            }
        }
    }
    Ok(vm.new_bytes(out))
}

fn buffer_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v.and_then(|v| if matches!(v, Value::Str(_)) { None } else { vm.bytes_of(v) }) {
        Some(b) => Ok(b),
        None => {
            let t = v.map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = fmt_arg(vm, args.pos.first())?;
    let fmt = parse(vm, &f)?;
    let data = buffer_arg(vm, args.pos.get(1))?;
    if data.len() != fmt.size() {
        return Err(error(vm, &format!("unpack requires a buffer of {} bytes", fmt.size())));
    }
    decode(vm, &fmt, &data)
}

fn unpack_from(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = fmt_arg(vm, args.pos.first())?;
    let fmt = parse(vm, &f)?;
    let data = buffer_arg(vm, args.pos.get(1))?;
    let offset = match args.pos.get(2).or_else(|| args.kwarg("offset")) {
        Some(v) => vm.index_of(v)?,
        None => 0,
    };
    let offset = if offset < 0 { offset + data.len() as i64 } else { offset };
    let size = fmt.size();
    if offset < 0 || offset as usize + size > data.len() {
        return Err(error(
            vm,
            &format!("unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})", offset.max(0) as usize + size, size, offset, data.len()),
        ));
    }
    decode(vm, &fmt, &data[offset as usize..offset as usize + size])
}

fn decode(vm: &mut Vm, fmt: &Format, data: &[u8]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(fmt.arity());
    let mut off = 0;
    for it in &fmt.items {
        off += fmt.align(off, it);
        match it.code {
            'x' => off += it.count,
            's' => {
                out.push(vm.new_bytes(data[off..off + it.count].to_vec()));
                off += it.count;
            }
            'p' => {
                let n = (data.get(off).copied().unwrap_or(0) as usize).min(it.count.saturating_sub(1));
                out.push(vm.new_bytes(data[off + 1..off + 1 + n].to_vec()));
                off += it.count;
            }
            _ => {
                for _ in 0..it.count {
                    let mut chunk = data[off..off + it.size].to_vec();
                    off += it.size;
                    if !fmt.little {
                        chunk.reverse();
                    }
                    out.push(match it.code {
                        'c' => vm.new_bytes(chunk),
                        '?' => Value::Bool(chunk[0] != 0),
                        'd' => Value::Float(f64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))),
                        'f' => Value::Float(f32::from_le_bytes(chunk.try_into().unwrap_or([0; 4])) as f64),
                        'e' => {
                            Value::Float(half_value(u16::from_le_bytes(chunk.try_into().unwrap_or([0; 2]))))
                        }
                        c if c.is_ascii_uppercase() => {
                            Value::from_bigint(BigInt::from_bytes_le(num_bigint::Sign::Plus, &chunk))
                        }
                        _ => Value::from_bigint(BigInt::from_signed_bytes_le(&chunk)),
                    });
                }
            }
        }
    }
    Ok(Value::tuple(out))
}
