//! Methods of the descriptor and namespace types: `property` (`getter`/`setter`/`deleter`,
//! `__get__`/`__set__`/`__delete__`), `staticmethod`/`classmethod` (`__get__`, calling a
//! staticmethod), bound-method equality, `type.mro()`, and the read-only `mappingproxy`
//! returned by `Cls.__dict__`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::object::{Args, Class, Dict, Object, Payload, PropertyData};
use crate::vm::{PyResult, Value, Vm};

use super::{method, method_arity};

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
    let t = &vm.types;
    for bound in [t.method.clone(), t.builtin_function.clone(), t.method_wrapper.clone()] {
        method(vm, &bound, "__eq__", method_eq);
        method(vm, &bound, "__hash__", method_hash);
    }
    let type_ = vm.types.type_.clone();
    method(vm, &type_, "mro", type_mro);
    super::class_fn(vm, &type_, "__prepare__", type_prepare);
    method(vm, &type_, "__subclasses__", type_subclasses);
    method(vm, &type_, "__call__", type_call);
    method(vm, &type_, "__init__", type_init);
    let t = &vm.types;
    let generic = [
        t.list.clone(),
        t.dict.clone(),
        t.tuple.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.type_.clone(),
    ];
    for cls in generic {
        super::static_fn(vm, &cls, "__class_getitem__", class_getitem);
    }
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
    method_arity(vm, "property", &args, 1, 1)?;
    let (o, mut parts) = this_property(vm, &args)?;
    parts[which] = args.pos[1].clone();
    let [fget, fset, fdel, doc, name] = parts;
    let payload =
        Payload::Property(Box::new(PropertyData { fget, fset, fdel, doc, name: RefCell::new(name) }));
    Ok(Value::Obj(if o.dict().is_some() {
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
    method_arity(vm, "__get__", &args, 1, 2)?;
    if args.pos[1].is_none() {
        return Ok(args.pos[0].clone());
    }
    let cls = vm.type_of(&args.pos[1]);
    vm.descr_get(args.pos[0].clone(), &args.pos[1], &cls)
}

fn property_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__set__", &args, 2, 2)?;
    let (_, [_, fset, ..]) = this_property(vm, &args)?;
    if fset.is_none() {
        return Err(vm.new_error("AttributeError", "property has no setter"));
    }
    vm.call(&fset, vec![args.pos[1].clone(), args.pos[2].clone()])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__delete__", &args, 1, 1)?;
    let (_, [_, _, fdel, ..]) = this_property(vm, &args)?;
    if fdel.is_none() {
        return Err(vm.new_error("AttributeError", "property has no deleter"));
    }
    vm.call(&fdel, vec![args.pos[1].clone()])?;
    Ok(Value::None)
}

fn property_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__set_name__", &args, 2, 2)?;
    if let Some(Payload::Property(p)) = args.pos[0].payload() {
        *p.name.borrow_mut() = args.pos[2].clone();
    }
    Ok(Value::None)
}

/// `staticmethod.__get__` / `classmethod.__get__`.
fn wrapper_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__get__", &args, 1, 2)?;
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
    method_arity(vm, "__eq__", &args, 1, 1)?;
    match (args.pos[0].payload(), args.pos[1].payload()) {
        (Some(Payload::BoundMethod(f1, s1)), Some(Payload::BoundMethod(f2, s2))) => {
            Ok(Value::Bool(s1.is(s2) && vm.eq(f1, f2)?))
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn method_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "__hash__", &args, 0, 0)?;
    let Some(Payload::BoundMethod(f, s)) = args.pos[0].payload() else {
        // A plain builtin function hashes by identity.
        return Ok(Value::Int(args.pos[0].id() as i64 >> 4));
    };
    let (f, s) = (f.clone(), s.clone());
    let h = vm.hash(&f)? ^ (s.id() as i64 >> 4);
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(c) = &args.pos[0] else {
        return Err(vm.new_error("TypeError", "descriptor '__call__' requires a 'type' object"));
    };
    let c = c.clone();
    vm.construct(&c, args.pos[1..].to_vec(), args.kw.to_vec())
}

/// `type.__prepare__(name, bases, **kw)`: a new empty namespace.
fn type_prepare(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Dict(Rc::new(Dict::default())))
}

/// `type.__init__`: the class is complete after `type.__new__`.
fn type_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "mro", &args, 0, 0)?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(vm.new_error("TypeError", "descriptor 'mro' requires a 'type' object"));
    };
    let mut items = vec![Value::Class(c.clone())];
    items.extend(c.mro.iter().map(|m| Value::Class(m.clone())));
    Ok(Value::list(items))
}

/// `type.__subclasses__()`: the live classes that name this one as a direct base, oldest
/// first.
fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(c)) = args.pos.first() else {
        return Err(vm.new_error("TypeError", "descriptor '__subclasses__' requires a 'type' object"));
    };
    // CPython names the receiver class in this message.
    method_arity(vm, &format!("{}.__subclasses__", c.name()), &args, 0, 0)?;
    let live: Vec<Value> =
        c.subclasses.borrow().iter().filter_map(|w| w.upgrade()).map(Value::Class).collect();
    Ok(Value::list(live))
}

/// `list[int]` and friends: a `types.GenericAlias` that prints as written and calls its
/// origin.
#[derive(Debug)]
struct GenericAlias {
    origin: Value,
    args: Value,
}

impl crate::vm::ext::Ext for GenericAlias {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn repr(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<String>> {
        let items = match &self.args {
            Value::Tuple(t) => t.items.to_vec(),
            other => vec![other.clone()],
        };
        let mut parts = Vec::with_capacity(items.len());
        for item in &items {
            parts.push(alias_item_repr(vm, item)?);
        }
        if parts.is_empty() {
            parts.push("()".into());
        }
        Ok(Some(format!("{}[{}]", alias_item_repr(vm, &self.origin)?, parts.join(", "))))
    }

    fn get_attr(&self, vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__origin__" => Some(self.origin.clone()),
            "__args__" => Some(self.args_tuple()),
            "__parameters__" => Some(self.parameters()),
            // CPython's ga_getattro hands other names to the origin (`list[int].__name__`
            // is 'list'); dunders other than these stay the alias's own.
            "__name__" | "__qualname__" | "__doc__" => Some(vm.get_attr(&self.origin, &Value::str(name))?),
            _ if !name.starts_with("__") => Some(vm.get_attr(&self.origin, &Value::str(name))?),
            _ => None,
        })
    }
}

impl GenericAlias {
    /// `__args__`: the subscript as a tuple.
    fn args_tuple(&self) -> Value {
        match &self.args {
            t @ Value::Tuple(_) => t.clone(),
            other => Value::tuple(vec![other.clone()]),
        }
    }

    /// `__parameters__`: the type variables among the arguments, in order, each once.
    fn parameters(&self) -> Value {
        let Value::Tuple(t) = self.args_tuple() else { return Value::tuple(vec![]) };
        let mut params: Vec<Value> = Vec::new();
        for item in t.items.iter() {
            let is_var = matches!(item, Value::Obj(o) if matches!(o.class.name().as_str(), "TypeVar" | "ParamSpec" | "TypeVarTuple"));
            if is_var && !params.iter().any(|p| p.is(item)) {
                params.push(item.clone());
            }
        }
        Value::tuple(params)
    }
}

/// How a GenericAlias shows one of its parts: classes by (qualified) name, `...` as is.
pub(super) fn alias_item_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) => {
            let module = match c.lookup("__module__") {
                Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.", m.as_str()),
                _ => String::new(),
            };
            Ok(format!("{module}{}", c.qualname.borrow()))
        }
        Value::Obj(o) if matches!(o.payload, Payload::Ellipsis) => Ok("...".into()),
        other => vm.repr(other),
    }
}

/// `cls[item]` for builtin generic classes: a GenericAlias.
pub fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [origin, item] = args.pos else {
        return Err(vm.new_error("TypeError", "__class_getitem__ expects a class and one argument"));
    };
    let cls = generic_alias_class(vm);
    let alias = GenericAlias { origin: origin.clone(), args: item.clone() };
    Ok(Value::Obj(Object::new(cls, Payload::Ext(Box::new(alias)))))
}

/// The key of the GenericAlias class in `Vm::ext_state`.
const GENERIC_ALIAS_KEY: &str = "types.GenericAlias";

/// `types.GenericAlias`, made once per interpreter (a class made per subscription would also
/// invalidate every attribute cache each time).
fn generic_alias_class(vm: &mut Vm) -> Rc<Class> {
    types_class(vm, GENERIC_ALIAS_KEY, "GenericAlias", |vm, cls| {
        super::method(vm, cls, "__call__", generic_alias_call);
        super::static_fn(vm, cls, "__new__", generic_alias_new);
    })
}

/// A native class of the `types` module kept in `Vm::ext_state` under `key`: made (and
/// given its methods by `setup`) on first use, then shared.
pub(super) fn types_class(
    vm: &mut Vm,
    key: &'static str,
    name: &str,
    setup: fn(&mut Vm, &Rc<Class>),
) -> Rc<Class> {
    if let Some(cls) = vm.ext_state.get(key).and_then(|s| s.clone().downcast::<Class>().ok()) {
        return cls;
    }
    let cls = crate::vm::types::builtin_class(
        name,
        std::slice::from_ref(&vm.types.object),
        crate::vm::object::BaseKind::Native,
    );
    cls.set_attr("__module__", Value::str("types"));
    setup(vm, &cls);
    vm.ext_state.insert(key, cls.clone() as Rc<dyn std::any::Any>);
    cls
}

/// The alias behind a GenericAlias value, if it is one.
fn alias_of(v: &Value) -> Option<&GenericAlias> {
    match v.payload() {
        Some(Payload::Ext(e)) => e.as_any().downcast_ref::<GenericAlias>(),
        _ => None,
    }
}

/// `types.GenericAlias(origin, args)`.
fn generic_alias_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.pos.get(1..).unwrap_or_default();
    if rest.len() != 2 || !args.kw.is_empty() {
        let n = rest.len() + args.kw.len();
        return Err(vm.new_error("TypeError", &format!("GenericAlias expected 2 arguments, got {n}")));
    }
    class_getitem(vm, Args::new(rest))
}

fn generic_alias_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(origin) = args.pos.first().and_then(alias_of).map(|a| a.origin.clone()) else {
        return Err(vm.new_error("TypeError", "not a GenericAlias"));
    };
    vm.call_kw(&origin, args.pos[1..].to_vec(), args.kw.to_vec())
}

/// `a == b` when both are GenericAliases: equal origins and equal arguments (CPython's
/// `ga_richcompare`); None otherwise.
pub fn alias_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (alias_of(a), alias_of(b)) else {
        return Ok(None);
    };
    let (origins, items) = ((x.origin.clone(), y.origin.clone()), (x.args_tuple(), y.args_tuple()));
    Ok(Some(vm.eq(&origins.0, &origins.1)? && vm.eq(&items.0, &items.1)?))
}

/// `hash(v)` of a GenericAlias: the origin's hash mixed with the arguments' (CPython's
/// `ga_hash`); None for other values.
pub fn alias_hash(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    let Some(a) = alias_of(v) else { return Ok(None) };
    let (origin, items) = (a.origin.clone(), a.args_tuple());
    Ok(Some(vm.hash(&origin)? ^ vm.hash(&items)?))
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
