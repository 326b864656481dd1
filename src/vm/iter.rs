//! Iteration and resumable objects: `iter()`/`next()` for every builtin iterable, resuming
//! generators from native code, `yield from`/`await` delegation, awaitables, and the async
//! generator protocol (`__anext__`, `asend`, `athrow`, `aclose`).

use std::cell::RefCell;
use std::rc::Rc;

use super::frame::Incoming;
use super::interp::{Delegate, Outcome};
use super::memory::Growth;
use super::object::{AsyncGenOpKind, GenState, Iter, Object, Payload};
use super::ops::range_len;
use super::value::Value;
use super::{Exc, PyResult, Vm};
use crate::compiler::bytecode::CodeKind;

impl Vm {
    /// A native iterator object of the type CPython gives that kind of iteration.
    pub fn new_iter(&mut self, it: Iter) -> Value {
        // The kinds `for` loops make most take their class without hashing its name.
        let hot = match it {
            Iter::List(..) => Some(0),
            Iter::Tuple(..) => Some(1),
            Iter::Range { .. } => Some(2),
            _ => None,
        };
        let cls = match (hot, it.type_name()) {
            (Some(i), _) => self.types.hot_iterators[i].clone(),
            (None, "reversed") => self.types.reversed.clone(),
            (None, name) => {
                self.types.iterators.get(name).cloned().unwrap_or_else(|| self.types.iterator.clone())
            }
        };
        Value::Obj(Object::new(cls, Payload::Iter(RefCell::new(it))))
    }

    /// `iter(v)` into `slot`, the dispatch loop's `GetIter`. A list, tuple or range iterator
    /// that the previous run of the same loop left exhausted in `slot`, and that nothing else
    /// holds (no other reference, no weak one), is reset in place rather than freed and
    /// another allocated: nothing can tell the two apart.
    #[inline]
    pub(crate) fn get_iter_into(&mut self, v: &Value, slot: &mut Value) -> PyResult<()> {
        let fresh = match v {
            Value::List(l) => Some((Iter::List(l.clone(), 0), 0)),
            Value::Tuple(t) => Some((Iter::Tuple(t.clone(), 0), 1)),
            _ => None,
        };
        let Some((it, kind)) = fresh else {
            *slot = self.get_iter(v)?;
            return Ok(());
        };
        if let Value::Obj(o) = slot {
            let cls = &self.types.hot_iterators[kind];
            if let Some(obj) = Rc::get_mut(o).filter(|obj| Rc::ptr_eq(&obj.class, cls)) {
                if let Payload::Iter(state) = &mut obj.payload {
                    let state = state.get_mut();
                    if matches!(state, Iter::Done) {
                        *state = it;
                        return Ok(());
                    }
                }
            }
        }
        *slot = self.new_iter(it);
        Ok(())
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let it = match v {
            Value::List(l) => Iter::List(l.clone(), 0),
            Value::Tuple(t) => Iter::Tuple(t.clone(), 0),
            Value::Str(s) => Iter::Str(s.clone(), 0),
            Value::Dict(d) => {
                let n = d.map.borrow().len();
                Iter::DictKeys(d.clone(), 0, n)
            }
            Value::Obj(o) => {
                if o.class.is_heap {
                    if let Some(f) = o.class.lookup("__iter__") {
                        if matches!(f, Value::Func(_)) {
                            let r = self.call_args(&f, std::slice::from_ref(v))?;
                            if !self.is_iterator(&r) {
                                let t = self.type_name(&r);
                                return Err(self.new_error(
                                    "TypeError",
                                    &format!("iter() returned non-iterator of type '{t}'"),
                                ));
                            }
                            return Ok(r);
                        }
                    }
                }
                match &o.payload {
                    Payload::Iter(_) => return Ok(v.clone()),
                    Payload::Generator(g) if g.kind == CodeKind::Generator => return Ok(v.clone()),
                    Payload::Range(a, b, c) => Iter::Range { next: *a, stop: *b, step: *c },
                    Payload::BigRange(r) => Iter::BigRange(r.clone()),
                    Payload::Set(_) | Payload::FrozenSet(_) => Iter::Set(v.clone(), 0, self.set_len(v)),
                    Payload::Bytes(_) | Payload::ByteArray(_) => Iter::Bytes(v.clone(), 0),
                    Payload::MemoryView(m) => {
                        self.memview_check(m)?;
                        Iter::Bytes(v.clone(), 0)
                    }
                    Payload::ListData(l) => Iter::List(l.clone(), 0),
                    Payload::DictData(d) | Payload::MappingProxy(d) => {
                        let n = d.map.borrow().len();
                        Iter::DictKeys(d.clone(), 0, n)
                    }
                    Payload::DictView(kind, d) => {
                        let n = d.map.borrow().len();
                        match kind {
                            0 => Iter::DictKeys(d.clone(), 0, n),
                            1 => Iter::DictValues(d.clone(), 0, n),
                            _ => Iter::DictItems(d.clone(), 0, n),
                        }
                    }
                    Payload::Boxed(inner) => {
                        let inner = inner.clone();
                        return self.get_iter(&inner);
                    }
                    _ => {
                        if let Some(r) = self.runtime_iter(v)? {
                            return Ok(r);
                        }
                        if o.class.is_heap && o.class.lookup("__getitem__").is_some() {
                            Iter::SeqIter(v.clone(), 0)
                        } else {
                            return Err(self.not_iterable(v));
                        }
                    }
                }
            }
            Value::Class(c) => match super::attr::meta_method(c, "__iter__") {
                // `for member in SomeEnum`: the metaclass defines iteration.
                Some(f) => return self.call(&f, vec![v.clone()]),
                None => return Err(self.not_iterable(v)),
            },
            _ => return Err(self.not_iterable(v)),
        };
        Ok(self.new_iter(it))
    }

    fn not_iterable(&mut self, v: &Value) -> Exc {
        let t = self.type_name(v);
        self.new_error("TypeError", &format!("'{t}' object is not iterable"))
    }

    /// True for objects usable with `next()`.
    pub fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => match &o.payload {
                Payload::Iter(_) => true,
                Payload::Generator(g) => g.kind == CodeKind::Generator,
                _ => o.class.lookup("__next__").is_some(),
            },
            _ => false,
        }
    }

    /// `next(it)`, with exhaustion as `None`.
    pub fn iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Native loops over iterators (`sum`, `list`, `any`, `in`, ...) spend fuel and see
        // the deadline like script loops: an endless iterator must not run them forever.
        self.tick()?;
        let Value::Obj(o) = it else {
            let t = self.type_name(it);
            return Err(self.new_error("TypeError", &format!("'{t}' object is not an iterator")));
        };
        match &o.payload {
            Payload::Iter(state) => self.native_next(state),
            Payload::Generator(g) if g.kind == CodeKind::Generator => match self.resume(o, Incoming::Start) {
                Outcome::Yielded(v) => Ok(Some(v)),
                Outcome::Returned(_) => Ok(None),
                Outcome::Raised(e) => Err(e),
            },
            _ => {
                let cls = o.class.clone();
                let Some(f) = cls.lookup("__next__") else {
                    let t = cls.name();
                    return Err(self.new_error("TypeError", &format!("'{t}' object is not an iterator")));
                };
                match self.call_args(&f, std::slice::from_ref(it)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.class.is_subclass(&self.exc_class("StopIteration")) => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `it.__next__()`: like [`Vm::iter_next`], but exhaustion raises StopIteration carrying
    /// the generator's return value or the one a script `__next__` raised.
    pub fn next_raising(&mut self, it: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = it {
            match &o.payload {
                Payload::Generator(g) if g.kind == CodeKind::Generator => {
                    return self.gen_send(o, Incoming::Start)
                }
                Payload::Iter(_) => {}
                _ => {
                    if let Some(f) = o.class.lookup("__next__") {
                        return self.call_args(&f, std::slice::from_ref(it));
                    }
                }
            }
        }
        match self.iter_next(it)? {
            Some(v) => Ok(v),
            None => Err(self.new_exception_named("StopIteration")),
        }
    }

    fn native_next(&mut self, state: &RefCell<Iter>) -> PyResult<Option<Value>> {
        let mut st = state.borrow_mut();
        let out = match &mut *st {
            Iter::List(l, i) => {
                let v = l.items.borrow().get(*i).cloned();
                *i += 1;
                v
            }
            Iter::Tuple(t, i) => {
                let v = t.items.get(*i).cloned();
                *i += 1;
                v
            }
            Iter::Range { next, stop, step } => range_step(next, *stop, *step).map(Value::Int),
            Iter::BigRange(r) => {
                if r.is_empty() {
                    None
                } else {
                    let v = r.start.clone();
                    r.start = &r.start + &r.step;
                    Some(Value::from_bigint(v))
                }
            }
            Iter::Str(s, pos) => {
                let rest = &s.as_str()[*pos..];
                match rest.chars().next() {
                    Some(c) => {
                        *pos += c.len_utf8();
                        Some(Value::string(c.to_string()))
                    }
                    None => None,
                }
            }
            Iter::Bytes(b, i) => {
                let v = byte_at(b, *i).map(|x| Value::Int(x as i64));
                *i += 1;
                v
            }
            Iter::DictKeys(d, pos, n) | Iter::DictValues(d, pos, n) | Iter::DictItems(d, pos, n) => {
                let map = d.map.borrow();
                if map.len() != *n {
                    drop(map);
                    drop(st);
                    return Err(self.new_error("RuntimeError", "dictionary changed size during iteration"));
                }
                let next = map.next_from(*pos).map(|(p, k, v)| (p, k.clone(), v.clone()));
                drop(map);
                match next {
                    Some((p, k, v)) => {
                        let kind = match &*st {
                            Iter::DictKeys(..) => 0,
                            Iter::DictValues(..) => 1,
                            _ => 2,
                        };
                        if let Iter::DictKeys(_, pos, _)
                        | Iter::DictValues(_, pos, _)
                        | Iter::DictItems(_, pos, _) = &mut *st
                        {
                            *pos = p;
                        }
                        Some(match kind {
                            0 => k,
                            1 => v,
                            _ => Value::tuple(vec![k, v]),
                        })
                    }
                    None => None,
                }
            }
            Iter::Set(s, pos, n) => {
                if self.set_len(s) != *n {
                    drop(st);
                    return Err(self.new_error("RuntimeError", "Set changed size during iteration"));
                }
                let next = match s.payload() {
                    Some(Payload::Set(t)) => t.borrow().next_from(*pos).map(|(p, k)| (p, k.clone())),
                    Some(Payload::FrozenSet(t)) => t.next_from(*pos).map(|(p, k)| (p, k.clone())),
                    _ => None,
                };
                match next {
                    Some((p, k)) => {
                        *pos = p;
                        Some(k)
                    }
                    None => None,
                }
            }
            Iter::Done => None,
            _ => {
                // Iterators that call back into the VM: take the state out while they run.
                // They can wrap each other as deeply as a script likes (`map` of `map` of ...):
                // a RecursionError, not a stack overflow, past the native depth budget.
                drop(st);
                self.enter_native("")?;
                let taken = std::mem::replace(&mut *state.borrow_mut(), Iter::Done);
                let r = self.callback_next(taken);
                self.leave_native();
                let (result, back) = r?;
                *state.borrow_mut() = back;
                return Ok(result);
            }
        };
        if out.is_none() {
            *st = Iter::Done;
        }
        Ok(out)
    }

    /// Advances iterators whose step runs script code; returns the value and the new state.
    fn callback_next(&mut self, it: Iter) -> PyResult<(Option<Value>, Iter)> {
        Ok(match it {
            Iter::Enumerate(inner, count) => match self.iter_next(&inner)? {
                Some(v) => {
                    let next =
                        self.binary_op(crate::compiler::bytecode::BinKind::Add, &count, &Value::Int(1))?;
                    (Some(Value::tuple(vec![count, v])), Iter::Enumerate(inner, next))
                }
                None => (None, Iter::Done),
            },
            Iter::Zip(its, strict) => {
                let mut items = Vec::with_capacity(its.len());
                for (i, it) in its.iter().enumerate() {
                    match self.iter_next(it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict && (i > 0 || its[1..].iter().any(|_| true)) {
                                return self.zip_strict_error(i, &its).map(|_| (None, Iter::Done));
                            }
                            return Ok((None, Iter::Done));
                        }
                    }
                }
                if its.is_empty() {
                    return Ok((None, Iter::Done));
                }
                (Some(Value::tuple(items)), Iter::Zip(its, strict))
            }
            Iter::Map(f, its) if its.len() == 1 => {
                // One iterable: its item is the argument, with no argument vector.
                let Some(x) = self.iter_next(&its[0])? else { return Ok((None, Iter::Done)) };
                let v = self.call_args(&f, std::slice::from_ref(&x))?;
                (Some(v), Iter::Map(f, its))
            }
            Iter::Map(f, its) => {
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.iter_next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok((None, Iter::Done)),
                    }
                }
                let v = self.call(&f, args)?;
                (Some(v), Iter::Map(f, its))
            }
            Iter::Filter(f, it) => loop {
                match self.iter_next(&it)? {
                    Some(v) => {
                        let keep = if f.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call_args(&f, std::slice::from_ref(&v))?;
                            self.truthy(&r)?
                        };
                        if keep {
                            break (Some(v), Iter::Filter(f, it));
                        }
                    }
                    None => break (None, Iter::Done),
                }
            },
            Iter::Reversed(seq, i) => {
                if i == 0 {
                    return Ok((None, Iter::Done));
                }
                let v = self.get_item(&seq, &Value::Int(i as i64 - 1))?;
                (Some(v), Iter::Reversed(seq, i - 1))
            }
            Iter::SeqIter(obj, i) => match self.get_item(&obj, &Value::Int(i as i64)) {
                Ok(v) => (Some(v), Iter::SeqIter(obj, i + 1)),
                Err(e)
                    if e.class.is_subclass(&self.exc_class("IndexError"))
                        || e.class.is_subclass(&self.exc_class("StopIteration")) =>
                {
                    (None, Iter::Done)
                }
                Err(e) => return Err(e),
            },
            Iter::Callable(f, sentinel) => {
                let v = self.call(&f, vec![])?;
                if self.eq(&v, &sentinel)? {
                    (None, Iter::Done)
                } else {
                    (Some(v), Iter::Callable(f, sentinel))
                }
            }
            other => (None, other),
        })
    }

    fn zip_strict_error(&mut self, i: usize, its: &[Value]) -> PyResult<()> {
        if i > 0 {
            let which = if i == 1 {
                "argument 2 is shorter than argument 1".to_string()
            } else {
                format!("argument {} is shorter than arguments 1-{}", i + 1, i)
            };
            return Err(self.new_error("ValueError", &format!("zip() {which}")));
        }
        for (j, it) in its.iter().enumerate().skip(1) {
            if self.iter_next(it)?.is_some() {
                let which = if j == 1 {
                    "argument 2 is longer than argument 1".to_string()
                } else {
                    format!("argument {} is longer than arguments 1-{}", j + 1, j)
                };
                return Err(self.new_error("ValueError", &format!("zip() {which}")));
            }
        }
        Ok(())
    }

    /// Makes a native iterator value (enumerate, zip, map, ...).
    pub fn make_iter(&mut self, cls: Rc<super::object::Class>, it: Iter) -> Value {
        Value::Obj(Object::new(cls, Payload::Iter(RefCell::new(it))))
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.items.borrow().clone()),
            Value::Tuple(t) => return Ok(t.items.to_vec()),
            Value::Dict(d) => return Ok(d.map.borrow().iter().map(|(k, _)| k.clone()).collect()),
            Value::Obj(o) => match &o.payload {
                Payload::Set(_) | Payload::FrozenSet(_) => return Ok(self.set_items(v)),
                Payload::Range(a, b, c) => {
                    let n = range_len(*a, *b, *c);
                    if n > 1 << 28 {
                        return Err(self.new_error("MemoryError", ""));
                    }
                    self.mem_reserve(n as usize * std::mem::size_of::<Value>())?;
                    return Ok((0..n).map(|k| Value::Int(a + k * c)).collect());
                }
                _ => {}
            },
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        let mut growth = Growth::default();
        while let Some(x) = self.iter_next(&it)? {
            growth.push(self, &x)?;
            out.push(x);
        }
        Ok(out)
    }

    /// Resumes a generator object from native code until it yields, returns or raises.
    pub(crate) fn resume(&mut self, gen: &Rc<Object>, incoming: Incoming) -> Outcome {
        if let Err(e) = self.enter_native("") {
            return Outcome::Raised(e);
        }
        let out = match self.take_generator_fiber(gen, incoming) {
            Ok(fiber) => self.drive(fiber, Some(gen.clone())),
            Err(out) => out,
        };
        self.leave_native();
        out
    }

    /// `gen.send(value)` semantics from native code (StopIteration on return).
    pub fn gen_send(&mut self, gen: &Rc<Object>, incoming: Incoming) -> PyResult<Value> {
        match self.resume(gen, incoming) {
            Outcome::Yielded(v) => Ok(v),
            Outcome::Returned(v) => {
                let cls = self.exc_class("StopIteration");
                let args = if v.is_none() { vec![] } else { vec![v] };
                let e = self.new_exception(&cls, args);
                Err(e)
            }
            Outcome::Raised(e) => Err(e),
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gen: &Rc<Object>) -> PyResult<Value> {
        let Payload::Generator(g) = &gen.payload else { return Ok(Value::None) };
        let fresh = match &*g.state.borrow() {
            GenState::Suspended(f) => !f.suspended,
            GenState::Finished => true,
            GenState::Running => false,
        };
        if fresh {
            *g.state.borrow_mut() = GenState::Finished;
            return Ok(Value::None);
        }
        let exit = self.exc_class("GeneratorExit");
        let e = self.new_exception(&exit, vec![]);
        match self.resume(gen, Incoming::Throw(e)) {
            Outcome::Yielded(_) => {
                let what = if g.kind == CodeKind::Coroutine { "coroutine" } else { "generator" };
                Err(self.new_error("RuntimeError", &format!("{what} ignored GeneratorExit")))
            }
            Outcome::Returned(_) => Ok(Value::None),
            Outcome::Raised(e) => {
                if e.class.is_subclass(&exit) || e.class.is_subclass(&self.exc_class("StopIteration")) {
                    Ok(Value::None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// One step of `yield from sub` / `await sub` with what the delegating frame received.
    pub(crate) fn delegate(&mut self, sub: &Value, incoming: Incoming) -> PyResult<Delegate> {
        if let Value::Obj(o) = sub {
            match &o.payload {
                Payload::Generator(g) if g.kind != CodeKind::AsyncGenerator => {
                    return Ok(Delegate::Resume(o.clone(), incoming))
                }
                Payload::AsyncGenOp(_) => return self.delegate_async_op(sub, incoming),
                _ => {}
            }
            if let Some(r) = self.await_native(sub, &incoming) {
                return r;
            }
        } else if let Value::Int(bits) = sub {
            // No `await` of a script leaves an int here: a task parked on its sleep's timer
            // (`asyncio::sleep::park_on_timer`).
            return crate::asyncio::sleep::parked_step(self, *bits, incoming);
        }
        match incoming {
            Incoming::Throw(e) => {
                if let Ok((f, s)) = self.load_method(sub, &Value::str("throw")) {
                    let mut args = vec![];
                    if !s.is_undef() {
                        args.push(s);
                    }
                    args.push(Value::Obj(e));
                    return match self.call(&f, args) {
                        Ok(v) => Ok(Delegate::Yield(v)),
                        Err(e) => self.stop_value(e),
                    };
                }
                Err(e)
            }
            Incoming::Send(v) if !v.is_none() => match self.call_method(sub, "send", vec![v]) {
                Ok(v) => Ok(Delegate::Yield(v)),
                Err(e) => self.stop_value(e),
            },
            _ => {
                if let Value::Obj(o) = sub {
                    if let Payload::Iter(_) = o.payload {
                        return Ok(match self.iter_next(sub)? {
                            Some(v) => Delegate::Yield(v),
                            None => Delegate::Done(Value::None),
                        });
                    }
                    let cls = o.class.clone();
                    if let Some(f) = cls.lookup("__next__") {
                        return match self.call(&f, vec![sub.clone()]) {
                            Ok(v) => Ok(Delegate::Yield(v)),
                            Err(e) => self.stop_value(e),
                        };
                    }
                }
                match self.iter_next(sub)? {
                    Some(v) => Ok(Delegate::Yield(v)),
                    None => Ok(Delegate::Done(Value::None)),
                }
            }
        }
    }

    /// A StopIteration ends delegation with its value; anything else propagates.
    fn stop_value(&mut self, e: Exc) -> PyResult<Delegate> {
        if e.class.is_subclass(&self.exc_class("StopIteration")) {
            let v = self.exc_args(&e).into_iter().next().unwrap_or(Value::None);
            return Ok(Delegate::Done(v));
        }
        Err(e)
    }

    /// An exception of a builtin class with no arguments.
    pub fn new_exception_named(&mut self, name: &str) -> Exc {
        let cls = self.exc_class(name);
        self.new_exception(&cls, vec![])
    }

    /// What an async generator's `yield` produces: wrapped so an awaiting `__anext__` can tell
    /// it from a future yielded by an inner `await`.
    pub(crate) fn wrap_async_yield(&mut self, code: &crate::compiler::bytecode::Code, v: Value) -> Value {
        if code.kind == CodeKind::AsyncGenerator {
            Value::Obj(Object::new(self.types.iterator.clone(), Payload::AsyncYield(v)))
        } else {
            v
        }
    }

    /// The awaitable behind `await v`.
    pub fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            match &o.payload {
                Payload::Generator(g) if g.kind == CodeKind::Coroutine => return Ok(v.clone()),
                Payload::AsyncGenOp(_) => return Ok(v.clone()),
                _ => {}
            }
            if self.is_native_awaitable(v) {
                return Ok(v.clone());
            }
            let cls = o.class.clone();
            if let Some(f) = cls.lookup("__await__") {
                let it = self.call(&f, vec![v.clone()])?;
                if let Value::Obj(io) = &it {
                    if let Payload::Generator(g) = &io.payload {
                        if g.kind == CodeKind::Coroutine {
                            return Err(self.new_error("TypeError", "__await__() returned a coroutine"));
                        }
                    }
                }
                // A native awaitable (`fut.__await__()` returns the future) iterates itself.
                if !self.is_iterator(&it) && !self.is_native_awaitable(&it) {
                    let t = self.type_name(&it);
                    return Err(self.new_error(
                        "TypeError",
                        &format!("__await__() returned non-iterator of type '{t}'"),
                    ));
                }
                return Ok(it);
            }
        }
        let t = self.type_name(v);
        Err(self.new_error("TypeError", &format!("object {t} can't be used in 'await' expression")))
    }

    /// `aiter(v)` for `async for`.
    pub fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            if let Payload::Generator(g) = &o.payload {
                if g.kind == CodeKind::AsyncGenerator {
                    return Ok(v.clone());
                }
            }
            let cls = o.class.clone();
            if let Some(f) = cls.lookup("__aiter__") {
                return self.call(&f, vec![v.clone()]);
            }
        }
        let t = self.type_name(v);
        Err(self.new_error(
            "TypeError",
            &format!("'async for' requires an object with __aiter__ method, got {t}"),
        ))
    }

    /// The awaitable `v.__anext__()`. For `async for` (`async_for`), a result that cannot be
    /// awaited is CPython's "'async for' received an invalid object" TypeError, caused by the
    /// plain one that `await` would raise.
    pub fn get_anext(&mut self, v: &Value, async_for: bool) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            if let Payload::Generator(g) = &o.payload {
                if g.kind == CodeKind::AsyncGenerator {
                    return Ok(self.async_gen_op(o, AsyncGenOpKind::Next));
                }
            }
            let cls = o.class.clone();
            if let Some(f) = cls.lookup("__anext__") {
                let r = self.call(&f, vec![v.clone()])?;
                return match self.get_awaitable(&r) {
                    Err(e) if async_for => {
                        let t = self.type_name(&r);
                        let msg = format!("'async for' received an invalid object from __anext__: {t}");
                        let err = self.new_error("TypeError", &msg);
                        if let Some(d) = err.exc() {
                            *d.cause.borrow_mut() = Value::Obj(e.clone());
                            *d.context.borrow_mut() = Value::Obj(e);
                            d.suppress_context.set(true);
                        }
                        Err(err)
                    }
                    other => other,
                };
            }
        }
        let t = self.type_name(v);
        Err(self.new_error(
            "TypeError",
            &format!("'async for' received an object from __aiter__ that does not implement __anext__: {t}"),
        ))
    }
}

/// Byte `i` of a bytes, bytearray or (unreleased) memoryview value, without copying.
fn byte_at(v: &Value, i: usize) -> Option<u8> {
    match v.payload()? {
        Payload::Bytes(b) => b.get(i).copied(),
        Payload::ByteArray(b) => b.borrow().get(i).copied(),
        Payload::MemoryView(m) if !m.released.get() && i < m.len => Some(m.byte(i)),
        _ => None,
    }
}

/// The next value of a range iterator at `next`, advancing it.
#[inline(always)]
fn range_step(next: &mut i64, stop: i64, step: i64) -> Option<i64> {
    if (step > 0 && *next < stop) || (step < 0 && *next > stop) {
        let v = *next;
        *next = next.saturating_add(step);
        Some(v)
    } else {
        None
    }
}

/// What [`next_inline`] found.
pub(crate) enum InlineNext {
    /// The next item is this int (a range): the loop writes it in place.
    Int(i64),
    /// The next item.
    Value(Value),
    /// The iterator is exhausted.
    Done,
}

/// The next item of a range, list or tuple iterator, stepped by the dispatch loop's
/// `ForIter` without a call (what `native_next` does for them); `None` for every other
/// iterator, which then takes [`Vm::iter_next`].
#[inline(always)]
pub(crate) fn next_inline(it: &Value) -> Option<InlineNext> {
    let Value::Obj(o) = it else { return None };
    let Payload::Iter(state) = &o.payload else { return None };
    let mut st = state.try_borrow_mut().ok()?;
    let out = match &mut *st {
        Iter::Range { next, stop, step } => match range_step(next, *stop, *step) {
            Some(v) => return Some(InlineNext::Int(v)),
            None => None,
        },
        Iter::List(l, i) => {
            let v = l.items.borrow().get(*i).cloned();
            *i += 1;
            v
        }
        Iter::Tuple(t, i) => {
            let v = t.items.get(*i).cloned();
            *i += 1;
            v
        }
        _ => return None,
    };
    Some(match out {
        Some(v) => InlineNext::Value(v),
        None => {
            *st = Iter::Done;
            InlineNext::Done
        }
    })
}
