//! Host futures: Rust futures that scripts await, polled by the event loop itself.
//!
//! Owns: the table of pending host futures of one loop, each paired with the asyncio Future
//! a script awaits; the `Waker` that turns a Rust wake-up into a "poll host future #k"
//! message in the loop's inbox; and host-driven stepping of a loop
//! ([`run_until_stalled`]).
//!
//! Invariants:
//! - A host future is polled only on the loop's thread, from a `PollHost` callback, so it
//!   may hold `!Send` state; only its waker crosses threads, and the waker carries nothing
//!   but the future's number.
//! - Completion goes through the asyncio Future (`set_result`/`set_exception`), whose done
//!   callbacks are scheduled with `call_soon`: ordering stays CPython-shaped.
//! - When the asyncio Future is cancelled (the awaiting task was cancelled), a done callback
//!   removes the Rust future from the table, dropping it, within one loop iteration.
//! - No runtime (tokio or other) is assumed: a future that needs one must be polled inside
//!   its context (the embedder enters it around the loop).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use super::event_loop::{loop_of, Cb, LoopObj, Msg};
use super::future::{future_of, new_future, DoneCallback};
use crate::runtime::reactor::Inbox;
use crate::vm::object::{Args, Closure, Object, Payload};
use crate::vm::{Exc, PyResult, Value, Vm};

/// What a finished host future hands the loop: a conversion run with the VM, producing the
/// awaited value or the exception to raise.
pub type HostOutput = Box<dyn FnOnce(&mut Vm) -> PyResult<Value>>;

/// A host future, boxed.
pub type HostFuture = Pin<Box<dyn Future<Output = HostOutput>>>;

struct Pending {
    future: HostFuture,
    target: Rc<Object>,
    waker: Waker,
}

/// The pending host futures of one loop.
#[derive(Default)]
pub struct HostFutures {
    next_id: u64,
    pending: HashMap<u64, Pending>,
}

impl std::fmt::Debug for HostFutures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HostFutures({} pending)", self.pending.len())
    }
}

impl HostFutures {
    /// Whether no host future is pending (the loop may then report a deadlock).
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// How many host futures are pending.
    pub fn len(&self) -> usize {
        self.pending.len()
    }
}

/// Wakes a loop by posting "poll host future `id`" to its inbox.
struct HostWake {
    inbox: Inbox<Msg>,
    id: u64,
}

impl Wake for HostWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // A failed wake leaves the message queued; the loop sees it at its next poll.
        let _ = self.inbox.post(Msg::PollHost(self.id));
    }
}

/// Starts `future` on the loop `loop_obj`: returns the asyncio Future scripts await. The
/// first poll happens in the loop's next iteration.
pub fn spawn(vm: &mut Vm, loop_obj: &Value, future: HostFuture) -> PyResult<Rc<Object>> {
    let Some(lp) = loop_of(loop_obj) else {
        return Err(vm.new_error("RuntimeError", "no running event loop"));
    };
    let target = new_future(vm, loop_obj.clone());
    let id = {
        let mut host = lp.host.borrow_mut();
        host.next_id += 1;
        host.next_id
    };
    let inbox = lp.el.borrow().inbox();
    let waker = Waker::from(Arc::new(HostWake { inbox, id }));
    lp.host.borrow_mut().pending.insert(id, Pending { future, target: target.clone(), waker });
    let on_done = drop_when_cancelled(vm, loop_obj, id);
    if let Some(f) = future_of(&Value::Obj(target.clone())) {
        f.add_done_callback(vm, &target, DoneCallback::Py(on_done));
    }
    lp.el.borrow_mut().call_soon(Cb::from(Msg::PollHost(id)));
    Ok(target)
}

/// A done callback that drops host future `id` if its asyncio Future was cancelled. It holds
/// the loop weakly, so the loop and its futures form no reference cycle.
fn drop_when_cancelled(vm: &mut Vm, loop_obj: &Value, id: u64) -> Value {
    let weak_loop: Option<Weak<Object>> = match loop_obj {
        Value::Obj(o) => Some(Rc::downgrade(o)),
        _ => None,
    };
    let f = move |_vm: &mut Vm, _args: Args<'_>| {
        if let Some(lp) = weak_loop.as_ref().and_then(Weak::upgrade) {
            if let Some(l) = loop_of(&Value::Obj(lp.clone())) {
                let cancelled = l.host.borrow().pending.get(&id).is_some_and(|p| target_cancelled(&p.target));
                if cancelled {
                    let dropped = l.host.borrow_mut().pending.remove(&id);
                    drop(dropped);
                }
            }
        }
        Ok(Value::None)
    };
    let closure = Closure { name: Rc::from("_host_future_done"), f: Rc::new(f), is_method: false };
    Value::Obj(Object::new(vm.types.builtin_function.clone(), Payload::NativeClosure(closure)))
}

fn target_cancelled(target: &Rc<Object>) -> bool {
    future_of(&Value::Obj(target.clone())).is_some_and(|f| f.done())
}

/// The `PollHost(id)` callback: polls the future once; on completion resolves its asyncio
/// Future.
pub fn poll(vm: &mut Vm, lp: &LoopObj, id: u64) {
    // Take it out so no borrow of the table is held while the future or the conversion runs.
    let Some(mut p) = lp.host.borrow_mut().pending.remove(&id) else { return };
    if target_cancelled(&p.target) {
        return;
    }
    let mut cx = Context::from_waker(&p.waker);
    match p.future.as_mut().poll(&mut cx) {
        Poll::Pending => {
            lp.host.borrow_mut().pending.insert(id, p);
        }
        Poll::Ready(output) => {
            let target = p.target.clone();
            drop(p);
            let result = output(vm);
            resolve(vm, &target, result);
        }
    }
}

fn resolve(vm: &mut Vm, target: &Rc<Object>, result: PyResult<Value>) {
    let tv = Value::Obj(target.clone());
    let Some(f) = future_of(&tv) else { return };
    let outcome = match result {
        Ok(v) => f.set_result(vm, target, v),
        Err(e) => f.set_exception(vm, target, Value::Obj(e)),
    };
    // Only an already-done future refuses, and a cancelled one was skipped above.
    let _: Result<(), Exc> = outcome;
}

/// Connects a loop that starts running to the VM's limits: an interrupt wakes its poll, and
/// the poll never blocks past the run's deadline.
pub fn attach(vm: &mut Vm, lp: &LoopObj) {
    let inbox = lp.el.borrow().inbox();
    let wake = move || {
        let _ = inbox.post(Msg::Wake);
    };
    vm.limits.interrupt().set_waker(Some(Box::new(wake)));
    lp.el.borrow_mut().set_wake_by(vm.limits.deadline());
}

/// Undoes [`attach`] when the loop stops; a virtual clock's time carries over to the next
/// loop of this VM.
pub fn detach(vm: &mut Vm, lp: &LoopObj) {
    vm.limits.interrupt().set_waker(None);
    lp.el.borrow_mut().set_wake_by(None);
    if vm.virtual_clock.is_some() {
        vm.virtual_clock = Some(lp.el.borrow().time());
    }
}

/// Loop iterations one [`run_until_stalled`] call runs at most, so that a script that keeps
/// callbacks ready forever (`while True: await asyncio.sleep(0)`) still hands control back
/// to the host.
pub const MAX_ITERATIONS_PER_STEP: usize = 1024;

/// Where host-driven stepping stopped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stalled {
    /// The awaited future is done.
    Done,
    /// Nothing is ready: wait for I/O, a host future's wake-up, or the earliest timer (loop
    /// time, if any).
    Waiting(Option<f64>),
    /// The step budget ran out with callbacks still ready: step again soon.
    Busy,
}

/// Host-driven stepping: runs loop iterations without ever blocking until `until` (if given)
/// is done, nothing is ready, or [`MAX_ITERATIONS_PER_STEP`] iterations ran. A deadlock
/// (nothing pending at all while `until` waits) raises the loop's deadlock report.
pub fn run_until_stalled(vm: &mut Vm, loop_obj: &Value, until: Option<&Rc<Object>>) -> PyResult<Stalled> {
    let Some(lp) = loop_of(loop_obj) else {
        return Err(vm.new_error("RuntimeError", "no event loop"));
    };
    if lp.closed.get() {
        return Err(vm.new_error("RuntimeError", "Event loop is closed"));
    }
    if lp.running.get() || !vm.running_loop.is_none() {
        return Err(vm.new_error("RuntimeError", "This event loop is already running"));
    }
    lp.running.set(true);
    vm.running_loop = loop_obj.clone();
    let old_hooks = vm.asyncgen_hooks.replace(lp.asyncgen_hooks.clone());
    attach(vm, lp);
    let result = step(vm, loop_obj, lp, until);
    crate::net::coalesce::flush(vm, lp);
    detach(vm, lp);
    lp.running.set(false);
    vm.running_loop = Value::None;
    vm.asyncgen_hooks = old_hooks;
    result
}

fn step(vm: &mut Vm, loop_obj: &Value, lp: &LoopObj, until: Option<&Rc<Object>>) -> PyResult<Stalled> {
    let done = || until.is_some_and(|f| future_of(&Value::Obj(f.clone())).is_some_and(|f| f.done()));
    for _ in 0..MAX_ITERATIONS_PER_STEP {
        if done() {
            return Ok(Stalled::Done);
        }
        vm.check_limits()?;
        super::event_loop::after_callback(vm, loop_obj, lp);
        crate::net::coalesce::flush(vm, lp);
        let n = tick_without_waiting(vm, lp)?;
        if n == 0 {
            if until.is_some() && super::event_loop::is_deadlocked(lp) {
                return Err(super::deadlock::deadlock_error(vm, lp, until));
            }
            return Ok(Stalled::Waiting(lp.el.borrow().next_deadline()));
        }
        super::event_loop::run_ready(vm, loop_obj, lp, n)?;
    }
    Ok(if done() { Stalled::Done } else { Stalled::Busy })
}

/// One tick that never waits in real time. On a virtual clock with only timers pending, the
/// blocking tick is used instead: it jumps time to the next timer rather than sleeping.
fn tick_without_waiting(vm: &mut Vm, lp: &LoopObj) -> PyResult<usize> {
    let mut el = lp.el.borrow_mut();
    let only_timers = el.clock().is_virtual()
        && el.next_deadline().is_some()
        && !el.reactor().has_interest()
        && lp.host.borrow().is_empty()
        && !lp.has_external_work()
        && lp.net.pending_jobs() == 0;
    let n = if only_timers { el.tick() } else { el.tick_nowait() };
    drop(el);
    n.map_err(|e| vm.new_error("OSError", &e.to_string()))
}
