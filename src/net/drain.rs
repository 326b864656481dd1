//! `StreamWriter.drain()`'s fast check: whether `await protocol._drain_helper()` would return
//! at once, so `drain` can skip making and running that coroutine.
//!
//! It answers yes only when the result is exactly CPython's: the protocol's `_drain_helper`
//! is `FlowControlMixin._drain_helper` itself (registered by `streams.py`; not overridden by
//! a subclass or an instance attribute), and its instance dict says `_connection_lost` and
//! `_paused` are both `False` with no class attribute of those names that could intercept
//! the reads (a property). Anything else runs the helper as before, so every exception keeps
//! its place and message.

use super::feed::shadowed;
use super::module::{classes, NetClasses};
use crate::vm::object::{str_hash, Args, Object};
use crate::vm::{PyResult, Value, Vm};

const DRAIN_HELPER: &str = "_drain_helper";
const CONNECTION_LOST: &str = "_connection_lost";
const PAUSED: &str = "_paused";

/// `_net._drain_clear(protocol)`.
pub fn m_drain_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let clear = match args.pos.first() {
        Some(Value::Obj(p)) => {
            let c = classes(vm);
            drain_clear(vm, &c, p)
        }
        _ => false,
    };
    Ok(Value::Bool(clear))
}

/// True when `await p._drain_helper()` would return at once (reads only).
pub fn drain_clear(vm: &mut Vm, c: &NetClasses, p: &Object) -> bool {
    let Some(registered) = c.drain_helper.borrow().clone() else { return false };
    if shadowed(p, DRAIN_HELPER) {
        return false;
    }
    let method = vm.lookup_cached(&p.class, str_hash(DRAIN_HELPER), DRAIN_HELPER);
    if !method.is_some_and(|m| m.is(&registered)) {
        return false;
    }
    [CONNECTION_LOST, PAUSED].iter().all(|name| {
        vm.lookup_cached(&p.class, str_hash(name), name).is_none()
            && p.dict().is_some_and(|d| {
                matches!(d.map.borrow().get_str(str_hash(name), name), Some(Value::Bool(false)))
            })
    })
}

/// `_net._set_drain_helper(FlowControlMixin._drain_helper)`.
pub fn m_set_drain_helper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    *classes(vm).drain_helper.borrow_mut() = args.pos.first().cloned();
    Ok(Value::None)
}
