//! Methods of `bytes` and `bytearray`: searching, splitting, stripping, case and padding,
//! `decode`/`hex`/`fromhex`, and the in-place `bytearray` mutators. Results have the type of
//! the receiver (a `bytearray` method returns a `bytearray`).

use crate::text::bytesmethods as bm;
use crate::text::codecs::{self, Codec, Handler};
use crate::vm::object::{Args, NativeFn, Payload};
use crate::vm::{PyResult, Value, Vm};

use super::{class_fn, method, method_arity, opt_arg};

pub(super) fn install(vm: &mut Vm) {
    let shared: &[(&'static str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("replace", replace),
        ("translate", translate),
        ("join", join),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isascii", isascii),
        ("__len__", super::methods::seq_len),
        ("__getitem__", super::methods::seq_getitem),
        ("__contains__", super::methods::seq_contains),
        ("__iter__", super::methods::seq_iter),
    ];
    for cls in [vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        for (name, f) in shared {
            method(vm, &cls, name, *f);
        }
        class_fn(vm, &cls, "fromhex", fromhex);
        super::static_fn(vm, &cls, "maketrans", maketrans);
    }
    let ba = vm.types.bytearray.clone();
    for (name, f) in [
        ("append", ba_append as NativeFn),
        ("extend", ba_extend),
        ("clear", ba_clear),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("remove", ba_remove),
        ("reverse", ba_reverse),
        ("copy", ba_copy),
        ("__init__", ba_init),
        ("__setitem__", super::methods::seq_setitem),
    ] {
        method(vm, &ba, name, f);
    }
}

/// The receiver's bytes, with the qualified method name for errors.
fn this(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Vec<u8>> {
    match args.pos.first().and_then(|v| vm.bytes_of(v)) {
        Some(b) => Ok(b),
        None => Err(vm.new_error("TypeError", &format!("descriptor '{name}' requires a 'bytes' object"))),
    }
}

/// A bytes-like argument.
pub(super) fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match vm.bytes_of(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// An optional bytes-like argument (None means "not given").
fn opt_bytes(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Vec<u8>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => bytes_arg(vm, v).map(Some),
    }
}

/// An optional integer argument (slice bounds accept None).
fn opt_int(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => vm.index_of(v).map(Some),
    }
}

/// A result of the receiver's type.
fn like(vm: &mut Vm, args: &Args, b: Vec<u8>) -> Value {
    vm.new_bytes_like(&args.pos[0], b)
}

fn text_err<T>(vm: &mut Vm, r: crate::text::TextResult<T>) -> PyResult<T> {
    r.map_err(|e| vm.text_error(e))
}

fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "decode", &args, 0, 2)?;
    let b = this(vm, &args, "decode")?;
    let encoding = match opt_arg(&args, 1, "encoding") {
        Some(v) => super::str_arg(vm, v, "decode() argument 'encoding'")?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match opt_arg(&args, 2, "errors") {
        Some(v) => super::str_arg(vm, v, "decode() argument 'errors'")?.to_string(),
        None => "strict".to_string(),
    };
    decode_bytes(vm, &b, &encoding, &errors).map(Value::string)
}

/// `bytes.decode(encoding, errors)` as a Rust string (also used by `str(b, encoding)`).
pub fn decode_bytes(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some(codec) = Codec::lookup(encoding) else {
        return Err(vm.new_error("LookupError", &format!("unknown encoding: {encoding}")));
    };
    let handler = Handler::lookup(errors);
    match codecs::decode(b, codec, handler.unwrap_or(Handler::Strict)) {
        Ok(s) => Ok(s),
        Err(_) if handler.is_none() => {
            Err(vm.new_error("LookupError", &format!("unknown error handler name '{errors}'")))
        }
        Err(e) => {
            let object = vm.new_bytes(b.to_vec());
            Err(vm.unicode_error("UnicodeDecodeError", &e, object))
        }
    }
}

/// `str.encode(encoding, errors)` as bytes.
pub fn encode_str(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = Codec::lookup(encoding) else {
        return Err(vm.new_error("LookupError", &format!("unknown encoding: {encoding}")));
    };
    let handler = Handler::lookup(errors);
    match codecs::encode(s, codec, handler.unwrap_or(Handler::Strict)) {
        Ok(b) => Ok(b),
        Err(_) if handler.is_none() => {
            Err(vm.new_error("LookupError", &format!("unknown error handler name '{errors}'")))
        }
        Err(e) => Err(vm.unicode_error("UnicodeEncodeError", &e, Value::str(s))),
    }
}

pub(super) fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "hex", &args, 0, 2)?;
    let b = this(vm, &args, "hex")?;
    let sep = match opt_arg(&args, 1, "sep") {
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        Some(v) if vm.bytes_of(v).is_some() => {
            Some(String::from_utf8_lossy(&vm.bytes_of(v).unwrap_or_default()).into_owned())
        }
        _ => None,
    };
    let per = opt_int(vm, opt_arg(&args, 2, "bytes_per_sep"))?.unwrap_or(1);
    let r = text_err(vm, bm::hex(&b, sep.as_deref(), per))?;
    Ok(Value::string(r))
}

fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = super::class_and_rest(&args);
    let s = match rest {
        [Value::Str(s)] => s,
        [other] => {
            let t = vm.type_name(other);
            return Err(vm.new_error("TypeError", &format!("fromhex() argument must be str, not {t}")));
        }
        _ => {
            let owner = cls.as_ref().map_or("bytes".to_string(), |c| c.name());
            let msg = format!("{owner}.fromhex() takes exactly one argument ({} given)", rest.len());
            return Err(vm.new_error("TypeError", &msg));
        }
    };
    let r = text_err(vm, bm::fromhex(s.as_str()))?;
    let bytearray = vm.types.bytearray.clone();
    if cls.as_ref().is_some_and(|c| c.is_subclass(&bytearray)) {
        let v = vm.new_bytearray(r);
        return super::for_subclass(vm, cls, &bytearray, v);
    }
    let (bytes, v) = (vm.types.bytes.clone(), vm.new_bytes(r));
    super::for_subclass(vm, cls, &bytes, v)
}

fn split_with(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    method_arity(vm, name, &args, 0, 2)?;
    let b = this(vm, &args, name)?;
    let sep = opt_bytes(vm, opt_arg(&args, 1, "sep"))?;
    let max = opt_int(vm, opt_arg(&args, 2, "maxsplit"))?.unwrap_or(-1);
    let parts = if right { bm::rsplit(&b, sep.as_deref(), max) } else { bm::split(&b, sep.as_deref(), max) };
    let parts = text_err(vm, parts)?;
    Ok(Value::list(parts.into_iter().map(|p| like(vm, &args, p.to_vec())).collect()))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_with(vm, args, false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_with(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "splitlines", &args, 0, 1)?;
    let b = this(vm, &args, "splitlines")?;
    let keepends = match opt_arg(&args, 1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = if keepends { i + eol } else { i };
        out.push(like(vm, &args, b[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < b.len() {
        out.push(like(vm, &args, b[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn strip_with(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: for<'a> fn(&'a [u8], Option<&[u8]>) -> &'a [u8],
) -> PyResult<Value> {
    method_arity(vm, name, &args, 0, 1)?;
    let b = this(vm, &args, name)?;
    let chars = opt_bytes(vm, args.pos.get(1))?;
    let r = f(&b, chars.as_deref()).to_vec();
    Ok(like(vm, &args, r))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "strip", bm::strip)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "lstrip", bm::lstrip)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "rstrip", bm::rstrip)
}

/// The operands of a search: haystack, needle (bytes or a single byte value), start, end.
type Search = (Vec<u8>, Vec<u8>, Option<i64>, Option<i64>);

/// A bytes predicate over a window: `startswith`/`endswith`.
type AffixFn = fn(&[u8], &[u8], Option<i64>, Option<i64>) -> bool;

fn search(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Search> {
    method_arity(vm, name, args, 1, 3)?;
    let b = this(vm, args, name)?;
    let sub = match &args.pos[1] {
        v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            let i = vm.index_of(v)?;
            if !(0..256).contains(&i) {
                return Err(vm.new_error("ValueError", "byte must be in range(0, 256)"));
            }
            vec![i as u8]
        }
        v => match vm.bytes_of(v) {
            Some(s) => s,
            None => {
                let t = vm.type_name(v);
                return Err(vm.new_error(
                    "TypeError",
                    &format!("argument should be integer or bytes-like object, not '{t}'"),
                ));
            }
        },
    };
    let start = opt_int(vm, args.pos.get(2))?;
    let end = opt_int(vm, args.pos.get(3))?;
    Ok((b, sub, start, end))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search(vm, &args, "find")?;
    Ok(Value::Int(bm::find(&b, &sub, s, e).map_or(-1, |i| i as i64)))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search(vm, &args, "rfind")?;
    Ok(Value::Int(bm::rfind(&b, &sub, s, e).map_or(-1, |i| i as i64)))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search(vm, &args, "index")?;
    let r = text_err(vm, bm::index(&b, &sub, s, e))?;
    Ok(Value::Int(r as i64))
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search(vm, &args, "rindex")?;
    match bm::rfind(&b, &sub, s, e) {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.new_error("ValueError", bm::SUBSECTION_NOT_FOUND)),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sub, s, e) = search(vm, &args, "count")?;
    Ok(Value::Int(bm::count(&b, &sub, s, e) as i64))
}

/// startswith/endswith: the prefix may be a tuple of alternatives.
fn affix(vm: &mut Vm, args: Args, name: &str, f: AffixFn) -> PyResult<Value> {
    method_arity(vm, name, &args, 1, 3)?;
    let b = this(vm, &args, name)?;
    let start = opt_int(vm, args.pos.get(2))?;
    let end = opt_int(vm, args.pos.get(3))?;
    let candidates = match &args.pos[1] {
        Value::Tuple(t) => t.items.to_vec(),
        v => vec![v.clone()],
    };
    for c in candidates {
        let Some(p) = vm.bytes_of(&c) else {
            let t = vm.type_name(&c);
            let msg = if matches!(args.pos[1], Value::Tuple(_)) {
                format!("a bytes-like object is required, not '{t}'")
            } else {
                format!("{name} first arg must be bytes or a tuple of bytes, not {t}")
            };
            return Err(vm.new_error("TypeError", &msg));
        };
        if f(&b, &p, start, end) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", bm::startswith)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", bm::endswith)
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "replace", &args, 2, 3)?;
    let b = this(vm, &args, "replace")?;
    let old = bytes_arg(vm, &args.pos[1])?;
    let new = bytes_arg(vm, &args.pos[2])?;
    let count = opt_int(vm, opt_arg(&args, 3, "count"))?.unwrap_or(-1);
    let r = text_err(vm, bm::replace(&b, &old, &new, count))?;
    Ok(like(vm, &args, r))
}

/// `translate(table, /, delete=b'')`: drops the bytes in `delete`, then maps each byte
/// through the 256-byte `table` (None keeps bytes as they are).
fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "translate", &args, 1, 2)?;
    let b = this(vm, &args, "translate")?;
    let table = opt_bytes(vm, args.pos.get(1))?;
    if table.as_ref().is_some_and(|t| t.len() != 256) {
        return Err(vm.new_error("ValueError", "translation table must be 256 characters long"));
    }
    let delete = opt_bytes(vm, opt_arg(&args, 2, "delete"))?.unwrap_or_default();
    let mut dropped = [false; 256];
    for &d in &delete {
        dropped[usize::from(d)] = true;
    }
    let out = b
        .iter()
        .filter(|&&c| !dropped[usize::from(c)])
        .map(|&c| table.as_ref().map_or(c, |t| t[usize::from(c)]))
        .collect();
    Ok(like(vm, &args, out))
}

/// `bytes.maketrans(from, to)`: the 256-byte table mapping each byte of `from` to the byte
/// of `to` at the same position.
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        let n = args.pos.len();
        return Err(vm.new_error("TypeError", &format!("maketrans expected 2 arguments, got {n}")));
    }
    let from = bytes_arg(vm, &args.pos[0])?;
    let to = bytes_arg(vm, &args.pos[1])?;
    if from.len() != to.len() {
        return Err(vm.new_error("ValueError", "maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(&to) {
        table[usize::from(*f)] = *t;
    }
    Ok(vm.new_bytes(table))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "join", &args, 1, 1)?;
    let sep = this(vm, &args, "join")?;
    let mut out = Vec::new();
    // The result is charged to the memory limit each time it doubles (the pieces may be
    // one shared big object repeated).
    let mut next_check = 1 << 16;
    for (i, item) in vm.collect(&args.pos[1])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        if out.len() >= next_check {
            vm.alloc_check(out.len())?;
            next_check = out.len().saturating_mul(2);
        }
        match vm.bytes_of(item) {
            Some(b) => out.extend(b),
            None => {
                let t = vm.type_name(item);
                return Err(vm.new_error(
                    "TypeError",
                    &format!("sequence item {i}: expected a bytes-like object, {t} found"),
                ));
            }
        }
    }
    Ok(like(vm, &args, out))
}

fn partition_with(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    let name = if right { "rpartition" } else { "partition" };
    method_arity(vm, name, &args, 1, 1)?;
    let b = this(vm, &args, name)?;
    let sep = bytes_arg(vm, &args.pos[1])?;
    if sep.is_empty() {
        return Err(vm.new_error("ValueError", "empty separator"));
    }
    let found = if right { bm::rfind_sub(&b, &sep) } else { bm::find_sub(&b, &sep) };
    let parts = match found {
        Some(i) => [b[..i].to_vec(), sep.clone(), b[i + sep.len()..].to_vec()],
        None if right => [vec![], vec![], b.clone()],
        None => [b.clone(), vec![], vec![]],
    };
    Ok(Value::tuple(parts.into_iter().map(|p| like(vm, &args, p)).collect()))
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_with(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_with(vm, args, true)
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "removeprefix", &args, 1, 1)?;
    let b = this(vm, &args, "removeprefix")?;
    let p = bytes_arg(vm, &args.pos[1])?;
    let r = b.strip_prefix(p.as_slice()).unwrap_or(&b).to_vec();
    Ok(like(vm, &args, r))
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "removesuffix", &args, 1, 1)?;
    let b = this(vm, &args, "removesuffix")?;
    let p = bytes_arg(vm, &args.pos[1])?;
    let r = b.strip_suffix(p.as_slice()).unwrap_or(&b).to_vec();
    Ok(like(vm, &args, r))
}

/// A method that maps the bytes to new bytes.
fn mapped(vm: &mut Vm, args: Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    method_arity(vm, name, &args, 0, 0)?;
    let b = this(vm, &args, name)?;
    Ok(like(vm, &args, f(&b)))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "upper", |b| b.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "lower", |b| b.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "swapcase", |b| {
        b.iter()
            .map(|c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
            .collect()
    })
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "title", |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&c| {
                let out = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "capitalize", |b| {
        b.iter()
            .enumerate()
            .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect()
    })
}

/// center/ljust/rjust: `align` is the share of the padding that goes on the left.
fn pad(vm: &mut Vm, args: Args, name: &str, left_share: fn(usize, usize) -> usize) -> PyResult<Value> {
    method_arity(vm, name, &args, 1, 2)?;
    let b = this(vm, &args, name)?;
    let width = vm.index_of(&args.pos[1])?;
    let fill = match args.pos.get(2) {
        None => b' ',
        Some(v) => match vm.bytes_of(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let t = vm.type_name(v);
                return Err(vm.new_error(
                    "TypeError",
                    &format!("{name}() argument 2 must be a byte string of length 1, not {t}"),
                ));
            }
        },
    };
    let width = usize::try_from(width).unwrap_or(0);
    if width <= b.len() {
        return Ok(like(vm, &args, b));
    }
    let total = width - b.len();
    let left = left_share(total, width);
    let mut out = vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(width, fill);
    Ok(like(vm, &args, out))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // CPython: left = pad/2 + (pad & width & 1).
    pad(vm, args, "center", |total, width| total / 2 + (total & width & 1))
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "ljust", |_, _| 0)
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "rjust", |total, _| total)
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "zfill", &args, 1, 1)?;
    let b = this(vm, &args, "zfill")?;
    let width = usize::try_from(vm.index_of(&args.pos[1])?).unwrap_or(0);
    if width <= b.len() {
        return Ok(like(vm, &args, b));
    }
    let (sign, digits) = match b.first() {
        Some(&c @ (b'+' | b'-')) => (Some(c), &b[1..]),
        _ => (None, &b[..]),
    };
    let mut out = Vec::with_capacity(width);
    out.extend(sign);
    out.resize(width - digits.len(), b'0');
    out.extend_from_slice(digits);
    Ok(like(vm, &args, out))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "expandtabs", &args, 0, 1)?;
    let b = this(vm, &args, "expandtabs")?;
    let size = opt_int(vm, opt_arg(&args, 1, "tabsize"))?.unwrap_or(8);
    let text: String = b.iter().map(|&c| c as char).collect();
    let r = text_err(vm, crate::text::strmethods::expandtabs(&text, size))?;
    Ok(like(vm, &args, r.chars().map(|c| c as u32 as u8).collect()))
}

/// An `is...()` test: true when non-empty and `pred` holds (for every byte, or as given).
fn test(vm: &mut Vm, args: Args, name: &str, pred: fn(&[u8]) -> bool) -> PyResult<Value> {
    method_arity(vm, name, &args, 0, 0)?;
    let b = this(vm, &args, name)?;
    Ok(Value::Bool(pred(&b)))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test(vm, args, "isdigit", |b| !b.is_empty() && b.iter().all(u8::is_ascii_digit))
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test(vm, args, "isalpha", |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic))
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test(vm, args, "isalnum", |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric))
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test(vm, args, "isspace", |b| !b.is_empty() && b.iter().all(|&c| bm::is_space(c)))
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test(vm, args, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test(vm, args, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test(vm, args, "istitle", |b| {
        let (mut cased, mut prev_cased) = (false, false);
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                (cased, prev_cased) = (true, true);
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                (cased, prev_cased) = (true, true);
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    test(vm, args, "isascii", |b| b.is_ascii())
}

/// The bytearray receiver's buffer.
fn buffer<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a crate::vm::object::ByteBuf> {
    match args.pos.first().and_then(Value::payload) {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => Err(vm.new_error("TypeError", &format!("descriptor '{name}' requires a 'bytearray' object"))),
    }
}

/// The bytearray receiver's buffer, for a method that changes its size: fails while
/// memoryviews export it.
fn resizable<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a crate::vm::object::ByteBuf> {
    let buf = buffer(vm, args, name)?;
    vm.check_resizable(buf)?;
    Ok(buf)
}

/// A byte value argument (0..=255).
fn byte_arg(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = vm.index_of(v)?;
    u8::try_from(i).map_err(|_| vm.new_error("ValueError", "byte must be in range(0, 256)"))
}

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "bytearray.append", &args, 1, 1)?;
    let buf = resizable(vm, &args, "append")?;
    let b = byte_arg(vm, &args.pos[1])?;
    buf.borrow_mut().push(b);
    vm.mem_track_value(&args.pos[0])?;
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "bytearray.extend", &args, 1, 1)?;
    let buf = resizable(vm, &args, "extend")?;
    let src = &args.pos[1];
    let bytes = match vm.bytes_of(src) {
        Some(b) => b,
        None => {
            if matches!(src, Value::Str(_)) {
                return Err(vm.new_error("TypeError", "expected iterable of integers; got: 'str'"));
            }
            let mut out = Vec::new();
            for v in vm.collect(src)? {
                out.push(byte_arg(vm, &v)?);
            }
            out
        }
    };
    buf.borrow_mut().extend(bytes);
    vm.mem_track_value(&args.pos[0])?;
    Ok(Value::None)
}

/// `bytearray.__init__(source, encoding, errors)`: replaces the contents (a subclass's
/// `__new__` leaves the buffer empty for it).
fn ba_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "bytearray", &args, 0, 3)?;
    let errors = args.pos.get(3).or(args.kwarg("errors"));
    let encoding = args.pos.get(2).or(args.kwarg("encoding"));
    let source = args.pos.get(1).or(args.kwarg("source"));
    let b = super::constructors::bytes_from(vm, source, encoding, errors)?;
    *resizable(vm, &args, "__init__")?.borrow_mut() = b;
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "bytearray.clear", &args, 0, 0)?;
    resizable(vm, &args, "clear")?.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "pop", &args, 0, 1)?;
    let buf = resizable(vm, &args, "pop")?;
    let len = buf.borrow().len();
    if len == 0 {
        return Err(vm.new_error("IndexError", "pop from empty bytearray"));
    }
    let i = opt_int(vm, args.pos.get(1))?.unwrap_or(-1);
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return Err(vm.new_error("IndexError", "pop index out of range"));
    }
    Ok(Value::Int(buf.borrow_mut().remove(i as usize) as i64))
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "insert", &args, 2, 2)?;
    let buf = resizable(vm, &args, "insert")?;
    let len = buf.borrow().len() as i64;
    let i = vm.index_of(&args.pos[1])?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    let b = byte_arg(vm, &args.pos[2])?;
    buf.borrow_mut().insert(i as usize, b);
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "bytearray.remove", &args, 1, 1)?;
    let buf = resizable(vm, &args, "remove")?;
    let b = byte_arg(vm, &args.pos[1])?;
    let pos = buf.borrow().iter().position(|&c| c == b);
    match pos {
        Some(i) => {
            buf.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(vm.new_error("ValueError", "value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "bytearray.reverse", &args, 0, 0)?;
    buffer(vm, &args, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "bytearray.copy", &args, 0, 0)?;
    let b = buffer(vm, &args, "copy")?.borrow().clone();
    Ok(vm.new_bytearray(b))
}
