//! Reader and writer callbacks on a loop, as CPython's selector loop keeps them: each direction
//! of a socket has at most one `Handle`; replacing or removing it cancels the old one, so a
//! callback already queued for this iteration does not run after its removal.

use std::rc::Rc;

use crate::asyncio::event_loop::{cancel_handle, handle_of, loop_of, new_handle, Cb};
use crate::runtime::reactor::SourceId;
use crate::vm::object::Object;
use crate::vm::{Value, Vm};

/// Which direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Readable.
    Read,
    /// Writable.
    Write,
}

fn cancel(h: Option<Rc<Object>>) {
    if let Some(h) = h {
        if let Some(ho) = handle_of(&Value::Obj(h)) {
            cancel_handle(ho);
        }
    }
}

/// Registers `callback(*args)` to run every iteration while `id` is ready in `dir`; returns
/// the handle, or `None` if the loop is gone or the source is closed.
pub fn add(
    vm: &mut Vm,
    loop_obj: &Value,
    id: SourceId,
    dir: Dir,
    callback: Value,
    args: Vec<Value>,
) -> Option<Rc<Object>> {
    let lp = loop_of(loop_obj)?;
    let h = new_handle(vm, callback, args, None);
    let registered = match dir {
        Dir::Read => lp.el.borrow_mut().add_reader(id, Cb::Handle(h.clone())),
        Dir::Write => lp.el.borrow_mut().add_writer(id, Cb::Handle(h.clone())),
    };
    if !registered {
        return None;
    }
    let old = {
        let mut handles = lp.net.handles.borrow_mut();
        let entry = handles.entry(id).or_default();
        match dir {
            Dir::Read => entry.reader.replace(h.clone()),
            Dir::Write => entry.writer.replace(h.clone()),
        }
    };
    cancel(old);
    Some(h)
}

/// Removes the `dir` callback of `id`; returns whether one was registered.
pub fn remove(loop_obj: &Value, id: SourceId, dir: Dir) -> bool {
    let Some(lp) = loop_of(loop_obj) else { return false };
    if lp.closed.get() {
        return false;
    }
    let old = {
        let mut handles = lp.net.handles.borrow_mut();
        let Some(entry) = handles.get_mut(&id) else { return false };
        let old = match dir {
            Dir::Read => entry.reader.take(),
            Dir::Write => entry.writer.take(),
        };
        if entry.reader.is_none() && entry.writer.is_none() {
            handles.remove(&id);
        }
        old
    };
    match dir {
        Dir::Read => lp.el.borrow_mut().remove_reader(id),
        Dir::Write => lp.el.borrow_mut().remove_writer(id),
    };
    let had = old.is_some();
    cancel(old);
    had
}

/// Cancels and forgets both callbacks of `id` (before the socket closes).
pub fn forget(_vm: &mut Vm, loop_obj: &Value, id: SourceId) {
    let Some(lp) = loop_of(loop_obj) else { return };
    let entry = lp.net.handles.borrow_mut().remove(&id);
    if let Some(entry) = entry {
        cancel(entry.reader);
        cancel(entry.writer);
    }
}
