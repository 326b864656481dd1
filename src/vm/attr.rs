//! Attribute access: instance, class, module, function and builtin-value attributes, the
//! descriptor rules (properties, methods, classmethod/staticmethod), `super()`,
//! `__getattr__`, method lookup for calls, context managers, and global/name lookups.

use std::rc::Rc;

use super::object::{str_hash, Class, Object, Payload};
use super::value::Value;
use super::{Exc, PyResult, Vm};

impl Vm {
    /// `obj.name`.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Class(c) => self.class_attr(c, n),
            Value::Obj(o) => self.object_attr(obj, o, n),
            Value::Func(f) => self.function_attr(f, n),
            _ => {
                let cls = self.type_of(obj);
                if let Some(v) = cls.lookup(n) {
                    return Ok(self.bind(v, obj, &cls));
                }
                if n == "__class__" {
                    return Ok(Value::Class(cls));
                }
                if let Some(v) = self.builtin_value_attr(obj, n)? {
                    return Ok(v);
                }
                Err(self.no_attr(obj, n))
            }
        }
    }

    /// Attributes of values like ints and floats that are not methods.
    fn builtin_value_attr(&mut self, obj: &Value, n: &str) -> PyResult<Option<Value>> {
        Ok(match (obj, n) {
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => Some(match obj {
                Value::Bool(b) => Value::Int(*b as i64),
                _ => obj.clone(),
            }),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
            (Value::Float(_), "real") => Some(obj.clone()),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            _ => None,
        })
    }

    /// AttributeError with CPython's message.
    pub fn no_attr(&mut self, obj: &Value, n: &str) -> Exc {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{n}'", c.name()),
            Value::Obj(o) => match &o.payload {
                Payload::Module(m) => format!("module '{}' has no attribute '{n}'", m.name),
                _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
            },
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        let e = self.new_error("AttributeError", &msg);
        e.set_attr("name", Value::str(n));
        e.set_attr("obj", obj.clone());
        e
    }

    /// Binds a class attribute found for an instance `obj` (descriptor protocol).
    fn bind(&mut self, v: Value, obj: &Value, cls: &Rc<Class>) -> Value {
        match &v {
            Value::Func(_) => self.bound_method(v, obj.clone()),
            Value::Obj(o) => match &o.payload {
                Payload::Native(n) if n.is_method => self.bound_method(v.clone(), obj.clone()),
                Payload::ClassMethod(f) => self.bound_method(f.clone(), Value::Class(cls.clone())),
                Payload::StaticMethod(f) => f.clone(),
                _ => v,
            },
            _ => v,
        }
    }

    fn class_attr(&mut self, c: &Rc<Class>, n: &str) -> PyResult<Value> {
        match n {
            "__name__" => return Ok(Value::string(c.name())),
            "__qualname__" => return Ok(Value::string(c.qualname.borrow().clone())),
            "__mro__" => {
                let mut items = vec![Value::Class(c.clone())];
                items.extend(c.mro.iter().map(|m| Value::Class(m.clone())));
                return Ok(Value::tuple(items));
            }
            "__bases__" => {
                return Ok(Value::tuple(c.bases.iter().map(|b| Value::Class(b.clone())).collect()))
            }
            "__base__" => return Ok(c.bases.first().map(|b| Value::Class(b.clone())).unwrap_or(Value::None)),
            "__dict__" => {
                let d = self.new_dict();
                if let Value::Dict(dd) = &d {
                    *dd.map.borrow_mut() = c.dict.borrow().clone();
                }
                return Ok(d);
            }
            "__class__" => {
                return Ok(Value::Class(c.meta.clone().unwrap_or_else(|| self.types.type_.clone())))
            }
            _ => {}
        }
        if let Some(v) = c.lookup(n) {
            if let Some(get) = script_descriptor(&v) {
                return self.call(&get, vec![v.clone(), Value::None, Value::Class(c.clone())]);
            }
            return Ok(match v.payload() {
                Some(Payload::ClassMethod(f)) => self.bound_method(f.clone(), Value::Class(c.clone())),
                Some(Payload::StaticMethod(f)) => f.clone(),
                _ => v,
            });
        }
        match n {
            "__module__" => return Ok(Value::str("builtins")),
            "__doc__" => return Ok(Value::None),
            _ => {}
        }
        if let Some(meta) = &c.meta {
            if let Some(v) = meta.lookup(n) {
                return Ok(self.bind(v, &Value::Class(c.clone()), meta));
            }
        }
        let type_ = self.types.type_.clone();
        if let Some(v) = type_.lookup(n) {
            return Ok(self.bind(v, &Value::Class(c.clone()), &type_));
        }
        Err(self.no_attr(&Value::Class(c.clone()), n))
    }

    fn function_attr(&mut self, f: &Rc<super::object::Function>, n: &str) -> PyResult<Value> {
        match n {
            "__name__" => return Ok(f.name.borrow().clone()),
            "__qualname__" => return Ok(f.qualname.borrow().clone()),
            "__module__" => {
                return Ok(f
                    .globals
                    .map
                    .borrow()
                    .get_str(str_hash("__name__"), "__name__")
                    .cloned()
                    .unwrap_or(Value::None))
            }
            "__defaults__" => {
                return Ok(if f.defaults.is_empty() { Value::None } else { Value::tuple(f.defaults.clone()) })
            }
            "__kwdefaults__" => return Ok(f.kwdefaults.clone().map(Value::Dict).unwrap_or(Value::None)),
            "__globals__" => return Ok(Value::Dict(f.globals.clone())),
            "__class__" => return Ok(Value::Class(self.types.function.clone())),
            "__dict__" => {
                let d = self.new_dict();
                if let Value::Dict(dd) = &d {
                    *dd.map.borrow_mut() = f.dict.borrow().clone();
                }
                return Ok(d);
            }
            _ => {}
        }
        if let Some(v) = f.dict.borrow().get_str(str_hash(n), n) {
            return Ok(v.clone());
        }
        match n {
            "__doc__" => return Ok(Value::None),
            "__annotations__" => return Ok(self.new_dict()),
            _ => {}
        }
        let cls = self.types.function.clone();
        if let Some(v) = cls.lookup(n) {
            return Ok(self.bind(v, &Value::Func(f.clone()), &cls));
        }
        Err(self.no_attr(&Value::Func(f.clone()), n))
    }

    fn object_attr(&mut self, obj: &Value, o: &Rc<Object>, n: &str) -> PyResult<Value> {
        if let Payload::Module(m) = &o.payload {
            if let Some(v) = m.dict.map.borrow().get_str(str_hash(n), n) {
                return Ok(v.clone());
            }
            if n == "__dict__" {
                return Ok(Value::Dict(m.dict.clone()));
            }
            return Err(self.no_attr(obj, n));
        }
        if let Payload::Super(start, target) = &o.payload {
            return self.super_attr(start, target, n);
        }
        let cls = o.class.clone();
        let descr = cls.lookup(n);
        if let Some(Value::Obj(d)) = &descr {
            if let Payload::Property(fget, ..) = &d.payload {
                if fget.is_none() {
                    return Err(self.new_error(
                        "AttributeError",
                        &format!("property '{n}' of '{}' object has no getter", cls.name()),
                    ));
                }
                return self.call(&fget.clone(), vec![obj.clone()]);
            }
        }
        let script_get = descr.as_ref().and_then(script_descriptor);
        if let (Some(d), Some(get)) = (&descr, &script_get) {
            if script_data_descriptor(d) {
                return self.call(get, vec![d.clone(), obj.clone(), Value::Class(cls.clone())]);
            }
        }
        if let Some(v) = o.get_attr(n) {
            return Ok(v);
        }
        if let (Some(d), Some(get)) = (&descr, script_get) {
            return self.call(&get, vec![d.clone(), obj.clone(), Value::Class(cls.clone())]);
        }
        if let Some(v) = descr {
            return Ok(self.bind(v, obj, &cls));
        }
        if let Some(v) = self.payload_attr(obj, o, n)? {
            return Ok(v);
        }
        if cls.is_heap {
            if let Some(ga) = cls.lookup("__getattr__") {
                return self.call(&ga, vec![obj.clone(), Value::str(n)]);
            }
        }
        Err(self.no_attr(obj, n))
    }

    /// Attributes that come from an object's builtin payload rather than its class dict.
    fn payload_attr(&mut self, obj: &Value, o: &Rc<Object>, n: &str) -> PyResult<Option<Value>> {
        Ok(Some(match (&o.payload, n) {
            (_, "__class__") => Value::Class(o.class.clone()),
            (_, "__dict__") if o.dict.is_some() => {
                let d = self.new_dict();
                if let (Value::Dict(dd), Some(src)) = (&d, &o.dict) {
                    *dd.map.borrow_mut() = src.borrow().clone();
                }
                // Writes through __dict__ are not reflected (a documented difference).
                d
            }
            (Payload::Exception(e), "args") => e.args.borrow().clone(),
            (Payload::Exception(e), "__cause__") => e.cause.borrow().clone(),
            (Payload::Exception(e), "__context__") => e.context.borrow().clone(),
            (Payload::Exception(e), "__suppress_context__") => Value::Bool(e.suppress_context.get()),
            (Payload::Exception(_), "__traceback__") => Value::None,
            (Payload::Exception(_), "value") if o.class.is_subclass(&self.exc_class("StopIteration")) => {
                self.exc_args(o).into_iter().next().unwrap_or(Value::None)
            }
            (Payload::Exception(_), "code") if o.class.is_subclass(&self.exc_class("SystemExit")) => {
                let args = self.exc_args(o);
                match args.len() {
                    0 => Value::None,
                    1 => args[0].clone(),
                    _ => Value::tuple(args),
                }
            }
            (Payload::Exception(_), "errno" | "strerror")
                if o.class.is_subclass(&self.exc_class("OSError")) =>
            {
                let args = self.exc_args(o);
                if args.len() >= 2 {
                    if n == "errno" {
                        args[0].clone()
                    } else {
                        args[1].clone()
                    }
                } else {
                    Value::None
                }
            }
            (Payload::BoundMethod(f, _), "__func__") => f.clone(),
            (Payload::BoundMethod(_, s), "__self__") => s.clone(),
            (Payload::BoundMethod(f, _), _) => {
                let f = f.clone();
                return self.get_attr(&f, &Value::str(n)).map(Some);
            }
            (Payload::Native(nf), "__name__" | "__qualname__") => Value::str(nf.name),
            (Payload::Range(a, _, _), "start") => Value::Int(*a),
            (Payload::Range(_, b, _), "stop") => Value::Int(*b),
            (Payload::Range(_, _, c), "step") => Value::Int(*c),
            (Payload::Slice(a, _, _), "start") => a.clone(),
            (Payload::Slice(_, b, _), "stop") => b.clone(),
            (Payload::Slice(_, _, c), "step") => c.clone(),
            (Payload::Property(f, ..), "fget") => f.clone(),
            (Payload::Property(_, f, ..), "fset") => f.clone(),
            (Payload::Property(_, _, f, _), "fdel") => f.clone(),
            (Payload::Property(f, _, _, doc), "__doc__") => {
                if doc.is_none() {
                    let f = f.clone();
                    return self.get_attr(&f, &Value::str("__doc__")).map(Some).or(Ok(Some(Value::None)));
                }
                doc.clone()
            }
            (Payload::StaticMethod(f) | Payload::ClassMethod(f), "__func__") => f.clone(),
            (Payload::Generator(g), "__name__") => g.name.clone(),
            (Payload::Generator(g), "__qualname__") => g.qualname.clone(),
            (Payload::Generator(g), "gi_running" | "cr_running" | "ag_running") => {
                Value::Bool(matches!(*g.state.borrow(), super::object::GenState::Running))
            }
            (Payload::Cell(c), "cell_contents") => c.borrow().clone(),
            _ => return self.runtime_attr(obj, n),
        }))
    }

    fn super_attr(&mut self, start: &Rc<Class>, target: &Value, n: &str) -> PyResult<Value> {
        let (cls, is_class) = match target {
            Value::Class(c) => (c.clone(), true),
            other => (self.type_of(other), false),
        };
        let mut chain = vec![cls.clone()];
        chain.extend(cls.mro.iter().cloned());
        let pos = chain.iter().position(|c| Rc::ptr_eq(c, start)).map(|p| p + 1).unwrap_or(chain.len());
        for c in &chain[pos..] {
            let found = c.dict.borrow().get_str(str_hash(n), n).cloned();
            if let Some(v) = found {
                return Ok(match v.payload() {
                    Some(Payload::ClassMethod(f)) => self.bound_method(f.clone(), Value::Class(cls.clone())),
                    Some(Payload::StaticMethod(f)) => f.clone(),
                    Some(Payload::Property(fget, ..)) if !is_class => {
                        self.call(&fget.clone(), vec![target.clone()])?
                    }
                    _ if is_class => v,
                    _ => self.bind(v, target, &cls),
                });
            }
        }
        Err(self.new_error("AttributeError", &format!("'super' object has no attribute '{n}'")))
    }

    /// Method lookup for `obj.name(...)`: `(function, obj)` for a plain method found on the
    /// type, else `(attribute, Undef)`.
    pub fn load_method(&mut self, obj: &Value, name: &Value) -> PyResult<(Value, Value)> {
        let n = name.as_str().unwrap_or("");
        let cls = match obj {
            Value::Class(_) | Value::Func(_) => None,
            Value::Obj(o) => match o.payload {
                Payload::Module(_) | Payload::Super(..) => None,
                _ => Some(o.class.clone()),
            },
            _ => Some(self.type_of(obj)),
        };
        if let Some(cls) = cls {
            if let Some(v) = cls.lookup(n) {
                let plain = match &v {
                    Value::Func(_) => true,
                    Value::Obj(d) => matches!(&d.payload, Payload::Native(nf) if nf.is_method),
                    _ => false,
                };
                let shadowed = match obj {
                    Value::Obj(o) => {
                        o.dict.as_ref().is_some_and(|d| d.borrow().get_str(str_hash(n), n).is_some())
                    }
                    _ => false,
                };
                if plain && !shadowed {
                    return Ok((v, obj.clone()));
                }
            }
        }
        Ok((self.get_attr(obj, name)?, Value::Undef))
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Class(c) => {
                c.set_attr(n, value);
                Ok(())
            }
            Value::Func(f) => {
                match n {
                    "__name__" => *f.name.borrow_mut() = value,
                    "__qualname__" => *f.qualname.borrow_mut() = value,
                    _ => f.dict.borrow_mut().set_str(str_hash(n), Value::str(n), value),
                }
                Ok(())
            }
            Value::Obj(o) => {
                if let Payload::Module(m) = &o.payload {
                    m.dict.map.borrow_mut().set_str(str_hash(n), Value::str(n), value);
                    return Ok(());
                }
                let cls = o.class.clone();
                if cls.is_heap {
                    if let Some(sa) = cls.lookup("__setattr__") {
                        if matches!(sa, Value::Func(_)) {
                            self.call(&sa, vec![obj.clone(), Value::str(n), value])?;
                            return Ok(());
                        }
                    }
                }
                self.generic_setattr(obj, o, n, value)
            }
            _ => Err(self.no_attr(obj, n)),
        }
    }

    /// `object.__setattr__`: data descriptors, then the instance dict.
    pub fn generic_setattr(&mut self, obj: &Value, o: &Rc<Object>, n: &str, value: Value) -> PyResult<()> {
        if let Some(d) = o.class.lookup(n) {
            if let Some(set) = script_method(&d, "__set__") {
                self.call(&set, vec![d, obj.clone(), value])?;
                return Ok(());
            }
        }
        if let Some(Value::Obj(d)) = o.class.lookup(n) {
            if let Payload::Property(_, fset, ..) = &d.payload {
                if fset.is_none() {
                    return Err(self.new_error(
                        "AttributeError",
                        &format!("property '{n}' of '{}' object has no setter", o.class.name()),
                    ));
                }
                self.call(&fset.clone(), vec![obj.clone(), value])?;
                return Ok(());
            }
        }
        if let Payload::Exception(e) = &o.payload {
            match n {
                "__cause__" => {
                    *e.cause.borrow_mut() = value;
                    e.suppress_context.set(true);
                    return Ok(());
                }
                "__context__" => {
                    *e.context.borrow_mut() = value;
                    return Ok(());
                }
                "__suppress_context__" => {
                    e.suppress_context.set(self.truthy(&value)?);
                    return Ok(());
                }
                "args" => {
                    let items = self.collect(&value)?;
                    *e.args.borrow_mut() = Value::tuple(items);
                    return Ok(());
                }
                _ => {}
            }
        }
        match &o.dict {
            Some(d) => {
                d.borrow_mut().set_str(str_hash(n), Value::str(n), value);
                Ok(())
            }
            None => Err(self.no_attr(obj, n)),
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        let removed = match obj {
            Value::Obj(o) => {
                if let Some(Value::Obj(d)) = o.class.lookup(n) {
                    if let Payload::Property(_, _, fdel, _) = &d.payload {
                        if fdel.is_none() {
                            return Err(self.new_error(
                                "AttributeError",
                                &format!("property '{n}' of '{}' object has no deleter", o.class.name()),
                            ));
                        }
                        self.call(&fdel.clone(), vec![obj.clone()])?;
                        return Ok(());
                    }
                }
                if o.class.is_heap {
                    if let Some(da) = o.class.lookup("__delattr__") {
                        if matches!(da, Value::Func(_)) {
                            self.call(&da, vec![obj.clone(), Value::str(n)])?;
                            return Ok(());
                        }
                    }
                }
                let dict = match &o.payload {
                    Payload::Module(m) => Some(&m.dict.map),
                    _ => o.dict.as_ref(),
                };
                match dict {
                    Some(d) => {
                        let mut d = d.borrow_mut();
                        match d.probe(str_hash(n), &Value::str(n)) {
                            super::dict::Probe::Found(i) => {
                                d.remove_at(i);
                                true
                            }
                            _ => false,
                        }
                    }
                    None => false,
                }
            }
            Value::Class(c) => {
                let mut d = c.dict.borrow_mut();
                match d.probe(str_hash(n), &Value::str(n)) {
                    super::dict::Probe::Found(i) => {
                        d.remove_at(i);
                        true
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.no_attr(obj, n))
        }
    }

    /// `with`: returns (bound `__exit__`, result of `__enter__()`).
    pub fn with_enter(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let cls = self.type_of(mgr);
        let enter = cls.lookup("__enter__");
        let exit = cls.lookup("__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let t = cls.name();
            let which = if cls.lookup("__enter__").is_none() { "" } else { " and __exit__" };
            let _ = which;
            return Err(self.new_error(
                "TypeError",
                &format!("'{t}' object does not support the context manager protocol"),
            ));
        };
        let exit = self.bind(exit, mgr, &cls);
        let enter = self.bind(enter, mgr, &cls);
        let entered = self.call(&enter, vec![])?;
        Ok((exit, entered))
    }

    /// `async with`: returns (bound `__aexit__`, the awaitable from `__aenter__()`).
    pub fn async_with_enter(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let cls = self.type_of(mgr);
        let (Some(enter), Some(exit)) = (cls.lookup("__aenter__"), cls.lookup("__aexit__")) else {
            let t = cls.name();
            return Err(self.new_error(
                "TypeError",
                &format!("'{t}' object does not support the asynchronous context manager protocol"),
            ));
        };
        let exit = self.bind(exit, mgr, &cls);
        let enter = self.bind(enter, mgr, &cls);
        let awaitable = self.call(&enter, vec![])?;
        Ok((exit, awaitable))
    }

    /// Calls an exit function with the exception (or `None`s).
    pub fn with_exit(&mut self, exit: &Value, exc: &Value) -> PyResult<Value> {
        let args = match exc {
            Value::Obj(o) if o.exc().is_some() => {
                vec![Value::Class(o.class.clone()), exc.clone(), Value::None]
            }
            _ => vec![Value::None, Value::None, Value::None],
        };
        self.call(exit, args)
    }

    /// A global: the module dict, then builtins.
    pub fn load_global(&mut self, globals: &Rc<super::object::Dict>, name: &Value) -> PyResult<Value> {
        let Value::Str(s) = name else { return Ok(Value::None) };
        let hash = s.hash();
        if let Some(v) = globals.map.borrow().get_str(hash, s.as_str()) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.map.borrow().get_str(hash, s.as_str()) {
            return Ok(v.clone());
        }
        Err(self.name_error(s.as_str()))
    }

    /// NameError for an unknown name.
    pub fn name_error(&mut self, n: &str) -> Exc {
        let e = self.new_error("NameError", &format!("name '{n}' is not defined"));
        e.set_attr("name", Value::str(n));
        e
    }

    /// Class-body lookup: the namespace, then globals, then builtins.
    pub fn load_name(
        &mut self,
        globals: &Rc<super::object::Dict>,
        locals: Option<&Rc<super::object::Dict>>,
        name: &Value,
    ) -> PyResult<Value> {
        if let Some(l) = locals {
            if let Some(v) = self.dict_get_str(l, name) {
                return Ok(v);
            }
        }
        self.load_global(globals, name)
    }

    /// Stores into a namespace dict.
    pub fn store_global(&mut self, globals: &Rc<super::object::Dict>, name: &Value, v: Value) {
        let Value::Str(s) = name else { return };
        globals.map.borrow_mut().set_str(s.hash(), name.clone(), v);
    }

    /// Deletes from a namespace dict (NameError when absent).
    pub fn delete_global(&mut self, globals: &Rc<super::object::Dict>, name: &Value) -> PyResult<()> {
        let Value::Str(s) = name else { return Ok(()) };
        let probe = globals.map.borrow().probe(s.hash(), name);
        match probe {
            super::dict::Probe::Found(i) => {
                globals.map.borrow_mut().remove_at(i);
                Ok(())
            }
            _ => Err(self.name_error(s.as_str())),
        }
    }

    /// A new cell holding `v`.
    pub fn new_cell(&mut self, v: Value) -> Value {
        Value::Obj(Object::new(self.types.cell.clone(), Payload::Cell(std::cell::RefCell::new(v))))
    }
}

/// `type(d).name` when `d` is an instance of a script class defining it.
fn script_method(d: &Value, name: &str) -> Option<Value> {
    match d {
        Value::Obj(o) if o.class.is_heap => o.class.lookup(name).filter(|f| matches!(f, Value::Func(_))),
        _ => None,
    }
}

/// The `__get__` of a descriptor object defined in script code (`cached_property`, ...).
fn script_descriptor(d: &Value) -> Option<Value> {
    script_method(d, "__get__")
}

/// True for a script descriptor that also defines `__set__` or `__delete__` (a data
/// descriptor, which takes precedence over the instance dict).
fn script_data_descriptor(d: &Value) -> bool {
    script_method(d, "__set__").is_some() || script_method(d, "__delete__").is_some()
}

/// A method that the script metaclass of class `c` defines (`EnumType.__iter__`, ...).
pub(crate) fn meta_method(c: &Rc<Class>, name: &str) -> Option<Value> {
    c.meta.as_ref()?.lookup(name).filter(|f| matches!(f, Value::Func(_)))
}
