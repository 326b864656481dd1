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
        match v.payload()? {
            super::object::Payload::Ext(e) => Some(&**e),
            _ => None,
        }
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
    match step(vm, &incoming)? {
        Delegate::Yield(v) => Ok(v),
        Delegate::Done(v) => {
            let cls = vm.exc_class("StopIteration");
            let args = if v.is_none() { vec![] } else { vec![v] };
            Err(vm.new_exception(&cls, args))
        }
        Delegate::Resume(..) => Ok(Value::None),
    }
}
