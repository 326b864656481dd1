//! `Ext`: the extension point for objects implemented natively outside the VM core.
//!
//! asyncio's Future and Task, the event loop object, streams, and host userdata are `Ext`
//! objects. The VM asks them for what it cannot know: their repr, their attributes, how
//! `await` proceeds on them, and how they iterate. Every method has a default meaning "not
//! supported", so an implementation only writes what it offers.

use std::any::Any;
use std::fmt;

use super::frame::Incoming;
use super::interp::Delegate;
use super::object::{Args, Payload};
use super::value::Value;
use super::{PyResult, Vm};

/// A natively implemented object kind.
pub trait Ext: Any + fmt::Debug {
    /// Downcasting support.
    fn as_any(&self) -> &dyn Any;

    /// `repr(this)`, if it has its own.
    fn repr(&self, _vm: &mut Vm, _this: &Value) -> PyResult<Option<String>> {
        Ok(None)
    }

    /// `this.name`, if it has such an attribute (methods live in the class dict instead).
    fn get_attr(&self, _vm: &mut Vm, _this: &Value, _name: &str) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// True when `await this` is handled by `await_step`.
    fn is_awaitable(&self) -> bool {
        false
    }

    /// One step of `await this`, given what the awaiting frame was resumed with:
    /// `Incoming::Start` on the first step, `Send` or `Throw` when resumed after a yield.
    fn await_step(&self, _vm: &mut Vm, _this: &Value, _incoming: &Incoming) -> Option<PyResult<Delegate>> {
        None
    }

    /// `iter(this)`, if iterable.
    fn iter(&self, _vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// The cycle collector's walk: hands every value this object holds to `tracer`. Returns
    /// false when its state is borrowed right now. The default (nothing held) makes the
    /// object a dead end for the walk, which is always safe.
    fn gc_traverse(&self, _tracer: &mut super::gc::Tracer<'_>) -> bool {
        true
    }

    /// The cycle collector found this object unreachable: move the values it holds into
    /// `trash` to break the cycles through it.
    fn gc_clear(&self, _trash: &mut Vec<Value>) {}
}

impl Vm {
    fn ext_of(v: &Value) -> Option<&dyn Ext> {
        v.payload()?.ext()
    }

    pub(crate) fn runtime_repr(&mut self, v: &Value) -> PyResult<Option<String>> {
        match Self::ext_of(v) {
            Some(e) => e.repr(self, v),
            None => Ok(None),
        }
    }

    pub(crate) fn runtime_attr(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        match Self::ext_of(v) {
            Some(e) => e.get_attr(self, v, name),
            None => Ok(None),
        }
    }

    pub(crate) fn runtime_getitem(&mut self, _v: &Value, _key: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }

    pub(crate) fn runtime_iter(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match Self::ext_of(v) {
            Some(e) => e.iter(self, v),
            None => Ok(None),
        }
    }

    pub(crate) fn is_native_awaitable(&self, v: &Value) -> bool {
        Self::ext_of(v).is_some_and(|e| e.is_awaitable())
    }

    pub(crate) fn await_native(&mut self, v: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        Self::ext_of(v)?.await_step(self, v, incoming)
    }
}

/// `send()`/`throw()` on a native awaitable driven by hand: steps it once (a `send` to one
/// not yet parked on a future starts it, whatever is sent); a yield is returned and a finish
/// raises `StopIteration(value)`, as a coroutine's `send` does.
pub fn drive_by_hand(
    vm: &mut Vm,
    parked: bool,
    incoming: Incoming,
    step: impl FnOnce(&mut Vm, &Incoming) -> PyResult<Delegate>,
) -> PyResult<Value> {
    let incoming = match incoming {
        Incoming::Throw(e) => Incoming::Throw(e),
        other if parked => other,
        _ => Incoming::Start,
    };
    let step = step(vm, &incoming)?;
    step_result(vm, step)
}

/// What one hand-driven step of a native awaitable gives its `send()`/`throw()` caller: a
/// yield is returned, a finish raises `StopIteration(value)`.
pub fn step_result(vm: &mut Vm, step: Delegate) -> PyResult<Value> {
    match step {
        Delegate::Yield(v) => Ok(v),
        Delegate::Done(v) => {
            let cls = vm.exc_class("StopIteration");
            let args = if v.is_none() { vec![] } else { vec![v] };
            Err(vm.new_exception(&cls, args))
        }
        Delegate::Resume(..) => Ok(Value::None),
    }
}

/// A native awaitable whose `send()` and `throw()` methods step it by hand (asyncio's queue
/// operations, the stream read operations): [`hand_send`] and [`hand_throw`] are those
/// methods for any such type.
pub trait HandDriven: Ext + Sized {
    /// How the receiver is named when a method gets the wrong one ("queue coroutine").
    const WHAT: &'static str;

    /// True while it waits on a future (a `send` then resumes rather than starts it).
    fn parked(&self) -> bool;

    /// One step, as the event loop would take it.
    fn step_once(&self, vm: &mut Vm, incoming: &Incoming) -> PyResult<Delegate>;

    /// The qualified name of the coroutine method it stands for (`Queue.get`).
    fn qualname(&self) -> &'static str;
}

/// `repr()` of a [`HandDriven`] awaitable: a coroutine's repr under its method's name.
pub fn hand_repr<T: HandDriven>(op: &T, this: &Value) -> String {
    format!("<coroutine object {} at {:#x}>", op.qualname(), this.id())
}

/// `__qualname__` and `__name__` of a [`HandDriven`] awaitable, as its coroutine has them.
pub fn hand_attr<T: HandDriven>(op: &T, name: &str) -> Option<Value> {
    let qualname = op.qualname();
    match name {
        "__qualname__" => Some(Value::str(qualname)),
        "__name__" => Some(Value::str(qualname.rsplit('.').next().unwrap_or(qualname))),
        _ => None,
    }
}

/// The `T` a method of a [`HandDriven`] type was called on (its first argument).
pub fn hand_driven_of<'a, T: HandDriven>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a T> {
    let op = match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Ext(e)) => e.as_any().downcast_ref::<T>(),
        _ => None,
    };
    op.ok_or_else(|| vm.new_error("TypeError", &format!("descriptor requires a {}", T::WHAT)))
}

fn hand_drive<T: HandDriven>(vm: &mut Vm, op: &T, incoming: Incoming) -> PyResult<Value> {
    drive_by_hand(vm, op.parked(), incoming, |vm, incoming| op.step_once(vm, incoming))
}

/// `op.send(value)` (also `op.__next__()`).
pub fn hand_send<T: HandDriven>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let op = hand_driven_of::<T>(vm, &args)?;
    hand_drive(vm, op, Incoming::Send(args.pos.get(1).cloned().unwrap_or(Value::None)))
}

/// `op.throw(exc)`.
pub fn hand_throw<T: HandDriven>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let op = hand_driven_of::<T>(vm, &args)?;
    let e = crate::builtins::throw_exc(vm, &args.pos[1..])?;
    hand_drive(vm, op, Incoming::Throw(e))
}
