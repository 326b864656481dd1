//! Attribute access: instance, class, module, function and builtin-value attributes, the
//! descriptor protocol (properties, methods, classmethod/staticmethod, slot members and
//! script descriptors with `__get__`/`__set__`/`__delete__`), `super()`, the attribute hooks
//! (`__getattribute__`, `__getattr__`, `__setattr__`, `__delattr__`), method lookup for calls,
//! context managers, and global/name lookups.
//!
//! Instance lookup follows `object.__getattribute__`: a data descriptor on the type wins,
//! then the instance dict, then any other class attribute (bound through `__get__`), then
//! attributes of the builtin payload; `__getattr__` runs when all of them fail.

use std::rc::Rc;

use super::object::{
    str_hash, Class, Object, Payload, HOOK_DELATTR, HOOK_GETATTR, HOOK_GETATTRIBUTE, HOOK_SETATTR,
};
use super::value::Value;
use super::{Exc, PyResult, Vm};

/// CPython's refusal of `obj.__class__ = X` for builtin types.
const CLASS_ASSIGN_IMMUTABLE: &str =
    "__class__ assignment only supported for mutable types or ModuleType subclasses";

/// `__class__` and `__dict__`: stores to them change the object's layout, not its dict.
#[inline]
fn is_layout_name(key: &super::object::PyStr) -> bool {
    matches!(key.as_str(), "__class__" | "__dict__")
}

impl Vm {
    /// `obj.name`.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        if let (Value::Obj(o), Value::Str(key)) = (obj, name) {
            if let Some(v) = self.plain_getattr(obj, o, key)? {
                return Ok(v);
            }
        }
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Class(c) => self.class_attr(c, n),
            Value::Obj(o) => self.object_attr(obj, o, n),
            Value::Func(f) => self.function_attr(f, n),
            _ => {
                let cls = self.type_of(obj);
                if let Some(v) = cls.lookup(n) {
                    return self.descr_get(v, obj, &cls);
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

    /// The common case of `obj.name` on an instance of a script class without attribute hooks:
    /// the class attribute (cached lookup) and the instance dict (the name's cached hash).
    /// `None` when the general path must decide.
    #[inline]
    fn plain_getattr(
        &mut self,
        obj: &Value,
        o: &Rc<Object>,
        key: &Rc<super::object::PyStr>,
    ) -> PyResult<Option<Value>> {
        if !matches!(o.payload, Payload::Plain) || o.class.hooks.get() != 0 {
            return Ok(None);
        }
        let descr = self.lookup_cached(&o.class, key.hash(), key.as_str());
        if let Some(d) = &descr {
            if self.is_data_descriptor(d) {
                let cls = o.class.clone();
                return self.descr_get(d.clone(), obj, &cls).map(Some);
            }
        }
        if let Some(dict) = o.dict() {
            if let Some(v) = dict.map.borrow().get_str(key.hash(), key.as_str()) {
                return Ok(Some(v.clone()));
            }
        }
        match descr {
            Some(v) => {
                let cls = o.class.clone();
                self.descr_get(v, obj, &cls).map(Some)
            }
            None => Ok(None),
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

    /// True when `e` is an AttributeError (for `__getattr__` fallbacks and `hasattr`).
    pub fn is_attribute_error(&self, e: &Exc) -> bool {
        e.class.is_subclass(&self.exc_class("AttributeError"))
    }

    /// The `__get__`/`__set__`/`__delete__` method a script descriptor's class defines.
    fn descriptor_method(&self, d: &Value, name: &str) -> Option<Value> {
        match d {
            Value::Obj(o) if o.class.is_heap => o.class.lookup(name),
            _ => None,
        }
    }

    /// Data descriptors take precedence over the instance dict.
    pub(super) fn is_data_descriptor(&self, d: &Value) -> bool {
        match d.payload() {
            Some(Payload::Property(..) | Payload::SlotMember(..)) => true,
            _ => {
                self.descriptor_method(d, "__set__").is_some()
                    || self.descriptor_method(d, "__delete__").is_some()
            }
        }
    }

    /// `type(d).__get__(d, obj, cls)` for a class attribute `d` found for the instance `obj`.
    pub fn descr_get(&mut self, d: Value, obj: &Value, cls: &Rc<Class>) -> PyResult<Value> {
        match &d {
            Value::Func(_) => Ok(self.bound_method(d, obj.clone())),
            Value::Obj(o) => match &o.payload {
                Payload::Native(n) if n.is_method => Ok(self.bound_method(d.clone(), obj.clone())),
                Payload::NativeClosure(c) if c.is_method => Ok(self.bound_method(d.clone(), obj.clone())),
                Payload::ClassMethod(f) => Ok(self.bound_method(f.clone(), Value::Class(cls.clone()))),
                Payload::StaticMethod(f) => Ok(f.clone()),
                Payload::Property(p) => {
                    let fget = &p.fget;
                    if fget.is_none() {
                        let n = self.property_name(&d);
                        let t = cls.qualname.borrow().clone();
                        return Err(self.new_error(
                            "AttributeError",
                            &format!("property {n}of '{t}' object has no getter"),
                        ));
                    }
                    self.call(&fget.clone(), vec![obj.clone()])
                }
                Payload::SlotMember(name, _) => match obj {
                    Value::Obj(inst) => match inst.get_attr(name) {
                        Some(v) => Ok(v),
                        None => Err(self.no_attr(obj, name)),
                    },
                    _ => Ok(d.clone()),
                },
                _ => match self.descriptor_method(&d, "__get__") {
                    Some(get) => self.call(&get, vec![d.clone(), obj.clone(), Value::Class(cls.clone())]),
                    None => Ok(d),
                },
            },
            _ => Ok(d),
        }
    }

    /// `'name' ` of a property that `__set_name__` named (for error messages), else "".
    fn property_name(&mut self, d: &Value) -> String {
        let Some(Payload::Property(p)) = d.payload() else { return String::new() };
        // Only `__set_name__` names a property (3.11 does not fall back to the getter's name).
        match p.name.borrow().as_str() {
            Some(n) => format!("'{n}' "),
            None => String::new(),
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
                let d = Rc::new(super::object::Dict::default());
                *d.map.borrow_mut() = c.dict.borrow().clone();
                return Ok(Value::Obj(Object::new(
                    self.types.mappingproxy.clone(),
                    Payload::MappingProxy(d),
                )));
            }
            "__class__" => {
                return Ok(Value::Class(c.meta.clone().unwrap_or_else(|| self.types.type_.clone())))
            }
            _ => {}
        }
        if let Some(v) = c.lookup(n) {
            return match &v {
                Value::Obj(o) => match &o.payload {
                    Payload::ClassMethod(f) => Ok(self.bound_method(f.clone(), Value::Class(c.clone()))),
                    Payload::StaticMethod(f) => Ok(f.clone()),
                    Payload::Property(..) | Payload::SlotMember(..) | Payload::Native(_) => Ok(v),
                    _ => match self.descriptor_method(&v, "__get__") {
                        Some(get) => self.call(&get, vec![v.clone(), Value::None, Value::Class(c.clone())]),
                        None => Ok(v),
                    },
                },
                _ => Ok(v),
            };
        }
        match n {
            "__module__" => return Ok(Value::str("builtins")),
            "__doc__" => return Ok(Value::None),
            _ => {}
        }
        let meta = c.meta.clone().unwrap_or_else(|| self.types.type_.clone());
        if let Some(v) = meta.lookup(n) {
            return self.descr_get(v, &Value::Class(c.clone()), &meta);
        }
        if meta.has_hook(HOOK_GETATTR) {
            if let Some(ga) = meta.lookup("__getattr__") {
                return self.call(&ga, vec![Value::Class(c.clone()), Value::str(n)]);
            }
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
            "__closure__" => {
                return Ok(if f.closure.is_empty() { Value::None } else { Value::tuple(f.closure.clone()) })
            }
            "__code__" => {
                return Ok(Value::Obj(Object::new(self.types.code.clone(), Payload::Code(f.code.clone()))))
            }
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
            "__doc__" => return Ok(self.function_doc(f)),
            "__annotations__" => {
                let d = self.new_dict();
                f.dict.borrow_mut().set_str(str_hash(n), Value::str(n), d.clone());
                return Ok(d);
            }
            _ => {}
        }
        let cls = self.types.function.clone();
        if let Some(v) = cls.lookup(n) {
            return self.descr_get(v, &Value::Func(f.clone()), &cls);
        }
        Err(self.no_attr(&Value::Func(f.clone()), n))
    }

    /// A function's docstring: the first statement's string constant, if any.
    fn function_doc(&mut self, f: &Rc<super::object::Function>) -> Value {
        match &f.code.code.doc {
            Some(d) => Value::str(d),
            None => Value::None,
        }
    }

    fn object_attr(&mut self, obj: &Value, o: &Rc<Object>, n: &str) -> PyResult<Value> {
        if let Payload::Module(m) = &o.payload {
            if let Some(v) = m.dict.map.borrow().get_str(str_hash(n), n) {
                return Ok(v.clone());
            }
            if n == "__dict__" {
                return Ok(Value::Dict(m.dict.clone()));
            }
            // The dict must not stay borrowed during the call: `__getattr__` may set globals.
            let ga = m.dict.map.borrow().get_str(str_hash("__getattr__"), "__getattr__").cloned();
            if let Some(ga) = ga {
                return self.call(&ga, vec![Value::str(n)]);
            }
            return Err(self.no_attr(obj, n));
        }
        if let Payload::Super(start, target) = &o.payload {
            return self.super_attr(start, target, n);
        }
        if let Payload::Complex(re, im) = o.payload {
            match n {
                "real" => return Ok(Value::Float(re)),
                "imag" => return Ok(Value::Float(im)),
                _ => {}
            }
        }
        let cls = o.class.clone();
        let r = if cls.has_hook(HOOK_GETATTRIBUTE) {
            match cls.lookup("__getattribute__") {
                Some(ga) => self.call(&ga, vec![obj.clone(), Value::str(n)]),
                None => self.generic_getattr(obj, o, n),
            }
        } else {
            self.generic_getattr(obj, o, n)
        };
        match r {
            Err(e) if cls.has_hook(HOOK_GETATTR) && self.is_attribute_error(&e) => {
                match cls.lookup("__getattr__") {
                    Some(ga) => self.call(&ga, vec![obj.clone(), Value::str(n)]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `object.__getattribute__(obj, n)`.
    pub fn generic_getattr(&mut self, obj: &Value, o: &Rc<Object>, n: &str) -> PyResult<Value> {
        let cls = o.class.clone();
        let descr = cls.lookup(n);
        if let Some(d) = &descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d.clone(), obj, &cls);
            }
        }
        if let Some(v) = o.get_attr(n) {
            return Ok(v);
        }
        if let Some(v) = descr {
            return self.descr_get(v, obj, &cls);
        }
        if let Some(v) = self.payload_attr(obj, o, n)? {
            return Ok(v);
        }
        Err(self.no_attr(obj, n))
    }

    /// Attributes that come from an object's builtin payload rather than its class dict.
    fn payload_attr(&mut self, obj: &Value, o: &Rc<Object>, n: &str) -> PyResult<Option<Value>> {
        Ok(Some(match (&o.payload, n) {
            (_, "__class__") => Value::Class(o.class.clone()),
            (_, "__dict__") if o.visible_dict().is_some() && o.class.slots.is_none() => {
                let d = Value::Dict(o.visible_dict().expect("checked above").clone());
                // Any value may be stored through the dict from now on.
                self.gc_note_attr(o, &d);
                d
            }
            (Payload::Exception(e), "args") => e.args.borrow().clone(),
            (Payload::Exception(e), "__cause__") => e.cause.borrow().clone(),
            (Payload::Exception(e), "__context__") => e.context.borrow().clone(),
            (Payload::Exception(e), "__suppress_context__") => Value::Bool(e.suppress_context.get()),
            (Payload::Exception(_), "__traceback__") => self.exc_traceback_value(o),
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
            (Payload::Exception(_), "errno" | "strerror" | "filename" | "filename2")
                if o.class.is_subclass(&self.exc_class("OSError")) =>
            {
                Value::None
            }
            (Payload::Exception(_), "name" | "path")
                if o.class.is_subclass(&self.exc_class("ImportError")) =>
            {
                Value::None
            }
            (Payload::Exception(_), "encoding" | "object" | "start" | "end" | "reason")
                if o.class.is_subclass(&self.exc_class("UnicodeError")) =>
            {
                let i = ["encoding", "object", "start", "end", "reason"]
                    .iter()
                    .position(|f| *f == n)
                    .unwrap_or(0);
                self.exc_args(o).get(i).cloned().unwrap_or(Value::None)
            }
            (
                Payload::Exception(_),
                "msg"
                | "filename"
                | "lineno"
                | "offset"
                | "text"
                | "end_lineno"
                | "end_offset"
                | "print_file_and_line",
            ) if o.class.is_subclass(&self.exc_class("SyntaxError")) => {
                syntax_error_field(&self.exc_args(o), n)
            }
            (Payload::Boxed(inner), "real" | "imag" | "numerator" | "denominator") => {
                // An int or float subclass instance (IntEnum members): its value's fields.
                let inner = inner.clone();
                return self.builtin_value_attr(&inner, n);
            }
            (Payload::BoundMethod(f, _), "__func__") => f.clone(),
            (Payload::BoundMethod(_, s), "__self__") => s.clone(),
            (Payload::BoundMethod(f, _), _) => {
                let f = f.clone();
                return self.get_attr(&f, &Value::str(n)).map(Some);
            }
            (Payload::Native(nf), "__name__") => Value::str(nf.name),
            (Payload::Native(nf), "__qualname__") => match nf.owner.as_ref().and_then(|w| w.upgrade()) {
                Some(owner) => Value::string(format!("{}.{}", owner.name(), nf.name)),
                _ => Value::str(nf.name),
            },
            (Payload::MemoryView(m), _) => return self.memview_attr(m, n),
            (Payload::Range(a, _, _), "start") => Value::Int(*a),
            (Payload::Range(_, b, _), "stop") => Value::Int(*b),
            (Payload::Range(_, _, c), "step") => Value::Int(*c),
            (Payload::BigRange(r), "start") => Value::from_bigint(r.start.clone()),
            (Payload::BigRange(r), "stop") => Value::from_bigint(r.stop.clone()),
            (Payload::BigRange(r), "step") => Value::from_bigint(r.step.clone()),
            (Payload::DictView(_, d), "mapping") => {
                Value::Obj(Object::new(self.types.mappingproxy.clone(), Payload::MappingProxy(d.clone())))
            }
            (Payload::Slice(a, _, _), "start") => a.clone(),
            (Payload::Slice(_, b, _), "stop") => b.clone(),
            (Payload::Slice(_, _, c), "step") => c.clone(),
            (Payload::Property(p), "fget") => p.fget.clone(),
            (Payload::Property(p), "fset") => p.fset.clone(),
            (Payload::Property(p), "fdel") => p.fdel.clone(),
            (Payload::Property(p), "__name__") => p.name.borrow().clone(),
            (Payload::Property(p), "__doc__") => {
                let (f, doc) = (&p.fget, &p.doc);
                if doc.is_none() {
                    let f = f.clone();
                    return self.get_attr(&f, &Value::str("__doc__")).map(Some).or(Ok(Some(Value::None)));
                }
                doc.clone()
            }
            (Payload::StaticMethod(f) | Payload::ClassMethod(f), "__func__" | "__wrapped__") => f.clone(),
            (
                Payload::StaticMethod(f) | Payload::ClassMethod(f),
                "__name__" | "__qualname__" | "__doc__" | "__module__" | "__annotations__",
            ) => {
                let f = f.clone();
                return self.get_attr(&f, &Value::str(n)).map(Some);
            }
            (Payload::SlotMember(s, _), "__name__") => Value::str(s),
            (Payload::Generator(g), "__name__") => g.name(),
            (Payload::Generator(g), "__qualname__") => g.qualname(),
            (Payload::Generator(g), "gi_running" | "cr_running" | "ag_running") => {
                Value::Bool(matches!(*g.state.borrow(), super::object::GenState::Running))
            }
            (Payload::Generator(g), "gi_frame" | "cr_frame" | "ag_frame") => self.generator_frame(g)?,
            (Payload::Generator(g), "gi_code" | "cr_code" | "ag_code") => self.generator_code(g)?,
            (Payload::Generator(g), "gi_yieldfrom" | "cr_await" | "ag_await") => self.generator_awaiting(g),
            (Payload::Generator(g), "gi_suspended" | "cr_suspended") => Value::Bool(
                matches!(&*g.state.borrow(), super::object::GenState::Suspended(f) if f.suspended),
            ),
            (Payload::Cell(c), "cell_contents") => {
                let v = c.borrow().clone();
                if v.is_undef() {
                    return Err(self.new_error("ValueError", "Cell is empty"));
                }
                v
            }
            (Payload::Code(c), "co_name") => Value::str(&c.code.name),
            (Payload::Code(c), "co_qualname") => Value::str(&c.code.qualname),
            (Payload::Code(c), "co_filename") => Value::str(&c.code.source.filename),
            (Payload::Code(c), "co_firstlineno") => Value::Int(c.code.first_line as i64),
            (Payload::Code(c), "co_argcount") => Value::Int(c.code.argcount as i64),
            (Payload::Code(c), "co_posonlyargcount") => Value::Int(c.code.posonlycount as i64),
            (Payload::Code(c), "co_kwonlyargcount") => Value::Int(c.code.kwonlycount as i64),
            (Payload::Code(c), "co_varnames") => {
                let n = c.code.argcount as usize
                    + c.code.kwonlycount as usize
                    + c.code.has_varargs as usize
                    + c.code.has_varkw as usize;
                // The frame keeps `*args` right after the positional parameters; CPython's
                // order (which inspect relies on) puts the keyword-only ones first.
                let mut names: Vec<Value> = c.code.varnames.iter().take(n).map(|v| Value::str(v)).collect();
                if c.code.has_varargs {
                    let at = c.code.argcount as usize;
                    let star = names.remove(at);
                    names.insert(at + c.code.kwonlycount as usize, star);
                }
                Value::tuple(names)
            }
            (Payload::Code(c), "co_flags") => Value::Int(code_flags(&c.code)),
            (Payload::Code(c), "co_freevars") => {
                Value::tuple(c.code.freevars.iter().map(|(_, n)| Value::str(n)).collect())
            }
            _ => return self.runtime_attr(obj, n),
        }))
    }

    fn super_attr(&mut self, start: &Rc<Class>, target: &Value, n: &str) -> PyResult<Value> {
        // CPython's supercheck: a class that derives from `start` is searched itself (class
        // methods); anything else, classes included (metaclass methods), through its type.
        let (cls, is_class) = match target {
            Value::Class(c) if c.is_subclass(start) => (c.clone(), true),
            other => (self.type_of(other), false),
        };
        let mut chain = vec![cls.clone()];
        chain.extend(cls.mro.iter().cloned());
        let pos = chain.iter().position(|c| Rc::ptr_eq(c, start)).map(|p| p + 1).unwrap_or(chain.len());
        for c in &chain[pos..] {
            let found = c.dict.borrow().get_str(str_hash(n), n).cloned();
            if let Some(v) = found {
                return match v.payload() {
                    Some(Payload::ClassMethod(f)) => {
                        Ok(self.bound_method(f.clone(), Value::Class(cls.clone())))
                    }
                    Some(Payload::StaticMethod(f)) => Ok(f.clone()),
                    _ if is_class => match self.descriptor_method(&v, "__get__") {
                        Some(get) => self.call(&get, vec![v.clone(), Value::None, target.clone()]),
                        None => Ok(v),
                    },
                    _ => self.descr_get(v, target, &cls),
                };
            }
        }
        if n == "__class__" {
            return Ok(Value::Class(self.types.super_.clone()));
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
                _ if o.class.has_hook(HOOK_GETATTRIBUTE) => None,
                _ => Some(o.class.clone()),
            },
            _ => Some(self.type_of(obj)),
        };
        if let Some(cls) = cls {
            let (hash, n) = match name {
                Value::Str(k) => (k.hash(), k.as_str()),
                _ => (str_hash(n), n),
            };
            if let Some(v) = self.lookup_cached(&cls, hash, n) {
                let plain = match &v {
                    Value::Func(_) => true,
                    Value::Obj(d) => match &d.payload {
                        Payload::Native(nf) => nf.is_method,
                        Payload::NativeClosure(c) => c.is_method,
                        _ => false,
                    },
                    _ => false,
                };
                let shadowed = match obj {
                    Value::Obj(o) => o.dict().is_some_and(|d| d.map.borrow().get_str(hash, n).is_some()),
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
        if let (Value::Obj(o), Value::Str(key)) = (obj, name) {
            self.gc_note_attr(o, &value);
            if matches!(o.payload, Payload::Plain) && o.class.hooks.get() == 0 && o.class.slots.is_none() {
                if let Some(d) = o.dict() {
                    let descr = self.lookup_cached(&o.class, key.hash(), key.as_str());
                    if !descr.as_ref().is_some_and(|d| self.is_data_descriptor(d)) && !is_layout_name(key) {
                        d.map.borrow_mut().set_str(key.hash(), name.clone(), value);
                        return Ok(());
                    }
                }
            }
        }
        let n = name.as_str().unwrap_or("");
        if n == "__class__" && !matches!(obj, Value::Obj(_)) {
            return Err(self.new_error("TypeError", CLASS_ASSIGN_IMMUTABLE));
        }
        match obj {
            Value::Class(c) => match meta_hook(c, "__setattr__") {
                Some(sa) => self.call(&sa, vec![obj.clone(), Value::str(n), value]).map(drop),
                None => self.class_setattr(c, n, value),
            },
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
                if o.class.has_hook(HOOK_SETATTR) {
                    if let Some(sa) = o.class.lookup("__setattr__") {
                        self.call(&sa, vec![obj.clone(), Value::str(n), value])?;
                        return Ok(());
                    }
                }
                self.generic_setattr(obj, o, n, value)
            }
            _ => {
                let t = self.type_name(obj);
                let msg = if self.type_of(obj).lookup(n).is_some() {
                    format!("'{t}' object attribute '{n}' is read-only")
                } else {
                    format!("'{t}' object has no attribute '{n}'")
                };
                Err(self.new_error("AttributeError", &msg))
            }
        }
    }

    /// `type.__setattr__`: a store into a script class's namespace.
    pub fn class_setattr(&mut self, c: &Rc<Class>, n: &str, value: Value) -> PyResult<()> {
        if !c.is_heap {
            let t = c.name();
            return Err(
                self.new_error("TypeError", &format!("cannot set '{n}' attribute of immutable type '{t}'"))
            );
        }
        c.set_attr(n, value);
        Ok(())
    }

    /// `type.__delattr__`: a removal from a class's namespace.
    pub fn class_delattr(&mut self, c: &Rc<Class>, n: &str) -> PyResult<()> {
        if c.with_dict_mut(|d| remove_from(d, n)) {
            Ok(())
        } else {
            Err(self.no_attr(&Value::Class(c.clone()), n))
        }
    }

    /// `obj.__class__ = value` (`object_set_class`): both classes defined by scripts, with
    /// the same instance layout (builtin base and `__slots__`). Attribute caches compare the
    /// class pointer, so lookups on the object miss from here on and fill for the new class.
    fn assign_class(&mut self, o: &Rc<Object>, value: Value) -> PyResult<()> {
        let Value::Class(new) = &value else {
            let t = self.type_name(&value);
            return Err(
                self.new_error("TypeError", &format!("__class__ must be set to a class, not '{t}' object"))
            );
        };
        if !new.is_heap || !o.class.is_heap {
            return Err(self.new_error("TypeError", CLASS_ASSIGN_IMMUTABLE));
        }
        let solid = |c: &Rc<Class>| std::iter::once(c).chain(c.mro.iter()).find(|b| !b.is_heap).cloned();
        let same_base = match (solid(new), solid(&o.class)) {
            (Some(a), Some(b)) => Rc::ptr_eq(&a, &b),
            _ => false,
        };
        if !same_base || new.slots != o.class.slots || new.kind != o.class.kind {
            let (nn, on) = (new.name(), o.class.name());
            let msg = format!("__class__ assignment: '{nn}' object layout differs from '{on}'");
            return Err(self.new_error("TypeError", &msg));
        }
        let old = o.set_class(new.clone());
        self.keep_swapped_out(Value::Class(old));
        Ok(())
    }

    /// `obj.__dict__ = value`: the object's attribute dict becomes `value` itself.
    fn assign_dict(&mut self, o: &Rc<Object>, value: Value) -> PyResult<()> {
        let d = match (&value, value.payload()) {
            (Value::Dict(d), _) | (_, Some(Payload::DictData(d))) => d.clone(),
            _ => {
                let t = self.type_name(&value);
                let msg = format!("__dict__ must be set to a dictionary, not a '{t}'");
                return Err(self.new_error("TypeError", &msg));
            }
        };
        if let Some(old) = o.set_dict(d) {
            self.keep_swapped_out(Value::Dict(old));
        }
        Ok(())
    }

    /// Keeps a replaced class or dict alive for the VM's life (`swap` module docs). No
    /// search for an earlier copy: a value swapped out twice is simply held twice.
    fn keep_swapped_out(&mut self, v: Value) {
        self.swapped_out.push(v);
    }

    /// `object.__setattr__`: data descriptors, then the instance dict.
    pub fn generic_setattr(&mut self, obj: &Value, o: &Rc<Object>, n: &str, value: Value) -> PyResult<()> {
        self.gc_note_attr(o, &value);
        if n == "__class__" {
            return self.assign_class(o, value);
        }
        if n == "__dict__" && o.visible_dict().is_some() && o.class.slots.is_none() {
            return self.assign_dict(o, value);
        }
        if let Some(d) = o.class.lookup(n) {
            match d.payload() {
                Some(Payload::Property(p)) => {
                    let fset = &p.fset;
                    if fset.is_none() {
                        let pn = self.property_name(&d);
                        let t = o.class.qualname.borrow().clone();
                        return Err(self.new_error(
                            "AttributeError",
                            &format!("property {pn}of '{t}' object has no setter"),
                        ));
                    }
                    self.call(&fset.clone(), vec![obj.clone(), value])?;
                    return Ok(());
                }
                Some(Payload::SlotMember(..)) => {
                    o.set_attr(n, value);
                    return Ok(());
                }
                _ => {
                    if let Some(set) = self.descriptor_method(&d, "__set__") {
                        self.call(&set, vec![d.clone(), obj.clone(), value])?;
                        return Ok(());
                    }
                }
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
                "__traceback__" => return Ok(()),
                _ => {}
            }
        }
        if let Some(allowed) = &o.class.slots {
            if !allowed.iter().any(|a| &**a == n) {
                return Err(self.no_attr(obj, n));
            }
        }
        match o.dict_for_write() {
            Some(d) => {
                d.map.borrow_mut().set_str(str_hash(n), Value::str(n), value);
                Ok(())
            }
            None => Err(self.no_attr(obj, n)),
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Obj(o) if !matches!(o.payload, Payload::Module(_)) => {
                if o.class.has_hook(HOOK_DELATTR) {
                    if let Some(da) = o.class.lookup("__delattr__") {
                        self.call(&da, vec![obj.clone(), Value::str(n)])?;
                        return Ok(());
                    }
                }
                self.generic_delattr(obj, o, n)
            }
            Value::Obj(o) => {
                let Payload::Module(m) = &o.payload else { unreachable!("matched above") };
                if remove_name(&m.dict.map, n) {
                    Ok(())
                } else {
                    Err(self.no_attr(obj, n))
                }
            }
            Value::Class(c) => match meta_hook(c, "__delattr__") {
                Some(da) => self.call(&da, vec![obj.clone(), Value::str(n)]).map(drop),
                None => self.class_delattr(c, n),
            },
            Value::Func(f) => {
                if remove_name(&f.dict, n) {
                    Ok(())
                } else {
                    Err(self.no_attr(obj, n))
                }
            }
            _ => Err(self.no_attr(obj, n)),
        }
    }

    /// `object.__delattr__`: data descriptors, then the instance dict.
    pub fn generic_delattr(&mut self, obj: &Value, o: &Rc<Object>, n: &str) -> PyResult<()> {
        if n == "__class__" {
            return Err(self.new_error("TypeError", "can't delete __class__ attribute"));
        }
        if let Some(d) = o.class.lookup(n) {
            match d.payload() {
                Some(Payload::Property(p)) => {
                    let fdel = &p.fdel;
                    if fdel.is_none() {
                        let pn = self.property_name(&d);
                        let t = o.class.qualname.borrow().clone();
                        return Err(self.new_error(
                            "AttributeError",
                            &format!("property {pn}of '{t}' object has no deleter"),
                        ));
                    }
                    self.call(&fdel.clone(), vec![obj.clone()])?;
                    return Ok(());
                }
                Some(Payload::SlotMember(..)) => {}
                _ => {
                    if let Some(del) = self.descriptor_method(&d, "__delete__") {
                        self.call(&del, vec![d.clone(), obj.clone()])?;
                        return Ok(());
                    }
                }
            }
        }
        match o.dict() {
            Some(d) if remove_name(&d.map, n) => Ok(()),
            _ => Err(self.no_attr(obj, n)),
        }
    }

    /// `dir(v)`: a script `__dir__`, or the names of the instance, its class and bases, sorted.
    pub fn dir_names(&mut self, v: &Value) -> PyResult<Vec<String>> {
        if let Value::Obj(o) = v {
            if let Some(f) = o.class.lookup("__dir__").filter(|f| matches!(f, Value::Func(_))) {
                let r = self.call(&f, vec![v.clone()])?;
                let mut names: Vec<String> = Vec::new();
                for item in self.collect(&r)? {
                    names.push(self.str_of(&item)?);
                }
                names.sort();
                return Ok(names);
            }
        }
        let mut names: Vec<String> = Vec::new();
        let mut add = |m: &super::dict::DictMap| {
            for (k, _) in m.iter() {
                if let Some(s) = k.as_str() {
                    names.push(s.to_string());
                }
            }
        };
        let cls = match v {
            Value::Class(c) => c.clone(),
            Value::Obj(o) => {
                if let Payload::Module(m) = &o.payload {
                    add(&m.dict.map.borrow());
                }
                if let Some(d) = o.visible_dict() {
                    add(&d.map.borrow());
                }
                o.class.clone()
            }
            Value::Func(f) => {
                add(&f.dict.borrow());
                self.type_of(v)
            }
            other => self.type_of(other),
        };
        if !matches!(v.payload(), Some(Payload::Module(_))) {
            add(&cls.dict.borrow());
            for c in &cls.mro {
                add(&c.dict.borrow());
            }
        }
        names.sort();
        names.dedup();
        Ok(names)
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
        let exit = self.descr_get(exit, mgr, &cls)?;
        let enter = self.descr_get(enter, mgr, &cls)?;
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
        let exit = self.descr_get(exit, mgr, &cls)?;
        let enter = self.descr_get(enter, mgr, &cls)?;
        let awaitable = self.call(&enter, vec![])?;
        Ok((exit, awaitable))
    }

    /// Calls an exit function with the exception (or `None`s).
    pub fn with_exit(&mut self, exit: &Value, exc: &Value) -> PyResult<Value> {
        let args = match exc {
            Value::Obj(o) if o.exc().is_some() => {
                let tb = self.exc_traceback_value(o);
                vec![Value::Class(o.class.clone()), exc.clone(), tb]
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

    /// The `LoadGlobal` cache hit for name index `idx`: puts the value into `out` and returns true,
    /// or returns false for [`Vm::load_global_cached`]. The slot holds the value itself, valid
    /// while the versions it recorded hold (`frame_ref::GlobalSlot`); a global found in the
    /// globals needs no builtins check (builtins cannot shadow it), one found in the builtins
    /// needs both (the globals' version shows it is still not shadowed there).
    #[inline(always)]
    pub fn cached_global(
        &self,
        code: &super::object::CodeObj,
        globals: &super::object::Dict,
        idx: usize,
        out: &mut Value,
    ) -> bool {
        let Some(slot) = code.global_cache.get(idx).map(std::cell::Cell::get) else { return false };
        match slot.load(&globals.map, &self.builtins.map) {
            Some(v) => {
                // As `Value::clone_from`: a scalar register needs no drop.
                if out.is_inline() {
                    std::mem::forget(std::mem::replace(out, v));
                } else {
                    *out = v;
                }
                true
            }
            None => false,
        }
    }

    /// `LoadGlobal` through the code object's cache of name index `idx` (a miss refills it).
    #[inline]
    pub fn load_global_cached(
        &mut self,
        code: &super::object::CodeObj,
        globals: &Rc<super::object::Dict>,
        idx: usize,
    ) -> PyResult<Value> {
        let mut v = Value::Undef;
        if self.cached_global(code, globals, idx, &mut v) {
            return Ok(v);
        }
        let Value::Str(name) = &code.names[idx] else { return self.load_global(globals, &code.names[idx]) };
        let (hash, key) = (name.hash(), name.as_str());
        let found = {
            let gmap = globals.map.borrow();
            match gmap.index_of_str(hash, key) {
                Some(i) => Some((super::object::GlobalSlot::global(&gmap, i), gmap.entry(i).value.clone())),
                None => {
                    let bmap = self.builtins.map.borrow();
                    bmap.index_of_str(hash, key).map(|i| {
                        (super::object::GlobalSlot::builtin(&gmap, &bmap, i), bmap.entry(i).value.clone())
                    })
                }
            }
        };
        let Some((slot, v)) = found else { return Err(self.name_error(key)) };
        if let Some(cell) = code.global_cache.get(idx) {
            cell.set(slot);
        }
        Ok(v)
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
    /// Returns the value the name had.
    pub fn delete_global(&mut self, globals: &Rc<super::object::Dict>, name: &Value) -> PyResult<Value> {
        let Value::Str(s) = name else { return Ok(Value::None) };
        let probe = globals.map.borrow().probe(s.hash(), name);
        match probe {
            super::dict::Probe::Found(i) => {
                let (_, old) = globals.map.borrow_mut().remove_at(i);
                Ok(old)
            }
            _ => Err(self.name_error(s.as_str())),
        }
    }

    /// A new cell holding `v`.
    pub fn new_cell(&mut self, v: Value) -> Value {
        Value::Obj(Object::new(self.types.cell.clone(), Payload::Cell(std::cell::RefCell::new(v))))
    }
}

/// Removes `name` from a namespace map; false when it was absent.
fn remove_name(map: &std::cell::RefCell<super::dict::DictMap>, name: &str) -> bool {
    remove_from(&mut map.borrow_mut(), name)
}

fn remove_from(d: &mut super::dict::DictMap, name: &str) -> bool {
    match d.probe(str_hash(name), &Value::str(name)) {
        super::dict::Probe::Found(i) => {
            d.remove_at(i);
            true
        }
        _ => false,
    }
}

/// A method that the script metaclass of class `c` defines (`EnumType.__iter__`, ...).
pub(crate) fn meta_method(c: &Rc<Class>, name: &str) -> Option<Value> {
    c.meta.as_ref()?.lookup(name).filter(|f| matches!(f, Value::Func(_)))
}

/// CPython's `co_flags` bits for what a code object records (inspect reads them).
fn code_flags(code: &crate::compiler::bytecode::Code) -> i64 {
    use crate::compiler::bytecode::CodeKind;
    const OPTIMIZED_NEWLOCALS: i64 = 0x03;
    const VARARGS: i64 = 0x04;
    const VARKEYWORDS: i64 = 0x08;
    const GENERATOR: i64 = 0x20;
    const COROUTINE: i64 = 0x80;
    const ASYNC_GENERATOR: i64 = 0x200;
    let mut flags = match code.kind {
        CodeKind::Module | CodeKind::Class => 0,
        CodeKind::Function => OPTIMIZED_NEWLOCALS,
        CodeKind::Generator => OPTIMIZED_NEWLOCALS | GENERATOR,
        CodeKind::Coroutine => OPTIMIZED_NEWLOCALS | COROUTINE,
        CodeKind::AsyncGenerator => OPTIMIZED_NEWLOCALS | ASYNC_GENERATOR,
    };
    if code.has_varargs {
        flags |= VARARGS;
    }
    if code.has_varkw {
        flags |= VARKEYWORDS;
    }
    flags
}

/// A SyntaxError field from its arguments, as `SyntaxError(msg, (filename, lineno, offset,
/// text[, end_lineno, end_offset]))` sets them; None when absent.
pub(crate) fn syntax_error_field(args: &[Value], n: &str) -> Value {
    if n == "msg" {
        return args.first().cloned().unwrap_or(Value::None);
    }
    let Some(Value::Tuple(details)) = args.get(1).filter(|_| args.len() == 2) else { return Value::None };
    let i = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().position(|f| *f == n);
    i.and_then(|i| details.items.get(i).cloned()).unwrap_or(Value::None)
}

/// A metaclass's own `__setattr__`/`__delattr__` (a script function), which a store into or
/// removal from the class goes through.
fn meta_hook(c: &Class, name: &str) -> Option<Value> {
    c.meta.as_ref()?.lookup(name).filter(|f| matches!(f, Value::Func(_)))
}
