//! Constructors of the builtin types (`int(x)`, `list(it)`, `type(name, bases, ns)`, ...),
//! installed as each class's native `__new__`, which receives the class first so that
//! script subclasses of builtin types get the right layout.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::{arity, set_builtin, static_fn};
use crate::text;
use crate::vm::object::{Args, BaseKind, Class, Dict, Iter, List, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

pub(super) fn install(vm: &mut Vm) {
    let t = &vm.types;
    let table: Vec<(Rc<Class>, crate::vm::object::NativeFn)> = vec![
        (t.object.clone(), new_object),
        (t.type_.clone(), new_type),
        (t.int.clone(), new_int),
        (t.bool_.clone(), new_bool),
        (t.float.clone(), new_float),
        (t.complex.clone(), new_complex),
        (t.str_.clone(), new_str),
        (t.list.clone(), new_list),
        (t.tuple.clone(), new_tuple),
        (t.dict.clone(), new_dict),
        (t.set.clone(), new_set),
        (t.frozenset.clone(), new_frozenset),
        (t.range.clone(), new_range),
        (t.slice.clone(), new_slice),
        (t.bytes.clone(), new_bytes),
        (t.bytearray.clone(), new_bytearray),
        (t.property.clone(), new_property),
        (t.staticmethod.clone(), new_staticmethod),
        (t.classmethod.clone(), new_classmethod),
        (t.super_.clone(), new_super),
        (t.enumerate.clone(), new_enumerate),
        (t.zip.clone(), new_zip),
        (t.map.clone(), new_map),
        (t.filter.clone(), new_filter),
        (t.reversed.clone(), new_reversed),
    ];
    for (cls, f) in table {
        static_fn(vm, &cls, "__new__", f);
        let name = cls.name();
        set_builtin(vm, &name, Value::Class(cls));
    }
    // Types reachable only through `type(x)` or the `types` module: constructors, no builtin
    // names.
    let t = &vm.types;
    let hidden: Vec<(Rc<Class>, crate::vm::object::NativeFn)> = vec![
        (t.method.clone(), new_method),
        (t.mappingproxy.clone(), new_mappingproxy),
        (t.module.clone(), new_module),
        (t.none.clone(), new_none),
    ];
    for (cls, f) in hidden {
        static_fn(vm, &cls, "__new__", f);
    }
    let ni = vm.not_implemented();
    set_builtin(vm, "NotImplemented", ni);
    let el = vm.ellipsis();
    set_builtin(vm, "Ellipsis", el);
}

/// Splits the class argument off a constructor call.
fn cls_and_args<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(Rc<Class>, &'a [Value])> {
    match args.pos.split_first() {
        Some((Value::Class(c), rest)) => Ok((c.clone(), rest)),
        _ => Err(vm.new_error("TypeError", "__new__ needs a type argument")),
    }
}

/// Wraps a builtin value for a script subclass (`class MyInt(int)`).
fn boxed(cls: &Rc<Class>, builtin: &Rc<Class>, v: Value) -> Value {
    if Rc::ptr_eq(cls, builtin) {
        return v;
    }
    let payload = match v {
        Value::List(l) => Payload::ListData(l),
        Value::Dict(d) => Payload::DictData(d),
        Value::Obj(o) if matches!(o.payload, Payload::Set(_)) => {
            let Payload::Set(t) = &o.payload else { unreachable!() };
            Payload::Set(RefCell::new(t.borrow().clone()))
        }
        other => Payload::Boxed(other),
    };
    Value::Obj(Object::with_dict(cls.clone(), payload))
}

fn new_object(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    if Rc::ptr_eq(&cls, &vm.types.object) && (!rest.is_empty() || !args.kw.is_empty()) {
        return Err(vm.new_error("TypeError", "object() takes no arguments"));
    }
    if let Some(base) = unsafe_for_object_new(&cls) {
        let msg = format!("object.__new__({}) is not safe, use {base}.__new__()", cls.name());
        return Err(vm.new_error("TypeError", &msg));
    }
    if cls.kind == BaseKind::Exception {
        if cls.is_subclass(&vm.exc_class("OSError")) {
            return Ok(Value::Obj(vm.new_os_error(&cls, rest.to_vec())));
        }
        return Ok(Value::Obj(vm.new_exception(&cls, rest.to_vec())));
    }
    if Rc::ptr_eq(&cls, &vm.types.object) {
        // A bare `object()` has no attribute dict.
        return Ok(Value::Obj(Object::new(cls, Payload::Plain)));
    }
    let obj = Value::Obj(Object::with_dict(cls.clone(), Payload::Plain));
    vm.gc_track(&obj);
    Ok(obj)
}

/// The class whose `__new__` a class with a builtin value layout (`int`, `list`, ...) needs
/// (`object.__new__` cannot make its instances), for the error message.
fn unsafe_for_object_new(cls: &Rc<Class>) -> Option<String> {
    use BaseKind::*;
    if !matches!(
        cls.kind,
        NoneType | Bool | Int | Float | Str | Bytes | ByteArray | List | Tuple | Dict | Set | FrozenSet
    ) {
        return None;
    }
    // As CPython: the first class up the MRO whose `__new__` is not a script function.
    let script_new = |c: &&Rc<Class>| {
        c.lookup("__new__").is_some_and(|f| !matches!(f.payload(), Some(Payload::Native(_))))
    };
    let base = std::iter::once(cls).chain(cls.mro.iter()).find(|c| !script_new(c))?;
    Some(base.name())
}

fn new_type(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (meta, rest) = cls_and_args(vm, &args)?;
    match rest {
        [v] if Rc::ptr_eq(&meta, &vm.types.type_) => Ok(Value::Class(vm.type_of(v))),
        [name, bases, ns] => {
            let name = super::str_arg(vm, name, "type.__new__() argument 1")?.to_string();
            let mut classes = Vec::new();
            for b in vm.collect(bases)? {
                match b {
                    Value::Class(c) => classes.push(c),
                    other => {
                        let t = vm.type_name(&other);
                        return Err(vm.new_error("TypeError", &format!("bases must be types, not {t}")));
                    }
                }
            }
            let Some(d) = vm.dict_of(ns) else {
                let t = vm.type_name(ns);
                return Err(
                    vm.new_error("TypeError", &format!("type.__new__() argument 3 must be dict, not {t}"))
                );
            };
            let copy = Rc::new(Dict::default());
            *copy.map.borrow_mut() = d.map.borrow().clone();
            let module_key = crate::vm::object::str_hash("__module__");
            if copy.map.borrow().get_str(module_key, "__module__").is_none() {
                let module = match vm.caller.as_ref().map(|c| c.globals.clone()) {
                    Some(g) => {
                        vm.dict_get_str(&g, &Value::str("__name__")).unwrap_or_else(|| Value::str("__main__"))
                    }
                    None => Value::str("__main__"),
                };
                copy.map.borrow_mut().set_str(module_key, Value::str("__module__"), module);
            }
            // The most derived metaclass of the bases wins; a script one runs its own `__new__`.
            let winner = classes.iter().filter_map(|b| b.meta.clone()).find(|m| m.is_subclass(&meta));
            if let Some(w) = winner.filter(|w| !Rc::ptr_eq(w, &meta)) {
                let bases = Value::tuple(classes.into_iter().map(Value::Class).collect());
                let call_args = vec![Value::string(name), bases, Value::Dict(copy)];
                return vm.call_kw(&Value::Class(w), call_args, args.kw.to_vec());
            }
            let meta = if Rc::ptr_eq(&meta, &vm.types.type_) { None } else { Some(meta) };
            let kw = args.kw.to_vec();
            Ok(Value::Class(vm.type_new(&name, classes, copy, meta, kw)?))
        }
        _ => Err(vm.new_error("TypeError", "type() takes 1 or 3 arguments")),
    }
}

fn new_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    let base = match (rest.get(1), args.kwarg("base")) {
        (Some(b), _) | (None, Some(b)) => Some(vm.index_of(b)?),
        _ => None,
    };
    let v = match (rest.first(), base) {
        (None, _) => Value::Int(0),
        (Some(Value::Str(s)), b) => parse_int(vm, s.as_str(), b.unwrap_or(10))?,
        (Some(v), b) if vm.bytes_of(v).is_some() => {
            let bytes = vm.bytes_of(v).unwrap_or_default();
            let base = b.unwrap_or(10);
            match std::str::from_utf8(&bytes) {
                Ok(text) => parse_int(vm, text, base).map_err(|_| bytes_literal_error(vm, v, base))?,
                Err(_) => return Err(bytes_literal_error(vm, v, base)),
            }
        }
        (Some(_), Some(_)) => {
            return Err(vm.new_error("TypeError", "int() can't convert non-string with explicit base"))
        }
        (Some(v), None) => to_int(vm, v)?,
    };
    Ok(boxed(&cls, &vm.types.int.clone(), v))
}

/// `invalid literal for int() with base 10: b'12a'` for a bytes argument.
fn bytes_literal_error(vm: &mut Vm, v: &Value, base: i64) -> crate::vm::Exc {
    let shown = vm.repr(v).unwrap_or_default();
    vm.new_error("ValueError", &format!("invalid literal for int() with base {base}: {shown}"))
}

fn parse_int(vm: &mut Vm, s: &str, base: i64) -> PyResult<Value> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.new_error("ValueError", "int() base must be >= 2 and <= 36, or 0"));
    }
    match text::number_parse::parse_int(s, base as u32, vm.int_max_str_digits) {
        Ok(text::number_parse::ParsedInt::Small(i)) => Ok(Value::Int(i)),
        Ok(text::number_parse::ParsedInt::Big(b)) => Ok(Value::from_bigint(b)),
        Err(e) => Err(vm.text_error(e)),
    }
}

/// `int(v)` for a non-string value.
pub fn to_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Int(_) | Value::BigInt(_) => v.clone(),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(f) => match text::round::float_to_bigint(f.trunc()) {
            Ok(b) => Value::from_bigint(b),
            Err(e) => return Err(vm.text_error(e)),
        },
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_dunder(v, name, vec![])? {
                    return Ok(r);
                }
            }
            if let Some(Payload::Boxed(inner)) = v.payload() {
                return to_int(vm, &inner.clone());
            }
            let t = vm.type_name(v);
            return Err(vm.new_error(
                "TypeError",
                &format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'"),
            ));
        }
    })
}

fn new_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    super::no_kwargs(vm, "bool", &args)?;
    if rest.len() > 1 {
        return Err(
            vm.new_error("TypeError", &format!("bool expected at most 1 argument, got {}", rest.len()))
        );
    }
    match rest.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn new_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    let v = match rest.first() {
        None => Value::Float(0.0),
        Some(v) => Value::Float(to_float(vm, v)?),
    };
    Ok(boxed(&cls, &vm.types.float.clone(), v))
}

/// `complex(real=0, imag=0)` and `complex(str)`.
fn new_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    if rest.len() + args.kw.len() > 2 {
        let n = rest.len() + args.kw.len();
        return Err(vm.new_error("TypeError", &format!("complex() takes at most 2 arguments ({n} given)")));
    }
    let (mut real, mut imag) = (rest.first().cloned(), rest.get(1).cloned());
    for (k, v) in args.kw {
        let slot = match k.as_str() {
            Some("real") if real.is_none() => &mut real,
            Some("imag") if imag.is_none() => &mut imag,
            Some(name @ ("real" | "imag")) => {
                let pos = if name == "real" { 1 } else { 2 };
                return Err(vm.new_error(
                    "TypeError",
                    &format!("argument for complex() given by name ('{name}') and position ({pos})"),
                ));
            }
            _ => {
                let name = k.as_str().unwrap_or("");
                return Err(vm.new_error(
                    "TypeError",
                    &format!("complex() got an unexpected keyword argument '{name}'"),
                ));
            }
        };
        *slot = Some(v.clone());
    }
    let c = complex_from_parts(vm, real, imag)?;
    let v = vm.new_complex(c);
    Ok(boxed(&cls, &vm.types.complex.clone(), v))
}

/// `complex_new_impl`: the value of `complex(real, imag)`.
fn complex_from_parts(vm: &mut Vm, real: Option<Value>, imag: Option<Value>) -> PyResult<(f64, f64)> {
    let Some(real) = real else {
        return Ok((0.0, 0.0));
    };
    if let Value::Str(s) = &real {
        if imag.is_some() {
            return Err(vm.new_error("TypeError", "complex() can't take second arg if first is a string"));
        }
        return crate::vm::complex::parse_complex(s.as_str())
            .ok_or_else(|| vm.new_error("ValueError", "complex() arg is a malformed string"));
    }
    if matches!(imag, Some(Value::Str(_))) {
        return Err(vm.new_error("TypeError", "complex() second arg can't be a string"));
    }
    let real = match vm.call_dunder(&real, "__complex__", vec![])? {
        Some(r) if crate::vm::complex::complex_of(&r).is_some() => r,
        Some(r) => {
            let t = vm.type_name(&r);
            return Err(vm.new_error("TypeError", &format!("__complex__ returned non-complex (type {t})")));
        }
        None => real,
    };
    let cr = complex_part(vm, &real, "first argument must be a string or a number")?;
    let ci = match &imag {
        None => (0.0, 0.0),
        Some(i) => complex_part(vm, i, "second argument must be a number")?,
    };
    let real_is_complex = crate::vm::complex::complex_of(&real).is_some();
    let imag_is_complex = imag.as_ref().and_then(crate::vm::complex::complex_of).is_some();
    let re = if imag_is_complex { cr.0 - ci.1 } else { cr.0 };
    let im = match (real_is_complex, imag.is_some()) {
        (true, false) => cr.1,
        (true, true) => ci.0 + cr.1,
        (false, _) => ci.0,
    };
    Ok((re, im))
}

/// One argument of `complex()` as a complex number (a real one as `(x, 0)`).
fn complex_part(vm: &mut Vm, v: &Value, what: &str) -> PyResult<(f64, f64)> {
    let v = crate::vm::ops::unboxed(v).unwrap_or_else(|| v.clone());
    if let Some(c) = crate::vm::complex::complex_of(&v) {
        return Ok(c);
    }
    let numeric = matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_))
        || vm.call_dunder(&v, "__float__", vec![])?.is_some()
        || vm.call_dunder(&v, "__index__", vec![])?.is_some();
    if !numeric {
        let t = vm.type_name(&v);
        return Err(vm.new_error("TypeError", &format!("complex() {what}, not '{t}'")));
    }
    Ok((to_float(vm, &v)?, 0.0))
}

/// `float(v)`.
pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => crate::vm::ops::big_to_f64(b)
            .ok_or_else(|| vm.new_error("OverflowError", "int too large to convert to float")),
        Value::Str(s) => text::number_parse::parse_float(s.as_str()).map_err(|e| vm.text_error(e)),
        _ if vm.bytes_of(v).is_some() => {
            let bytes = vm.bytes_of(v).unwrap_or_default();
            match std::str::from_utf8(&bytes).ok().map(text::number_parse::parse_float) {
                Some(Ok(f)) => Ok(f),
                _ => {
                    let shown = vm.repr(v)?;
                    Err(vm.new_error("ValueError", &format!("could not convert string to float: {shown}")))
                }
            }
        }
        _ => {
            if let Some(r) = vm.call_dunder(v, "__float__", vec![])? {
                return to_float(vm, &r);
            }
            if let Some(r) = vm.call_dunder(v, "__index__", vec![])? {
                return to_float(vm, &r);
            }
            if let Some(Payload::Boxed(inner)) = v.payload() {
                return to_float(vm, &inner.clone());
            }
            let t = vm.type_name(v);
            Err(vm.new_error(
                "TypeError",
                &format!("float() argument must be a string or a real number, not '{t}'"),
            ))
        }
    }
}

fn new_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    let v = match rest.first().or(args.kwarg("object")) {
        None => Value::str(""),
        Some(v) => {
            let encoding = rest.get(1).or(args.kwarg("encoding"));
            let errors = rest.get(2).or(args.kwarg("errors"));
            if encoding.is_none() && errors.is_none() {
                vm.str_value(v)?
            } else {
                let encoding = match encoding {
                    Some(e) => super::str_arg(vm, e, "str() argument 'encoding'")?.to_string(),
                    None => "utf-8".to_string(),
                };
                let errors = match errors {
                    Some(e) => super::str_arg(vm, e, "str() argument 'errors'")?.to_string(),
                    None => "strict".to_string(),
                };
                let Some(b) = vm.bytes_of(v) else {
                    let msg = match v {
                        Value::Str(_) => "decoding str is not supported".to_string(),
                        _ => format!("decoding to str: need a bytes-like object, {} found", vm.type_name(v)),
                    };
                    return Err(vm.new_error("TypeError", &msg));
                };
                Value::string(super::bytes_methods::decode_bytes(vm, &b, &encoding, &errors)?)
            }
        }
    };
    Ok(boxed(&cls, &vm.types.str_.clone(), v))
}

fn new_list(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    if !Rc::ptr_eq(&cls, &vm.types.list) {
        // A subclass: `list.__init__` (or the subclass's own) fills it.
        return Ok(boxed(&cls, &vm.types.list.clone(), Value::list(vec![])));
    }
    arity(vm, "list", &Args::new(rest), 0, 1)?;
    let items = match rest.first() {
        Some(v) => vm.collect(v)?,
        None => vec![],
    };
    let list = Value::List(Rc::new(List::new(items)));
    Ok(boxed(&cls, &vm.types.list.clone(), list))
}

fn new_tuple(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    let v = match rest.first() {
        Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
        Some(v) => Value::tuple(vm.collect(v)?),
        None => Value::tuple(vec![]),
    };
    Ok(boxed(&cls, &vm.types.tuple.clone(), v))
}

fn new_dict(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    let d = vm.new_dict();
    if !Rc::ptr_eq(&cls, &vm.types.dict) {
        // A subclass: `dict.__init__` (or the subclass's own) fills it.
        return Ok(boxed(&cls, &vm.types.dict.clone(), d));
    }
    if let Some(src) = rest.first() {
        dict_fill(vm, &d, src)?;
    }
    for (k, v) in args.kw {
        vm.set_item(&d, k.clone(), v.clone())?;
    }
    Ok(boxed(&cls, &vm.types.dict.clone(), d))
}

/// `dict.update(src)` semantics: a mapping or an iterable of pairs.
pub fn dict_fill(vm: &mut Vm, d: &Value, src: &Value) -> PyResult<()> {
    let is_mapping = vm.dict_of(src).is_some() || vm.type_of(src).lookup("keys").is_some();
    if is_mapping {
        return vm.dict_update_display(d, src);
    }
    let items = vm.collect(src)?;
    for (i, item) in items.iter().enumerate() {
        let pair = match vm.collect(item) {
            Ok(p) => p,
            Err(_) => {
                let t = vm.type_name(item);
                return Err(vm
                    .new_error(
                        "TypeError",
                        &format!("cannot convert dictionary update sequence element #{i} to a sequence"),
                    )
                    .tap_type(t));
            }
        };
        if pair.len() != 2 {
            return Err(vm.new_error(
                "ValueError",
                &format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()),
            ));
        }
        vm.set_item(d, pair[0].clone(), pair[1].clone())?;
    }
    Ok(())
}

trait Tap {
    fn tap_type(self, t: String) -> Self;
}

impl Tap for crate::vm::Exc {
    fn tap_type(self, _t: String) -> Self {
        self
    }
}

fn new_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    let s = vm.new_set(vec![])?;
    if !Rc::ptr_eq(&cls, &vm.types.set) {
        // A subclass: `set.__init__` (or the subclass's own) fills it.
        return Ok(boxed(&cls, &vm.types.set.clone(), s));
    }
    if let Some(src) = rest.first() {
        vm.set_update(&s, src)?;
    }
    Ok(boxed(&cls, &vm.types.set.clone(), s))
}

fn new_frozenset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    arity(vm, &cls.name(), &Args::new(rest), 0, 1)?;
    let exact = Rc::ptr_eq(&cls, &vm.types.frozenset);
    if let Some(v @ Value::Obj(o)) = rest.first() {
        if exact && matches!(o.payload, Payload::FrozenSet(_)) && Rc::ptr_eq(&o.class, &cls) {
            return Ok(v.clone());
        }
    }
    let s = vm.new_set(vec![])?;
    if let Some(src) = rest.first() {
        vm.set_update(&s, src)?;
    }
    let t = vm.set_table_of(&s).unwrap_or_default();
    if !exact {
        // A script subclass keeps its class (and gets an instance dict).
        return Ok(Value::Obj(Object::with_dict(cls, Payload::FrozenSet(t))));
    }
    Ok(vm.new_frozenset(t))
}

fn new_range(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    super::no_kwargs(vm, "range", &args)?;
    let mut nums = Vec::new();
    for v in rest {
        let n = match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => crate::vm::ops::big_of(v),
            _ => match vm.call_dunder(v, "__index__", vec![])? {
                Some(r) => crate::vm::ops::big_of(&r),
                None => None,
            },
        };
        match n {
            Some(n) => nums.push(n),
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.new_error("TypeError", &format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    let (a, b, c) = match nums.as_slice() {
        [b] => (BigInt::from(0), b.clone(), BigInt::from(1)),
        [a, b] => (a.clone(), b.clone(), BigInt::from(1)),
        [a, b, c] => (a.clone(), b.clone(), c.clone()),
        [] => return Err(vm.new_error("TypeError", "range expected at least 1 argument, got 0")),
        _ => {
            return Err(
                vm.new_error("TypeError", &format!("range expected at most 3 arguments, got {}", nums.len()))
            )
        }
    };
    if num_traits::Zero::is_zero(&c) {
        return Err(vm.new_error("ValueError", "range() arg 3 must not be zero"));
    }
    Ok(crate::vm::bigrange::range_value(vm, a, b, c))
}

fn new_slice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let parts = match rest {
        [b] => vec![Value::None, b.clone(), Value::None],
        [a, b] => vec![a.clone(), b.clone(), Value::None],
        [a, b, c] => vec![a.clone(), b.clone(), c.clone()],
        _ => return Err(vm.new_error("TypeError", "slice expected at least 1 argument, got 0")),
    };
    Ok(vm.new_slice(parts))
}

fn new_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    let errors = rest.get(2).or(args.kwarg("errors"));
    let b = bytes_from(vm, rest.first(), rest.get(1).or(args.kwarg("encoding")), errors)?;
    if !Rc::ptr_eq(&cls, &vm.types.bytes) {
        return Ok(Value::Obj(Object::with_dict(cls, Payload::Bytes(b.into_boxed_slice()))));
    }
    Ok(vm.new_bytes(b))
}

fn new_bytearray(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    if !Rc::ptr_eq(&cls, &vm.types.bytearray) {
        // A subclass starts empty: `bytearray.__init__` (or the subclass's own) fills it.
        let payload = Payload::ByteArray(crate::vm::object::ByteBuf::new(vec![]));
        return Ok(Value::Obj(Object::with_dict(cls, payload)));
    }
    let errors = rest.get(2).or(args.kwarg("errors"));
    let b = bytes_from(vm, rest.first(), rest.get(1).or(args.kwarg("encoding")), errors)?;
    let payload = Payload::ByteArray(crate::vm::object::ByteBuf::new(b));
    Ok(Value::Obj(Object::new(vm.types.bytearray.clone(), payload)))
}

/// The bytes of `bytes(src, encoding, errors)` and `bytearray(...)`: a str is encoded with
/// `str.encode` (any codec, any error handler).
pub(super) fn bytes_from(
    vm: &mut Vm,
    src: Option<&Value>,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Vec<u8>> {
    Ok(match src {
        None => vec![],
        Some(Value::Str(_)) => {
            let Some(encoding) = encoding else {
                return Err(vm.new_error("TypeError", "string argument without an encoding"));
            };
            let mut codec_args = vec![encoding.clone()];
            codec_args.extend(errors.cloned());
            let encoded = vm.call_method(src.expect("matched"), "encode", codec_args)?;
            vm.bytes_of(&encoded).unwrap_or_default()
        }
        Some(_) if encoding.is_some() || errors.is_some() => {
            let what = if encoding.is_some() { "encoding" } else { "errors" };
            return Err(vm.new_error("TypeError", &format!("{what} without a string argument")));
        }
        Some(Value::Int(n)) => {
            if *n < 0 {
                return Err(vm.new_error("ValueError", "negative count"));
            }
            // Under a memory limit, a request over it is that limit's MemoryError.
            vm.mem_reserve(usize::try_from(*n).unwrap_or(usize::MAX))?;
            if *n > 1 << 32 {
                return Err(vm.new_error("MemoryError", ""));
            }
            vec![0; *n as usize]
        }
        Some(v) => {
            if let Some(b) = vm.bytes_of(v) {
                return Ok(b);
            }
            let mut out = Vec::new();
            for item in vm.collect(v)? {
                let i = vm.index_of(&item)?;
                if !(0..256).contains(&i) {
                    return Err(vm.new_error("ValueError", "bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
    })
}

fn new_property(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = cls_and_args(vm, &args)?;
    let get = |i: usize, name: &str| rest.get(i).or(args.kwarg(name)).cloned().unwrap_or(Value::None);
    let p = Payload::Property(Box::new(crate::vm::object::PropertyData {
        fget: get(0, "fget"),
        fset: get(1, "fset"),
        fdel: get(2, "fdel"),
        doc: get(3, "doc"),
        name: RefCell::new(Value::None),
    }));
    Ok(Value::Obj(if cls.is_heap { Object::with_dict(cls, p) } else { Object::new(cls, p) }))
}

fn new_staticmethod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let f = rest.first().cloned().unwrap_or(Value::None);
    Ok(Value::Obj(Object::new(vm.types.staticmethod.clone(), Payload::StaticMethod(f))))
}

fn new_classmethod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let f = rest.first().cloned().unwrap_or(Value::None);
    Ok(Value::Obj(Object::new(vm.types.classmethod.clone(), Payload::ClassMethod(f))))
}

fn new_super(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    match rest {
        [Value::Class(c), obj] => {
            let fits = match obj {
                Value::Class(k) => k.is_subclass(c) || vm.type_of(obj).is_subclass(c),
                _ => vm.type_of(obj).is_subclass(c),
            };
            if !fits {
                return Err(
                    vm.new_error("TypeError", "super(type, obj): obj must be an instance or subtype of type")
                );
            }
            Ok(Value::Obj(Object::new(vm.types.super_.clone(), Payload::Super(c.clone(), obj.clone()))))
        }
        [] => Err(vm.new_error("RuntimeError", "super(): no arguments")),
        _ => Err(vm.new_error("TypeError", "super() argument 1 must be a type")),
    }
}

fn new_enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let Some(src) = rest.first().or(args.kwarg("iterable")) else {
        return Err(vm.new_error("TypeError", "enumerate() missing required argument 'iterable'"));
    };
    let it = vm.get_iter(src)?;
    let start = rest.get(1).or(args.kwarg("start")).cloned().unwrap_or(Value::Int(0));
    let cls = vm.types.enumerate.clone();
    Ok(vm.make_iter(cls, Iter::Enumerate(it, start)))
}

fn new_zip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let strict = match args.kwarg("strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut its = Vec::new();
    for v in rest {
        its.push(vm.get_iter(v)?);
    }
    let cls = vm.types.zip.clone();
    Ok(vm.make_iter(cls, Iter::Zip(its, strict)))
}

fn new_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let Some((f, srcs)) = rest.split_first() else {
        return Err(vm.new_error("TypeError", "map() must have at least two arguments."));
    };
    if srcs.is_empty() {
        return Err(vm.new_error("TypeError", "map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for v in srcs {
        its.push(vm.get_iter(v)?);
    }
    let cls = vm.types.map.clone();
    Ok(vm.make_iter(cls, Iter::Map(f.clone(), its)))
}

fn new_filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let [f, src] = rest else { return Err(vm.new_error("TypeError", "filter expected 2 arguments")) };
    let it = vm.get_iter(src)?;
    let cls = vm.types.filter.clone();
    Ok(vm.make_iter(cls, Iter::Filter(f.clone(), it)))
}

fn new_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let [seq] = rest else { return Err(vm.new_error("TypeError", "reversed expected 1 argument")) };
    if let Some(r) = vm.call_dunder(seq, "__reversed__", vec![])? {
        return Ok(r);
    }
    let not_reversible = |vm: &mut Vm| {
        let t = vm.type_name(seq);
        Err(vm.new_error("TypeError", &format!("'{t}' object is not reversible")))
    };
    let n = match seq {
        Value::List(l) => l.items.borrow().len(),
        Value::Tuple(t) => t.items.len(),
        Value::Str(s) => s.char_len(),
        Value::Dict(_) => return reversed_dict_view(vm, seq, 0),
        Value::Obj(o) => match &o.payload {
            Payload::Range(a, b, c) => {
                let n = crate::vm::ops::range_len(*a, *b, *c);
                let last = a + (n - 1) * c;
                let r = Payload::Range(last, a - c, -c);
                let rv = Value::Obj(Object::new(vm.types.range.clone(), r));
                return vm.get_iter(&rv);
            }
            Payload::BigRange(r) => {
                let rev = r.reversed();
                let rv = crate::vm::bigrange::range_value(vm, rev.start, rev.stop, rev.step);
                return vm.get_iter(&rv);
            }
            Payload::DictData(_) => return reversed_dict_view(vm, seq, 0),
            Payload::DictView(kind, d) => return reversed_dict_view(vm, &Value::Dict(d.clone()), *kind),
            Payload::Bytes(b) => b.len(),
            Payload::ByteArray(b) => b.borrow().len(),
            Payload::ListData(l) => l.items.borrow().len(),
            _ if o.class.is_heap && o.class.lookup("__getitem__").is_some() => {
                match vm.call_dunder(seq, "__len__", vec![])? {
                    Some(n) => vm.index_of(&n)?.max(0) as usize,
                    None => {
                        let t = vm.type_name(seq);
                        return Err(vm.new_error("TypeError", &format!("object of type '{t}' has no len()")));
                    }
                }
            }
            _ => return not_reversible(vm),
        },
        _ => return not_reversible(vm),
    };
    let cls = vm.types.reversed.clone();
    let it = Iter::Reversed(seq.clone(), n);
    if matches!(seq, Value::List(_)) {
        return Ok(vm.new_iter(it));
    }
    Ok(vm.make_iter(cls, it))
}

/// `reversed()` of a dict or one of its views (`kind` as in `Payload::DictView`).
fn reversed_dict_view(vm: &mut Vm, d: &Value, kind: u8) -> PyResult<Value> {
    let Some(d) = vm.dict_of(d) else { return Err(vm.new_error("TypeError", "not a dict")) };
    let mut items: Vec<Value> = d
        .map
        .borrow()
        .iter()
        .map(|(k, v)| match kind {
            0 => k.clone(),
            1 => v.clone(),
            _ => Value::tuple(vec![k.clone(), v.clone()]),
        })
        .collect();
    items.reverse();
    let name = ["dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"]
        [kind.min(2) as usize];
    let cls = vm.types.iterators[name].clone();
    Ok(vm.make_iter(cls, Iter::List(Rc::new(crate::vm::object::List::new(items)), 0)))
}

/// Big integers from `int()` of huge floats.
pub fn _unused(_: BigInt) {}

/// `types.MethodType(func, obj)`: `func` bound to `obj`.
fn new_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let [f, obj] = rest else {
        return Err(vm.new_error("TypeError", &format!("method expected 2 arguments, got {}", rest.len())));
    };
    if !vm.is_callable(f) {
        return Err(vm.new_error("TypeError", "first argument must be callable"));
    }
    if obj.is_none() {
        return Err(vm.new_error("TypeError", "instance must not be None"));
    }
    Ok(Value::Obj(Object::new(vm.types.method.clone(), Payload::BoundMethod(f.clone(), obj.clone()))))
}

/// `types.MappingProxyType(d)`: a read-only view of a dict.
fn new_mappingproxy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let dict = match rest {
        [Value::Dict(d)] => d.clone(),
        [Value::Obj(o)] if matches!(o.payload, Payload::DictData(_) | Payload::MappingProxy(_)) => {
            match &o.payload {
                Payload::DictData(d) | Payload::MappingProxy(d) => d.clone(),
                _ => unreachable!(),
            }
        }
        [other] => {
            let t = vm.type_name(other);
            return Err(
                vm.new_error("TypeError", &format!("mappingproxy() argument must be a mapping, not {t}"))
            );
        }
        _ => {
            return Err(vm.new_error(
                "TypeError",
                &format!("mappingproxy() takes exactly one argument ({} given)", rest.len()),
            ))
        }
    };
    Ok(Value::Obj(Object::new(vm.types.mappingproxy.clone(), Payload::MappingProxy(dict))))
}

/// `types.ModuleType(name, doc=None)`: an empty module.
fn new_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    let name = match rest.first().or(args.kwarg("name")) {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                let t = vm.type_name(v);
                return Err(vm.new_error(
                    "TypeError",
                    &format!("module.__init__() argument 'name' must be str, not {t}"),
                ));
            }
        },
        None => {
            return Err(
                vm.new_error("TypeError", "module.__init__() missing required argument 'name' (pos 1)")
            )
        }
    };
    let doc = rest.get(1).or(args.kwarg("doc")).cloned().unwrap_or(Value::None);
    let dict = Rc::new(Dict::default());
    let m = vm.new_module(&name, dict);
    vm.module_set(&m, "__doc__", doc);
    Ok(m)
}

/// `NoneType()`: None.
fn new_none(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = cls_and_args(vm, &args)?;
    if !rest.is_empty() || !args.kw.is_empty() {
        return Err(vm.new_error("TypeError", "NoneType takes no arguments"));
    }
    Ok(Value::None)
}
