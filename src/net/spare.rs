//! Finished read and `drain()` awaitables kept for reuse, so that a stream request does not
//! allocate and free them (two allocations each: the object and its native payload).
//!
//! An awaitable is kept when it finished normally under `await` and has dropped what it
//! referenced (its reader or writer), and handed out again only when nothing else can see
//! it: no other strong reference, no weak one, no weakref watching it. A script can then no
//! more tell the reused object from a fresh one than it can tell CPython's freed memory
//! reused. The frame that awaited one still holds it until its register is overwritten,
//! so a few are kept, not one.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::object::{Object, Payload};
use crate::vm::Value;

/// How many finished awaitables of one kind are kept (a few per connection in flight).
const KEEP: usize = 8;

/// Finished awaitables of one kind.
#[derive(Debug, Default)]
pub struct Spares {
    objs: RefCell<Vec<Rc<Object>>>,
}

impl Spares {
    /// A kept awaitable nothing else references, taken out of the pool.
    pub fn take(&self) -> Option<Rc<Object>> {
        let mut objs = self.objs.try_borrow_mut().ok()?;
        let i = objs
            .iter()
            .position(|o| Rc::strong_count(o) == 1 && Rc::weak_count(o) == 0 && !o.weak_watched.get())?;
        Some(objs.swap_remove(i))
    }

    /// Keeps `this` (an awaitable that has just finished and dropped its references) if
    /// there is room and it is not kept already.
    pub fn keep(&self, this: &Value) {
        let (Value::Obj(o), Ok(mut objs)) = (this, self.objs.try_borrow_mut()) else { return };
        if objs.len() < KEEP && matches!(o.payload, Payload::Ext(_)) && !objs.iter().any(|x| Rc::ptr_eq(x, o))
        {
            objs.push(o.clone());
        }
    }
}
