//! `_json`: the native encoder and decoder behind `stdlib/json/__init__.py`.
//!
//! The encoder produces CPython's exact text (separators, indentation, key coercion, float
//! repr, `NaN`/`Infinity`, `ensure_ascii` escapes) and its error messages; the decoder follows
//! CPython's scanner, raising `JSONDecodeError(msg, doc, pos)` with its messages, where `pos`
//! counts code points. Both recurse on the Rust stack, so nesting is capped at [`MAX_DEPTH`].

use std::rc::Rc;

use num_bigint::BigInt;

use crate::vm::object::{Args, Dict, Payload};
use crate::vm::{PyResult, Value, Vm};

/// Deepest nesting encoded or decoded; CPython's recursion limit gives about the same.
const MAX_DEPTH: usize = 1000;

/// The `_json` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    Ok(super::new_module(vm, "_json", &[("encode", encode), ("decode", decode)]))
}

/// Encoder settings, from `json.dumps`'s keyword arguments.
struct Encoder {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    skipkeys: bool,
    default: Value,
    /// Identities of the containers being encoded (circular-reference check).
    stack: Vec<u64>,
}

fn opt_str(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        _ => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("{what} must be str, not {t}")))
        }
    }
}

/// `encode(obj, indent, item_sep, key_sep, sort_keys, ensure_ascii, allow_nan, skipkeys,
/// default)`: positional, as the Python wrapper passes them.
fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let get = |i: usize| args.pos.get(i).cloned().unwrap_or(Value::None);
    let indent = match get(1) {
        Value::None => None,
        Value::Str(s) => Some(s.as_str().to_string()),
        v => Some(" ".repeat(vm.index_of(&v)?.max(0) as usize)),
    };
    let item_sep = opt_str(vm, &get(2), "item separator")?;
    let key_sep = opt_str(vm, &get(3), "key separator")?;
    let mut enc = Encoder {
        indent,
        item_sep,
        key_sep,
        sort_keys: vm.truthy(&get(4))?,
        ensure_ascii: vm.truthy(&get(5))?,
        allow_nan: vm.truthy(&get(6))?,
        skipkeys: vm.truthy(&get(7))?,
        default: get(8),
        stack: Vec::new(),
    };
    let mut out = String::new();
    enc.value(vm, &get(0), 0, &mut out)?;
    Ok(Value::string(out))
}

impl Encoder {
    fn value(&mut self, vm: &mut Vm, v: &Value, depth: usize, out: &mut String) -> PyResult<()> {
        if depth > MAX_DEPTH {
            return Err(vm.new_error(
                "RecursionError",
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        match v {
            Value::None => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::BigInt(b) => out.push_str(&b.to_string()),
            Value::Float(f) => self.float(vm, *f, out)?,
            Value::Str(s) => quote(s.as_str(), self.ensure_ascii, out),
            Value::List(l) => {
                let items = l.items.borrow().clone();
                self.array(vm, v, &items, depth, out)?;
            }
            Value::Tuple(t) => {
                let items = t.items.to_vec();
                self.array(vm, v, &items, depth, out)?;
            }
            Value::Dict(d) => self.object(vm, v, d, depth, out)?,
            _ => match v.payload() {
                Some(Payload::ListData(l)) => {
                    let items = l.items.borrow().clone();
                    self.array(vm, v, &items, depth, out)?;
                }
                Some(Payload::DictData(d)) => {
                    let d = d.clone();
                    self.object(vm, v, &d, depth, out)?;
                }
                Some(Payload::Boxed(
                    inner @ (Value::Int(_)
                    | Value::BigInt(_)
                    | Value::Float(_)
                    | Value::Str(_)
                    | Value::Tuple(_)),
                )) => {
                    let inner = inner.clone();
                    self.value(vm, &inner, depth, out)?;
                }
                _ => self.fallback(vm, v, depth, out)?,
            },
        }
        Ok(())
    }

    fn float(&self, vm: &mut Vm, f: f64, out: &mut String) -> PyResult<()> {
        if f.is_finite() {
            out.push_str(&vm.repr(&Value::Float(f))?);
            return Ok(());
        }
        if !self.allow_nan {
            return Err(vm.new_error("ValueError", "Out of range float values are not JSON compliant"));
        }
        out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn fallback(&mut self, vm: &mut Vm, v: &Value, depth: usize, out: &mut String) -> PyResult<()> {
        if self.default.is_none() {
            let t = vm.type_name(v);
            return Err(vm.new_error("TypeError", &format!("Object of type {t} is not JSON serializable")));
        }
        if self.stack.len() > MAX_DEPTH {
            return Err(vm.new_error(
                "RecursionError",
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        self.enter(vm, v)?;
        let default = self.default.clone();
        let replacement = vm.call(&default, vec![v.clone()])?;
        // The replacement takes the original's place: same indentation level.
        self.value(vm, &replacement, depth, out)?;
        self.stack.pop();
        Ok(())
    }

    fn enter(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let id = v.id();
        if self.stack.contains(&id) {
            return Err(vm.new_error("ValueError", "Circular reference detected"));
        }
        self.stack.push(id);
        Ok(())
    }

    fn newline(&self, depth: usize, out: &mut String) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..depth {
                out.push_str(ind);
            }
        }
    }

    fn array(
        &mut self,
        vm: &mut Vm,
        v: &Value,
        items: &[Value],
        depth: usize,
        out: &mut String,
    ) -> PyResult<()> {
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        self.enter(vm, v)?;
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&self.item_sep);
            }
            self.newline(depth + 1, out);
            self.value(vm, item, depth + 1, out)?;
        }
        self.newline(depth, out);
        out.push(']');
        self.stack.pop();
        Ok(())
    }

    fn object(
        &mut self,
        vm: &mut Vm,
        v: &Value,
        d: &Rc<Dict>,
        depth: usize,
        out: &mut String,
    ) -> PyResult<()> {
        let mut items: Vec<(Value, Value)> =
            d.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        if items.is_empty() {
            out.push_str("{}");
            return Ok(());
        }
        self.enter(vm, v)?;
        if self.sort_keys {
            items = sort_items(vm, items)?;
        }
        out.push('{');
        let mut first = true;
        for (k, val) in items {
            let Some(key) = self.key_text(vm, &k)? else { continue };
            if !first {
                out.push_str(&self.item_sep);
            }
            first = false;
            self.newline(depth + 1, out);
            quote(&key, self.ensure_ascii, out);
            out.push_str(&self.key_sep);
            self.value(vm, &val, depth + 1, out)?;
        }
        self.newline(depth, out);
        out.push('}');
        self.stack.pop();
        Ok(())
    }

    /// A dict key as JSON text, `None` when `skipkeys` drops it.
    fn key_text(&self, vm: &mut Vm, k: &Value) -> PyResult<Option<String>> {
        let k = match k.payload() {
            Some(Payload::Boxed(inner)) => inner.clone(),
            _ => k.clone(),
        };
        Ok(Some(match &k {
            Value::Str(s) => s.as_str().to_string(),
            Value::Bool(b) => (if *b { "true" } else { "false" }).to_string(),
            Value::None => "null".to_string(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => {
                let mut s = String::new();
                self.float(vm, *f, &mut s)?;
                s
            }
            _ => {
                if self.skipkeys {
                    return Ok(None);
                }
                let t = vm.type_name(&k);
                return Err(vm.new_error(
                    "TypeError",
                    &format!("keys must be str, int, float, bool or None, not {t}"),
                ));
            }
        }))
    }
}

fn sort_items(vm: &mut Vm, items: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    let pairs: Vec<Value> = items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
    let list = Value::list(pairs);
    let key = vm.intern("sort");
    let sort = vm.get_attr(&list, &key)?;
    // Sort by key only (values may not be comparable), as CPython's `sorted(dct.items())`
    // would compare values only on equal keys, which a dict never has.
    let first = crate::builtins::native(vm, "_first", first_of_pair);
    vm.call_kw(&sort, vec![], vec![(Value::str("key"), first)])?;
    let Value::List(l) = list else { return Ok(vec![]) };
    let sorted = l.items.borrow().clone();
    Ok(sorted
        .into_iter()
        .filter_map(|p| match p {
            Value::Tuple(t) if t.items.len() == 2 => Some((t.items[0].clone(), t.items[1].clone())),
            _ => None,
        })
        .collect())
}

fn first_of_pair(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Tuple(t)) => Ok(t.items.first().cloned().unwrap_or(Value::None)),
        _ => Ok(Value::None),
    }
}

/// Appends `s` as a JSON string literal.
fn quote(s: &str, ensure_ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", unit));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Decoder state over the document's UTF-8 bytes.
struct Decoder<'a> {
    text: &'a str,
    bytes: &'a [u8],
    hooks: Hooks,
}

/// The optional callbacks of `json.loads`.
struct Hooks {
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

/// A decode failure: message and byte offset (converted to a code-point offset when raised).
struct Fail(&'static str, usize);

type Parsed = Result<Value, DecodeErr>;

enum DecodeErr {
    Syntax(Fail),
    Py(crate::vm::Exc),
}

impl From<crate::vm::Exc> for DecodeErr {
    fn from(e: crate::vm::Exc) -> Self {
        DecodeErr::Py(e)
    }
}

fn fail(msg: &'static str, pos: usize) -> DecodeErr {
    DecodeErr::Syntax(Fail(msg, pos))
}

/// `decode(s, error_class, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant)`.
fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let get = |i: usize| args.pos.get(i).cloned().unwrap_or(Value::None);
    let text = match get(0) {
        Value::Str(s) => s,
        v => {
            let t = vm.type_name(&v);
            return Err(vm.new_error(
                "TypeError",
                &format!("the JSON object must be str, bytes or bytearray, not {t}"),
            ));
        }
    };
    let err_cls = get(1);
    let mut dec = Decoder {
        text: text.as_str(),
        bytes: text.as_str().as_bytes(),
        hooks: Hooks {
            object_hook: get(2),
            object_pairs_hook: get(3),
            parse_float: get(4),
            parse_int: get(5),
            parse_constant: get(6),
        },
    };
    let result = dec.document(vm);
    match result {
        Ok(v) => Ok(v),
        Err(DecodeErr::Py(e)) => Err(e),
        Err(DecodeErr::Syntax(Fail(msg, pos))) => {
            let char_pos = dec.text[..pos.min(dec.text.len())].chars().count();
            let exc = vm.call(
                &err_cls,
                vec![Value::str(msg), Value::Str(text.clone()), Value::Int(char_pos as i64)],
            )?;
            match exc {
                Value::Obj(o) => Err(o),
                _ => Err(vm.new_error("ValueError", "bad JSONDecodeError class")),
            }
        }
    }
}

impl Decoder<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.bytes.len() && matches!(self.bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    fn document(&mut self, vm: &mut Vm) -> Parsed {
        let start = self.skip_ws(0);
        let (v, end) = self.value(vm, start, 0)?;
        let end = self.skip_ws(end);
        if end != self.bytes.len() {
            return Err(fail("Extra data", end));
        }
        Ok(v)
    }

    fn value(&mut self, vm: &mut Vm, i: usize, depth: usize) -> Result<(Value, usize), DecodeErr> {
        if depth > MAX_DEPTH {
            return Err(vm
                .new_error(
                    "RecursionError",
                    "maximum recursion depth exceeded while decoding a JSON document",
                )
                .into());
        }
        let Some(&c) = self.bytes.get(i) else { return Err(fail("Expecting value", i)) };
        match c {
            b'"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((Value::string(s), end))
            }
            b'{' => self.object(vm, i + 1, depth),
            b'[' => self.array(vm, i + 1, depth),
            b'n' if self.bytes[i..].starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if self.bytes[i..].starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if self.bytes[i..].starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if self.bytes[i..].starts_with(b"NaN") => self.constant(vm, "NaN", f64::NAN, i + 3),
            b'I' if self.bytes[i..].starts_with(b"Infinity") => {
                self.constant(vm, "Infinity", f64::INFINITY, i + 8)
            }
            b'-' if self.bytes[i..].starts_with(b"-Infinity") => {
                self.constant(vm, "-Infinity", f64::NEG_INFINITY, i + 9)
            }
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(fail("Expecting value", i)),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, f: f64, end: usize) -> Result<(Value, usize), DecodeErr> {
        if self.hooks.parse_constant.is_none() {
            return Ok((Value::Float(f), end));
        }
        let hook = self.hooks.parse_constant.clone();
        Ok((vm.call(&hook, vec![Value::str(name)])?, end))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> Result<(Value, usize), DecodeErr> {
        let b = self.bytes;
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        let digits = |mut j: usize| {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            j
        };
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return Err(fail("Expecting value", start)),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            i = digits(i + 1);
            is_float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if b.get(j).is_some_and(|c| c.is_ascii_digit()) {
                i = digits(j);
                is_float = true;
            }
        }
        let text = &self.text[start..i];
        let hook = if is_float { &self.hooks.parse_float } else { &self.hooks.parse_int };
        if !hook.is_none() {
            let hook = hook.clone();
            return Ok((vm.call(&hook, vec![Value::str(text)])?, i));
        }
        let v = if is_float {
            Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else {
            match text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::from_bigint(text.parse::<BigInt>().unwrap_or_default()),
            }
        };
        Ok((v, i))
    }

    /// A string body starting after the opening quote: (text, index after the closing quote).
    fn string(&self, start: usize) -> Result<(String, usize), DecodeErr> {
        let b = self.bytes;
        let mut out = String::new();
        let mut i = start;
        loop {
            let run = i;
            while i < b.len() && b[i] != b'"' && b[i] != b'\\' && b[i] >= 0x20 {
                i += 1;
            }
            out.push_str(&self.text[run..i]);
            match b.get(i) {
                None => return Err(fail("Unterminated string starting at", start - 1)),
                Some(b'"') => return Ok((out, i + 1)),
                Some(b'\\') => {
                    let (c, next) = self.escape(i)?;
                    out.push_str(&c);
                    i = next;
                }
                Some(_) => return Err(fail("Invalid control character at", i)),
            }
        }
    }

    /// The escape at `i` (a backslash): its text and the index after it.
    fn escape(&self, i: usize) -> Result<(String, usize), DecodeErr> {
        let b = self.bytes;
        let Some(&e) = b.get(i + 1) else { return Err(fail("Unterminated string starting at", i)) };
        let simple = match e {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            _ => None,
        };
        if let Some(c) = simple {
            return Ok((c.to_string(), i + 2));
        }
        if e != b'u' {
            return Err(fail("Invalid \\escape", i));
        }
        let hi = self.hex4(i + 2).ok_or_else(|| fail("Invalid \\uXXXX escape", i + 1))?;
        if (0xd800..0xdc00).contains(&hi) && b.get(i + 6) == Some(&b'\\') && b.get(i + 7) == Some(&b'u') {
            let lo = self.hex4(i + 8).ok_or_else(|| fail("Invalid \\uXXXX escape", i + 7))?;
            if (0xdc00..0xe000).contains(&lo) {
                let c = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                return Ok((char::from_u32(c).unwrap_or('\u{fffd}').to_string(), i + 12));
            }
        }
        // A lone surrogate cannot live in a Rust string: it becomes U+FFFD (a documented
        // difference from CPython, which keeps it).
        Ok((char::from_u32(hi).unwrap_or('\u{fffd}').to_string(), i + 6))
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let s = self.bytes.get(i..i + 4)?;
        if !s.iter().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(std::str::from_utf8(s).ok()?, 16).ok()
    }

    fn array(&mut self, vm: &mut Vm, start: usize, depth: usize) -> Result<(Value, usize), DecodeErr> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(start);
        if self.bytes.get(i) == Some(&b']') {
            return Ok((Value::list(items), i + 1));
        }
        loop {
            let (v, end) = self.value(vm, i, depth + 1)?;
            items.push(v);
            i = self.skip_ws(end);
            match self.bytes.get(i) {
                Some(b']') => return Ok((Value::list(items), i + 1)),
                Some(b',') => i = self.skip_ws(i + 1),
                _ => return Err(fail("Expecting ',' delimiter", i)),
            }
        }
    }

    fn object(&mut self, vm: &mut Vm, start: usize, depth: usize) -> Result<(Value, usize), DecodeErr> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(start);
        if self.bytes.get(i) == Some(&b'}') {
            return Ok((self.finish_object(vm, pairs)?, i + 1));
        }
        loop {
            if self.bytes.get(i) != Some(&b'"') {
                return Err(fail("Expecting property name enclosed in double quotes", i));
            }
            let (key, end) = self.string(i + 1)?;
            i = self.skip_ws(end);
            if self.bytes.get(i) != Some(&b':') {
                return Err(fail("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (v, end) = self.value(vm, i, depth + 1)?;
            pairs.push((Value::string(key), v));
            i = self.skip_ws(end);
            match self.bytes.get(i) {
                Some(b'}') => return Ok((self.finish_object(vm, pairs)?, i + 1)),
                Some(b',') => i = self.skip_ws(i + 1),
                _ => return Err(fail("Expecting ',' delimiter", i)),
            }
        }
    }

    fn finish_object(&mut self, vm: &mut Vm, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
        if !self.hooks.object_pairs_hook.is_none() {
            let list = Value::list(pairs.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect());
            let hook = self.hooks.object_pairs_hook.clone();
            return vm.call(&hook, vec![list]);
        }
        let d = vm.new_dict();
        if let Value::Dict(dd) = &d {
            for (k, v) in pairs {
                vm.dict_set(dd, k, v)?;
            }
        }
        if !self.hooks.object_hook.is_none() {
            let hook = self.hooks.object_hook.clone();
            return vm.call(&hook, vec![d]);
        }
        Ok(d)
    }
}
