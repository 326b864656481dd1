//! Work finished outside the loop thread: the blocking thread pool behind
//! `loop.run_in_executor` / `asyncio.to_thread`, and completions posted by the host.
//!
//! Protocol: the loop thread registers a continuation under a fresh token
//! ([`LoopObj::expect_external`]); whoever does the work posts `Msg::Done(token, payload)`
//! to the loop's inbox (which wakes a blocked poll); the message becomes a ready callback
//! that runs the continuation on the loop thread with the payload. Script values never cross
//! threads: payloads are plain `Send` data.
//!
//! Invariant: a registered continuation counts as pending work, so the deadlock report stays
//! quiet until its message has arrived.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use super::event_loop::{loop_of, LoopObj, Msg};
use super::future::{future_of, new_future};
use crate::runtime::reactor::Inbox;
use crate::vm::{PyResult, Value, Vm};

/// What a finished piece of outside work hands to the loop thread.
pub type WorkResult = Box<dyn Any + Send>;

/// Runs on the loop thread when the work behind its token is done.
pub type Continuation = Box<dyn FnOnce(&mut Vm, WorkResult)>;

/// A loop's outstanding outside work.
#[derive(Default)]
pub struct ExternalWork {
    /// Continuations by token.
    waiting: RefCell<HashMap<u64, Continuation>>,
    /// The last token handed out.
    next_token: Cell<u64>,
}

impl std::fmt::Debug for ExternalWork {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExternalWork({} waiting)", self.waiting.borrow().len())
    }
}

impl LoopObj {
    /// Registers work done off the loop thread: `on_done` runs on the loop thread once
    /// `Msg::Done(token, payload)` arrives through the returned inbox.
    pub fn expect_external(&self, on_done: Continuation) -> (u64, Inbox<Msg>) {
        let token = self.external.next_token.get() + 1;
        self.external.next_token.set(token);
        self.external.waiting.borrow_mut().insert(token, on_done);
        (token, self.el.borrow().inbox())
    }

    /// True while some registered outside work has not reported back.
    pub fn has_external_work(&self) -> bool {
        !self.external.waiting.borrow().is_empty()
    }

    /// Runs the continuation of a finished piece of outside work.
    pub(super) fn complete_external(&self, vm: &mut Vm, msg: Msg) {
        let Msg::Done(token, payload) = msg else { return };
        let on_done = self.external.waiting.borrow_mut().remove(&token);
        if let Some(on_done) = on_done {
            on_done(vm, payload);
        }
    }
}

/// `loop.run_in_executor(None, func, *args)`: a future for `func(*args)`.
///
/// Only native functions known to be thread-safe and free of script values run on the pool
/// (the list is `crate::net::jobs::offload`); any other callable runs on the loop
/// thread at once, its outcome delivered through the loop one iteration later (see
/// COMPATIBILITY.md).
pub fn run_in_executor(vm: &mut Vm, loop_obj: &Value, func: &Value, args: Vec<Value>) -> PyResult<Value> {
    let Some(lp) = loop_of(loop_obj) else {
        return Err(vm.new_error("TypeError", "run_in_executor needs an event loop"));
    };
    // The thread-safe natives (time.sleep, socket.getaddrinfo) run on the pool.
    if let Some((work, convert)) = crate::net::jobs::offload(vm, func, &args)? {
        return crate::net::jobs::future_job(vm, loop_obj, work, convert);
    }
    let fut = new_future(vm, loop_obj.clone());
    let outcome = vm.call(func, args);
    let target = fut.clone();
    let cb = crate::builtins::native(vm, "_set_state", set_state_later);
    let handle_args = match outcome {
        Ok(v) => vec![Value::Obj(target), Value::Bool(true), v],
        Err(e) => vec![Value::Obj(target), Value::Bool(false), Value::Obj(e)],
    };
    super::event_loop::call_soon(vm, lp, cb, handle_args);
    Ok(Value::Obj(fut))
}

/// `_green(gen)`: makes a generator that has not started a green thread (see
/// `Fiber::green`): `time.sleep` called straight from its frames yields the delay from
/// `gen.send()` instead of blocking. `base_events._green_step` drives it.
pub fn m_green(vm: &mut Vm, args: crate::vm::object::Args) -> PyResult<Value> {
    let gen = args.pos.first().cloned().unwrap_or(Value::None);
    let marked = match gen.payload() {
        Some(crate::vm::object::Payload::Generator(g)) if !g.started.get() => {
            match &mut *g.state.borrow_mut() {
                crate::vm::object::GenState::Suspended(f) => {
                    f.green = true;
                    true
                }
                _ => false,
            }
        }
        _ => false,
    };
    if marked {
        return Ok(gen);
    }
    Err(vm.new_error("TypeError", "_green() needs a generator that has not started"))
}

/// `(future, ok, value)`: sets the result or exception unless the future was cancelled.
fn set_state_later(vm: &mut Vm, args: crate::vm::object::Args) -> PyResult<Value> {
    let (Some(Value::Obj(fut)), Some(ok), Some(v)) = (args.pos.first(), args.pos.get(1), args.pos.get(2))
    else {
        return Ok(Value::None);
    };
    let fv = Value::Obj(fut.clone());
    let Some(f) = future_of(&fv) else { return Ok(Value::None) };
    if f.done() {
        return Ok(Value::None);
    }
    if ok.is(&Value::Bool(true)) {
        f.set_result(vm, fut, v.clone())?;
    } else {
        f.set_exception(vm, fut, v.clone())?;
    }
    Ok(Value::None)
}

/// `_green_switch(v)`: called straight from a green thread's frames, suspends the thread,
/// which yields `v` to its driver (the driver's `send(x)` makes `x` the call's result);
/// called from anywhere else, returns `False` at once. `threading` parks a thread waiting
/// for a lock, an event or a join this way.
pub fn m_green_switch(vm: &mut Vm, args: crate::vm::object::Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    if vm.caller.as_ref().is_some_and(|c| c.green) {
        vm.green_switch = Some(v);
        return Err(vm.new_error("RuntimeError", "green thread switch"));
    }
    Ok(Value::Bool(false))
}

/// The `ext_state` key of the callable `time.sleep` hands a sleep of the main thread to
/// while green threads exist (`threading` sets it: the threads then run meanwhile).
pub const SLEEP_HOOK: &str = "time.sleep_hook";

/// `_set_sleep_hook(f)`: `time.sleep(secs)` outside green threads calls `f(secs)` instead of
/// sleeping (while `f` runs, `time.sleep` sleeps for real); `None` removes the hook.
pub fn m_set_sleep_hook(vm: &mut Vm, args: crate::vm::object::Args) -> PyResult<Value> {
    match args.pos.first() {
        None | Some(Value::None) => {
            vm.ext_state.remove(SLEEP_HOOK);
        }
        Some(f) => {
            vm.ext_state.insert(SLEEP_HOOK, Rc::new(f.clone()));
        }
    }
    Ok(Value::None)
}
