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
use crate::runtime::threads::{default_max_threads, ThreadPool};
use crate::vm::object::Object;
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
    /// The blocking thread pool, started on first use.
    pool: RefCell<Option<ThreadPool<Msg>>>,
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

    /// Queues a blocking job on the loop's thread pool (started on first use).
    fn submit_blocking(
        &self,
        token: u64,
        job: impl FnOnce() -> WorkResult + Send + 'static,
    ) -> std::io::Result<()> {
        let mut pool = self.external.pool.borrow_mut();
        let pool =
            pool.get_or_insert_with(|| ThreadPool::new(self.el.borrow().inbox(), default_max_threads()));
        pool.submit(move || {
            // A panic still reports under the token, so the future is resolved.
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)) {
                Ok(payload) => Msg::Done(token, payload),
                Err(_) => Msg::Done(token, Box::new(JobFailed)),
            }
        })
    }
}

/// The payload of a job that panicked.
#[derive(Debug)]
struct JobFailed;

/// `loop.run_in_executor(None, func, *args)`: a future for `func(*args)`.
///
/// Only native functions known to be thread-safe and free of script values run on the pool
/// (`time.sleep`, the blocking call of tutorials); any other callable runs on the loop
/// thread at once, its outcome delivered through the loop one iteration later (see
/// COMPATIBILITY.md).
pub fn run_in_executor(vm: &mut Vm, loop_obj: &Value, func: &Value, args: Vec<Value>) -> PyResult<Value> {
    let Some(lp) = loop_of(loop_obj) else {
        return Err(vm.new_error("TypeError", "run_in_executor needs an event loop"));
    };
    let fut = new_future(vm, loop_obj.clone());
    if let Some(secs) = offloadable_sleep(vm, func, &args)? {
        let target = fut.clone();
        let (token, _) = lp.expect_external(Box::new(move |vm, payload| {
            settle(vm, &target, if payload.is::<JobFailed>() { Err("blocking job panicked") } else { Ok(()) })
        }));
        let job = move || -> WorkResult {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs));
            Box::new(())
        };
        if let Err(e) = lp.submit_blocking(token, job) {
            lp.external.waiting.borrow_mut().remove(&token);
            return Err(vm.new_error("OSError", &e.to_string()));
        }
        return Ok(Value::Obj(fut));
    }
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

/// Resolves a future from a finished blocking job, unless it was cancelled meanwhile.
fn settle(vm: &mut Vm, fut: &Rc<Object>, outcome: Result<(), &str>) {
    let fv = Value::Obj(fut.clone());
    let Some(f) = future_of(&fv) else { return };
    if f.done() {
        return;
    }
    // A pending future accepts a result or an exception: neither can fail here.
    let _ = match outcome {
        Ok(()) => f.set_result(vm, fut, Value::None),
        Err(msg) => {
            let e = vm.new_error("RuntimeError", msg);
            f.set_exception(vm, fut, Value::Obj(e))
        }
    };
}

/// The seconds of a `time.sleep(secs)` call, when `func` is the time module's `sleep`.
fn offloadable_sleep(vm: &mut Vm, func: &Value, args: &[Value]) -> PyResult<Option<f64>> {
    let Some(time) = vm.module_get("time") else { return Ok(None) };
    let Ok(sleep) = vm.get_attr(&time, &Value::str("sleep")) else { return Ok(None) };
    if !func.is(&sleep) || args.len() != 1 {
        return Ok(None);
    }
    let secs = crate::builtins::to_float(vm, &args[0])?;
    if secs.is_nan() || secs < 0.0 {
        return Err(vm.new_error("ValueError", "sleep length must be non-negative"));
    }
    Ok(Some(secs.min(MAX_OFFLOADED_SLEEP)))
}

/// The longest `time.sleep` a worker performs (about 31 years: `Duration` accepts it).
const MAX_OFFLOADED_SLEEP: f64 = 1e9;
