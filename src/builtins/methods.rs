//! Methods of the builtin container, object, exception and generator types.

use std::rc::Rc;

use super::functions::{sort_reverse, sort_values};
use super::{arity, method, method_arity, no_kwargs, opt_arg, quick_method};
use crate::vm::frame::Incoming;
use crate::vm::object::{Args, AsyncGenOpKind, Object, Payload, Quick};
use crate::vm::{PyResult, Value, Vm};

pub(super) fn install(vm: &mut Vm) {
    let t = &vm.types;
    let (list, dict, set, frozenset, tuple, object) = (
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.tuple.clone(),
        t.object.clone(),
    );
    let base_exc = vm.exc_class("BaseException");
    let (generator, coroutine, agen) = (t.generator.clone(), t.coroutine.clone(), t.async_generator.clone());
    let dict_keys = t.dict_keys.clone();
    for (name, f) in [
        ("append", list_append as crate::vm::object::NativeFn),
        ("extend", list_extend),
        ("pop", list_pop),
        ("insert", list_insert),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("clear", list_clear),
        ("copy", list_copy),
        ("__init__", list_init),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__setitem__", seq_setitem),
        ("__delitem__", seq_delitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__repr__", builtin_repr),
        ("__eq__", builtin_eq),
    ] {
        method(vm, &list, name, f);
    }
    // Replaced in place (the namespace keeps its order): marked for `CallMethod`.
    quick_method(vm, &list, "append", list_append, Quick::ListAppend);
    for (name, f) in [
        ("get", dict_get as crate::vm::object::NativeFn),
        ("keys", dict_keys_m),
        ("values", dict_values),
        ("items", dict_items),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("clear", dict_clear),
        ("copy", dict_copy),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__setitem__", seq_setitem),
        ("__delitem__", seq_delitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__init__", dict_init),
        ("__repr__", builtin_repr),
        ("__eq__", builtin_eq),
    ] {
        method(vm, &dict, name, f);
    }
    quick_method(vm, &dict, "get", dict_get, Quick::DictGet);
    super::class_fn(vm, &dict, "fromkeys", dict_fromkeys);
    for (name, f) in [
        ("add", set_add as crate::vm::object::NativeFn),
        ("discard", set_discard),
        ("remove", set_remove),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symdiff),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("copy", set_copy),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("__init__", set_init),
        ("__len__", seq_len),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
    ] {
        method(vm, &set, name, f);
        if !matches!(
            name,
            "add"
                | "discard"
                | "remove"
                | "pop"
                | "clear"
                | "update"
                | "intersection_update"
                | "difference_update"
                | "__init__"
        ) {
            method(vm, &frozenset, name, f);
        }
    }
    for (name, f) in [
        ("index", list_index as crate::vm::object::NativeFn),
        ("count", list_count),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__repr__", builtin_repr),
        ("__eq__", builtin_eq),
    ] {
        method(vm, &tuple, name, f);
    }
    for (name, f) in [
        ("__init__", object_init as crate::vm::object::NativeFn),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__setattr__", object_setattr),
        ("__getattribute__", object_getattribute),
        ("__delattr__", object_delattr),
        ("__format__", object_format),
    ] {
        method(vm, &object, name, f);
    }
    // An implicit classmethod, as in CPython.
    let init_subclass = super::native(vm, "__init_subclass__", object_init_subclass);
    let wrapped = Value::Obj(Object::new(vm.types.classmethod.clone(), Payload::ClassMethod(init_subclass)));
    object.set_attr("__init_subclass__", wrapped);
    for (name, f) in [
        ("__init__", exc_init as crate::vm::object::NativeFn),
        ("with_traceback", exc_with_traceback),
        ("add_note", exc_add_note),
        ("__str__", exc_str),
        ("__repr__", exc_repr),
    ] {
        method(vm, &base_exc, name, f);
    }
    let beg = vm.exc_class("BaseExceptionGroup");
    super::static_fn(vm, &beg, "__new__", exc_group_new);
    method(vm, &beg, "__init__", exc_group_init);
    method(vm, &beg, "split", exc_group_split);
    method(vm, &beg, "subgroup", exc_group_subgroup);
    method(vm, &beg, "derive", exc_group_derive);
    method(vm, &beg, "__str__", exc_group_str);
    for (name, f) in [
        ("send", gen_send as crate::vm::object::NativeFn),
        ("throw", gen_throw),
        ("close", gen_close),
        ("__next__", gen_next),
        ("__iter__", gen_iter),
    ] {
        method(vm, &generator, name, f);
    }
    for (name, f) in [
        ("send", gen_send as crate::vm::object::NativeFn),
        ("throw", gen_throw),
        ("close", gen_close),
        ("__await__", coro_await),
    ] {
        method(vm, &coroutine, name, f);
    }
    let wrapper = vm.types.coroutine_wrapper.clone();
    for (name, f) in [
        ("send", wrapper_send as crate::vm::object::NativeFn),
        ("throw", wrapper_throw),
        ("close", wrapper_close),
        ("__next__", wrapper_next),
        ("__iter__", gen_iter),
    ] {
        method(vm, &wrapper, name, f);
    }
    for (name, f) in [
        ("asend", agen_asend as crate::vm::object::NativeFn),
        ("athrow", agen_athrow),
        ("aclose", agen_aclose),
        ("__anext__", agen_anext),
        ("__aiter__", gen_iter),
    ] {
        method(vm, &agen, name, f);
    }
    for cls in
        [vm.types.async_gen_op.clone(), vm.types.async_gen_athrow.clone(), vm.types.anext_awaitable.clone()]
    {
        for (name, f) in [
            ("send", agen_op_send as crate::vm::object::NativeFn),
            ("throw", agen_op_throw),
            ("close", agen_op_close),
            ("__next__", agen_op_next),
            ("__iter__", gen_iter),
            ("__await__", gen_iter),
        ] {
            method(vm, &cls, name, f);
        }
    }
    let iterator = vm.types.iterator.clone();
    method(vm, &iterator, "__next__", iter_next_m);
    method(vm, &iterator, "__iter__", gen_iter);
    let mut iter_types = vec![
        vm.types.enumerate.clone(),
        vm.types.zip.clone(),
        vm.types.map.clone(),
        vm.types.filter.clone(),
        vm.types.reversed.clone(),
    ];
    iter_types.extend(vm.types.iterators.values().cloned());
    for cls in iter_types {
        method(vm, &cls, "__next__", iter_next_m);
        method(vm, &cls, "__iter__", gen_iter);
    }
    let views = [dict_keys, vm.types.dict_values.clone(), vm.types.dict_items.clone()];
    for cls in &views {
        method(vm, cls, "__len__", seq_len);
        method(vm, cls, "__iter__", seq_iter);
        method(vm, cls, "__contains__", seq_contains);
    }
    for cls in [&views[0], &views[2]] {
        method(vm, cls, "isdisjoint", view_isdisjoint);
    }
}

fn this_list(vm: &mut Vm, args: &Args) -> PyResult<Rc<crate::vm::object::List>> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        Some(Value::Obj(o)) => match &o.payload {
            Payload::ListData(l) => Ok(l.clone()),
            _ => Err(vm.new_error("TypeError", "descriptor requires a 'list' object")),
        },
        _ => Err(vm.new_error("TypeError", "descriptor requires a 'list' object")),
    }
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.append", &Args::new(&args.pos[1..]), 1, 1).map_err(|_| {
        vm.new_error(
            "TypeError",
            &format!("list.append() takes exactly one argument ({} given)", args.pos.len() - 1),
        )
    })?;
    let l = this_list(vm, &args)?;
    vm.gc_note_store(&l, &args.pos[1]);
    l.items.borrow_mut().push(args.pos[1].clone());
    vm.mem_track_value(&args.pos[0])?;
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    let src = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.list_extend(&Value::List(l), &src)?;
    Ok(Value::None)
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    let items = match args.pos.get(1) {
        Some(v) => vm.collect(v)?,
        None => vec![],
    };
    vm.gc_note_stores(&l, &items);
    *l.items.borrow_mut() = items;
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    let len = l.items.borrow().len();
    if len == 0 {
        return Err(vm.new_error("IndexError", "pop from empty list"));
    }
    let i = match args.pos.get(1) {
        Some(v) => vm.seq_index(v, len, "pop index out of range")?,
        None => len - 1,
    };
    let v = l.items.borrow_mut().remove(i);
    Ok(v)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    arity(vm, "insert", &Args::new(&args.pos[1..]), 2, 2)?;
    let len = l.items.borrow().len() as i64;
    let mut i = vm.index_of(&args.pos[1])?;
    if i < 0 {
        i = (i + len).max(0);
    }
    let i = i.min(len) as usize;
    vm.gc_note_store(&l, &args.pos[2]);
    l.items.borrow_mut().insert(i, args.pos[2].clone());
    vm.mem_track_value(&args.pos[0])?;
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "list.remove", &args, 1, 1)?;
    let l = this_list(vm, &args)?;
    let items = l.items.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &args.pos[1])? {
            l.items.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.new_error("ValueError", "list.remove(x): x not in list"))
}

fn seq_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.items.borrow().clone()),
        Value::Tuple(t) => Ok(t.items.to_vec()),
        other => vm.collect(other),
    }
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "index", &args, 1, 3)?;
    let items = seq_items(vm, &args.pos[0])?;
    let len = items.len() as i64;
    let norm = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            Some(v) => {
                let i = vm.index_of(v)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
            None => Ok(d),
        }
    };
    let start = norm(vm, args.pos.get(2), 0)?;
    let stop = norm(vm, args.pos.get(3), len)?;
    for i in start..stop {
        if vm.eq(&items[i as usize], &args.pos[1])? {
            return Ok(Value::Int(i));
        }
    }
    let what = if matches!(args.pos[0], Value::Tuple(_)) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        format!("{} is not in list", vm.repr(&args.pos[1])?)
    };
    Err(vm.new_error("ValueError", &what))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let owner = if matches!(args.pos[0], Value::Tuple(_)) { "tuple.count" } else { "list.count" };
    method_arity(vm, owner, &args, 1, 1)?;
    let items = seq_items(vm, &args.pos[0])?;
    let mut n = 0;
    for x in &items {
        if vm.eq(x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    if args.pos.len() > 1 {
        return Err(vm.new_error("TypeError", "sort() takes no positional arguments"));
    }
    vm.check_kwargs("sort", &["key", "reverse"], args.kw)?;
    let reverse = sort_reverse(vm, &args)?;
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let r = sort_values(vm, &mut items, args.kwarg("key"), reverse);
    let modified = !l.items.borrow().is_empty();
    *l.items.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.new_error("ValueError", "list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(vm, &args)?.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let old = std::mem::take(&mut *this_list(vm, &args)?.items.borrow_mut());
    crate::vm::drop::release_vec(old);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::list(this_list(vm, &args)?.items.borrow().clone()))
}

pub(super) fn seq_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(super::functions::length(vm, &args.pos[0])? as i64))
}

/// `list.__repr__(x)` and friends: the builtin repr of the value a subclass instance wraps
/// (so `dict.__repr__(self)` works inside a subclass's own `__repr__`).
fn builtin_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = underlying(args.pos.first().unwrap_or(&Value::None));
    Ok(Value::string(vm.repr(&v)?))
}

fn underlying(v: &Value) -> Value {
    match v.payload() {
        Some(Payload::ListData(l)) => Value::List(l.clone()),
        Some(Payload::DictData(d)) => Value::Dict(d.clone()),
        Some(Payload::Boxed(b)) => b.clone(),
        _ => v.clone(),
    }
}

pub(super) fn seq_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__getitem__", &args, 1, 1)?;
    let base = underlying(&args.pos[0]);
    vm.get_item(&base, &args.pos[1])
}

pub(super) fn seq_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__setitem__", &args, 2, 2)?;
    let base = underlying(&args.pos[0]);
    vm.set_item(&base, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn seq_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__delitem__", &args, 2, 2)?;
    let base = underlying(&args.pos[0]);
    vm.del_item(&base, &args.pos[1])?;
    Ok(Value::None)
}

/// `list.__eq__(a, b)` and friends: builtin equality of the wrapped values.
fn builtin_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__eq__", &args, 2, 2)?;
    let (a, b) = (underlying(&args.pos[0]), underlying(&args.pos[1]));
    let same_kind = matches!(
        (&a, &b),
        (Value::List(_), Value::List(_))
            | (Value::Dict(_), Value::Dict(_))
            | (Value::Tuple(_), Value::Tuple(_))
    );
    if !same_kind {
        return Ok(vm.not_implemented());
    }
    Ok(Value::Bool(vm.eq(&a, &b)?))
}

pub(super) fn seq_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__contains__", &args, 1, 1)?;
    let base = underlying(&args.pos[0]);
    Ok(Value::Bool(vm.contains_native(&base, &args.pos[1])?))
}

pub(super) fn seq_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let base = underlying(&args.pos[0]);
    vm.get_iter(&base)
}

fn this_dict(vm: &mut Vm, args: &Args) -> PyResult<Rc<crate::vm::object::Dict>> {
    match args.pos.first().and_then(|v| vm.dict_of(v)) {
        Some(d) => Ok(d),
        None => Err(vm.new_error("TypeError", "descriptor requires a 'dict' object")),
    }
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args)?;
    arity(vm, "get", &Args::new(&args.pos[1..]), 1, 2)?;
    Ok(vm.dict_get(&d, &args.pos[1])?.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_view(vm: &mut Vm, args: &Args, kind: u8) -> PyResult<Value> {
    let d = this_dict(vm, args)?;
    let cls = match kind {
        0 => vm.types.dict_keys.clone(),
        1 => vm.types.dict_values.clone(),
        _ => vm.types.dict_items.clone(),
    };
    Ok(Value::Obj(Object::new(cls, Payload::DictView(kind, d))))
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "isdisjoint", &args, 1, 1)?;
    for item in vm.collect(&args.pos[1])? {
        if vm.contains(&args.pos[0], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn dict_keys_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, &args, 0)
}

fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, &args, 1)
}

fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_view(vm, &args, 2)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args)?;
    arity(vm, "pop", &Args::new(&args.pos[1..]), 1, 2)?;
    match vm.dict_remove(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(def) => Ok(def.clone()),
            None => Err(vm.key_error(args.pos[1].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args)?;
    let last = d.map.borrow().last_index();
    match last {
        Some(i) => {
            let (k, v) = d.map.borrow_mut().remove_at(i);
            Ok(Value::tuple(vec![k, v]))
        }
        None => Err(vm.new_error("KeyError", "popitem(): dictionary is empty")),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "setdefault", &args, 1, 2)?;
    let d = this_dict(vm, &args)?;
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    match vm.dict_get(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => {
            vm.dict_set(&d, args.pos[1].clone(), default.clone())?;
            Ok(default)
        }
    }
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args)?;
    if let Some(src) = args.pos.get(1) {
        super::constructors::dict_fill(vm, &Value::Dict(d.clone()), src)?;
    }
    for (k, v) in args.kw {
        vm.dict_set(&d, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    dict_update(vm, args)
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_dict(vm, &args)?.map.borrow_mut().clear();
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args)?;
    let n = vm.new_dict();
    if let Value::Dict(nd) = &n {
        *nd.map.borrow_mut() = d.map.borrow().clone();
    }
    Ok(n)
}

fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = super::class_and_rest(&args);
    let rest = Args { pos: rest, kw: args.kw };
    super::arity(vm, "fromkeys", &rest, 1, 2)?;
    // A subclass is instantiated with no arguments and filled through its item assignment.
    let d = match cls {
        Some(c) if !Rc::ptr_eq(&c, &vm.types.dict) => vm.call(&Value::Class(c), vec![])?,
        _ => vm.new_dict(),
    };
    let value = rest.pos.get(1).cloned().unwrap_or(Value::None);
    for k in vm.collect(&rest.pos[0])? {
        vm.set_item(&d, k, value.clone())?;
    }
    Ok(d)
}

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "set.add", &args, 1, 1)?;
    vm.set_add(&args.pos[0], args.pos[1].clone())?;
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "set.discard", &args, 1, 1)?;
    vm.set_discard(&args.pos[0], &args.pos[1])?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "set.remove", &args, 1, 1)?;
    if !vm.set_discard(&args.pos[0], &args.pos[1])? {
        return Err(vm.key_error(args.pos[1].clone()));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Payload::Set(s)) = args.pos[0].payload() {
        if let Some(v) = s.borrow_mut().pop() {
            return Ok(v);
        }
    }
    Err(vm.key_error(Value::str("pop from an empty set")))
}

fn set_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Payload::Set(s)) = args.pos[0].payload() {
        s.borrow_mut().clear();
    }
    Ok(Value::None)
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "set", &args, 0, 1)?;
    set_clear(vm, Args::new(&args.pos[..1]))?;
    set_update(vm, args)
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for other in &args.pos[1..] {
        vm.set_update(&args.pos[0], other)?;
    }
    Ok(Value::None)
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if vm.set_table_of(v).is_some() {
        return Ok(v.clone());
    }
    let s = vm.new_set(vec![])?;
    vm.set_update(&s, v)?;
    Ok(s)
}

fn set_fold(vm: &mut Vm, args: &Args, op: crate::compiler::bytecode::BinKind) -> PyResult<Value> {
    let mut acc = vm.set_copy_like(&args.pos[0], &args.pos[0])?;
    for other in &args.pos[1..] {
        let o = as_set(vm, other)?;
        acc = vm.set_binop(op, &acc, &o)?.unwrap_or(acc);
    }
    Ok(acc)
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_fold(vm, &args, crate::compiler::bytecode::BinKind::Or)
}

fn set_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_fold(vm, &args, crate::compiler::bytecode::BinKind::And)
}

fn set_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_fold(vm, &args, crate::compiler::bytecode::BinKind::Sub)
}

fn set_symdiff(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_fold(vm, &args, crate::compiler::bytecode::BinKind::Xor)
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = set_fold(vm, &args, crate::compiler::bytecode::BinKind::And)?;
    if let (Some(Payload::Set(dst)), Some(t)) = (args.pos[0].payload(), vm.set_table_of(&r)) {
        *dst.borrow_mut() = t;
    }
    Ok(Value::None)
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for other in &args.pos[1..] {
        for item in vm.collect(other)? {
            vm.set_discard(&args.pos[0], &item)?;
        }
    }
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "issubset", &args, 1, 1)?;
    let o = as_set(vm, &args.pos[1])?;
    Ok(Value::Bool(vm.set_issubset(&args.pos[0], &o)?))
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "issuperset", &args, 1, 1)?;
    let o = as_set(vm, &args.pos[1])?;
    Ok(Value::Bool(vm.set_issubset(&o, &args.pos[0])?))
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "set.isdisjoint", &args, 1, 1)?;
    for item in vm.collect(&args.pos[1])? {
        if vm.set_contains(&args.pos[0], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.set_copy_like(&args.pos[0], &args.pos[0])
}

fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = &args.pos[0];
    let cls = vm.type_of(v);
    let module = match cls.lookup("__module__") {
        Some(Value::Str(m)) if cls.is_heap => format!("{}.", m.as_str()),
        _ => String::new(),
    };
    Ok(Value::string(format!("<{module}{} object at {:#x}>", cls.qualname.borrow(), v.id())))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(vm.repr(&args.pos[0])?))
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__eq__", &args, 1, 1)?;
    if args.pos[0].is(&args.pos[1]) {
        return Ok(Value::Bool(true));
    }
    Ok(vm.not_implemented())
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__ne__", &args, 1, 1)?;
    let r = vm.compare_op(crate::compiler::bytecode::CmpKind::Eq, &args.pos[0], &args.pos[1])?;
    Ok(Value::Bool(!vm.truthy(&r)?))
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int((args.pos[0].id() >> 4) as i64))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__setattr__", &args, 2, 2)?;
    match &args.pos[0] {
        Value::Obj(o) if !matches!(o.payload, Payload::Module(_)) => {
            let n = super::str_arg(vm, &args.pos[1], "attribute name")?.to_string();
            vm.generic_setattr(&args.pos[0].clone(), &o.clone(), &n, args.pos[2].clone())?;
        }
        Value::Class(c) => {
            let n = super::str_arg(vm, &args.pos[1], "attribute name")?.to_string();
            vm.class_setattr(&c.clone(), &n, args.pos[2].clone())?;
        }
        other => vm.set_attr(other, &args.pos[1], args.pos[2].clone())?,
    }
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__getattribute__", &args, 1, 1)?;
    let n = super::str_arg(vm, &args.pos[1], "attribute name")?.to_string();
    match &args.pos[0] {
        Value::Obj(o) if !matches!(o.payload, Payload::Module(_) | Payload::Super(..)) => {
            vm.generic_getattr(&args.pos[0].clone(), &o.clone(), &n)
        }
        other => vm.get_attr(other, &args.pos[1]),
    }
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__delattr__", &args, 1, 1)?;
    let n = super::str_arg(vm, &args.pos[1], "attribute name")?.to_string();
    match &args.pos[0] {
        Value::Obj(o) => vm.generic_delattr(&args.pos[0].clone(), &o.clone(), &n)?,
        Value::Class(c) => vm.class_delattr(&c.clone(), &n)?,
        other => vm.del_attr(other, &args.pos[1])?,
    }
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // `int.__format__`, `float.__format__`, `complex.__format__` (called as `(5).__format__`
    // or through `super()` from a subclass's `__format__`) live here: format the value.
    let number = match args.pos.first() {
        Some(Value::Obj(o)) => match &o.payload {
            // An empty spec is `str(self)`, which honours a subclass's `__str__` (below).
            Payload::Boxed(inner)
                if !matches!(inner, Value::Str(_)) && args.pos.get(1).and_then(Value::as_str) != Some("") =>
            {
                Some(inner.clone())
            }
            Payload::Complex(..) => Some(args.pos[0].clone()),
            _ => None,
        },
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_))) => Some(v.clone()),
        _ => None,
    };
    if let (Some(v), Some(spec)) = (number, args.pos.get(1)) {
        return vm.format_with_spec(&v, spec);
    }
    let spec = args.pos.get(1).and_then(|s| s.as_str()).unwrap_or("");
    if !spec.is_empty() {
        let t = vm.type_name(&args.pos[0]);
        return Err(vm.new_error("TypeError", &format!("unsupported format string passed to {t}.__format__")));
    }
    Ok(Value::string(vm.str_of(&args.pos[0])?))
}

/// `object.__init_subclass__(cls)`: accepts no keyword arguments.
fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        let name = match args.pos.first() {
            Some(Value::Class(c)) => c.name(),
            _ => "object".into(),
        };
        return Err(
            vm.new_error("TypeError", &format!("{name}.__init_subclass__() takes no keyword arguments"))
        );
    }
    Ok(Value::None)
}

fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(vm, "BaseException.__init__", &args)?;
    if let Value::Obj(o) = &args.pos[0] {
        if let Some(e) = o.exc() {
            *e.args.borrow_mut() = Value::tuple(args.pos[1..].to_vec());
        }
    }
    Ok(Value::None)
}

fn exc_with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "with_traceback", &args, 1, 1)?;
    if let (Some(Payload::Exception(d)), Value::None) = (args.pos[0].payload(), &args.pos[1]) {
        d.traceback.borrow_mut().clear();
    }
    Ok(args.pos[0].clone())
}

fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "add_note", &args, 1, 1)?;
    if !matches!(args.pos[1], Value::Str(_)) {
        let t = vm.type_name(&args.pos[1]);
        return Err(vm.new_error("TypeError", &format!("note must be a str, not '{t}'")));
    }
    if let Value::Obj(o) = &args.pos[0] {
        let notes = o.get_attr("__notes__").unwrap_or_else(|| Value::list(vec![]));
        vm.list_extend(&notes, &Value::list(vec![args.pos[1].clone()]))?;
        o.set_attr("__notes__", notes);
    }
    Ok(Value::None)
}

fn exc_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match &args.pos[0] {
        Value::Obj(o) => Ok(Value::string(vm.exc_str_default(&o.clone())?)),
        _ => Ok(Value::str("")),
    }
}

fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Obj(o) = &args.pos[0] else { return Ok(Value::str("")) };
    let items = vm.exc_args(o);
    let name = o.class.name();
    let inner: Vec<String> = items.iter().map(|v| vm.repr(v)).collect::<PyResult<_>>()?;
    Ok(Value::string(format!("{name}({})", inner.join(", "))))
}

fn exc_group_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Class(cls)), Some(msg), Some(excs)) =
        (args.pos.first(), args.pos.get(1), args.pos.get(2))
    else {
        return Err(vm.new_error("TypeError", "BaseExceptionGroup.__new__() takes exactly 2 arguments"));
    };
    if !matches!(msg, Value::Str(_)) {
        let t = vm.type_name(msg);
        return Err(vm.new_error("TypeError", &format!("argument 1 must be str, not {t}")));
    }
    if !matches!(excs, Value::List(_) | Value::Tuple(_))
        && vm.dict_of(excs).is_none()
        && !vm.is_iterable(excs)
    {
        return Err(vm.new_error("TypeError", "second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect(excs)?;
    if items.is_empty() {
        return Err(vm.new_error("ValueError", "second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exc = true;
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Obj(o) if o.exc().is_some() => {
                if !o.class.is_subclass(&vm.exc_class("Exception")) {
                    all_exc = false;
                }
            }
            _ => {
                return Err(vm.new_error(
                    "ValueError",
                    &format!("Item {i} of second argument (exceptions) is not an exception"),
                ));
            }
        }
    }
    let mut cls = cls.clone();
    if Rc::ptr_eq(&cls, &vm.exc_class("BaseExceptionGroup")) && all_exc {
        cls = vm.exc_class("ExceptionGroup");
    } else if !all_exc && cls.is_subclass(&vm.exc_class("Exception")) {
        return Err(vm.new_error("TypeError", "Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    let e = vm.new_exception(&cls, vec![msg.clone(), excs.clone()]);
    e.set_attr("message", msg.clone());
    e.set_attr("exceptions", Value::tuple(items));
    Ok(Value::Obj(e))
}

fn exc_group_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn exc_group_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Obj(o) = &args.pos[0] else { return Ok(Value::str("")) };
    Ok(Value::string(vm.exc_str_default(o)?))
}

fn exc_group_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "split", &args, 1, 1)?;
    let (m, r) = vm.exception_group_split(&args.pos[0], &args.pos[1])?;
    Ok(Value::tuple(vec![m, r]))
}

fn exc_group_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "subgroup", &args, 1, 1)?;
    let (m, _) = vm.exception_group_split(&args.pos[0], &args.pos[1])?;
    Ok(m)
}

fn exc_group_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "derive", &args, 1, 1)?;
    let Value::Obj(o) = &args.pos[0] else { return Ok(Value::None) };
    let items = vm.collect(&args.pos[1])?;
    Ok(Value::Obj(vm.derive_group(o, items)))
}

fn this_gen(vm: &mut Vm, args: &Args) -> PyResult<Rc<Object>> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Generator(_)) => Ok(o.clone()),
        _ => Err(vm.new_error("TypeError", "descriptor requires a generator")),
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    arity(vm, "send", &Args::new(&args.pos[1..]), 1, 1)?;
    let v = args.pos[1].clone();
    if let Payload::Generator(gen) = &g.payload {
        let fresh = matches!(&*gen.state.borrow(), crate::vm::object::GenState::Suspended(f) if !f.suspended);
        if fresh && !v.is_none() {
            let what = if gen.kind == crate::compiler::bytecode::CodeKind::Coroutine {
                "coroutine"
            } else {
                "generator"
            };
            return Err(
                vm.new_error("TypeError", &format!("can't send non-None value to a just-started {what}"))
            );
        }
    }
    vm.gen_send(&g, Incoming::Send(v))
}

/// Builds the exception for `throw(type[, value])`.
pub fn throw_exc(vm: &mut Vm, args: &[Value]) -> PyResult<Rc<Object>> {
    match args {
        [Value::Obj(o), ..] if o.exc().is_some() => Ok(o.clone()),
        [Value::Class(c)] => vm.instantiate_exception(c, vec![]),
        [Value::Class(c), v, ..] => match v {
            Value::Obj(o) if o.exc().is_some() => Ok(o.clone()),
            Value::None => vm.instantiate_exception(c, vec![]),
            other => vm.instantiate_exception(c, vec![other.clone()]),
        },
        _ => Err(vm.new_error(
            "TypeError",
            "exceptions must be classes or instances deriving from BaseException, not str",
        )),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let e = throw_exc(vm, &args.pos[1..])?;
    vm.gen_send(&g, Incoming::Throw(e))
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    vm.gen_close(&g)
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.next_raising(&args.pos[0])
}

fn iter_next_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    gen_next(vm, args)
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos[0].clone())
}

fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let v = opt_arg(&args, 1, "value").cloned().unwrap_or(Value::None);
    Ok(vm.async_gen_op(&g, AsyncGenOpKind::Send(v)))
}

fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    let e = throw_exc(vm, &args.pos[1..])?;
    Ok(vm.async_gen_op(&g, AsyncGenOpKind::Throw(e)))
}

fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    Ok(vm.async_gen_op(&g, AsyncGenOpKind::Close))
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    Ok(vm.async_gen_op(&g, AsyncGenOpKind::Next))
}

fn agen_op_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "send", &Args::new(&args.pos[1..]), 1, 1)?;
    let incoming = if args.pos[1].is_none() { Incoming::Start } else { Incoming::Send(args.pos[1].clone()) };
    vm.async_op_send(&args.pos[0], incoming)
}

fn agen_op_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = throw_exc(vm, &args.pos[1..])?;
    vm.async_op_send(&args.pos[0], Incoming::Throw(e))
}

fn agen_op_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.async_op_close(&args.pos[0]);
    Ok(Value::None)
}

fn agen_op_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.async_op_send(&args.pos[0], Incoming::Start)
}

fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this_gen(vm, &args)?;
    Ok(vm.coroutine_await(&g))
}

fn wrapped(vm: &mut Vm, args: &Args) -> PyResult<Rc<Object>> {
    match args.pos.first().and_then(crate::vm::coro::wrapped_coroutine) {
        Some(c) => Ok(c),
        None => Err(vm.new_error("TypeError", "descriptor requires a 'coroutine_wrapper' object")),
    }
}

fn wrapper_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = wrapped(vm, &args)?;
    let mut pos = vec![Value::Obj(c)];
    pos.extend_from_slice(&args.pos[1..]);
    gen_send(vm, Args::new(&pos))
}

fn wrapper_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = wrapped(vm, &args)?;
    let e = throw_exc(vm, &args.pos[1..])?;
    vm.gen_send(&c, Incoming::Throw(e))
}

fn wrapper_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = wrapped(vm, &args)?;
    vm.gen_close(&c)
}

fn wrapper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = wrapped(vm, &args)?;
    vm.gen_send(&c, Incoming::Start)
}
