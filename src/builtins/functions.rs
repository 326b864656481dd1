//! The builtin functions: `print`, `len`, `sorted`, `min`/`max`, `isinstance`, `getattr`,
//! `round`, `hex`, `open`, and the rest of the `builtins` namespace that is not a type.

use std::rc::Rc;

use crate::compiler::bytecode::CmpKind;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{arity, native, no_kwargs, opt_arg, set_builtin, str_arg};
use crate::text;
use crate::vm::object::{Args, Class, Iter, Payload};
use crate::vm::streams::Target;
use crate::vm::{PyResult, Value, Vm};

pub(super) fn install(vm: &mut Vm) {
    // (name, function, the keyword arguments it takes)
    let table: &[(&'static str, crate::vm::object::NativeFn, &'static [&'static str])] = &[
        ("print", print, &["sep", "end", "file", "flush"]),
        ("len", len, &[]),
        ("repr", repr, &[]),
        ("ascii", ascii, &[]),
        ("isinstance", isinstance, &[]),
        ("issubclass", issubclass, &[]),
        ("hasattr", hasattr, &[]),
        ("getattr", getattr, &[]),
        ("setattr", setattr, &[]),
        ("delattr", delattr, &[]),
        ("callable", callable, &[]),
        ("id", id, &[]),
        ("hash", hash, &[]),
        ("iter", iter, &[]),
        ("next", next, &[]),
        ("abs", abs, &[]),
        ("min", min, &["key", "default"]),
        ("max", max, &["key", "default"]),
        ("sum", sum, &["start"]),
        ("any", any, &[]),
        ("all", all, &[]),
        ("ord", ord, &[]),
        ("chr", chr, &[]),
        ("hex", hex, &[]),
        ("oct", oct, &[]),
        ("bin", bin, &[]),
        ("round", round, &["number", "ndigits"]),
        ("divmod", divmod, &[]),
        ("pow", pow, &["base", "exp", "mod"]),
        ("format", format, &[]),
        ("input", input, &[]),
        ("aiter", aiter, &[]),
        ("anext", anext, &[]),
        ("exit", exit, &["code"]),
        ("quit", exit, &["code"]),
    ];
    for (name, f, kwargs) in table {
        let v = super::native_kw(vm, name, *f, kwargs);
        set_builtin(vm, name, v);
    }
    // sorted() reports bad keywords as list.sort() does ("... for sort()").
    let v = native(vm, "sorted", sorted);
    set_builtin(vm, "sorted", v);
    let with_frame: &[(&'static str, crate::vm::object::NativeFn)] = &[
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("__import__", dunder_import),
    ];
    for (name, f) in with_frame {
        let v = super::native_with_frame(vm, name, *f);
        set_builtin(vm, name, v);
    }
}

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = match args.kwarg("sep") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::None) | None => " ".to_string(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.new_error("TypeError", &format!("sep must be None or a string, not {t}")));
        }
    };
    let end = match args.kwarg("end") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::None) | None => "\n".to_string(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.new_error("TypeError", &format!("end must be None or a string, not {t}")));
        }
    };
    let target = match args.kwarg("file") {
        None | Some(Value::None) => vm.std_target(false),
        Some(f) => vm.streams.classify(Some(f.clone())),
    };
    match &target {
        Target::Discard => return Ok(Value::None),
        Target::Object(_) => print_pieces(vm, &target, args.pos, &sep, &end)?,
        _ => {
            let mut out = String::new();
            for (i, v) in args.pos.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(&vm.str_of(v)?);
            }
            out.push_str(&end);
            vm.write_target(&target, false, &out)?;
        }
    }
    if let Some(flush) = args.kwarg("flush") {
        if vm.truthy(flush)? {
            vm.flush_target(&target, false)?;
        }
    }
    Ok(Value::None)
}

/// `print` to a stream object: one `write` call per argument, separator and end, as
/// CPython makes them (a script's own `write` can see the difference).
fn print_pieces(vm: &mut Vm, target: &Target, items: &[Value], sep: &str, end: &str) -> PyResult<()> {
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            vm.write_target(target, false, sep)?;
        }
        let s = vm.str_of(v)?;
        vm.write_target(target, false, &s)?;
    }
    vm.write_target(target, false, end)
}

/// `len(v)`.
pub fn length(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.items.borrow().len(),
        Value::Tuple(t) => t.items.len(),
        Value::Dict(d) => d.map.borrow().len(),
        Value::Obj(o) => match &o.payload {
            Payload::Set(s) => s.borrow().len(),
            Payload::FrozenSet(s) => s.len(),
            Payload::Bytes(b) => b.len(),
            Payload::ByteArray(b) => b.borrow().len(),
            Payload::MemoryView(m) => {
                vm.memview_check(m)?;
                m.len
            }
            Payload::Range(a, b, c) => crate::vm::ops::range_len(*a, *b, *c) as usize,
            Payload::BigRange(r) => {
                let r = (**r).clone();
                return vm.big_range_len(&r);
            }
            Payload::ListData(l)
                if !o.class.lookup("__len__").is_some_and(|f| matches!(f, Value::Func(_))) =>
            {
                l.items.borrow().len()
            }
            Payload::DictData(d)
                if !o.class.lookup("__len__").is_some_and(|f| matches!(f, Value::Func(_))) =>
            {
                d.map.borrow().len()
            }
            Payload::DictView(_, d) | Payload::MappingProxy(d) => d.map.borrow().len(),
            // A str/tuple subclass instance: the builtin `__len__` measures the wrapped value
            // (going through `len_dunder` would find that same builtin and recurse).
            Payload::Boxed(inner)
                if !o.class.lookup("__len__").is_some_and(|f| matches!(f, Value::Func(_))) =>
            {
                let inner = inner.clone();
                return length(vm, &inner);
            }
            _ => return len_dunder(vm, v),
        },
        _ => return len_dunder(vm, v),
    })
}

fn len_dunder(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match vm.call_dunder(v, "__len__", vec![])? {
        Some(r) => {
            let n = vm.index_of(&r)?;
            if n < 0 {
                return Err(vm.new_error("ValueError", "__len__() should return >= 0"));
            }
            Ok(n as usize)
        }
        None => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("object of type '{t}' has no len()")))
        }
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "len", &args, 1, 1)?;
    Ok(Value::Int(length(vm, &args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "repr", &args, 1, 1)?;
    Ok(Value::string(vm.repr(&args.pos[0])?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "ascii", &args, 1, 1)?;
    let r = vm.repr(&args.pos[0])?;
    Ok(Value::string(text::repr::ascii_escape(&r)))
}

/// `isinstance(v, classinfo)`.
/// A script-defined metaclass hook (`__instancecheck__`, `__subclasscheck__`) of `cls`,
/// which is how ABCs such as `collections.abc.Iterable` recognise classes structurally.
fn meta_hook(cls: &Rc<Class>, name: &str) -> Option<Value> {
    cls.meta.as_ref()?.lookup(name).filter(|f| matches!(f, Value::Func(_)))
}

pub fn is_instance(vm: &mut Vm, v: &Value, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Class(c) => {
            if vm.type_of(v).is_subclass(c) {
                return Ok(true);
            }
            match meta_hook(c, "__instancecheck__") {
                Some(f) => {
                    let r = vm.call(&f, vec![cls.clone(), v.clone()])?;
                    vm.truthy(&r)
                }
                None => Ok(false),
            }
        }
        Value::Tuple(t) => {
            for c in t.items.iter() {
                if is_instance(vm, v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ if super::union_members(cls).is_some() => {
            let members = super::union_members(cls).map(<[Value]>::to_vec).unwrap_or_default();
            for c in &members {
                if is_instance(vm, v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            // An object whose class defines `__instancecheck__` (typing aliases).
            let t = vm.type_of(cls);
            if t.is_heap {
                if let Some(f @ Value::Func(_)) = t.lookup("__instancecheck__") {
                    let r = vm.call(&f, vec![cls.clone(), v.clone()])?;
                    return vm.truthy(&r);
                }
            }
            if matches!(cls.payload(), Some(Payload::Ext(_))) && t.name() == "GenericAlias" && !t.is_heap {
                return Err(
                    vm.new_error("TypeError", "isinstance() argument 2 cannot be a parameterized generic")
                );
            }
            Err(vm.new_error("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isinstance", &args, 2, 2)?;
    Ok(Value::Bool(is_instance(vm, &args.pos[0], &args.pos[1])?))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "issubclass", &args, 2, 2)?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(vm.new_error("TypeError", "issubclass() arg 1 must be a class"));
    };
    fn check(vm: &mut Vm, c: &Rc<Class>, t: &Value) -> PyResult<bool> {
        match t {
            Value::Class(p) => {
                if c.is_subclass(p) {
                    return Ok(true);
                }
                match meta_hook(p, "__subclasscheck__") {
                    Some(f) => {
                        let r = vm.call(&f, vec![t.clone(), Value::Class(c.clone())])?;
                        vm.truthy(&r)
                    }
                    None => Ok(false),
                }
            }
            Value::Tuple(items) => {
                for i in items.items.iter() {
                    if check(vm, c, i)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ if super::union_members(t).is_some() => {
                let members = super::union_members(t).map(<[Value]>::to_vec).unwrap_or_default();
                for m in &members {
                    if check(vm, c, m)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                // An object whose class defines `__subclasscheck__` (typing aliases).
                let hook = vm.type_of(t);
                if hook.is_heap {
                    if let Some(f @ Value::Func(_)) = hook.lookup("__subclasscheck__") {
                        let r = vm.call(&f, vec![t.clone(), Value::Class(c.clone())])?;
                        return vm.truthy(&r);
                    }
                }
                Err(vm.new_error(
                    "TypeError",
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                ))
            }
        }
    }
    Ok(Value::Bool(check(vm, c, &args.pos[1])?))
}

fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Str(_) => Ok(v.clone()),
        _ => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("attribute name must be string, not '{t}'")))
        }
    }
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "hasattr", &args, 2, 2)?;
    let n = attr_name(vm, &args.pos[1])?;
    match vm.get_attr(&args.pos[0], &n) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.class.is_subclass(&vm.exc_class("AttributeError")) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "getattr", &args, 2, 3)?;
    let n = attr_name(vm, &args.pos[1])?;
    match vm.get_attr(&args.pos[0], &n) {
        Ok(v) => Ok(v),
        Err(e) if args.pos.len() == 3 && e.class.is_subclass(&vm.exc_class("AttributeError")) => {
            Ok(args.pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "setattr", &args, 3, 3)?;
    let n = attr_name(vm, &args.pos[1])?;
    vm.set_attr(&args.pos[0], &n, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "delattr", &args, 2, 2)?;
    let n = attr_name(vm, &args.pos[1])?;
    vm.del_attr(&args.pos[0], &n)?;
    Ok(Value::None)
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "callable", &args, 1, 1)?;
    Ok(Value::Bool(vm.is_callable(&args.pos[0])))
}

fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "id", &args, 1, 1)?;
    Ok(Value::Int((args.pos[0].id() & (i64::MAX as u64)) as i64))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "hash", &args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "iter", &args, 1, 2)?;
    if args.pos.len() == 2 {
        if !vm.is_callable(&args.pos[0]) {
            return Err(vm.new_error("TypeError", "iter(v, w): v must be callable"));
        }
        return Ok(vm.new_iter(Iter::Callable(args.pos[0].clone(), args.pos[1].clone())));
    }
    vm.get_iter(&args.pos[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "next", &args, 1, 2)?;
    if !vm.is_iterator(&args.pos[0]) {
        let t = vm.type_name(&args.pos[0]);
        return Err(vm.new_error("TypeError", &format!("'{t}' object is not an iterator")));
    }
    match (vm.next_raising(&args.pos[0]), args.pos.get(1)) {
        (Err(e), Some(d)) if e.class.is_subclass(&vm.exc_class("StopIteration")) => Ok(d.clone()),
        (r, _) => r,
    }
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "abs", &args, 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Int(i) if *i != i64::MIN => Value::Int(i.abs()),
        Value::Int(i) => Value::from_bigint(BigInt::from(*i).abs()),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        v if crate::vm::complex::complex_of(v).is_some() => {
            let c = crate::vm::complex::complex_of(v).unwrap_or_default();
            return vm.complex_abs(c);
        }
        v => match vm.call_dunder(v, "__abs__", vec![])? {
            Some(r) => r,
            None => {
                let t = vm.type_name(v);
                return Err(vm.new_error("TypeError", &format!("bad operand type for abs(): '{t}'")));
            }
        },
    })
}

fn min_max(vm: &mut Vm, args: Args, name: &str, want_less: bool) -> PyResult<Value> {
    let key = args.kwarg("key").filter(|k| !k.is_none()).cloned();
    let default = args.kwarg("default").cloned();
    let items = match args.pos.len() {
        0 => return Err(vm.new_error("TypeError", &format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.new_error(
                    "TypeError",
                    &format!("Cannot specify a default for {name}() with multiple positional arguments"),
                ));
            }
            args.pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call_args(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                // CPython compares the new item first: `k < best` for min, `k > best` for max.
                let op = if want_less { CmpKind::Lt } else { CmpKind::Gt };
                let r = vm.compare_op(op, &k, &bk)?;
                let better = vm.truthy(&r)?;
                if better {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.new_error("ValueError", &format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "sum", &args, 1, 2)?;
    let mut acc = opt_arg(&args, 1, "start").cloned().unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(vm.new_error("TypeError", "sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        acc = match (&acc, &v) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(crate::compiler::bytecode::BinKind::Add, &acc, &v)?,
        };
    }
    Ok(acc)
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "any", &args, 1, 1)?;
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "all", &args, 1, 1)?;
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(v) = vm.iter_next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Sorts values in place: stable, with an optional key function and reverse flag.
/// The `reverse=` argument of `sorted`/`list.sort`: an integer, as CPython's clinic
/// converter takes it (`reverse="x"` is a TypeError, not a truthy string).
pub fn sort_reverse(vm: &mut Vm, args: &Args) -> PyResult<bool> {
    match args.kwarg("reverse") {
        Some(r) => Ok(vm.index_of(r)? != 0),
        None => Ok(false),
    }
}

pub fn sort_values(vm: &mut Vm, items: &mut [Value], key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let computed: Option<Vec<Value>> = match key {
        Some(f) if !f.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call_args(f, std::slice::from_ref(it))?);
            }
            Some(ks)
        }
        _ => None,
    };
    // Without a key function the items are their own keys (borrowed, not copied: `items`
    // was taken out of its list, so no script reaches it while the comparisons run).
    let mut idx = sort_order(vm, computed.as_deref().unwrap_or(items), reverse)?;
    permute(items, &mut idx);
    Ok(())
}

/// The positions of `keys` in sorted order (stable; `reverse` keeps equal keys in their
/// order, as CPython's `reverse=True` does).
fn sort_order(vm: &mut Vm, keys: &[Value], reverse: bool) -> PyResult<Vec<usize>> {
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut err = None;
    if !sort_natively(&mut idx, keys) {
        merge_sort(&mut idx, &mut |a, b| {
            if err.is_some() {
                return false;
            }
            match vm.less_than(&keys[*b], &keys[*a]) {
                Ok(r) => r,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        });
    }
    if let Some(e) = err {
        return Err(e);
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx)
}

/// Rearranges `items` so that position `k` holds the item that was at `idx[k]`, moving
/// each item once along the cycles of the permutation (no reference count touched, no
/// second vector; `idx` is used up as the visited marks).
fn permute(items: &mut [Value], idx: &mut [usize]) {
    for start in 0..idx.len() {
        let mut k = start;
        while idx[k] != usize::MAX {
            let src = std::mem::replace(&mut idx[k], usize::MAX);
            if src == start {
                break;
            }
            items.swap(k, src);
            k = src;
        }
    }
}

/// Sorts `idx` by `keys` without calling into scripts when every key is an int, every key is
/// a str, or every key is a float and none is NaN. `<` is then a total order, so Rust's stable
/// sort yields exactly the order of CPython's stable, `<`-only sort. False when the keys are
/// of another shape (the caller then runs the general sort).
fn sort_natively(idx: &mut [usize], keys: &[Value]) -> bool {
    match keys.first() {
        Some(Value::Int(_)) if keys.iter().all(|k| matches!(k, Value::Int(_))) => {
            sort_by_copied_keys(idx, |i| match keys[i] {
                Value::Int(x) => x,
                _ => 0,
            });
        }
        Some(Value::Str(_)) if keys.iter().all(|k| matches!(k, Value::Str(_))) => {
            idx.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
                (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
                _ => std::cmp::Ordering::Equal,
            });
        }
        Some(Value::Float(_)) if keys.iter().all(|k| matches!(k, Value::Float(f) if !f.is_nan())) => {
            idx.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
                (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal),
                _ => std::cmp::Ordering::Equal,
            });
        }
        // One or two ints a row (`[x % 100, x]`) compare as a scalar or a pair: cheaper to
        // compare and to move than the four-int array of longer rows.
        Some(Value::List(_) | Value::Tuple(_)) if short_int_rows(keys) => {
            match row_items(&keys[0], <[_]>::len) {
                Some(1) => sort_by_copied_keys(idx, |i| short_int_row::<1>(&keys[i])[0]),
                // A flat `(a, b, position)` row: a third cheaper to sort than `((a, b), position)`.
                Some(2) => sort_rows(
                    idx,
                    |i| {
                        let [a, b] = short_int_row::<2>(&keys[i]);
                        (a, b, i)
                    },
                    |r| r.2,
                    |x, y| (x.0, x.1).cmp(&(y.0, y.1)),
                ),
                _ => sort_by_copied_keys(idx, |i| short_int_row::<SHORT_ROW_INTS>(&keys[i])),
            }
        }
        Some(Value::List(_) | Value::Tuple(_)) if rows_compare_simply(keys) => {
            // Borrowing every row once up front keeps the comparisons to plain slices; no
            // script runs while the borrows are held.
            let rows: Vec<Row> = keys.iter().map(Row::of).collect();
            idx.sort_by(|&a, &b| simple_seq_cmp(rows[a].items(), rows[b].items()));
        }
        _ => return false,
    }
    true
}

/// Sorts `idx` by `key(i)` with the keys copied next to their positions: the comparisons
/// read one array in order instead of chasing an index into the keys.
fn sort_by_copied_keys<K: Ord>(idx: &mut [usize], key: impl Fn(usize) -> K) {
    sort_rows(idx, |i| (key(i), i), |r| r.1, |a, b| a.0.cmp(&b.0));
}

/// Sorts `idx` through rows `row(i)` that hold a copy of the key of position `i` and the
/// position itself (`pos`), ordered by the key and then the position. When `idx` is
/// ascending, the position breaks ties, so the (faster) unstable sort of whole rows keeps
/// equal keys in `idx`'s order, as the stable sort by the key alone (`by_key`) used
/// otherwise does.
fn sort_rows<R: Ord>(
    idx: &mut [usize],
    row: impl Fn(usize) -> R,
    pos: impl Fn(&R) -> usize,
    by_key: impl Fn(&R, &R) -> std::cmp::Ordering,
) {
    let ascending = idx.windows(2).all(|w| w[0] < w[1]);
    let mut rows: Vec<R> = idx.iter().map(|&i| row(i)).collect();
    if ascending {
        rows.sort_unstable();
    } else {
        rows.sort_by(by_key);
    }
    for (slot, r) in idx.iter_mut().zip(&rows) {
        *slot = pos(r);
    }
}

/// The longest rows [`short_int_row`] copies into a fixed-size key.
const SHORT_ROW_INTS: usize = 4;

/// True when every key is a list (or every key a tuple) of the same length, at most
/// [`SHORT_ROW_INTS`], holding only ints (`pairs.sort()` over `[x % 100, x]` rows): their
/// lexicographic order is that of [`short_int_row`]'s arrays.
fn short_int_rows(keys: &[Value]) -> bool {
    let want_list = matches!(keys.first(), Some(Value::List(_)));
    let Some(len) = keys.first().and_then(|k| row_items(k, |xs| xs.len())) else { return false };
    len <= SHORT_ROW_INTS
        && keys.iter().all(|k| {
            matches!(k, Value::List(_)) == want_list
                && row_items(k, |xs| xs.len() == len && xs.iter().all(|x| matches!(x, Value::Int(_))))
                    .unwrap_or(false)
        })
}

/// A row of [`short_int_rows`] as a fixed-size array (unused positions 0: every row has the
/// same length, so they never decide).
fn short_int_row<const N: usize>(k: &Value) -> [i64; N] {
    let mut out = [0; N];
    row_items(k, |xs| {
        for (o, x) in out.iter_mut().zip(xs) {
            if let Value::Int(v) = x {
                *o = *v;
            }
        }
    });
    out
}

/// True when every key is a list (or every key a tuple) whose items are ints or strs, the
/// same kind at the same position in every key: lexicographic order over them is then total
/// and decided without scripts (`pairs.sort()` over `[count, word]` rows).
fn rows_compare_simply(keys: &[Value]) -> bool {
    let mut kinds: Vec<bool> = Vec::new(); // per position: true for int, false for str
    let want_list = matches!(keys.first(), Some(Value::List(_)));
    keys.iter().all(|k| {
        if matches!(k, Value::List(_)) != want_list {
            return false;
        }
        row_items(k, |xs| {
            xs.iter().enumerate().all(|(i, x)| {
                let kind = match x {
                    Value::Int(_) => true,
                    Value::Str(_) => false,
                    _ => return false,
                };
                if i == kinds.len() {
                    kinds.push(kind);
                }
                kinds[i] == kind
            })
        })
        .unwrap_or(false)
    })
}

/// Runs `f` over the items of a list or tuple (`None` for any other value).
fn row_items<R>(v: &Value, f: impl FnOnce(&[Value]) -> R) -> Option<R> {
    match v {
        Value::List(l) => Some(f(&l.items.borrow())),
        Value::Tuple(t) => Some(f(&t.items)),
        _ => None,
    }
}

/// The items of a list or tuple sort key, borrowed for the length of a native sort.
enum Row<'a> {
    List(std::cell::Ref<'a, Vec<Value>>),
    Tuple(&'a [Value]),
}

impl<'a> Row<'a> {
    fn of(v: &'a Value) -> Row<'a> {
        match v {
            Value::List(l) => Row::List(l.items.borrow()),
            Value::Tuple(t) => Row::Tuple(&t.items),
            _ => Row::Tuple(&[]),
        }
    }

    fn items(&self) -> &[Value] {
        match self {
            Row::List(r) => r,
            Row::Tuple(t) => t,
        }
    }
}

/// Lexicographic order of two rows that [`rows_compare_simply`] accepted.
fn simple_seq_cmp(xs: &[Value], ys: &[Value]) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    for (x, y) in xs.iter().zip(ys) {
        let o = match (x, y) {
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            (Value::Str(a), Value::Str(b)) => a.as_str().cmp(b.as_str()),
            _ => Ordering::Equal,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    xs.len().cmp(&ys.len())
}

/// Runs shorter than this are sorted by insertion.
const INSERTION_SORT_MAX: usize = 12;

/// A stable merge sort driven by `b_before_a(a, b)` ("is b strictly less than a"), with one
/// scratch buffer for every merge.
fn merge_sort<T: Copy>(v: &mut [T], b_before_a: &mut dyn FnMut(&T, &T) -> bool) {
    let mut scratch = Vec::with_capacity(v.len() / 2 + 1);
    merge_sort_with(v, b_before_a, &mut scratch);
}

fn merge_sort_with<T: Copy>(v: &mut [T], b_before_a: &mut dyn FnMut(&T, &T) -> bool, scratch: &mut Vec<T>) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n <= INSERTION_SORT_MAX {
        for i in 1..n {
            let mut j = i;
            while j > 0 && b_before_a(&v[j - 1], &v[j]) {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort_with(&mut v[..mid], b_before_a, scratch);
    merge_sort_with(&mut v[mid..], b_before_a, scratch);
    // Already in order: nothing to merge (sorted and nearly sorted input).
    if !b_before_a(&v[mid - 1], &v[mid]) {
        return;
    }
    scratch.clear();
    scratch.extend_from_slice(&v[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < scratch.len() && j < n {
        if b_before_a(&scratch[i], &v[j]) {
            v[k] = v[j];
            j += 1;
        } else {
            v[k] = scratch[i];
            i += 1;
        }
        k += 1;
    }
    while i < scratch.len() {
        v[k] = scratch[i];
        i += 1;
        k += 1;
    }
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(vm.new_error("TypeError", &format!("sorted expected 1 argument, got {}", args.pos.len())));
    }
    vm.check_kwargs("sort", &["key", "reverse"], args.kw)?;
    let mut items = vm.collect(&args.pos[0])?;
    let reverse = sort_reverse(vm, &args)?;
    sort_values(vm, &mut items, args.kwarg("key"), reverse)?;
    Ok(Value::list(items))
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "ord", &args, 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) => {
            let mut chars = s.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(vm.new_error(
                    "TypeError",
                    &format!("ord() expected a character, but string of length {} found", s.char_len()),
                )),
            }
        }
        v => match vm.bytes_of(v) {
            Some(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
            Some(b) => Err(vm.new_error(
                "TypeError",
                &format!("ord() expected a character, but string of length {} found", b.len()),
            )),
            None => {
                let t = vm.type_name(v);
                Err(vm.new_error("TypeError", &format!("ord() expected string of length 1, but {t} found")))
            }
        },
    }
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "chr", &args, 1, 1)?;
    let i = vm.index_of(&args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None if (0..0x110000).contains(&i) => {
            Err(vm.new_error("ValueError", "surrogate code points are not supported"))
        }
        None => Err(vm.new_error("ValueError", "chr() arg not in range(0x110000)")),
    }
}

fn int_base(vm: &mut Vm, args: &Args, name: &str, base: u32) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let v = &args.pos[0];
    let b = match crate::vm::ops::big_of(v) {
        Some(b) => b,
        None => {
            let i = vm.index_of(v)?;
            BigInt::from(i)
        }
    };
    Ok(Value::string(text::number_parse::int_to_base_string(&b, base, true)))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_base(vm, &args, "hex", 16)
}

fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_base(vm, &args, "oct", 8)
}

fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_base(vm, &args, "bin", 2)
}

pub(crate) fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "round", &args, 1, 2)?;
    let x = &args.pos[0];
    let nd = opt_arg(&args, 1, "ndigits").filter(|v| !v.is_none()).cloned();
    match x {
        Value::Float(f) => match nd {
            None => text::round::round_to_int(*f).map(Value::from_bigint).map_err(|e| vm.text_error(e)),
            Some(n) => {
                let n = vm.index_of(&n)?;
                text::round::round_f64(*f, n).map(Value::Float).map_err(|e| vm.text_error(e))
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let b = crate::vm::ops::big_of(x).unwrap_or_default();
            let Some(n) = nd else { return Ok(Value::from_bigint(b)) };
            let n = vm.index_of(&n)?;
            if n >= 0 {
                return Ok(Value::from_bigint(b));
            }
            let p = num_traits::pow(BigInt::from(10), (-n).min(4000) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
            Ok(Value::from_bigint(q * p))
        }
        v => match vm.call_dunder(v, "__round__", nd.into_iter().collect())? {
            Some(r) => Ok(r),
            None => {
                let t = vm.type_name(v);
                Err(vm.new_error("TypeError", &format!("type {t} doesn't define __round__ method")))
            }
        },
    }
}

pub(crate) fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "divmod", &args, 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b) {
        if let (Some(x), Some(y)) = (float_of(a), float_of(b)) {
            let (q, r) = crate::text::round::float_divmod(x, y).map_err(|e| vm.text_error(e))?;
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    let is_int = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_));
    if is_int(a) && is_int(b) {
        let x = crate::vm::ops::big_of(a).unwrap_or_default();
        let y = crate::vm::ops::big_of(b).unwrap_or_default();
        if y.is_zero() {
            return Err(vm.new_error("ZeroDivisionError", "integer division or modulo by zero"));
        }
        let (q, r) = num_integer::Integer::div_mod_floor(&x, &y);
        return Ok(Value::tuple(vec![Value::from_bigint(q), Value::from_bigint(r)]));
    }
    if let Some(r) = vm.call_dunder(a, "__divmod__", vec![b.clone()])? {
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    // The reflected form, as for the binary operators: `divmod(2, x)` asks `x.__rdivmod__`
    // (not when both operands have the same type).
    if !Rc::ptr_eq(&vm.type_of(a), &vm.type_of(b)) {
        if let Some(r) = vm.call_dunder(b, "__rdivmod__", vec![a.clone()])? {
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.new_error("TypeError", &format!("unsupported operand type(s) for divmod(): '{ta}' and '{tb}'")))
}

fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => b.to_f64(),
        _ => None,
    }
}

pub(crate) fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "pow", &args, 2, 3)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    let Some(m) = args.pos.get(2).or(args.kwarg("mod")).filter(|m| !m.is_none()) else {
        return vm.binary_op(crate::compiler::bytecode::BinKind::Pow, a, b);
    };
    // Three-argument pow goes to the left operand's `__pow__(b, m)` only (never `__rpow__`).
    if let Value::Obj(o) = a {
        if o.class.is_heap {
            if let Some(f @ Value::Func(_)) = o.class.lookup("__pow__") {
                let r = vm.call(&f, vec![a.clone(), b.clone(), m.clone()])?;
                if !vm.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
    }
    let number = |v: &Value| matches!(v, Value::Float(_)) || crate::vm::ops::big_of(v).is_some();
    if !(number(a) && number(b) && number(m)) {
        let names = [vm.type_name(a), vm.type_name(b), vm.type_name(m)];
        let msg = format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            names[0], names[1], names[2]
        );
        return Err(vm.new_error("TypeError", &msg));
    }
    let (Some(x), Some(e), Some(m)) =
        (crate::vm::ops::big_of(a), crate::vm::ops::big_of(b), crate::vm::ops::big_of(m))
    else {
        return Err(
            vm.new_error("TypeError", "pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if m.is_zero() {
        return Err(vm.new_error("ValueError", "pow() 3rd argument cannot be 0"));
    }
    let base = if e.is_negative() {
        match mod_inverse(&x, &m) {
            Some(inv) => inv,
            None => return Err(vm.new_error("ValueError", "base is not invertible for the given modulus")),
        }
    } else {
        x
    };
    let r = base.modpow(&e.abs(), &m.abs());
    let r = if m.is_negative() && !r.is_zero() { r + &m } else { r };
    Ok(Value::from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let g = num_integer::Integer::extended_gcd(&num_integer::Integer::mod_floor(a, &m), &m);
    if g.gcd != BigInt::from(1) {
        return None;
    }
    Some(num_integer::Integer::mod_floor(&g.x, &m))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "format", &args, 1, 2)?;
    let spec = args.pos.get(1).cloned().unwrap_or_else(|| Value::str(""));
    if !matches!(spec, Value::Str(_)) {
        let t = vm.type_name(&spec);
        return Err(vm.new_error("TypeError", &format!("format() argument 2 must be str, not {t}")));
    }
    vm.format_with_spec(&args.pos[0], &spec)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn dunder_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__import__", &args, 1, 5)?;
    let name = super::str_arg(vm, &args.pos[0], "__import__() argument 1")?.to_string();
    let globals = match super::opt_arg(&args, 1, "globals").and_then(|g| vm.dict_of(g)) {
        Some(d) => d,
        None => match caller_namespaces(vm).0 {
            Value::Dict(d) => d,
            _ => Rc::new(crate::vm::object::Dict::default()),
        },
    };
    let fromlist = match super::opt_arg(&args, 3, "fromlist") {
        Some(f) if !f.is_none() => vm.truthy(f)?,
        _ => false,
    };
    let level = match super::opt_arg(&args, 4, "level") {
        Some(l) => vm.index_of(l)?.max(0) as usize,
        None => 0,
    };
    vm.import(&name, level, !fromlist, &globals)
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "vars", &args, 0, 1)?;
    if args.pos.is_empty() {
        return Ok(caller_namespaces(vm).1);
    }
    let n = vm.intern("__dict__");
    vm.get_attr(&args.pos[0], &n)
        .map_err(|_| vm.new_error("TypeError", "vars() argument must have __dict__ attribute"))
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dir", &args, 0, 1)?;
    let Some(v) = args.pos.first() else {
        let Value::Dict(d) = caller_namespaces(vm).1 else { return Ok(Value::list(vec![])) };
        let mut names: Vec<Value> = d.map.borrow().iter().map(|(k, _)| k.clone()).collect();
        super::functions::sort_values(vm, &mut names, None, false)?;
        return Ok(Value::list(names));
    };
    let names = vm.dir_names(v)?;
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "input", &args, 0, 1)?;
    if let Some(p) = args.pos.first() {
        let s = vm.str_of(p)?;
        let target = vm.std_target(false);
        vm.write_target(&target, false, &s)?;
        vm.flush_target(&target, false)?;
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::string(line))
        }
        Err(e) => Err(vm.new_error("OSError", &e.to_string())),
    }
}

/// The caller's namespaces (`__main__`'s when called from native code).
fn caller_namespaces(vm: &mut Vm) -> (Value, Value) {
    if let Some(c) = &vm.caller {
        return (Value::Dict(c.globals.clone()), Value::Dict(c.locals.clone()));
    }
    let g = match vm.module_get("__main__").and_then(|m| vm.module_dict(&m)) {
        Some(d) => Value::Dict(d),
        None => vm.new_dict(),
    };
    (g.clone(), g)
}

fn globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "globals", &args, 0, 0)?;
    Ok(caller_namespaces(vm).0)
}

fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "locals", &args, 0, 0)?;
    Ok(caller_namespaces(vm).1)
}

/// Whether `v` is an async generator or its class defines `dunder` (`__aiter__`/`__anext__`).
fn has_async_dunder(v: &Value, dunder: &str) -> bool {
    match v {
        Value::Obj(o) => {
            matches!(&o.payload, Payload::Generator(g) if g.kind == crate::compiler::bytecode::CodeKind::AsyncGenerator)
                || o.class.lookup(dunder).is_some()
        }
        _ => false,
    }
}

fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "aiter", &args, 1, 1)?;
    let v = &args.pos[0];
    if !has_async_dunder(v, "__aiter__") {
        let t = vm.type_name(v);
        return Err(vm.new_error("TypeError", &format!("'{t}' object is not an async iterable")));
    }
    vm.get_aiter(v)
}

fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "anext", &args, 1, 2)?;
    let it = &args.pos[0];
    if !has_async_dunder(it, "__anext__") {
        let t = vm.type_name(it);
        return Err(vm.new_error("TypeError", &format!("'{t}' object is not an async iterator")));
    }
    let awaitable = vm.get_anext(it, false)?;
    match args.pos.get(1) {
        Some(default) => Ok(vm.anext_default(awaitable, default.clone())),
        None => Ok(awaitable),
    }
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(vm, "exit", &args)?;
    let cls = vm.exc_class("SystemExit");
    Err(vm.new_exception(&cls, args.pos.to_vec()))
}

/// Keeps `str_arg` referenced for modules that use it through this file.
pub fn _str_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    str_arg(vm, v, "argument").map(str::to_string)
}
