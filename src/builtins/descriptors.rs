//! Methods of the descriptor and namespace types: `property` (`getter`/`setter`/`deleter`,
//! `__get__`/`__set__`/`__delete__`), `staticmethod`/`classmethod` (`__get__`, calling a
//! staticmethod), bound-method equality, `type.mro()`, and the read-only `mappingproxy`
//! returned by `Cls.__dict__`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::object::{Args, Dict, Object, Payload, PropertyData};
use crate::vm::{PyResult, Value, Vm};

use super::{arity, method};

pub(super) fn install(vm: &mut Vm) {
    let property = vm.types.property.clone();
    for (name, f) in [
        ("getter", property_getter as crate::vm::object::NativeFn),
        ("setter", property_setter),
        ("deleter", property_deleter),
        ("__get__", property_get),
        ("__set__", property_set),
        ("__delete__", property_delete),
        ("__set_name__", property_set_name),
    ] {
        method(vm, &property, name, f);
    }
    for cls in [vm.types.staticmethod.clone(), vm.types.classmethod.clone()] {
        method(vm, &cls, "__get__", wrapper_get);
    }
    let sm = vm.types.staticmethod.clone();
    method(vm, &sm, "__call__", staticmethod_call);
    let bound = vm.types.method.clone();
    method(vm, &bound, "__eq__", method_eq);
    method(vm, &bound, "__hash__", method_hash);
    let type_ = vm.types.type_.clone();
    method(vm, &type_, "mro", type_mro);
    let proxy = vm.types.mappingproxy.clone();
    for (name, f) in [
        ("keys", proxy_keys as crate::vm::object::NativeFn),
        ("values", proxy_values),
        ("items", proxy_items),
        ("get", proxy_get),
        ("copy", proxy_copy),
        ("__getitem__", proxy_getitem),
        ("__len__", proxy_len),
        ("__iter__", proxy_iter),
        ("__contains__", proxy_contains),
    ] {
        method(vm, &proxy, name, f);
    }
}

/// The parts of a property receiver (fget, fset, fdel, doc, name), and the object.
fn this_property(vm: &mut Vm, args: &Args) -> PyResult<(Rc<Object>, [Value; 5])> {
    match args.pos.first() {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Property(p) => Ok((
                o.clone(),
                [p.fget.clone(), p.fset.clone(), p.fdel.clone(), p.doc.clone(), p.name.borrow().clone()],
            )),
            _ => Err(vm.new_error("TypeError", "descriptor requires a 'property' object")),
        },
        _ => Err(vm.new_error("TypeError", "descriptor requires a 'property' object")),
    }
}

/// A copy of the property with part `which` (0 fget, 1 fset, 2 fdel) replaced.
fn property_with(vm: &mut Vm, args: Args, which: usize) -> PyResult<Value> {
    arity(vm, "property", &args, 2, 2)?;
    let (o, mut parts) = this_property(vm, &args)?;
    parts[which] = args.pos[1].clone();
    let [fget, fset, fdel, doc, name] = parts;
    let payload = Payload::Property(PropertyData { fget, fset, fdel, doc, name: RefCell::new(name) });
    Ok(Value::Obj(if o.dict.is_some() {
        Object::with_dict(o.class.clone(), payload)
    } else {
        Object::new(o.class.clone(), payload)
    }))
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__get__", &args, 2, 3)?;
    if args.pos[1].is_none() {
        return Ok(args.pos[0].clone());
    }
    let cls = vm.type_of(&args.pos[1]);
    vm.descr_get(args.pos[0].clone(), &args.pos[1], &cls)
}

fn property_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__set__", &args, 3, 3)?;
    let (_, [_, fset, ..]) = this_property(vm, &args)?;
    if fset.is_none() {
        return Err(vm.new_error("AttributeError", "property has no setter"));
    }
    vm.call(&fset, vec![args.pos[1].clone(), args.pos[2].clone()])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__delete__", &args, 2, 2)?;
    let (_, [_, _, fdel, ..]) = this_property(vm, &args)?;
    if fdel.is_none() {
        return Err(vm.new_error("AttributeError", "property has no deleter"));
    }
    vm.call(&fdel, vec![args.pos[1].clone()])?;
    Ok(Value::None)
}

fn property_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__set_name__", &args, 3, 3)?;
    if let Some(Payload::Property(p)) = args.pos[0].payload() {
        *p.name.borrow_mut() = args.pos[2].clone();
    }
    Ok(Value::None)
}

/// `staticmethod.__get__` / `classmethod.__get__`.
fn wrapper_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__get__", &args, 2, 3)?;
    let owner = match args.pos.get(2) {
        Some(Value::Class(c)) => c.clone(),
        _ => vm.type_of(&args.pos[1]),
    };
    match args.pos[0].payload() {
        Some(Payload::StaticMethod(f)) => Ok(f.clone()),
        Some(Payload::ClassMethod(f)) => Ok(vm.bound_method(f.clone(), Value::Class(owner))),
        _ => Err(vm.new_error("TypeError", "descriptor requires a staticmethod or classmethod")),
    }
}

fn staticmethod_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::StaticMethod(f)) = args.pos.first().and_then(Value::payload) else {
        return Err(vm.new_error("TypeError", "descriptor '__call__' requires a 'staticmethod' object"));
    };
    let f = f.clone();
    vm.call_kw(&f, args.pos[1..].to_vec(), args.kw.to_vec())
}

fn method_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__eq__", &args, 2, 2)?;
    match (args.pos[0].payload(), args.pos[1].payload()) {
        (Some(Payload::BoundMethod(f1, s1)), Some(Payload::BoundMethod(f2, s2))) => {
            Ok(Value::Bool(s1.is(s2) && vm.eq(f1, f2)?))
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn method_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__hash__", &args, 1, 1)?;
    let Some(Payload::BoundMethod(f, s)) = args.pos[0].payload() else {
        return Err(vm.new_error("TypeError", "descriptor '__hash__' requires a 'method' object"));
    };
    let (f, s) = (f.clone(), s.clone());
    let h = vm.hash(&f)? ^ (s.id() as i64 >> 4);
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "mro", &args, 1, 1)?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(vm.new_error("TypeError", "descriptor 'mro' requires a 'type' object"));
    };
    let mut items = vec![Value::Class(c.clone())];
    items.extend(c.mro.iter().map(|m| Value::Class(m.clone())));
    Ok(Value::list(items))
}

/// The snapshot dict behind a mappingproxy receiver.
fn this_proxy(vm: &mut Vm, args: &Args) -> PyResult<Rc<Dict>> {
    match args.pos.first().and_then(Value::payload) {
        Some(Payload::MappingProxy(d)) => Ok(d.clone()),
        _ => Err(vm.new_error("TypeError", "descriptor requires a 'mappingproxy' object")),
    }
}

/// Calls the dict method `name` on the proxy's dict with the remaining arguments.
fn proxy_forward(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let d = Value::Dict(this_proxy(vm, &args)?);
    vm.call_method(&d, name, args.pos[1..].to_vec())
}

fn proxy_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "keys")
}

fn proxy_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "values")
}

fn proxy_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "items")
}

fn proxy_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "get")
}

fn proxy_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "copy")
}

fn proxy_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "__getitem__")
}

fn proxy_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "__len__")
}

fn proxy_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "__iter__")
}

fn proxy_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_forward(vm, args, "__contains__")
}
