//! The awaitables `StreamReader.read(n)`, `readline()`, `readuntil(sep)` and
//! `readexactly(n)` return: each is CPython's coroutine (`while True: try the step; await
//! _wait_for_data(...)`) as a native state machine, so a read costs no Python frame, and one
//! that finds its data buffered costs no suspension and no future.
//!
//! Invariants: every suspension happens where CPython's coroutine suspends (on the reader's
//! `_waiter` future, made by [`ReaderObj::new_waiter`] with CPython's checks), and the waiter
//! is cleared however the wait ends (`_wait_for_data`'s `finally`). Arguments are converted at
//! the first step, as the coroutine would; `read(n)` with anything but a non-negative `int`
//! goes to the script's `_read_slow` coroutine (`read(-1)` loops over `read(limit)`).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::module::classes;
use super::reader::{reader_of, sep_arg, ReaderObj};
use crate::asyncio::future::{future_obj, yield_again};
use crate::builtins::opt_arg;
use crate::compiler::bytecode::CmpKind;
use crate::vm::ext::{hand_driven_of, Ext, HandDriven};
use crate::vm::frame::Incoming;
use crate::vm::gc::Tracer;
use crate::vm::interp::Delegate;
use crate::vm::object::{Args, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// Which read the awaitable does, with its argument as given.
#[derive(Debug)]
enum Kind {
    /// `read(n)`, `n >= 0`.
    Read(i64),
    /// `readline()`.
    Line,
    /// `readuntil(separator)`: the argument, then its bytes once converted.
    Until(Value, Option<Vec<u8>>),
    /// `readexactly(n)`: the argument as given (converted by the step, as the coroutine does).
    Exactly(Value),
}

/// One pending read: the reader, what to read, and the waiter it is parked on.
#[derive(Debug)]
pub struct ReadOp {
    /// None once finished (a finished op is kept for reuse, [`super::spare`]).
    reader: RefCell<Value>,
    kind: RefCell<Kind>,
    waiter: RefCell<Option<Rc<Object>>>,
    /// It returned or raised: stepping it again is CPython's "cannot reuse" error.
    done: Cell<bool>,
}

impl ReadOp {
    /// The name `_wait_for_data` is given (it shows in the "already waiting" error).
    fn wait_name(&self) -> &'static str {
        match &*self.kind.borrow() {
            Kind::Read(_) => "read",
            Kind::Line | Kind::Until(..) => "readuntil",
            Kind::Exactly(_) => "readexactly",
        }
    }

    /// One step; a return or an exception finishes the op and drops what it references.
    fn step(&self, vm: &mut Vm, incoming: &Incoming) -> PyResult<Delegate> {
        if self.done.get() {
            return Err(vm.new_error("RuntimeError", "cannot reuse already awaited coroutine"));
        }
        let out = self.step_live(vm, incoming);
        if !matches!(out, Ok(Delegate::Yield(_))) {
            self.retire();
        }
        out
    }

    /// Marks the op finished and drops its reader and argument (the kind stays, for its
    /// name).
    fn retire(&self) {
        self.done.set(true);
        let reader = self.reader.replace(Value::None);
        let arg = match self.kind.try_borrow_mut().as_deref_mut() {
            Ok(Kind::Until(v, _) | Kind::Exactly(v)) => std::mem::take(v),
            _ => Value::None,
        };
        drop((reader, arg));
    }

    /// Makes a kept op (nothing else references it) a fresh one for `reader` and `kind`.
    fn renew(&self, reader: &Value, kind: Kind) {
        let old = (self.reader.replace(reader.clone()), self.kind.replace(kind), self.waiter.take());
        self.done.set(false);
        drop(old);
    }

    fn step_live(&self, vm: &mut Vm, incoming: &Incoming) -> PyResult<Delegate> {
        let reader = self.reader.borrow().clone();
        let Some(r) = reader_of(&reader) else {
            return Err(vm.new_error("TypeError", "not a StreamReader"));
        };
        let waiter = self.waiter.borrow_mut().take();
        if let Some(w) = waiter {
            // A task parked on the reader is resumed by hand: the future path from here.
            r.unpark(vm);
            if !matches!(incoming, Incoming::Throw(_)) && future_obj(&w).is_some_and(yield_again) {
                // Sent into by hand while the read waits: `await self._waiter` yields again.
                *self.waiter.borrow_mut() = Some(w.clone());
                return Ok(Delegate::Yield(Value::Obj(w)));
            }
            // `await self._waiter` ended; the `finally` clears the reader's waiter.
            r.clear_waiter();
            if let Incoming::Throw(e) = incoming {
                return Err(e.clone());
            }
            // `await` returns `result()`: only its errors matter here.
            if let Some(f) = future_obj(&w).filter(|f| !f.finished_ok()) {
                f.result(vm)?;
            }
            // Kept only when this was the last reference: a script can never reach it again.
            if Rc::strong_count(&w) == 1 && !w.weak_watched.get() {
                r.keep_waiter(w);
            }
        } else if let Incoming::Throw(e) = incoming {
            return Err(e.clone());
        }
        match self.try_read(vm, r)? {
            Some(v) => Ok(Delegate::Done(v)),
            None => {
                let w = r.new_waiter(vm, self.wait_name())?;
                if let Some(f) = future_obj(&w) {
                    f.st.borrow_mut().blocking = true;
                    if let (Some(lp), Value::Obj(ro)) = (f.own_loop(), &reader) {
                        // For the task step this yield reaches (`reader::park_task`).
                        let old = lp.net.read_wait.replace(Some(ro.clone()));
                        drop(old);
                    }
                }
                *self.waiter.borrow_mut() = Some(w.clone());
                Ok(Delegate::Yield(Value::Obj(w)))
            }
        }
    }

    /// The loop body before the wait: the result, or None to wait for data.
    fn try_read(&self, vm: &mut Vm, r: &ReaderObj) -> PyResult<Option<Value>> {
        let mut kind = self.kind.borrow_mut();
        match &mut *kind {
            Kind::Read(n) => r.read_step(vm, *n),
            Kind::Line => r.readline_step(vm),
            Kind::Until(arg, sep) => {
                if let (None, Some(b)) = (&sep, immutable_bytes(arg)) {
                    // Bytes cannot change: read them in place each step (no copy per op).
                    return r.readuntil_step(vm, b);
                }
                if sep.is_none() {
                    if vm.bytes_of(arg).is_none() {
                        // `len(separator)` comes first in CPython.
                        crate::builtins::length(vm, arg)?;
                    }
                    *sep = Some(sep_arg(vm, Some(arg))?);
                }
                let sep = sep.as_deref().unwrap_or(b"\n");
                r.readuntil_step(vm, sep)
            }
            Kind::Exactly(n) => {
                let n = match n {
                    Value::Int(n) => *n,
                    other => {
                        // `if n < 0` comes first in CPython: its TypeError for a non-number.
                        let negative = vm.compare_op(CmpKind::Lt, other, &Value::Int(0))?;
                        if vm.truthy(&negative)? {
                            -1
                        } else {
                            vm.index_of(other)?
                        }
                    }
                };
                r.readexactly_step(vm, n)
            }
        }
    }

    /// `close()` of a parked read: the `finally` runs.
    fn close(&self, vm: &mut Vm) {
        if self.waiter.borrow_mut().take().is_some() {
            let reader = self.reader.borrow().clone();
            if let Some(r) = reader_of(&reader) {
                r.unpark(vm);
                r.clear_waiter();
            }
        }
    }
}

impl Ext for ReadOp {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn gc_traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        let (Ok(reader), Ok(kind), Ok(waiter)) =
            (self.reader.try_borrow(), self.kind.try_borrow(), self.waiter.try_borrow())
        else {
            return false;
        };
        tracer.value(&reader);
        if let Kind::Until(v, _) | Kind::Exactly(v) = &*kind {
            tracer.value(v);
        }
        waiter.iter().for_each(|w| tracer.object(w));
        true
    }

    fn gc_clear(&self, trash: &mut Vec<Value>) {
        if let Ok(mut waiter) = self.waiter.try_borrow_mut() {
            trash.extend(waiter.take().map(Value::Obj));
        }
        if let Ok(mut kind) = self.kind.try_borrow_mut() {
            if let Kind::Until(v, _) | Kind::Exactly(v) = &mut *kind {
                trash.push(std::mem::take(v));
            }
        }
    }

    coroutine_ext_methods!();

    fn await_step(&self, vm: &mut Vm, this: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        let out = self.step(vm, incoming);
        if let Ok(Delegate::Done(_)) = out {
            classes(vm).spare_reads.keep(this);
        }
        Some(out)
    }
}

/// The contents of `v` when it is a `bytes` object.
fn immutable_bytes(v: &Value) -> Option<&[u8]> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Bytes(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

/// The awaitable: a kept finished one renewed, else a new one.
fn new_op(vm: &mut Vm, reader: &Value, kind: Kind) -> Value {
    let c = classes(vm);
    if let Some(o) = c.spare_reads.take() {
        if let Payload::Ext(e) = &o.payload {
            if let Some(op) = e.as_any().downcast_ref::<ReadOp>() {
                op.renew(reader, kind);
                return Value::Obj(o);
            }
        }
    }
    let op = ReadOp {
        reader: RefCell::new(reader.clone()),
        kind: RefCell::new(kind),
        waiter: RefCell::new(None),
        done: Cell::new(false),
    };
    Value::Obj(Object::new(c.read_op.clone(), Payload::Ext(Box::new(op))))
}

fn reader_arg<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a Value> {
    match args.pos.first() {
        Some(v) if reader_of(v).is_some() => Ok(v),
        _ => Err(vm.new_error("TypeError", "descriptor requires a StreamReader")),
    }
}

/// `read(n=-1)`: native for `n >= 0`, else the script's `_read_slow(n)`.
pub fn m_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = reader_arg(vm, &args)?;
    match opt_arg(&args, 1, "n") {
        None => vm.call_method(this, "_read_slow", vec![Value::Int(-1)]),
        Some(Value::Int(n)) if *n >= 0 => Ok(new_op(vm, this, Kind::Read(*n))),
        Some(n) => {
            let n = n.clone();
            vm.call_method(this, "_read_slow", vec![n])
        }
    }
}

/// `readline()`: native unless the reader's class overrides `readuntil`, which CPython's
/// `readline` calls (then the script's `_readline_slow`).
pub fn m_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = reader_arg(vm, &args)?;
    let native = classes(vm).reader_base.lookup("readuntil");
    let own = match this {
        Value::Obj(o) => o.class.lookup("readuntil"),
        _ => None,
    };
    let overridden = match (own, native) {
        (Some(a), Some(b)) => !a.is(&b),
        _ => true,
    };
    if overridden {
        return vm.call_method(this, "_readline_slow", vec![]);
    }
    Ok(new_op(vm, this, Kind::Line))
}

/// `readuntil(separator=b'\n')`.
pub fn m_readuntil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = reader_arg(vm, &args)?;
    let kind = match opt_arg(&args, 1, "separator") {
        None => Kind::Until(Value::None, Some(b"\n".to_vec())),
        Some(v) => Kind::Until(v.clone(), None),
    };
    Ok(new_op(vm, this, kind))
}

/// `readexactly(n)`.
pub fn m_readexactly(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = reader_arg(vm, &args)?;
    let Some(n) = opt_arg(&args, 1, "n") else {
        return Err(vm.new_error(
            "TypeError",
            "StreamReader.readexactly() missing 1 required positional argument: 'n'",
        ));
    };
    let n = n.clone();
    Ok(new_op(vm, this, Kind::Exactly(n)))
}

impl HandDriven for ReadOp {
    const WHAT: &'static str = "stream coroutine";

    fn parked(&self) -> bool {
        self.waiter.borrow().is_some()
    }

    fn step_once(&self, vm: &mut Vm, incoming: &Incoming) -> PyResult<Delegate> {
        self.step(vm, incoming)
    }
    fn qualname(&self) -> &'static str {
        match &*self.kind.borrow() {
            Kind::Read(_) => "StreamReader.read",
            Kind::Line => "StreamReader.readline",
            Kind::Until(..) => "StreamReader.readuntil",
            Kind::Exactly(_) => "StreamReader.readexactly",
        }
    }
}

/// `op.close()`.
pub fn op_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hand_driven_of::<ReadOp>(vm, &args)?.close(vm);
    Ok(Value::None)
}

/// `op.__await__()`.
pub fn op_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}
