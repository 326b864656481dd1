//! `StreamWriter.write(data)` and `StreamWriter.drain()` as native methods of the script's
//! `StreamWriter` class (installed by `streams.py` through `_net._set_stream_writer`), so the
//! write-then-drain of every stream response costs no Python frame and no generator.
//!
//! `write` is CPython's `self._transport.write(data)`: the transport's native write when the
//! writer's `_transport` is a native stream transport, else a method call.
//!
//! `drain()` returns a [`DrainOp`], a coroutine whose first step decides, with no effect a
//! script could see, whether CPython's `drain` would return at once: the reader (if any) holds
//! no exception, the transport is not closing, and the protocol's `_drain_helper` would return
//! at once ([`drain_clear`]). Then it finishes without suspending, as CPython's does (`drain`
//! with no pause and no exception does not yield). Otherwise it runs the script's
//! `_drain_slow()` (CPython's body) and delegates every step to it, so each exception,
//! `sleep(0)` and wait on the protocol happens where CPython's does.
//!
//! The fast check applies only to instances of the registered class itself (a subclass may
//! define properties or `__getattribute__`) whose `_reader`, `_transport` and `_protocol` are
//! plain instance attributes; the reader's `exception` must be the native one. The answers
//! that depend only on classes are remembered per class epoch ([`super::class_checks`]).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::drain::{drain_clear, MemoKey};
use super::module::{classes, NetClasses};
use super::reader::reader_of;
use super::transport::{transport_of, write};
use crate::builtins::method;
use crate::vm::dict::DictMap;
use crate::vm::ext::{hand_driven_of, Ext, HandDriven};
use crate::vm::frame::Incoming;
use crate::vm::gc::Tracer;
use crate::vm::interp::{Delegate, Outcome};
use crate::vm::object::{str_hash, Args, Class, Object, Payload, PyStr};
use crate::vm::{PyResult, Value, Vm};

const READER: &str = "_reader";
const TRANSPORT: &str = "_transport";
const PROTOCOL: &str = "_protocol";
const EXCEPTION: &str = "exception";

/// `_net._set_stream_writer(StreamWriter)`: registers the class and installs the native
/// `write` and `drain` on it.
pub fn m_set_stream_writer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first() else {
        return Err(vm.new_error("TypeError", "_set_stream_writer() expects a class"));
    };
    method(vm, cls, "write", m_write);
    method(vm, cls, "drain", m_drain);
    *classes(vm).stream_writer.borrow_mut() = Some(cls.clone());
    Ok(Value::None)
}

/// `_reader`, `_transport` and `_protocol` as the VM's interned strs: the keys a writer's
/// dict holds are these same objects (code names are interned), so a probe's key comparison
/// is a pointer comparison. With each, the entry index it was last found at ([`probe`]).
pub struct WriterNames([Rc<PyStr>; 3], [Cell<usize>; 3]);

impl WriterNames {
    /// The interned names.
    pub fn new(vm: &mut Vm) -> WriterNames {
        let mut name = |s: &str| match vm.intern(s) {
            Value::Str(p) => p,
            _ => Rc::new(PyStr::new(s)),
        };
        WriterNames([name(READER), name(TRANSPORT), name(PROTOCOL)], Default::default())
    }
}

/// Indices into [`WriterNames`].
const READER_AT: usize = 0;
const TRANSPORT_AT: usize = 1;
const PROTOCOL_AT: usize = 2;

/// The instance attributes `which` (indices into [`WriterNames`]) of a writer of the
/// registered class itself, read with one borrow of its dict, when all are present and no
/// class attribute `_reader`, `_transport` or `_protocol` could intercept the reads.
fn plain_attrs<const N: usize>(
    vm: &mut Vm,
    c: &NetClasses,
    w: &Object,
    which: [usize; N],
) -> Option<[Value; N]> {
    if !c.checks.writer_plain.holds(&w.class, || writer_class_plain(vm, &w.class)) {
        return None;
    }
    let map = w.dict()?.map.borrow();
    let mut out = which.map(|_| Value::None);
    for (slot, i) in out.iter_mut().zip(which) {
        *slot = probe(&map, &c.writer_names.0[i], &c.writer_names.1[i])?.clone();
    }
    Some(out)
}

/// The value under the interned `name` in `map`: first at the entry index `hint` (every
/// writer's dict is filled in the same order by `__init__`, so the name is usually where it
/// was in the last writer probed), else by a probe, whose index becomes the hint.
fn probe<'m>(map: &'m DictMap, name: &Rc<PyStr>, hint: &Cell<usize>) -> Option<&'m Value> {
    if let Some(e) = map.entry_at(hint.get()) {
        if matches!(&e.key, Value::Str(k) if Rc::ptr_eq(k, name)) {
            return Some(&e.value);
        }
    }
    let i = map.index_of_str(name.hash(), name.as_str())?;
    hint.set(i);
    map.entry_at(i).map(|e| &e.value)
}

/// True when `cls` has no attribute `_reader`, `_transport` or `_protocol`.
fn writer_class_plain(vm: &mut Vm, cls: &Class) -> bool {
    [READER, TRANSPORT, PROTOCOL].iter().all(|name| vm.lookup_cached(cls, str_hash(name), name).is_none())
}

/// The writer object when it is an instance of the registered class itself.
fn exact_writer<'a>(c: &NetClasses, writer: &'a Value) -> Option<&'a Object> {
    let Value::Obj(w) = writer else { return None };
    let registered = c.stream_writer.borrow();
    registered.as_ref().filter(|cls| Rc::ptr_eq(cls, &w.class))?;
    Some(w)
}

/// `write(data)`.
fn m_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(writer), Some(data), None, true) =
        (args.pos.first(), args.pos.get(1), args.pos.get(2), args.kw.is_empty())
    else {
        return write_slow(vm, args);
    };
    let c = classes(vm);
    let transport = match exact_writer(&c, writer).and_then(|w| plain_attrs(vm, &c, w, [TRANSPORT_AT])) {
        Some([t]) => t,
        None => {
            let name = vm.intern(TRANSPORT);
            vm.get_attr(writer, &name)?
        }
    };
    match transport_of(&transport) {
        Some(t) if stream_transport(&c, &transport) => write(vm, &transport, t, data)?,
        _ => {
            vm.call_method(&transport, "write", vec![data.clone()])?;
        }
    }
    Ok(Value::None)
}

/// True when `t` is an object of the native stream transport class itself.
fn stream_transport(c: &NetClasses, t: &Value) -> bool {
    let Value::Obj(o) = t else { return false };
    Rc::ptr_eq(&o.class, &c.stream_transport)
}

/// `write()` called with other than exactly `(self, data)`: CPython's errors.
fn write_slow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut pos: Vec<Value> = args.pos.to_vec();
    for (k, v) in args.kw {
        match k.as_str() {
            Some("data") if pos.len() == 1 => pos.push(v.clone()),
            Some(name) => {
                let msg = format!("StreamWriter.write() got an unexpected keyword argument '{name}'");
                return Err(vm.new_error("TypeError", &msg));
            }
            None => return Err(vm.new_error("TypeError", "keywords must be strings")),
        }
    }
    match pos.len() {
        2 => m_write(vm, Args::new(&pos)),
        0 | 1 => Err(
            vm.new_error("TypeError", "StreamWriter.write() missing 1 required positional argument: 'data'")
        ),
        n => Err(vm.new_error(
            "TypeError",
            &format!("StreamWriter.write() takes 2 positional arguments but {n} were given"),
        )),
    }
}

/// `drain()`: the awaitable; nothing is checked until its first step.
fn m_drain(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.len(), args.kw.is_empty()) {
        (1, true) => {}
        (0, _) => {
            return Err(vm.new_error(
                "TypeError",
                "StreamWriter.drain() missing 1 required positional argument: 'self'",
            ))
        }
        (_, false) => {
            let name = args.kw[0].0.as_str().unwrap_or("?");
            let msg = format!("StreamWriter.drain() got an unexpected keyword argument '{name}'");
            return Err(vm.new_error("TypeError", &msg));
        }
        (n, _) => {
            let msg = format!("StreamWriter.drain() takes 1 positional argument but {n} were given");
            return Err(vm.new_error("TypeError", &msg));
        }
    }
    let c = classes(vm);
    if let Some(o) = c.spare_drains.take() {
        if let Some(op) = drain_op_of(&o) {
            op.renew(&args.pos[0]);
            return Ok(Value::Obj(o));
        }
    }
    let op = DrainOp {
        writer: RefCell::new(args.pos[0].clone()),
        slow: RefCell::new(None),
        finished: Cell::new(false),
    };
    Ok(Value::Obj(Object::new(c.drain_op.clone(), Payload::Ext(Box::new(op)))))
}

fn drain_op_of(o: &Object) -> Option<&DrainOp> {
    match &o.payload {
        Payload::Ext(e) => e.as_any().downcast_ref::<DrainOp>(),
        _ => None,
    }
}

/// True when CPython's `drain()` of `writer` would return at once; reads only.
fn drain_fast(vm: &mut Vm, writer: &Value) -> bool {
    let c = classes(vm);
    let Some(w) = exact_writer(&c, writer) else { return false };
    let Some([reader, transport, protocol]) = plain_attrs(vm, &c, w, [READER_AT, TRANSPORT_AT, PROTOCOL_AT])
    else {
        return false;
    };
    match transport_of(&transport) {
        Some(t) if stream_transport(&c, &transport) && !t.closing.get() => {
            let Value::Obj(p) = protocol else { return false };
            if reader_of(&reader).is_some_and(|r| r.has_exception()) {
                return false;
            }
            let Some(key) = MemoKey::of(&reader, &p) else { return false };
            if t.drain_memo.holds(key) {
                return true;
            }
            let clear = (reader.is_none() || reader_clear(vm, &c, &reader)) && drain_clear(vm, &c, &p);
            // Deciding reads only, so the key still names the state it was found in.
            if clear {
                t.drain_memo.remember(key);
            }
            clear
        }
        _ => false,
    }
}

/// True when `reader.exception()` is the native method and returns None.
fn reader_clear(vm: &mut Vm, c: &NetClasses, reader: &Value) -> bool {
    let (Some(r), Value::Obj(o)) = (reader_of(reader), reader) else { return false };
    if r.has_exception() || super::feed::shadowed(o, EXCEPTION) {
        return false;
    }
    c.checks.reader_native.holds(&o.class, || {
        let hash = str_hash(EXCEPTION);
        let native = vm.lookup_cached(&c.reader_base, hash, EXCEPTION);
        let own = vm.lookup_cached(&o.class, hash, EXCEPTION);
        matches!((native, own), (Some(n), Some(m)) if n.is(&m))
    })
}

/// A pending `drain()`: the writer, and the script's `_drain_slow()` coroutine once the fast
/// check has failed.
#[derive(Debug)]
pub struct DrainOp {
    /// None once the fast check finished it (then it is kept for reuse, [`super::spare`]).
    writer: RefCell<Value>,
    slow: RefCell<Option<Rc<Object>>>,
    /// The fast check finished it (awaiting it again is an error, as for a coroutine).
    finished: Cell<bool>,
}

impl DrainOp {
    /// Makes a kept op (nothing else references it) a fresh `drain()` of `writer`.
    fn renew(&self, writer: &Value) {
        let old = (self.writer.replace(writer.clone()), self.slow.take());
        self.finished.set(false);
        drop(old);
    }

    /// One step: the fast check at the first, else the slow coroutine's step, which the
    /// caller resumes on its own stack (`by_hand` resumes it here).
    fn step(&self, vm: &mut Vm, incoming: &Incoming, by_hand: bool) -> PyResult<Delegate> {
        let slow = self.slow.borrow().clone();
        let (coro, incoming) = match slow {
            Some(c) => (c, clone_incoming(incoming)),
            None => {
                if self.finished.get() {
                    return Err(vm.new_error("RuntimeError", "cannot reuse already awaited coroutine"));
                }
                self.finished.set(true);
                if let Incoming::Throw(e) = incoming {
                    return Err(e.clone());
                }
                let writer = self.writer.borrow().clone();
                if drain_fast(vm, &writer) {
                    return Ok(Delegate::Done(Value::None));
                }
                let Value::Obj(c) = vm.call_method(&writer, "_drain_slow", vec![])? else {
                    return Err(vm.new_error("TypeError", "_drain_slow() did not return a coroutine"));
                };
                *self.slow.borrow_mut() = Some(c.clone());
                (c, Incoming::Start)
            }
        };
        if !by_hand {
            return Ok(Delegate::Resume(coro, incoming));
        }
        match vm.resume(&coro, incoming) {
            Outcome::Yielded(v) => Ok(Delegate::Yield(v)),
            Outcome::Returned(v) => Ok(Delegate::Done(v)),
            Outcome::Raised(e) => Err(e),
        }
    }
}

fn clone_incoming(incoming: &Incoming) -> Incoming {
    match incoming {
        Incoming::Start => Incoming::Start,
        Incoming::Send(v) => Incoming::Send(v.clone()),
        Incoming::Throw(e) => Incoming::Throw(e.clone()),
    }
}

impl Ext for DrainOp {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn gc_traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        let (Ok(writer), Ok(slow)) = (self.writer.try_borrow(), self.slow.try_borrow()) else { return false };
        tracer.value(&writer);
        slow.iter().for_each(|c| tracer.object(c));
        true
    }

    fn gc_clear(&self, trash: &mut Vec<Value>) {
        if let Ok(mut slow) = self.slow.try_borrow_mut() {
            trash.extend(slow.take().map(Value::Obj));
        }
    }

    coroutine_ext_methods!();

    fn await_step(&self, vm: &mut Vm, this: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        let out = self.step(vm, incoming, false);
        if matches!(out, Ok(Delegate::Done(_))) && self.slow.borrow().is_none() {
            // Finished by the fast check: nothing refers to the writer any more.
            drop(self.writer.replace(Value::None));
            classes(vm).spare_drains.keep(this);
        }
        Some(out)
    }
}

impl HandDriven for DrainOp {
    const WHAT: &'static str = "stream coroutine";

    fn parked(&self) -> bool {
        self.slow.borrow().is_some()
    }

    fn step_once(&self, vm: &mut Vm, incoming: &Incoming) -> PyResult<Delegate> {
        self.step(vm, incoming, true)
    }

    fn qualname(&self) -> &'static str {
        "StreamWriter.drain"
    }
}

/// `op.close()`: closes the slow coroutine, if started (an unstarted one is just finished).
pub fn op_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let op = hand_driven_of::<DrainOp>(vm, &args)?;
    op.finished.set(true);
    let slow = op.slow.borrow().clone();
    if let Some(c) = slow {
        vm.call_method(&Value::Obj(c), "close", vec![])?;
    }
    Ok(Value::None)
}
