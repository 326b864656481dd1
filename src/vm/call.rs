//! Calls: argument binding (CPython's rules and messages), the stackless call paths used by
//! the dispatch loop, nested calls from native code (bounded by `MAX_NATIVE_DEPTH`), class
//! instantiation, and the creation of functions, classes and generator objects.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::dict::DictMap;
use super::frame::{Fiber, Frame, FrameKind};
use super::interp::Outcome;
use super::object::{Args, BaseKind, Class, CodeObj, Dict, Function, GenState, Generator, Object, Payload};
use super::value::Value;
use super::{Exc, PyResult, Vm};
use crate::compiler::bytecode::{Code, CodeKind, Const};

/// `hash("__init__")`, for the instantiation fast path's cached lookups.
const INIT_HASH: i64 = super::object::str_hash("__init__");
/// `hash("__new__")`.
const NEW_HASH: i64 = super::object::str_hash("__new__");

impl Vm {
    /// Calls `f(*args)` from native code and waits for the result.
    pub fn call(&mut self, f: &Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_kw(f, args, Vec::new())
    }

    /// Calls `f(*args)` from native code with borrowed arguments: a script function that
    /// binds them by position gets them cloned straight into its fiber's registers, with no
    /// argument vector and no `bind_args` (the key function of `sorted`, `min`, `max`).
    /// Anything else goes through [`Vm::call`].
    pub fn call_args(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        if let Value::Func(func) = f {
            if func.code.fast_argc.is_some_and(|n| n as usize == args.len()) {
                let mut fiber = self.new_fiber(func.code.clone(), func.globals.clone(), args.iter().cloned());
                super::interp::closure_into(&mut fiber.stack, func, 1);
                return self.run_nested(fiber);
            }
        }
        self.call(f, args.to_vec())
    }

    /// Calls `f(*args, **kw)` from native code and waits for the result.
    pub fn call_kw(&mut self, f: &Value, args: Vec<Value>, kw: Vec<(Value, Value)>) -> PyResult<Value> {
        match f {
            Value::Func(func) => {
                let regs = self.bind_args(func, args, &kw)?;
                if func.code.code.is_resumable() {
                    return Ok(self.make_generator(func, regs));
                }
                let fiber = self.new_fiber(func.code.clone(), func.globals.clone(), regs);
                self.run_nested(fiber)
            }
            Value::Class(cls) => self.instantiate(cls, args, kw),
            Value::Obj(o) => match &o.payload {
                Payload::Native(n) => {
                    if n.is_method && args.is_empty() {
                        // An unbound method called without its receiver.
                        let owner = n.owner.as_ref().and_then(|o| o.upgrade());
                        let name = owner.map_or(n.name.to_string(), |c| format!("{}.{}", c.name(), n.name));
                        return Err(self
                            .new_error("TypeError", &format!("unbound method {name}() needs an argument")));
                    }
                    if let (Some(allowed), false) = (n.kwargs, kw.is_empty()) {
                        self.check_kwargs(n.name, allowed, &kw)?;
                    }
                    let r = match (n.f)(self, Args { pos: &args, kw: &kw }) {
                        Ok(r) => r,
                        Err(e) => return Err(self.foreign_receiver_error(n, args.first(), e)),
                    };
                    self.gc_track_fresh(&r);
                    Ok(r)
                }
                Payload::NativeClosure(c) => {
                    let c = c.f.clone();
                    c(self, Args { pos: &args, kw: &kw })
                }
                Payload::StaticMethod(func) => {
                    let func = func.clone();
                    self.call_kw(&func, args, kw)
                }
                Payload::BoundMethod(func, obj) => {
                    // A native method called with only its receiver (the event loop's I/O
                    // callbacks, once per readiness event): no argument vector to allocate.
                    if let (true, Some(Payload::Native(n))) = (args.is_empty(), func.payload()) {
                        if let (Some(allowed), false) = (n.kwargs, kw.is_empty()) {
                            self.check_kwargs(n.name, allowed, &kw)?;
                        }
                        return (n.f)(self, Args { pos: std::slice::from_ref(obj), kw: &kw });
                    }
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(obj.clone());
                    full.extend(args);
                    let func = func.clone();
                    self.call_kw(&func, full, kw)
                }
                _ => self.call_dunder_call(f, args, kw),
            },
            _ => self.call_dunder_call(f, args, kw),
        }
    }

    /// A builtin method's TypeError when its receiver is not an instance of the class that
    /// defines it (`str.upper(5)`) becomes CPython's method-descriptor error; any other error
    /// is returned as it is. Only failed calls pay for the check.
    fn foreign_receiver_error(&mut self, n: &super::object::Native, receiver: Option<&Value>, e: Exc) -> Exc {
        // No receiver at all: a static native (or an unbound method reached without the
        // unbound-method check) called with no arguments keeps its own error.
        let Some(receiver) = receiver else { return e };
        let Some(owner) = n.owner.as_ref().and_then(|o| o.upgrade()) else { return e };
        // Dunders are CPython's slot wrappers, whose message ("requires a 'int' object but
        // received a 'str'") their natives give themselves.
        let dunder = n.name.starts_with("__") && n.name.ends_with("__");
        if !n.is_method || dunder || !e.class.is_subclass(&self.exc_class("TypeError")) {
            return e;
        }
        let cls = self.type_of(receiver);
        if cls.is_subclass(&owner) {
            return e;
        }
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            n.name,
            owner.name(),
            cls.name()
        );
        self.new_error("TypeError", &msg)
    }

    fn call_dunder_call(&mut self, f: &Value, args: Vec<Value>, kw: Vec<(Value, Value)>) -> PyResult<Value> {
        let cls = self.type_of(f);
        // Script classes, and native extension objects whose class defines `__call__`
        // (`list[int](...)`).
        if cls.is_heap || matches!(f.payload(), Some(Payload::Ext(_) | Payload::Future(_))) {
            if let Some(m) = cls.lookup("__call__") {
                let mut full = vec![f.clone()];
                full.extend(args);
                return self.call_kw(&m, full, kw);
            }
        }
        let t = self.type_name(f);
        Err(self.new_error("TypeError", &format!("'{t}' object is not callable")))
    }

    /// Rejects keyword arguments a builtin does not take, with CPython's messages.
    pub fn check_kwargs(&mut self, name: &str, allowed: &[&str], kw: &[(Value, Value)]) -> PyResult<()> {
        if allowed.is_empty() {
            return Err(self.new_error("TypeError", &format!("{name}() takes no keyword arguments")));
        }
        for (k, _) in kw {
            let k = k.as_str().unwrap_or("");
            if !allowed.contains(&k) {
                return Err(self
                    .new_error("TypeError", &format!("'{k}' is an invalid keyword argument for {name}()")));
            }
        }
        Ok(())
    }

    /// The `__init__` of `cls` when `cls(<n positional args>)` can take the fast path: a
    /// script class with `object.__new__` and an `__init__` taking exactly self and `n`
    /// positional arguments. A class whose `__init__` is `object.__init__` gets None here
    /// and true from [`Vm::plain_object_init`].
    #[inline(always)]
    fn plain_init(&mut self, cls: &Rc<Class>, n: usize) -> Option<Rc<Function>> {
        // Known plain in this epoch: the `__init__` remembered with it is still the class's.
        if cls.plain_new_epoch.get() == super::object::class_epoch() {
            let init = cls.plain_init.borrow().upgrade()?;
            return (init.code.fast_argc == Some(n as u16 + 1)).then_some(init);
        }
        self.find_plain_init(cls, n)
    }

    /// True when `cls()` (no argument) only makes an instance: `object.__new__` and
    /// `object.__init__`, as [`Vm::plain_init`] found in this epoch (call that first).
    #[inline]
    fn plain_object_init(cls: &Class) -> bool {
        cls.plain_new_epoch.get() == super::object::class_epoch() && cls.plain_object_init.get()
    }

    /// [`Vm::plain_init`] for a class not known plain in this epoch: looks `__init__` and
    /// `__new__` up and remembers the answer for the epoch.
    #[inline(never)]
    fn find_plain_init(&mut self, cls: &Rc<Class>, n: usize) -> Option<Rc<Function>> {
        if !cls.is_heap || cls.kind != BaseKind::Object || cls.meta.is_some() {
            return None;
        }
        let object = self.types.object.clone();
        let init = match self.lookup_cached(cls, INIT_HASH, "__init__")? {
            Value::Func(init) if init.code.fast_argc == Some(n as u16 + 1) => Some(init),
            init if self.lookup_cached(&object, INIT_HASH, "__init__").is_some_and(|o| o.is(&init)) => None,
            _ => return None,
        };
        let new = self.lookup_cached(cls, NEW_HASH, "__new__");
        let base_new = self.lookup_cached(&object, NEW_HASH, "__new__");
        let plain = match (new, base_new) {
            (Some(a), Some(b)) => a.is(&b),
            (None, _) => true,
            _ => false,
        };
        if !plain {
            return None;
        }
        cls.plain_new_epoch.set(super::object::class_epoch());
        cls.plain_object_init.set(init.is_none());
        *cls.plain_init.borrow_mut() = init.as_ref().map_or_else(std::rc::Weak::new, Rc::downgrade);
        init
    }

    /// True when `cls.__new__` is `object.__new__` (a plain instance can be made directly).
    fn default_new(&self, cls: &Rc<Class>) -> bool {
        match (cls.lookup("__new__"), self.types.object.lookup("__new__")) {
            (Some(a), Some(b)) => a.is(&b),
            (None, _) => true,
            _ => false,
        }
    }

    /// `callable(v)`.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Func(_) | Value::Class(_) => true,
            Value::Obj(o) => {
                matches!(
                    o.payload,
                    Payload::Native(_) | Payload::NativeClosure(..) | Payload::BoundMethod(..)
                ) || o.class.lookup("__call__").is_some()
            }
            _ => false,
        }
    }

    /// Runs a fresh fiber to completion from native code.
    pub(crate) fn run_nested(&mut self, fiber: Box<Fiber>) -> PyResult<Value> {
        self.enter_native("")?;
        // The base frame counts as one level (the one `enter_native` added); `pop_frame`
        // takes it off when it finishes, so only the native level is left here.
        let out = self.drive(fiber, None);
        self.native_depth -= 1;
        match out {
            Outcome::Returned(v) => Ok(v),
            Outcome::Raised(e) => Err(e),
            Outcome::Yielded(_) => {
                Err(self.new_error("RuntimeError", "unexpected yield from a plain function"))
            }
        }
    }

    /// Calls `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let n = self.intern(name);
        let (f, s) = self.load_method(obj, &n)?;
        let mut full = Vec::with_capacity(args.len() + 1);
        if !s.is_undef() {
            full.push(s);
        }
        full.extend(args);
        self.call(&f, full)
    }

    /// A bound method object: a `method` for a script function, a
    /// `builtin_function_or_method` for a native method (`[].append`), a `method-wrapper`
    /// for a native slot (`(1).__add__`), as in CPython.
    pub fn bound_method(&mut self, f: Value, obj: Value) -> Value {
        let class = match f.payload() {
            Some(Payload::Native(n)) if n.is_slot_wrapper() => &self.types.method_wrapper,
            Some(Payload::Native(_) | Payload::NativeClosure(_)) => &self.types.builtin_function,
            _ => &self.types.method,
        };
        Value::Obj(Object::new(class.clone(), Payload::BoundMethod(f, obj)))
    }

    /// `name()` as used in call error messages (`f()`, `A.f()`).
    pub fn callable_name(&self, f: &Value) -> String {
        match f {
            Value::Func(func) => format!("{}()", func.qualname.borrow().as_str().unwrap_or("?")),
            Value::Class(c) => format!("{}()", c.name()),
            Value::Obj(o) => match &o.payload {
                Payload::Native(n) => format!("{}()", n.name),
                Payload::BoundMethod(f, _) => self.callable_name(f),
                _ => "object".to_string(),
            },
            _ => "object".to_string(),
        }
    }

    /// Binds positional and keyword arguments to a function's parameters, returning the
    /// initial registers (parameters in order, then the closure cells at their registers).
    pub fn bind_args(
        &mut self,
        func: &Rc<Function>,
        mut pos: Vec<Value>,
        kw: &[(Value, Value)],
    ) -> PyResult<Vec<Value>> {
        let code: &Code = &func.code.code;
        let argc = code.argcount as usize;
        let kwonly = code.kwonlycount as usize;
        let simple =
            kw.is_empty() && !code.has_varargs && !code.has_varkw && kwonly == 0 && pos.len() == argc;
        let mut regs = if simple {
            pos
        } else {
            let nparams = argc + kwonly + code.has_varargs as usize + code.has_varkw as usize;
            let mut regs = vec![Value::Undef; nparams];
            let extra = if pos.len() > argc { pos.split_off(argc) } else { Vec::new() };
            let npos = pos.len();
            for (i, v) in pos.into_iter().enumerate() {
                regs[i] = v;
            }
            let vararg_reg = argc;
            let kwonly_start = argc + code.has_varargs as usize;
            let varkw_reg = kwonly_start + kwonly;
            let nextra = extra.len();
            if code.has_varargs {
                regs[vararg_reg] = Value::tuple(extra);
            }
            let varkw = if code.has_varkw { Some(Rc::new(Dict::default())) } else { None };
            for (k, v) in kw {
                let name = k.as_str().unwrap_or("");
                let slot = code.varnames[..argc]
                    .iter()
                    .position(|n| &**n == name)
                    .filter(|&i| i >= code.posonlycount as usize);
                let slot = slot.or_else(|| {
                    code.varnames[kwonly_start..kwonly_start + kwonly]
                        .iter()
                        .position(|n| &**n == name)
                        .map(|i| i + kwonly_start)
                });
                match slot {
                    Some(i) => {
                        if !regs[i].is_undef() {
                            let q = self.callable_name(&Value::Func(func.clone()));
                            return Err(self.new_error(
                                "TypeError",
                                &format!("{q} got multiple values for argument '{name}'"),
                            ));
                        }
                        regs[i] = v.clone();
                    }
                    None => match &varkw {
                        Some(d) => self.dict_set(d, k.clone(), v.clone())?,
                        None => {
                            let q = self.callable_name(&Value::Func(func.clone()));
                            let posonly = &code.varnames[..code.posonlycount as usize];
                            if posonly.iter().any(|n| &**n == name) {
                                let passed: Vec<&str> = posonly
                                    .iter()
                                    .filter(|n| kw.iter().any(|(k, _)| k.as_str() == Some(&***n)))
                                    .map(|n| &**n)
                                    .collect();
                                return Err(self.new_error(
                                    "TypeError",
                                    &format!(
                                        "{q} got some positional-only arguments passed as keyword arguments: '{}'",
                                        passed.join(", ")
                                    ),
                                ));
                            }
                            return Err(self.new_error(
                                "TypeError",
                                &format!("{q} got an unexpected keyword argument '{name}'"),
                            ));
                        }
                    },
                }
            }
            // As CPython: keyword errors are reported before too many positional arguments.
            if nextra > 0 && !code.has_varargs {
                let kwonly_names = &code.varnames[kwonly_start..kwonly_start + kwonly];
                let kwonly_given =
                    kw.iter().filter(|(k, _)| kwonly_names.iter().any(|n| Some(&**n) == k.as_str())).count();
                return Err(self.too_many_positional(func, npos + nextra, kwonly_given));
            }
            if let Some(d) = varkw {
                regs[varkw_reg] = Value::Dict(d);
            }
            self.fill_defaults(func, &mut regs, npos, kwonly_start)?;
            regs
        };
        if !code.freevars.is_empty() {
            let last = code.freevars.iter().map(|(r, _)| r.idx()).max().unwrap_or(0);
            if regs.len() <= last {
                regs.resize(last + 1, Value::Undef);
            }
            for (i, (r, _)) in code.freevars.iter().enumerate() {
                regs[r.idx()] = func.closure.get(i).cloned().unwrap_or(Value::Undef);
            }
        }
        Ok(regs)
    }

    fn fill_defaults(
        &mut self,
        func: &Rc<Function>,
        regs: &mut [Value],
        npos: usize,
        kwonly_start: usize,
    ) -> PyResult<()> {
        let code = &func.code.code;
        let argc = code.argcount as usize;
        let ndef = func.defaults.len();
        let mut missing = Vec::new();
        for (i, reg) in regs.iter_mut().enumerate().take(argc).skip(npos) {
            if reg.is_undef() {
                if i + ndef >= argc {
                    *reg = func.defaults[i + ndef - argc].clone();
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(func, &missing, "positional"));
        }
        let kwonly_end = kwonly_start + code.kwonlycount as usize;
        for (i, reg) in regs.iter_mut().enumerate().take(kwonly_end).skip(kwonly_start) {
            if reg.is_undef() {
                let name = &code.varnames[i];
                let d = func
                    .kwdefaults
                    .as_ref()
                    .and_then(|d| d.map.borrow().get_str(super::object::str_hash(name), name).cloned());
                match d {
                    Some(v) => *reg = v,
                    None => missing.push(name.to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(func, &missing, "keyword-only"));
        }
        Ok(())
    }

    fn missing_args(&mut self, func: &Rc<Function>, names: &[String], kind: &str) -> Exc {
        let q = self.callable_name(&Value::Func(func.clone()));
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
        };
        let plural = if names.len() == 1 { "argument" } else { "arguments" };
        self.new_error("TypeError", &format!("{q} missing {} required {kind} {plural}: {list}", names.len()))
    }

    fn too_many_positional(&mut self, func: &Rc<Function>, given: usize, kwonly_given: usize) -> Exc {
        let q = self.callable_name(&Value::Func(func.clone()));
        let code = &func.code.code;
        let argc = code.argcount as usize;
        let ndef = func.defaults.len().min(argc);
        let (sig, plural) = if ndef > 0 {
            (format!("from {} to {argc}", argc - ndef), true)
        } else {
            (argc.to_string(), argc != 1)
        };
        let s = |plural: bool| if plural { "s" } else { "" };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {kwonly_given} keyword-only argument{})",
                s(given != 1),
                s(kwonly_given != 1)
            )
        } else {
            String::new()
        };
        let was = if given == 1 && kwonly_given == 0 { "was" } else { "were" };
        self.new_error(
            "TypeError",
            &format!("{q} takes {sig} positional argument{} but {given}{kwonly_sig} {was} given", s(plural)),
        )
    }

    /// `module.qualname()` as CPython names a callable in some call errors.
    pub fn function_str(&self, f: &Value) -> String {
        match f {
            Value::Func(func) => {
                let module = func
                    .globals
                    .map
                    .borrow()
                    .get_str(super::object::str_hash("__name__"), "__name__")
                    .cloned();
                let q = func.qualname.borrow().as_str().unwrap_or("?").to_string();
                match module {
                    Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.{q}()", m.as_str()),
                    _ => format!("{q}()"),
                }
            }
            Value::Obj(o) => match &o.payload {
                Payload::BoundMethod(f, _) => self.function_str(f),
                _ => self.callable_name(f),
            },
            Value::Class(c) if c.is_heap => match c.lookup("__module__") {
                Some(Value::Str(m)) if m.as_str() != "builtins" => {
                    format!("{}.{}()", m.as_str(), c.qualname.borrow())
                }
                _ => self.callable_name(f),
            },
            _ => self.callable_name(f),
        }
    }

    /// The dispatch loop's call: callee at `stack[at]`, `n` arguments from `window` (keyword
    /// values last, named by `kwnames`). Returns true when a frame was pushed.
    pub(crate) fn call_at(
        &mut self,
        fiber: &mut Fiber,
        at: usize,
        mut window: usize,
        mut n: usize,
        kwnames: Option<&Value>,
    ) -> PyResult<bool> {
        if self.has_pending_finalizers() {
            self.run_finalizers();
        }
        if matches!(fiber.stack[at], Value::Class(_)) && kwnames.is_none() && window == at + 1 {
            if let Some(done) = self.call_plain_class(fiber, at, n) {
                return done;
            }
        }
        let mut callee = fiber.stack[at].clone();
        loop {
            match &callee {
                Value::Func(f) if kwnames.is_none() => {
                    let code = &f.code.code;
                    let simple = !code.has_varargs
                        && !code.has_varkw
                        && code.kwonlycount == 0
                        && n == code.argcount as usize;
                    if simple && code.freevars.is_empty() && !code.is_resumable() {
                        let nregs = code.nregs as usize;
                        if fiber.stack.len() < window + nregs {
                            fiber.stack.resize(window + nregs, Value::Undef);
                        }
                        // Locals must start unbound; temporaries are written before use.
                        let nlocals = code.varnames.len().max(n);
                        for slot in &mut fiber.stack[window + n..window + nlocals] {
                            Value::put(slot, Value::Undef);
                        }
                        let frame = Frame::new(
                            f.code.clone(),
                            f.globals.clone(),
                            None,
                            window,
                            at,
                            FrameKind::Normal,
                        );
                        self.push_frame(fiber, frame)?;
                        return Ok(true);
                    }
                    if simple && code.freevars.is_empty() {
                        // A generator or coroutine function (`job(i)` of every spawned task):
                        // its fiber's registers come straight from the call window, with no
                        // argument vector and no `bind_args` (which would return it as is).
                        let regs = fiber.stack[window..window + n].iter_mut().map(std::mem::take);
                        fiber.stack[at] = self.make_generator(f, regs);
                        return Ok(false);
                    }
                    break;
                }
                Value::Obj(o) => match &o.payload {
                    Payload::BoundMethod(f, s) if window > at || window == at + 1 => {
                        fiber.stack[window - 1] = s.clone();
                        window -= 1;
                        n += 1;
                        callee = f.clone();
                        if window <= at {
                            break;
                        }
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        if kwnames.is_none() {
            if let Some(f) = plain_native(&callee, n) {
                // A native function reads its arguments straight from the call window; they
                // are released right after, as if the call had consumed them.
                let mut r = f(self, Args { pos: &fiber.stack[window..window + n], kw: &[] });
                if let (Err(e), Some(Payload::Native(nf))) = (&r, callee.payload()) {
                    r = Err(self.foreign_receiver_error(
                        nf,
                        fiber.stack[window..window + n].first(),
                        e.clone(),
                    ));
                }
                for slot in &mut fiber.stack[window..window + n] {
                    Value::put(slot, Value::Undef);
                }
                let v = r?;
                self.gc_track_fresh(&v);
                fiber.stack[at] = v;
                return Ok(false);
            }
        }
        let (pos, kw) = split_args(&mut fiber.stack[window..window + n], kwnames);
        self.invoke(fiber, callee, pos, kw, at)
    }

    /// `cls(args)` for a script class with `object.__new__` and a plain `__init__` (or none
    /// and no arguments), the class in register `at` and its `n` arguments above it: makes
    /// the instance and runs `__init__` in the call window, self first. The class is borrowed
    /// from its register, not cloned, and released there when the instance replaces it (a
    /// clone of the callee and its out-of-line drop cost about a twentieth of a
    /// construction). None, with nothing done, for any other class.
    #[inline(always)]
    fn call_plain_class(&mut self, fiber: &mut Fiber, at: usize, n: usize) -> Option<PyResult<bool>> {
        let Value::Class(cls) = &fiber.stack[at] else { return None };
        let Some(init) = self.plain_init(cls, n) else {
            if n == 0 && Self::plain_object_init(cls) {
                // `cls()` with object.__new__ and object.__init__: nothing to run.
                let obj = Value::Obj(self.plain_instance(cls));
                Value::put(&mut fiber.stack[at], obj);
                return Some(Ok(false));
            }
            return None;
        };
        let obj = Value::Obj(self.plain_instance(cls));
        let window = at + 1;
        let end = window + n + 1;
        if fiber.stack.len() < end {
            fiber.stack.resize(end, Value::Undef);
        }
        // Shift the arguments up one slot (a general `rotate_right` costs about ninety
        // instructions for these few values).
        for i in (window + 1..end).rev() {
            fiber.stack.swap(i, i - 1);
        }
        // Stored through `Value::put`: the old values (a stale register, the class) are
        // released inline, not by out-of-line calls of the drop glue.
        Value::put(&mut fiber.stack[window], obj.clone());
        if let Err(e) = self.push_fast_kind(fiber, &init, at, n + 1, FrameKind::Init) {
            return Some(Err(e));
        }
        Value::put(&mut fiber.stack[at], obj);
        Some(Ok(true))
    }

    /// `f(*args, **kwargs)` from the dispatch loop: `stack[at]` is f, then the tuple and dict.
    pub(crate) fn call_ex(&mut self, fiber: &mut Fiber, at: usize) -> PyResult<bool> {
        let callee = fiber.stack[at].clone();
        let args = std::mem::take(&mut fiber.stack[at + 1]);
        let kwargs = std::mem::take(&mut fiber.stack[at + 2]);
        let pos = match &args {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.items.borrow().clone(),
            other => match self.collect(other) {
                Ok(v) => v,
                Err(e) if self.is_not_iterable_error(&e, other) => {
                    let name = self.function_str(&callee);
                    let t = self.type_name(other);
                    return Err(self.new_error(
                        "TypeError",
                        &format!("{name} argument after * must be an iterable, not {t}"),
                    ));
                }
                Err(e) => return Err(e),
            },
        };
        let kw: Vec<(Value, Value)> = match self.dict_of(&kwargs) {
            Some(d) => d.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            None => Vec::new(),
        };
        self.invoke(fiber, callee, pos, kw, at)
    }

    /// The general call path: pushes a frame for script code, otherwise calls natively and
    /// stores the result in `stack[ret]`.
    fn invoke(
        &mut self,
        fiber: &mut Fiber,
        callee: Value,
        pos: Vec<Value>,
        kw: Vec<(Value, Value)>,
        ret: usize,
    ) -> PyResult<bool> {
        match &callee {
            Value::Func(f) => {
                let regs = self.bind_args(f, pos, &kw)?;
                if f.code.code.is_resumable() {
                    fiber.stack[ret] = self.make_generator(f, regs);
                    return Ok(false);
                }
                self.push_with_regs(fiber, f, regs, ret, FrameKind::Normal)?;
                Ok(true)
            }
            // A bound script method (`self.m(*args, **kw)`): its function gets `self` first
            // and runs on this fiber, like any script call.
            Value::Obj(o) if matches!(&o.payload, Payload::BoundMethod(Value::Func(_), _)) => {
                let Payload::BoundMethod(func, this) = &o.payload else { unreachable!() };
                let mut full = Vec::with_capacity(pos.len() + 1);
                full.push(this.clone());
                full.extend(pos);
                let func = func.clone();
                self.invoke(fiber, func, full, kw, ret)
            }
            Value::Class(cls)
                if cls.is_heap
                    && cls.kind == BaseKind::Object
                    && cls.meta.is_none()
                    && self.default_new(cls) =>
            {
                match cls.lookup("__init__") {
                    Some(Value::Func(init)) => {
                        // Made only here: an instance made and dropped unused would run
                        // its class's `__del__`.
                        let obj = Value::Obj(Object::with_dict(cls.clone(), Payload::Plain));
                        self.gc_track(&obj);
                        let mut full = Vec::with_capacity(pos.len() + 1);
                        full.push(obj.clone());
                        full.extend(pos);
                        let regs = self.bind_args(&init, full, &kw)?;
                        if init.code.code.is_resumable() {
                            return Err(
                                self.new_error("TypeError", "__init__() should return None, not 'generator'")
                            );
                        }
                        self.push_with_regs(fiber, &init, regs, ret, FrameKind::Init)?;
                        fiber.stack[ret] = obj;
                        Ok(true)
                    }
                    _ => {
                        let v = self.instantiate(cls, pos, kw)?;
                        fiber.stack[ret] = v;
                        Ok(false)
                    }
                }
            }
            _ => {
                let wants_frame = matches!(callee.payload(), Some(Payload::Native(n)) if n.frame);
                if wants_frame {
                    self.caller = Some(self.caller_frame(fiber));
                }
                let r = self.call_kw(&callee, pos, kw);
                if wants_frame {
                    self.caller = None;
                }
                let v = r?;
                // Native functions and builtin constructors make the big objects
                // (`''.join`, `list(range(n))`, `bytes(n)`): charge them to the memory limit.
                self.mem_track_value(&v)?;
                fiber.stack[ret] = v;
                Ok(false)
            }
        }
    }

    /// The namespaces of the fiber's top frame, for `globals()` and `locals()`.
    fn caller_frame(&mut self, fiber: &Fiber) -> super::CallerFrame {
        let frame = fiber.frames.last().expect("a running frame");
        let globals = Rc::clone(&frame.globals);
        let code = &frame.code.code;
        let locals = match &frame.locals {
            Some(ns) => ns.clone(),
            None if code.kind == CodeKind::Module => globals.clone(),
            None => {
                let d = Rc::new(Dict::default());
                let base = frame.base as usize;
                let cells: Vec<usize> =
                    code.cellvars.iter().chain(code.freevars.iter()).map(|(r, _)| r.idx()).collect();
                for (i, name) in code.varnames.iter().enumerate() {
                    let raw = fiber.stack.get(base + i).cloned().unwrap_or_default();
                    let v = if cells.contains(&i) { super::interp::cell_get(&raw) } else { raw };
                    if !v.is_undef() {
                        let key = self.intern(name);
                        d.map.borrow_mut().set_str(super::object::str_hash(name), key, v);
                    }
                }
                d
            }
        };
        let stack = fiber.frames.iter().map(|f| (Rc::clone(&f.code), f.pc, Rc::clone(&f.globals))).collect();
        super::CallerFrame { globals, locals, stack, green: fiber.green }
    }

    fn push_with_regs(
        &mut self,
        fiber: &mut Fiber,
        f: &Rc<Function>,
        regs: Vec<Value>,
        ret: usize,
        kind: FrameKind,
    ) -> PyResult<()> {
        let window = ret + 1;
        let nregs = f.code.code.nregs as usize;
        if fiber.stack.len() < window + nregs {
            fiber.stack.resize(window + nregs, Value::Undef);
        }
        let nargs = regs.len();
        for (slot, v) in fiber.stack[window..].iter_mut().zip(regs) {
            *slot = v;
        }
        for slot in &mut fiber.stack[window + nargs..window + nregs] {
            *slot = Value::Undef;
        }
        let frame = Frame::new(f.code.clone(), f.globals.clone(), None, window, ret, kind);
        self.push_frame(fiber, frame)
    }

    /// `cls(*args, **kw)`.
    pub fn instantiate(
        &mut self,
        cls: &Rc<Class>,
        args: Vec<Value>,
        kw: Vec<(Value, Value)>,
    ) -> PyResult<Value> {
        if let Some(meta) = &cls.meta {
            if let Some(call) = meta.lookup("__call__") {
                if matches!(call, Value::Func(_)) {
                    let mut full = vec![Value::Class(cls.clone())];
                    full.extend(args);
                    return self.call_kw(&call, full, kw);
                }
            }
        }
        if args.is_empty()
            && kw.is_empty()
            && self.plain_init(cls, 0).is_none()
            && Self::plain_object_init(cls)
        {
            return Ok(Value::Obj(self.plain_instance(cls)));
        }
        self.construct(cls, args, kw)
    }

    /// A new instance of a script class made by `object.__new__`: an empty attribute dict,
    /// left out of the collector's registry until it may join a cycle.
    #[inline(always)]
    fn plain_instance(&mut self, cls: &Rc<Class>) -> Rc<Object> {
        let o = match Object::revive(cls) {
            Some(o) => o,
            None => Object::with_dict(cls.clone(), Payload::Plain),
        };
        self.gc_track_instance(&o);
        o
    }

    /// `type.__call__(cls, *args, **kw)`: `cls.__new__`, then `__init__` when the result is an
    /// instance of `cls`.
    pub fn construct(
        &mut self,
        cls: &Rc<Class>,
        args: Vec<Value>,
        kw: Vec<(Value, Value)>,
    ) -> PyResult<Value> {
        let new = cls.lookup("__new__");
        let obj = match &new {
            Some(Value::Obj(o)) if matches!(o.payload, Payload::StaticMethod(_)) => {
                let Payload::StaticMethod(f) = &o.payload else { unreachable!() };
                let mut full = vec![Value::Class(cls.clone())];
                full.extend(args.iter().cloned());
                self.call_kw(&f.clone(), full, kw.clone())?
            }
            Some(f @ Value::Func(_)) => {
                let mut full = vec![Value::Class(cls.clone())];
                full.extend(args.iter().cloned());
                self.call_kw(f, full, kw.clone())?
            }
            Some(f @ Value::Obj(_)) => {
                let mut full = vec![Value::Class(cls.clone())];
                full.extend(args.iter().cloned());
                let r = self.call_kw(f, full, kw.clone())?;
                if !cls.is_heap {
                    return Ok(r);
                }
                r
            }
            _ => match cls.kind {
                BaseKind::Object => Value::Obj(self.plain_instance(cls)),
                BaseKind::Exception => Value::Obj(self.new_exception(cls, args.clone())),
                _ => {
                    return Err(
                        self.new_error("TypeError", &format!("cannot create '{}' instances", cls.name()))
                    )
                }
            },
        };
        if !self.type_of(&obj).is_subclass(cls) {
            return Ok(obj);
        }
        if let Some(init) = cls.lookup("__init__") {
            // A builtin's own `__new__` already consumed the arguments; a script subclass
            // runs whichever `__init__` it inherits (list.__init__ fills the new list).
            let object_init = self.types.object.lookup("__init__").is_some_and(|o| o.is(&init));
            if matches!(init, Value::Func(_)) || (cls.is_heap && !object_init) {
                let mut full = vec![obj.clone()];
                full.extend(args);
                let r = self.call_kw(&init, full, kw)?;
                if !r.is_none() {
                    let t = self.type_name(&r);
                    return Err(
                        self.new_error("TypeError", &format!("__init__() should return None, not '{t}'"))
                    );
                }
            } else if cls.kind == BaseKind::Object
                && (!args.is_empty() || !kw.is_empty())
                && (new.is_none() || self.default_new(cls))
            {
                return Err(self.new_error("TypeError", &format!("{}() takes no arguments", cls.name())));
            }
        }
        Ok(obj)
    }

    /// Creates a function object from a code constant (`MakeFunction`).
    pub fn make_function(&mut self, code: &Value, globals: Rc<Dict>, parts: [Value; 4]) -> Value {
        let Some(Payload::Code(code)) = code.payload() else { return Value::None };
        let [defaults, kwdefaults, closure, annotations] = parts;
        let defaults = match defaults {
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        };
        let kwdefaults = match kwdefaults {
            Value::Dict(d) => Some(d),
            _ => None,
        };
        let closure = match closure {
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        };
        let name = self.intern(&code.code.name);
        let qualname = self.intern(&code.code.qualname);
        let mut dict = DictMap::new();
        if !annotations.is_none() {
            let key = self.intern("__annotations__");
            dict.set_str(super::object::str_hash("__annotations__"), key, annotations);
        }
        Value::Func(Rc::new(Function {
            code: code.clone(),
            globals,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults,
            kwdefaults,
            closure,
            dict: RefCell::new(dict),
            gc_slot: Default::default(),
        }))
    }

    /// Converts a compiled code object (and its nested code) into a runtime `CodeObj`, once
    /// its instructions pass the bytecode verifier (`vm::verify`; a refusal is an internal
    /// error, raised as SystemError).
    pub fn load_code(&mut self, code: &Rc<Code>) -> PyResult<Rc<CodeObj>> {
        let instrs = super::quicken::quicken(&code.instrs);
        let verified = match super::verify::verified(code, &instrs) {
            Ok(v) => v,
            Err(why) => return Err(self.new_error("SystemError", &format!("invalid bytecode: {why}"))),
        };
        let mut consts = Vec::with_capacity(code.consts.len());
        for c in &code.consts {
            consts.push(self.const_value(c)?);
        }
        let names: Vec<Value> = code.names.iter().map(|n| self.intern(n)).collect();
        Ok(Rc::new(CodeObj {
            instrs,
            nregs: code.nregs,
            code: code.clone(),
            consts: consts.into_boxed_slice(),
            names: names.into_boxed_slice(),
            global_cache: (0..code.names.len()).map(|_| Default::default()).collect(),
            attr_cache: Default::default(),
            fast_argc: (!code.has_varargs
                && !code.has_varkw
                && code.kwonlycount == 0
                && !code.is_resumable())
            .then_some(code.argcount),
            nlocals: code.varnames.len() as u16,
            verified,
        }))
    }

    fn const_value(&mut self, c: &Const) -> PyResult<Value> {
        Ok(match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Ellipsis => self.ellipsis(),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(b) => Value::BigInt(b.clone()),
            Const::Float(f) => Value::Float(*f),
            Const::Imag(f) => self.new_complex((0.0, *f)),
            Const::Str(s) => self.intern(s),
            Const::Bytes(b) => self.new_bytes(b.to_vec()),
            Const::Tuple(items) => {
                let mut v = Vec::with_capacity(items.len());
                for c in items.iter() {
                    v.push(self.const_value(c)?);
                }
                Value::tuple(v)
            }
            Const::Code(code) => {
                let obj = self.load_code(code)?;
                Value::Obj(Object::new(self.types.code.clone(), Payload::Code(obj)))
            }
        })
    }

    /// The `...` singleton.
    pub fn ellipsis(&mut self) -> Value {
        self.singletons.ellipsis.clone()
    }

    /// The `NotImplemented` singleton.
    pub fn not_implemented(&self) -> Value {
        self.singletons.not_implemented.clone()
    }

    /// Makes a generator, coroutine or async generator object for a call of `func`.
    pub fn make_generator(&mut self, func: &Rc<Function>, regs: impl IntoIterator<Item = Value>) -> Value {
        let fiber = self.new_fiber(func.code.clone(), func.globals.clone(), regs);
        let (name, qualname) = (func.name.borrow().clone(), func.qualname.borrow().clone());
        self.generator_object(&func.code.code, fiber, name, qualname)
    }

    /// The coroutine object that runs module-level code with top-level `await` (REPL input).
    pub fn module_coroutine(&mut self, code: &Rc<CodeObj>, fiber: Box<Fiber>) -> Value {
        let name = Value::str(&code.code.name);
        self.generator_object(&code.code, fiber, name.clone(), name)
    }

    fn generator_object(
        &mut self,
        code: &Rc<Code>,
        fiber: Box<Fiber>,
        name: Value,
        qualname: Value,
    ) -> Value {
        let cls = match code.kind {
            CodeKind::Coroutine => self.types.coroutine.clone(),
            CodeKind::AsyncGenerator => self.types.async_generator.clone(),
            _ => self.types.generator.clone(),
        };
        let gen = Generator {
            kind: code.kind,
            state: RefCell::new(GenState::Suspended(fiber)),
            started: Cell::new(false),
            names: Generator::own_names(code, name, qualname),
            code: code.clone(),
            running_async: Cell::new(false),
            hooked: Cell::new(false),
            // Plain generators know where to go if dropped suspended in a `try`/`with`.
            finalizer: Cell::new((code.kind == CodeKind::Generator).then(|| self.gen_finalizer.clone())),
            handled: Cell::new(None),
        };
        let gen = Value::Obj(Object::new(cls, Payload::Generator(gen)));
        self.gc_track(&gen);
        gen
    }

    /// `class` statement: runs the body, then builds the class (`MakeClass`).
    pub fn make_class(&mut self, parts: Vec<Value>, globals: Rc<Dict>) -> PyResult<Value> {
        let mut it = parts.into_iter();
        let (body, name, bases, kwds) = (
            it.next().unwrap_or(Value::None),
            it.next().unwrap_or(Value::None),
            it.next().unwrap_or(Value::None),
            it.next().unwrap_or(Value::None),
        );
        let name = name.as_str().unwrap_or("?").to_string();
        let (bases, orig_bases) = self.resolve_mro_entries(bases)?;
        let mut base_classes = Vec::new();
        if let Value::Tuple(t) = &bases {
            for b in t.items.iter() {
                match b {
                    Value::Class(c) => base_classes.push(c.clone()),
                    _ => return Err(self.new_error("TypeError", "bases must be types")),
                }
            }
        }
        let mut meta = None;
        let mut init_kw = Vec::new();
        if let Some(d) = self.dict_of(&kwds) {
            for (k, v) in d.map.borrow().iter() {
                if k.as_str() == Some("metaclass") {
                    if let Value::Class(m) = v {
                        if !Rc::ptr_eq(m, &self.types.type_) {
                            meta = Some(m.clone());
                        }
                    }
                } else {
                    init_kw.push((k.clone(), v.clone()));
                }
            }
        }
        if meta.is_none() {
            meta = base_classes.iter().find_map(|b| b.meta.clone());
        }
        let prepared = match &meta {
            Some(m) if m.is_heap => self.prepare_namespace(m, &name, &bases, &init_kw)?,
            _ => None,
        };
        let (ns, prepared) = match prepared {
            Some(Value::Dict(d)) => (d, None),
            other => (Rc::new(Dict::default()), other),
        };
        let Value::Func(body) = body else { return Err(self.new_error("SystemError", "bad class body")) };
        let regs = self.bind_args(&body, vec![], &[])?;
        let mut fiber = Fiber::new(body.code.clone(), globals, regs);
        fiber.frames[0].locals = Some(ns.clone());
        let cell = self.run_nested(fiber)?;
        if let Some(orig) = orig_bases {
            self.dict_set(&ns, Value::str("__orig_bases__"), orig)?;
        }
        let cls = match meta {
            // A script metaclass: `meta(name, bases, ns, **kw)` runs its `__new__`/`__init__`.
            Some(m) if m.is_heap => {
                let ns = match prepared {
                    Some(mapping) => self.fill_prepared(mapping, &ns)?,
                    None => Value::Dict(ns),
                };
                let args = vec![Value::str(&name), bases, ns];
                match self.call_kw(&Value::Class(m), args, init_kw)? {
                    Value::Class(c) => c,
                    other => return Ok(other),
                }
            }
            m => self.type_new(&name, base_classes, ns, m, init_kw)?,
        };
        super::interp::cell_set(&cell, Value::Class(cls.clone()));
        Ok(Value::Class(cls))
    }

    /// The namespace a script metaclass's `__prepare__(name, bases, **kw)` returns, if it
    /// defines one (`type.__prepare__` gives a plain dict, which needs no call).
    fn prepare_namespace(
        &mut self,
        meta: &Rc<Class>,
        name: &str,
        bases: &Value,
        kw: &[(Value, Value)],
    ) -> PyResult<Option<Value>> {
        let hash = super::object::str_hash("__prepare__");
        let has = |c: &&Rc<Class>| c.dict.borrow().get_str(hash, "__prepare__").is_some();
        if std::iter::once(meta).chain(meta.mro.iter()).find(has).is_none_or(|c| !c.is_heap) {
            return Ok(None);
        }
        let f = self.get_attr(&Value::Class(meta.clone()), &Value::str("__prepare__"))?;
        let ns = self.call_kw(&f, vec![Value::str(name), bases.clone()], kw.to_vec())?;
        if !matches!(ns, Value::Dict(_)) && self.type_of(&ns).lookup("__getitem__").is_none() {
            let msg =
                format!("{}.__prepare__() must return a mapping, not {}", meta.name(), self.type_name(&ns));
            return Err(self.new_error("TypeError", &msg));
        }
        Ok(Some(ns))
    }

    /// The namespace passed to the metaclass when `__prepare__` returned `mapping`: the
    /// class body ran in a plain dict `ns`, whose entries are now stored into the mapping in
    /// order (an exact dict is used as is).
    fn fill_prepared(&mut self, mapping: Value, ns: &Rc<Dict>) -> PyResult<Value> {
        let items: Vec<(Value, Value)> =
            ns.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in items {
            self.set_item(&mapping, k, v)?;
        }
        Ok(mapping)
    }

    /// PEP 560: a base that is not a class but has `__mro_entries__` is replaced by the
    /// classes that method returns (given the original bases). Returns the bases to use and,
    /// when they changed, the original tuple (for the namespace's `__orig_bases__`).
    fn resolve_mro_entries(&mut self, bases: Value) -> PyResult<(Value, Option<Value>)> {
        let Value::Tuple(t) = &bases else { return Ok((bases, None)) };
        if t.items.iter().all(|b| matches!(b, Value::Class(_))) {
            return Ok((bases, None));
        }
        let hook = Value::str("__mro_entries__");
        let mut out = Vec::with_capacity(t.items.len());
        for b in t.items.iter() {
            if matches!(b, Value::Class(_)) {
                out.push(b.clone());
                continue;
            }
            let entries = match self.get_attr(b, &hook) {
                Ok(f) => self.call(&f, vec![bases.clone()])?,
                Err(e) if self.is_attribute_error(&e) => {
                    out.push(b.clone());
                    continue;
                }
                Err(e) => return Err(e),
            };
            let Value::Tuple(new) = &entries else {
                return Err(self.new_error("TypeError", "__mro_entries__ must return a tuple"));
            };
            out.extend(new.items.iter().cloned());
        }
        Ok((Value::tuple(out), Some(bases.clone())))
    }

    /// `type.__new__(meta, name, bases, ns, **kw)`: builds the class, then runs
    /// `__set_name__` on its attributes and the parent's `__init_subclass__`.
    pub fn type_new(
        &mut self,
        name: &str,
        bases: Vec<Rc<Class>>,
        ns: Rc<Dict>,
        meta: Option<Rc<Class>>,
        kw: Vec<(Value, Value)>,
    ) -> PyResult<Rc<Class>> {
        let meta = meta.filter(|m| !Rc::ptr_eq(m, &self.types.type_));
        let cls = self.build_class(name, bases, ns, meta)?;
        self.gc_track(&Value::Class(cls.clone()));
        self.set_names(&cls)?;
        self.init_subclass(&cls, kw)?;
        Ok(cls)
    }

    /// Builds a heap class from a finished namespace.
    pub fn build_class(
        &mut self,
        name: &str,
        mut bases: Vec<Rc<Class>>,
        ns: Rc<Dict>,
        meta: Option<Rc<Class>>,
    ) -> PyResult<Rc<Class>> {
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        let mro = super::types::c3_mro(&bases).map_err(|m| self.new_error("TypeError", &m))?;
        let kind = bases.iter().map(|b| b.kind).find(|k| *k != BaseKind::Object).unwrap_or(BaseKind::Object);
        let mut map = ns.map.borrow().clone();
        // As `type.__new__`: `__qualname__` becomes the class's own field, not a dict entry.
        let qualname_hash = super::object::str_hash("__qualname__");
        let qualname = match map.index_of_str(qualname_hash, "__qualname__") {
            Some(i) => match map.remove_at(i).1 {
                Value::Str(q) => q.as_str().to_string(),
                other => {
                    let t = self.type_name(&other);
                    return Err(
                        self.new_error("TypeError", &format!("type __qualname__ must be a str, not {t}"))
                    );
                }
            },
            None => name.to_string(),
        };
        let has_eq = map.get_str(super::object::str_hash("__eq__"), "__eq__").is_some();
        let has_hash = map.get_str(super::object::str_hash("__hash__"), "__hash__").is_some();
        if has_eq && !has_hash {
            map.set_str(super::object::str_hash("__hash__"), Value::str("__hash__"), Value::None);
        }
        self.implicit_classmethods(&mut map);
        let slots = self.class_slots(name, &mut map, &bases)?;
        let doc_hash = super::object::str_hash("__doc__");
        if map.get_str(doc_hash, "__doc__").is_none() {
            map.set_str(doc_hash, self.intern("__doc__"), Value::None);
        }
        super::object::bump_class_epoch();
        let mut hooks = bases.iter().fold(0, |h, b| h | b.hooks.get());
        for (k, _) in map.iter() {
            hooks |= k.as_str().map_or(0, super::object::hook_bit);
        }
        let has_del = bases.iter().any(|b| b.has_del.get())
            || map.get_str(super::object::str_hash("__del__"), "__del__").is_some();
        let cls = Rc::new(Class {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(qualname),
            bases,
            mro,
            dict: RefCell::new(map),
            kind,
            meta,
            is_heap: true,
            hooks: Cell::new(hooks),
            slots,
            has_del: Cell::new(has_del),
            graveyard: Some(self.graveyard.clone()),
            subclasses: RefCell::new(Vec::new()),
            plain_new_epoch: Cell::new(0),
            plain_init: RefCell::new(std::rc::Weak::new()),
            plain_object_init: Cell::new(false),
            dict_hint: Cell::new(0),
            spare_dicts: Default::default(),
            spare_objects: Default::default(),
            gc_slot: Default::default(),
            type_name: RefCell::new(None),
        });
        super::types::register_subclass(&cls);
        Ok(cls)
    }

    /// As `type.__new__`: plain functions named `__init_subclass__` or `__class_getitem__` in
    /// a class body are class methods, so `super().__init_subclass__(**kw)` binds the class.
    fn implicit_classmethods(&mut self, map: &mut DictMap) {
        for name in ["__init_subclass__", "__class_getitem__"] {
            let hash = super::object::str_hash(name);
            let Some(f @ Value::Func(_)) = map.get_str(hash, name).cloned() else { continue };
            let wrapped = Object::new(self.types.classmethod.clone(), Payload::ClassMethod(f));
            map.set_str(hash, Value::str(name), Value::Obj(wrapped));
        }
    }

    /// `__slots__`: adds a member descriptor per name to the namespace, and returns the
    /// allowed instance attribute names when every script base is slotted too.
    fn class_slots(
        &mut self,
        class_name: &str,
        map: &mut DictMap,
        bases: &[Rc<Class>],
    ) -> PyResult<Option<Box<[Rc<str>]>>> {
        let hash = super::object::str_hash("__slots__");
        let Some(spec) = map.get_str(hash, "__slots__").cloned() else { return Ok(None) };
        let names = match &spec {
            Value::Str(s) => vec![Value::Str(s.clone())],
            other => self.collect(other)?,
        };
        let mut allowed: Vec<Rc<str>> = Vec::new();
        let mut has_dict = false;
        let owner: Rc<str> = class_name.into();
        for n in names {
            let Value::Str(s) = &n else {
                let t = self.type_name(&n);
                return Err(
                    self.new_error("TypeError", &format!("__slots__ items must be strings, not '{t}'"))
                );
            };
            if s.as_str() == "__dict__" {
                has_dict = true;
                continue;
            }
            // A private slot name is mangled as the class body's own names are (`__x` ->
            // `_C__x`), so `self.__x` in a method finds the slot.
            let name: Rc<str> = crate::compiler::mangle::mangle(Some(class_name), s.as_str()).into();
            if map.get_str(super::object::str_hash(&name), &name).is_some() {
                let msg = format!("'{name}' in __slots__ conflicts with class variable");
                return Err(self.new_error("ValueError", &msg));
            }
            let member = Object::new(
                self.types.member_descriptor.clone(),
                Payload::SlotMember(name.clone(), owner.clone()),
            );
            if *name == *s.as_str() {
                map.set_str(s.hash(), n.clone(), Value::Obj(member));
            } else {
                map.set_str(super::object::str_hash(&name), Value::str(&name), Value::Obj(member));
            }
            allowed.push(name);
        }
        for b in bases.iter().filter(|b| b.is_heap) {
            match &b.slots {
                Some(inherited) => allowed.extend(inherited.iter().cloned()),
                None => has_dict = true,
            }
        }
        Ok(if has_dict { None } else { Some(allowed.into_boxed_slice()) })
    }

    /// Calls `__set_name__(cls, name)` on every class attribute that defines it.
    fn set_names(&mut self, cls: &Rc<Class>) -> PyResult<()> {
        let items: Vec<(Value, Value)> =
            cls.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in items {
            let Value::Obj(o) = &v else { continue };
            if let Payload::Property(p) = &o.payload {
                *p.name.borrow_mut() = k.clone();
                continue;
            }
            if !o.class.is_heap {
                continue;
            }
            if let Some(f) = o.class.lookup("__set_name__") {
                self.call(&f, vec![v.clone(), Value::Class(cls.clone()), k])?;
            }
        }
        Ok(())
    }

    fn init_subclass(&mut self, cls: &Rc<Class>, kw: Vec<(Value, Value)>) -> PyResult<()> {
        for base in &cls.mro {
            if !base.is_heap {
                continue;
            }
            if let Some(f) = base
                .dict
                .borrow()
                .get_str(super::object::str_hash("__init_subclass__"), "__init_subclass__")
                .cloned()
            {
                let f = match f.payload() {
                    Some(Payload::ClassMethod(inner)) => inner.clone(),
                    _ => f,
                };
                self.call_kw(&f, vec![Value::Class(cls.clone())], kw)?;
                return Ok(());
            }
        }
        if !kw.is_empty() {
            return Err(self.new_error(
                "TypeError",
                &format!("{}.__init_subclass__() takes no keyword arguments", cls.name()),
            ));
        }
        Ok(())
    }
}

/// Moves call arguments out of the stack, splitting off keyword arguments.
/// The function of a native callable that needs neither the caller's frame nor special
/// argument handling, for `n` positional arguments.
#[inline]
fn plain_native(callee: &Value, n: usize) -> Option<super::object::NativeFn> {
    let Value::Obj(o) = callee else { return None };
    match &o.payload {
        Payload::Native(nf) if !(nf.frame || (nf.is_method && n == 0)) => Some(nf.f),
        _ => None,
    }
}

fn split_args(args: &mut [Value], kwnames: Option<&Value>) -> (Vec<Value>, Vec<(Value, Value)>) {
    let names: &[Value] = match kwnames {
        Some(Value::Tuple(t)) => &t.items,
        _ => &[],
    };
    let npos = args.len() - names.len();
    let pos: Vec<Value> = args[..npos].iter_mut().map(std::mem::take).collect();
    let kw: Vec<(Value, Value)> =
        names.iter().cloned().zip(args[npos..].iter_mut().map(std::mem::take)).collect();
    (pos, kw)
}
