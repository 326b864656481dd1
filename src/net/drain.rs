//! `StreamWriter.drain()`'s fast check: whether `await protocol._drain_helper()` would return
//! at once, so `drain` can skip making and running that coroutine.
//!
//! It answers yes only when the result is exactly CPython's: the protocol's `_drain_helper`
//! is `FlowControlMixin._drain_helper` itself (registered by `streams.py`; not overridden by
//! a subclass or an instance attribute), and its instance dict says `_connection_lost` and
//! `_paused` are both `False` with no class attribute of those names that could intercept
//! the reads (a property). Anything else runs the helper as before, so every exception keeps
//! its place and message.
//!
//! [`DrainMemo`] remembers, per transport, the last "yes" of `StreamWriter.drain()`'s
//! reader-and-protocol checks with what they read (see there).

use std::cell::Cell;

use super::feed::shadowed;
use super::module::{classes, NetClasses};
use crate::vm::object::{bump_class_epoch, class_epoch, str_hash, Args, Class, Object};
use crate::vm::{PyResult, Value, Vm};

const DRAIN_HELPER: &str = "_drain_helper";
const CONNECTION_LOST: &str = "_connection_lost";
const PAUSED: &str = "_paused";
/// The two flags with their hashes.
const FLAGS: [(&str, i64); 2] = [(CONNECTION_LOST, str_hash(CONNECTION_LOST)), (PAUSED, str_hash(PAUSED))];

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
    if shadowed(p, DRAIN_HELPER) || !c.checks.protocol_plain.holds(&p.class, || class_plain(vm, c, &p.class))
    {
        return false;
    }
    let Some(d) = p.dict() else { return false };
    let map = d.map.borrow();
    FLAGS.iter().all(|(name, hash)| matches!(map.get_str(*hash, name), Some(Value::Bool(false))))
}

/// True when `cls`'s `_drain_helper` is the registered one and no class attribute named
/// `_connection_lost` or `_paused` could intercept the instance's.
fn class_plain(vm: &mut Vm, c: &NetClasses, cls: &Class) -> bool {
    let Some(registered) = c.drain_helper.borrow().clone() else { return false };
    let method = vm.lookup_cached(cls, str_hash(DRAIN_HELPER), DRAIN_HELPER);
    method.is_some_and(|m| m.is(&registered))
        && FLAGS.iter().all(|(name, hash)| vm.lookup_cached(cls, *hash, name).is_none())
}

/// `_net._set_drain_helper(FlowControlMixin._drain_helper)`.
pub fn m_set_drain_helper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    *classes(vm).drain_helper.borrow_mut() = args.pos.first().cloned();
    bump_class_epoch(); // the remembered `protocol_plain` answers named the old one
    Ok(Value::None)
}

/// The last "the reader holds nothing and the protocol's drain helper has nothing to do"
/// found for a transport's writer, keyed on everything those checks read apart from the
/// native state read every time (the reader's exception): the class epoch, and the class and
/// dict version of the reader and of the protocol. A dict version names one content of
/// that dict (versions are unique; a copied dict shares its content), and an (epoch, class
/// address) pair names one state of one class, so an equal key gives the same answer.
#[derive(Debug, Default)]
pub struct DrainMemo(Cell<Option<MemoKey>>);

/// See [`DrainMemo`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoKey {
    epoch: u64,
    reader: (usize, u64),
    protocol: (usize, u64),
}

impl MemoKey {
    /// The key of the state of `reader` (None, or an object) and `protocol` now.
    pub fn of(reader: &Value, protocol: &Object) -> Option<MemoKey> {
        let reader = match reader {
            Value::None => (0, 0),
            Value::Obj(r) => identity(r),
            _ => return None,
        };
        Some(MemoKey { epoch: class_epoch(), reader, protocol: identity(protocol) })
    }
}

/// An object's class address and watched dict version (0 without a dict).
fn identity(o: &Object) -> (usize, u64) {
    let version = o.dict().map_or(0, |d| d.map.borrow().watch_version());
    (std::rc::Rc::as_ptr(&o.class) as usize, version)
}

impl DrainMemo {
    /// True when the last "yes" was found in state `key`.
    pub fn holds(&self, key: MemoKey) -> bool {
        self.0.get() == Some(key)
    }

    /// Remembers a "yes" found in state `key`.
    pub fn remember(&self, key: MemoKey) {
        self.0.set(Some(key));
    }
}
