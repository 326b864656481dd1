//! Methods of `str`, mostly thin wrappers over the pure algorithms in `crate::text`, plus
//! `str.format`'s field parser.

use std::rc::Rc;

use super::{arity, method, method_arity, opt_arg, static_fn};
use crate::text::{self, strmethods as sm};
use crate::vm::object::{Args, Payload, PyStr};
use crate::vm::word_cache::MAX_LEN;
use crate::vm::{PyResult, Value, Vm};

type F = crate::vm::object::NativeFn;

pub(super) fn install(vm: &mut Vm) {
    let s = vm.types.str_.clone();
    let table: &[(&'static str, F)] = &[
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("partition", partition),
        ("rpartition", rpartition),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("format", format),
        ("format_map", format_map),
        ("encode", encode),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("__len__", str_len),
        ("__contains__", str_contains),
        ("__getitem__", str_getitem),
        ("__iter__", str_iter),
        ("__format__", str_format_dunder),
    ];
    for (name, f) in table {
        method(vm, &s, name, *f);
    }
    static_fn(vm, &s, "maketrans", maketrans);
    method(vm, &s, "translate", translate);
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a Rc<PyStr>> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s),
        // A str subclass instance (StrEnum member, user subclass): its wrapped str.
        Some(v) => match v.payload() {
            Some(crate::vm::object::Payload::Boxed(Value::Str(s))) => Ok(s),
            _ => Err(vm.new_error("TypeError", "descriptor requires a 'str' object")),
        },
        None => Err(vm.new_error("TypeError", "descriptor requires a 'str' object")),
    }
}

fn s_arg<'a>(vm: &mut Vm, args: &Args<'a>, i: usize, name: &str) -> PyResult<Option<&'a str>> {
    match opt_arg(args, i, name) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str())),
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("must be str or None, not {t}")))
        }
    }
}

fn int_opt(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => vm.index_of(v).map(Some),
    }
}

fn text_result<T>(vm: &mut Vm, r: text::TextResult<T>) -> PyResult<T> {
    r.map_err(|e| vm.text_error(e))
}

macro_rules! unary_str {
    ($name:ident, $f:path) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let s = this(vm, &args)?;
            Ok(Value::string($f(s.as_str())))
        }
    };
}

unary_str!(upper, sm::upper);
unary_str!(lower, sm::lower);
unary_str!(casefold, sm::casefold);
unary_str!(swapcase, sm::swapcase);
unary_str!(title, sm::title);
unary_str!(capitalize, sm::capitalize);

macro_rules! predicate {
    ($name:ident, $f:path) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let s = this(vm, &args)?;
            Ok(Value::Bool($f(s.as_str())))
        }
    };
}

predicate!(isdigit, sm::isdigit);
predicate!(isdecimal, sm::isdecimal);
predicate!(isnumeric, sm::isnumeric);
predicate!(isalpha, sm::isalpha);
predicate!(isalnum, sm::isalnum);
predicate!(isspace, sm::isspace);
predicate!(isupper, sm::isupper);
predicate!(islower, sm::islower);
predicate!(istitle, sm::istitle);
predicate!(isidentifier, sm::isidentifier);
predicate!(isprintable, sm::isprintable);
predicate!(isascii, sm::isascii);

/// `str.strip`/`lstrip`/`rstrip` (named `name` in the argument error), stripping with `f`.
fn strip_with(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let chars = match opt_arg(&args, 1, "chars") {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.as_str()),
        Some(_) => return Err(vm.new_error("TypeError", &format!("{name} arg must be None or str"))),
    };
    Ok(Value::str(f(s.as_str(), chars)))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "strip", sm::strip)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "lstrip", sm::lstrip)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "rstrip", sm::rstrip)
}

fn split_with(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let sep = s_arg(vm, &args, 1, "sep")?;
    let max = int_opt(vm, opt_arg(&args, 2, "maxsplit"))?.unwrap_or(-1);
    if !right && sep.is_none() && s.is_ascii() {
        // Every piece of an ASCII str is ASCII: no vector of slices, no rescan per piece.
        let mut out = Vec::new();
        let limit = usize::try_from(max).unwrap_or(usize::MAX);
        let words = &mut vm.words;
        sm::for_each_ascii_word(s.as_str(), limit, |w| {
            let p = if w.len() <= MAX_LEN { words.ascii_word(w) } else { Rc::new(PyStr::ascii(w)) };
            out.push(Value::Str(p));
        });
        return Ok(Value::list(out));
    }
    let parts = if right { sm::rsplit(s.as_str(), sep, max) } else { sm::split(s.as_str(), sep, max) };
    let parts = text_result(vm, parts)?;
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_with(vm, args, false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_with(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let keep = match opt_arg(&args, 1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(Value::list(sm::splitlines(s.as_str(), keep).into_iter().map(Value::str).collect()))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    arity(vm, "str.join", &Args::new(&args.pos[1..]), 1, 1)?;
    let joined = match &args.pos[1] {
        Value::List(l) => join_strs(vm, s, &l.items.borrow()),
        Value::Tuple(t) => join_strs(vm, s, &t.items),
        _ => None,
    };
    if let Some(r) = joined {
        return r;
    }
    let iter =
        vm.get_iter(&args.pos[1]).map_err(|_| vm.new_error("TypeError", "can only join an iterable"))?;
    let items = vm.collect(&iter)?;
    let sep_bytes = s.as_str().len().saturating_mul(items.len().saturating_sub(1));
    let piece_bytes = items.iter().map(|v| if let Value::Str(p) = v { p.as_str().len() } else { 0 });
    let total = piece_bytes.fold(sep_bytes, usize::saturating_add);
    vm.alloc_check(total)?;
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(s.as_str());
        }
        match item {
            Value::Str(p) => out.push_str(p.as_str()),
            other => {
                let t = vm.type_name(other);
                return Err(vm.new_error(
                    "TypeError",
                    &format!("sequence item {i}: expected str instance, {t} found"),
                ));
            }
        }
    }
    Ok(Value::string(out))
}

/// `sep.join(items)` of a list's or tuple's items read in place when every item is an exact
/// str (code points summed, not rescanned); `None` sends the caller to the general path,
/// which reports the first item that is not a str.
fn join_strs(vm: &mut Vm, sep: &PyStr, items: &[Value]) -> Option<PyResult<Value>> {
    let gaps = items.len().saturating_sub(1);
    let mut total = sep.as_str().len().saturating_mul(gaps);
    let mut nchars = sep.char_len().saturating_mul(gaps);
    for v in items {
        let Value::Str(p) = v else { return None };
        total = total.saturating_add(p.as_str().len());
        nchars = nchars.saturating_add(p.char_len());
    }
    if let Err(e) = vm.alloc_check(total) {
        return Some(Err(e));
    }
    let mut out = String::with_capacity(total);
    let sep = sep.as_str();
    // A one-byte separator (`" ".join(words)`) is pushed as a char: no `memcpy` call per gap.
    let sep_char = match sep.as_bytes() {
        &[b] if b.is_ascii() => Some(char::from(b)),
        _ => None,
    };
    for (i, v) in items.iter().enumerate() {
        if let Value::Str(p) = v {
            if i > 0 {
                match sep_char {
                    Some(c) => out.push(c),
                    None => out.push_str(sep),
                }
            }
            out.push_str(p.as_str());
        }
    }
    Some(Ok(Value::Str(Rc::new(PyStr::with_char_len(out, nchars)))))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    arity(vm, "replace", &Args::new(&args.pos[1..]), 2, 3)?;
    let old = super::str_arg(vm, &args.pos[1], "replace() argument 1")?;
    let new = super::str_arg(vm, &args.pos[2], "replace() argument 2")?;
    let count = int_opt(vm, args.pos.get(3))?.unwrap_or(-1);
    let r = text_result(vm, sm::replace(s.as_str(), old, new, count))?;
    Ok(Value::string(r))
}

/// The receiver, substring and bounds of the search method `name`.
fn search_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a str, &'a str, Option<i64>, Option<i64>)> {
    let s = this(vm, args)?;
    let Some(sub) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", &format!("{name}() takes at least 1 argument (0 given)")));
    };
    let sub = match sub {
        Value::Str(x) => x.as_str(),
        other => {
            let t = vm.type_name(other);
            return Err(vm.new_error("TypeError", &format!("must be str, not {t}")));
        }
    };
    let start = int_opt(vm, args.pos.get(2))?;
    let end = int_opt(vm, args.pos.get(3))?;
    Ok((s.as_str(), sub, start, end))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "find")?;
    Ok(Value::Int(sm::find(s, sub, a, b).map(|i| i as i64).unwrap_or(-1)))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "rfind")?;
    Ok(Value::Int(sm::rfind(s, sub, a, b).map(|i| i as i64).unwrap_or(-1)))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "index")?;
    let r = text_result(vm, sm::index(s, sub, a, b))?;
    Ok(Value::Int(r as i64))
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "rindex")?;
    let r = text_result(vm, sm::rindex(s, sub, a, b))?;
    Ok(Value::Int(r as i64))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "count")?;
    Ok(Value::Int(sm::count(s, sub, a, b) as i64))
}

fn affix(vm: &mut Vm, args: Args, ends: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let start = int_opt(vm, args.pos.get(2))?;
    let end = int_opt(vm, args.pos.get(3))?;
    let candidates: Vec<Value> = match args.pos.get(1) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        Some(v @ Value::Str(_)) => vec![v.clone()],
        Some(v) => {
            let t = vm.type_name(v);
            let which = if ends { "endswith" } else { "startswith" };
            return Err(vm.new_error(
                "TypeError",
                &format!("{which} first arg must be str or a tuple of str, not {t}"),
            ));
        }
        None => return Err(vm.new_error("TypeError", "expected at least 1 argument, got 0")),
    };
    for c in candidates {
        let Some(p) = c.as_str() else { continue };
        let hit = if ends {
            sm::endswith(s.as_str(), p, start, end)
        } else {
            sm::startswith(s.as_str(), p, start, end)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, true)
}

fn fill_char(vm: &mut Vm, v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(Value::Str(s)) if s.char_len() == 1 => Ok(s.as_str().chars().next().unwrap_or(' ')),
        Some(_) => Err(vm.new_error("TypeError", "The fill character must be exactly one character long")),
    }
}

fn pad(vm: &mut Vm, args: Args, f: fn(&str, i64, char) -> text::TextResult<String>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let Some(w) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "expected at least 1 argument, got 0"));
    };
    let w = vm.index_of(w)?;
    let fill = fill_char(vm, args.pos.get(2))?;
    let r = text_result(vm, f(s.as_str(), w, fill))?;
    Ok(Value::string(r))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, sm::center)
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, sm::ljust)
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, sm::rjust)
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let w = vm.index_of(args.pos.get(1).unwrap_or(&Value::Int(0)))?;
    let r = text_result(vm, sm::zfill(s.as_str(), w))?;
    Ok(Value::string(r))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let n = int_opt(vm, opt_arg(&args, 1, "tabsize"))?.unwrap_or(8);
    let r = text_result(vm, sm::expandtabs(s.as_str(), n))?;
    Ok(Value::string(r))
}

fn partition_with(vm: &mut Vm, args: Args, right: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let sep = super::str_arg(vm, args.pos.get(1).unwrap_or(&Value::None), "sep")?;
    let r = if right { sm::rpartition(s.as_str(), sep) } else { sm::partition(s.as_str(), sep) };
    let (a, b, c) = text_result(vm, r)?;
    Ok(Value::tuple(vec![Value::str(a), Value::str(b), Value::str(c)]))
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_with(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_with(vm, args, true)
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let p = super::str_arg(vm, args.pos.get(1).unwrap_or(&Value::None), "removeprefix() argument")?;
    Ok(Value::str(s.as_str().strip_prefix(p).unwrap_or(s.as_str())))
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let p = super::str_arg(vm, args.pos.get(1).unwrap_or(&Value::None), "removesuffix() argument")?;
    Ok(Value::str(s.as_str().strip_suffix(p).unwrap_or(s.as_str())))
}

fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "encode", &args, 0, 2)?;
    let s = this(vm, &args)?;
    let enc = s_arg(vm, &args, 1, "encoding")?.unwrap_or("utf-8").to_string();
    let errors = s_arg(vm, &args, 2, "errors")?.unwrap_or("strict").to_string();
    let b = super::bytes_methods::encode_str(vm, s.as_str(), &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

fn str_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args)?.char_len() as i64))
}

fn str_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__contains__", &args, 1, 1)?;
    // The wrapped str of a subclass instance: asking `contains` about the instance itself
    // would find this method again.
    let s = Value::Str(this(vm, &args)?.clone());
    Ok(Value::Bool(vm.contains_native(&s, &args.pos[1])?))
}

fn str_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__iter__", &args, 0, 0)?;
    let s = Value::Str(this(vm, &args)?.clone());
    vm.get_iter(&s)
}

fn str_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__getitem__", &args, 1, 1)?;
    let s = Value::Str(this(vm, &args)?.clone());
    vm.get_item(&s, &args.pos[1])
}

fn str_format_dunder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let spec = args.pos.get(1).cloned().unwrap_or_else(|| Value::str(""));
    vm.format_with_spec(&args.pos[0], &spec)
}

fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arity(vm, "maketrans", &args, 1, 3)?;
    let d = vm.new_dict();
    match args.pos {
        [m] => maketrans_from_map(vm, &d, m)?,
        [x, y, rest @ ..] => {
            let Value::Str(x) = x else {
                let msg = "first maketrans argument must be a string if there is a second argument";
                return Err(vm.new_error("TypeError", msg));
            };
            let y = maketrans_str_arg(vm, y, 2)?;
            if x.as_str().chars().count() != y.as_str().chars().count() {
                let msg = "the first two maketrans arguments must have equal length";
                return Err(vm.new_error("ValueError", msg));
            }
            for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
                vm.set_item(&d, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = rest.first() {
                let z = maketrans_str_arg(vm, z, 3)?;
                for c in z.as_str().chars() {
                    vm.set_item(&d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        [] => unreachable!("arity checked"),
    }
    Ok(d)
}

/// `str.maketrans(mapping)`: keys become code points (one-character strs) or stay ints.
fn maketrans_from_map(vm: &mut Vm, d: &Value, m: &Value) -> PyResult<()> {
    if !matches!(m, Value::Dict(_)) && !matches!(m.payload(), Some(Payload::DictData(_))) {
        let msg = "if you give only one argument to maketrans it must be a dict";
        return Err(vm.new_error("TypeError", msg));
    }
    for k in vm.collect(m)? {
        let v = vm.get_item(m, &k)?;
        let key = match &k {
            Value::Str(s) => {
                let mut chars = s.as_str().chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Value::Int(c as i64),
                    _ => {
                        let msg = "string keys in translate table must be of length 1";
                        return Err(vm.new_error("ValueError", msg));
                    }
                }
            }
            Value::Int(_) | Value::BigInt(_) => k.clone(),
            _ => {
                let msg = "keys in translate table must be strings or integers";
                return Err(vm.new_error("TypeError", msg));
            }
        };
        vm.set_item(d, key, v)?;
    }
    Ok(())
}

/// The `n`th argument of `str.maketrans`, which must be a str.
fn maketrans_str_arg(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => {
            let t = vm.type_name(other);
            Err(vm.new_error("TypeError", &format!("maketrans() argument {n} must be str, not {t}")))
        }
    }
}

fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let table = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut out = String::new();
    for c in s.as_str().chars() {
        match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => out.push(char::from_u32(i as u32).unwrap_or(c)),
            Ok(Value::Str(r)) => out.push_str(r.as_str()),
            Ok(_) => out.push(c),
            Err(e) if e.class.is_subclass(&vm.exc_class("LookupError")) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::string(out))
}

/// `str.format`: parses replacement fields and formats each argument.
fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let pos = &args.pos[1..];
    let kw: Vec<(Value, Value)> = args.kw.to_vec();
    let r = format_impl(vm, s.as_str(), pos, &kw, None, &mut 0, 2)?;
    Ok(Value::string(r))
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let mapping = args.pos.get(1).cloned().unwrap_or(Value::None);
    let r = format_impl(vm, s.as_str(), &[], &[], Some(&mapping), &mut 0, 2)?;
    Ok(Value::string(r))
}

fn format_impl(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: &[(Value, Value)],
    mapping: Option<&Value>,
    auto: &mut i64,
    depth: u32,
) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() && level > 0 {
                match chars[j] {
                    '{' => level += 1,
                    '}' => level -= 1,
                    _ => {}
                }
                j += 1;
            }
            if level > 0 {
                return Err(vm.new_error("ValueError", unterminated_field(&chars[i + 1..])));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            out.push_str(&format_field(vm, &field, pos, kw, mapping, auto, depth)?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.new_error("ValueError", "Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// CPython's message for a replacement field that runs to the end of the format string.
fn unterminated_field(rest: &[char]) -> &'static str {
    if rest.is_empty() {
        return "Single '{' encountered in format string";
    }
    let mut brackets = 0;
    for (k, c) in rest.iter().enumerate() {
        match c {
            '[' => brackets += 1,
            ']' => brackets -= 1,
            '!' if brackets == 0 && k + 1 == rest.len() => {
                return "end of string while looking for conversion specifier"
            }
            ':' | '!' if brackets == 0 => return "unmatched '{' in format spec",
            _ => {}
        }
    }
    "expected '}' before end of string"
}

fn format_field(
    vm: &mut Vm,
    field: &str,
    pos: &[Value],
    kw: &[(Value, Value)],
    mapping: Option<&Value>,
    auto: &mut i64,
    depth: u32,
) -> PyResult<String> {
    let (head, spec) = match field.find(':') {
        Some(k) if !field[..k].contains('[') || field[..k].contains(']') => (&field[..k], &field[k + 1..]),
        _ => (field, ""),
    };
    let (name, conv) = match head.rfind('!') {
        Some(k) => (&head[..k], Some(&head[k + 1..])),
        None => (head, None),
    };
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, rest) = name.split_at(first_end);
    let mut value = if first.is_empty() {
        if *auto < 0 {
            return Err(vm.new_error(
                "ValueError",
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let k = *auto as usize;
        *auto += 1;
        match pos.get(k) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.new_error(
                    "IndexError",
                    &format!("Replacement index {k} out of range for positional args tuple"),
                ))
            }
        }
    } else if let Ok(k) = first.parse::<usize>() {
        if *auto > 0 {
            return Err(vm.new_error(
                "ValueError",
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *auto = -1;
        match pos.get(k) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.new_error(
                    "IndexError",
                    &format!("Replacement index {k} out of range for positional args tuple"),
                ))
            }
        }
    } else {
        match kw.iter().find(|(k, _)| k.as_str() == Some(first)) {
            Some((_, v)) => v.clone(),
            None => match mapping {
                Some(m) => vm.get_item(m, &Value::str(first))?,
                None => return Err(vm.key_error(Value::str(first))),
            },
        }
    };
    let mut rest = rest;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = vm.intern(&r[..end]);
            value = vm.get_attr(&value, &attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').unwrap_or(r.len());
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::str(key),
            };
            value = vm.get_item(&value, &k)?;
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            return Err(
                vm.new_error("ValueError", "Only '.' or '[' may follow ']' in format field specifier")
            );
        }
    }
    let value = match conv {
        None => value,
        Some("r") => Value::string(vm.repr(&value)?),
        Some("s") => Value::string(vm.str_of(&value)?),
        Some("a") => Value::string(text::repr::ascii_escape(&vm.repr(&value)?)),
        Some(_) => return Err(vm.new_error("ValueError", "Unknown conversion specifier")),
    };
    let spec = if spec.contains('{') && depth > 0 {
        format_impl(vm, spec, pos, kw, mapping, auto, depth - 1)?
    } else {
        spec.to_string()
    };
    let r = vm.format_with_spec(&value, &Value::string(spec))?;
    Ok(r.as_str().unwrap_or("").to_string())
}
