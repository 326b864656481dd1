//! `asyncio.sleep`, native because it is the most frequent awaitable of all.
//!
//! It schedules exactly as CPython's `tasks.sleep` coroutine does:
//! - `sleep(d <= 0)` is one bare yield (`__sleep0`): the task steps again on the next loop
//!   iteration;
//! - `sleep(d > 0)` awaits a future that a timer resolves with `result` (unless the future
//!   was cancelled), and cancels the timer however the await ends.
//!
//! Allocation: `await sleep(0)` allocates nothing (`sleep(0)` returns one shared awaitable,
//! which needs no state because an awaiting `YieldFrom` passes `Incoming::Start` only on its
//! first step, see `interp::apply_resume`). `sleep(d)` allocates one object, its
//! [`SleepCoro`] (56 bytes) inline in the payload (`Payload::Sleep`): awaiting it arms the timer and yields the object itself as the
//! future the task waits on, the task parking in it; no future object is made. A task
//! awaiting it the common way (`await asyncio.sleep(d)`, no result, nothing else holding the
//! object) then parks on the timer itself and the object is freed: see [`park_on_timer`].

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use super::event_loop::{loop_of, Cb};
use super::Aio;
use crate::compiler::bytecode::CmpKind;
use crate::runtime::timers::TimerId;
use crate::vm::ext::Ext;
use crate::vm::frame::Incoming;
use crate::vm::gc::Tracer;
use crate::vm::interp::Delegate;
use crate::vm::object::{Args, Class, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// `sleep(d <= 0, result)`: one bare yield, then `result`.
#[derive(Debug)]
pub struct Sleep0 {
    /// What the await returns.
    result: Value,
    /// For code driving the object by hand with `send()`: whether it has yielded.
    sent: Cell<bool>,
}

impl Sleep0 {
    fn step(&self, incoming: &Incoming) -> PyResult<Delegate> {
        match incoming {
            Incoming::Start => Ok(Delegate::Yield(Value::None)),
            Incoming::Send(_) => Ok(Delegate::Done(self.result.clone())),
            Incoming::Throw(e) => Err(e.clone()),
        }
    }
}

impl Ext for Sleep0 {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn gc_traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        tracer.value(&self.result);
        true
    }

    fn repr(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!("<coroutine object sleep at {:#x}>", this.id())))
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" | "__qualname__" => Some(Value::str("sleep")),
            _ => None,
        })
    }

    fn is_awaitable(&self) -> bool {
        true
    }

    fn iter(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        Ok(Some(this.clone()))
    }

    fn await_step(&self, _vm: &mut Vm, _this: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        Some(self.step(incoming))
    }
}

/// Where a `sleep(d > 0)` object stands (CPython's `sleep` coroutine and the future it
/// awaits, in one).
#[derive(Debug, Clone, Copy)]
enum Phase {
    /// Not awaited yet: the delay in seconds.
    Unarmed(f64),
    /// Awaited: the timer that resolves it is set.
    Pending(TimerId),
    /// Still pending, but its timer was cancelled (the await ended by a throw or `close()`):
    /// nothing resolves it any more, as CPython's future after `h.cancel()`.
    Orphaned,
    /// The timer fired: the await returns the result.
    Done,
    /// Its task cancelled it while it waited.
    Cancelled,
}

/// `sleep(d > 0)`: a native coroutine whose future lives in its timer entry.
///
/// CPython's `sleep` makes a future, sets a timer resolving it and awaits it. Here the
/// object is both: awaiting it arms the timer ([`SleepTimer`]) and yields the object itself
/// as the future the task waits on; the task parks on it by storing itself in `waiter`, as
/// the future's `Task.task_wakeup` callback would be. The timer wakes the waiter with one
/// `call_soon`, as the future's `set_result` schedules its callbacks; `task.cancel()` marks
/// it cancelled and wakes the waiter with the CancelledError the future's `result()` raises.
///
/// Sized for the parked task it belongs to: 56 bytes, inline in its object's payload
/// (`Payload::Sleep`; the boxed `Ext` it was took a 64-byte malloc chunk, and the
/// `FutureObj` before that 128). It is registered with the cycle collector only when
/// `result` may hold a container: the task ↔ object reference (task → coroutine → this →
/// `waiter`) exists only while its timer is scheduled, which the loop holds, and the timer
/// entry clears `waiter` when it is dropped unrun (see [`SleepTimer`]).
pub struct SleepCoro {
    /// What the await returns; once cancelled, the cancel message (the result is never
    /// needed then, and the slot keeps the object at 56 bytes).
    result: Cell<Value>,
    /// Where it stands.
    phase: Cell<Phase>,
    /// The task parked on it (woken by the timer or a cancel, then cleared).
    waiter: Cell<Option<Rc<Object>>>,
    /// The loop whose timer it armed.
    loop_ref: Cell<Option<Rc<Object>>>,
    /// `_asyncio_future_blocking`: it was yielded by an await (a task parks only then).
    blocking: Cell<bool>,
}

impl std::fmt::Debug for SleepCoro {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SleepCoro").field("phase", &self.phase.get()).finish_non_exhaustive()
    }
}

/// The timer entry of an armed `sleep(d > 0)` object.
///
/// Dropped without running (the loop went away with the timer pending) it clears the
/// object's `waiter`: otherwise the task and its coroutine, which holds the object, would
/// keep each other alive with nothing to wake them. Cloning is for `Cb`'s derive only (a
/// timer entry is never cloned; a dropped clone would clear the waiter too).
#[derive(Debug)]
pub struct SleepTimer(Rc<Object>);

impl Clone for SleepTimer {
    fn clone(&self) -> SleepTimer {
        SleepTimer(self.0.clone())
    }
}

impl Drop for SleepTimer {
    fn drop(&mut self) {
        if let Some(s) = sleep_coro(&self.0) {
            drop(s.waiter.take());
        }
    }
}

/// The [`SleepCoro`] of an object, if it is one.
fn sleep_coro(o: &Object) -> Option<&SleepCoro> {
    match &o.payload {
        Payload::Sleep(s) => Some(s),
        _ => None,
    }
}

/// The [`SleepCoro`] behind a value, if it is one.
pub fn sleep_of(v: &Value) -> Option<&SleepCoro> {
    match v {
        Value::Obj(o) => sleep_coro(o),
        _ => None,
    }
}

/// Keeps a sleep object inside an object's payload (see [`SleepCoro`]).
const _: () = assert!(std::mem::size_of::<SleepCoro>() <= 56);

impl SleepCoro {
    /// The result (or, once cancelled, the cancel message).
    fn result(&self) -> Value {
        let v = self.result.take();
        self.result.set(v.clone());
        v
    }

    /// What the future it stands for gives its waiter: `result()`.
    pub fn outcome(&self, vm: &mut Vm) -> PyResult<Value> {
        match self.phase.get() {
            Phase::Done => Ok(self.result()),
            Phase::Cancelled => Err(cancelled_error(vm, self.result())),
            _ => Err(vm.new_error("RuntimeError", "await wasn't used with future")),
        }
    }

    /// The loop object whose timer it armed (None before arming).
    fn loop_obj(&self) -> Value {
        let lp = self.loop_ref.take();
        let v = lp.clone().map_or(Value::None, Value::Obj);
        self.loop_ref.set(lp);
        v
    }

    /// One step of awaiting the sleep object `this`.
    fn step(&self, vm: &mut Vm, this: &Value, incoming: &Incoming) -> PyResult<Delegate> {
        match incoming {
            Incoming::Start => self.arm(vm, this),
            Incoming::Send(_) if self.yield_again() => Ok(Delegate::Yield(this.clone())),
            Incoming::Send(_) => {
                self.cancel_timer(vm, this);
                // Not done yet: CPython's `Future.__await__` resumed too early.
                self.outcome(vm).map(Delegate::Done)
            }
            Incoming::Throw(e) => {
                self.cancel_timer(vm, this);
                Err(e.clone())
            }
        }
    }

    /// The first step: start the timer and wait on this very object as a future.
    fn arm(&self, vm: &mut Vm, this: &Value) -> PyResult<Delegate> {
        let Phase::Unarmed(delay) = self.phase.get() else {
            return Err(vm.new_error("RuntimeError", "cannot reuse already awaited coroutine"));
        };
        let Some(lp) = loop_of(&vm.running_loop) else {
            return Err(vm.new_error("RuntimeError", "no running event loop"));
        };
        let Value::Obj(obj) = this else { return Err(vm.new_error("TypeError", "bad sleep object")) };
        let id = {
            let mut el = lp.el.borrow_mut();
            let when = el.time() + delay;
            el.call_at(when, Cb::SleepDone(SleepTimer(obj.clone())))
        };
        self.phase.set(Phase::Pending(id));
        if let Value::Obj(l) = &vm.running_loop {
            self.loop_ref.set(Some(l.clone()));
        }
        self.blocking.set(true);
        Ok(Delegate::Yield(this.clone()))
    }

    /// `h.cancel()` in the `finally` of CPython's `sleep`: the timer goes; the object stays
    /// pending (or whatever it was). `this` is the object.
    fn cancel_timer(&self, vm: &mut Vm, this: &Value) {
        let Phase::Pending(id) = self.phase.get() else { return };
        let lp = self.loop_obj();
        // Taken out: the timer entry's drop would release it inside the loop's borrow.
        let taken = loop_of(&lp).and_then(|lp| lp.el.borrow_mut().cancel_timer_take(id, |_| true));
        self.orphan(vm, this, taken);
    }

    /// The object's timer entry (`entry`, taken out of the timers) is gone: it stays
    /// pending with no timer, and a task waiting on it goes on waiting (CPython's future keeps
    /// the task's wakeup callback: a `cancel()` still wakes it); from now on only the
    /// collector can free the two.
    fn orphan<T>(&self, vm: &mut Vm, this: &Value, entry: T) {
        self.phase.set(Phase::Orphaned);
        // Out while the entry drops: a `SleepTimer` clears the waiter of its object.
        let waiter = self.waiter.take();
        drop(entry);
        if waiter.is_some() {
            self.waiter.set(waiter);
            vm.gc_track(this);
        }
    }

    /// Resumed by a send while pending: whether to yield this object again (see
    /// `future::yield_again`; sets the blocking flag).
    fn yield_again(&self) -> bool {
        if !matches!(self.phase.get(), Phase::Pending(_)) || self.blocking.get() {
            return false;
        }
        self.blocking.set(true);
        true
    }

    /// `_asyncio_future_blocking` as a task reads it.
    pub fn blocking(&self) -> bool {
        self.blocking.get()
    }

    /// True once armed (shown and treated as the future it stands for).
    pub fn armed(&self) -> bool {
        !matches!(self.phase.get(), Phase::Unarmed(_))
    }
}

/// How a sleep object shows: a coroutine until awaited, then the future its task waits on
/// (CPython's task shows that future as `wait_for=`).
fn sleep_repr(vm: &mut Vm, s: &SleepCoro, this: &Value) -> PyResult<String> {
    let waiter = s.waiter.take();
    let waited = waiter.is_some();
    s.waiter.set(waiter);
    let cb = if waited { " cb=[Task.task_wakeup()]" } else { "" };
    Ok(match s.phase.get() {
        Phase::Unarmed(_) => format!("<coroutine object sleep at {:#x}>", this.id()),
        Phase::Pending(_) | Phase::Orphaned => format!("<Future pending{cb}>"),
        Phase::Done => format!("<Future finished result={}>", super::format::short_repr(vm, &s.result())?),
        Phase::Cancelled => "<Future cancelled>".to_string(),
    })
}

impl Ext for SleepCoro {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn gc_traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        tracer.value(&self.result());
        let waiter = self.waiter.take();
        if let Some(t) = &waiter {
            tracer.object(t);
        }
        self.waiter.set(waiter);
        true
    }

    fn gc_clear(&self, trash: &mut Vec<Value>) {
        trash.push(self.result.take());
        trash.extend(self.waiter.take().map(Value::Obj));
    }

    fn repr(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        sleep_repr(vm, self, this).map(Some)
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" | "__qualname__" => Some(Value::str("sleep")),
            "_asyncio_future_blocking" if self.armed() => Some(Value::Bool(self.blocking.get())),
            "_loop" if self.armed() => Some(self.loop_obj()),
            _ => None,
        })
    }

    fn is_awaitable(&self) -> bool {
        true
    }

    fn iter(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        Ok(Some(this.clone()))
    }

    fn await_step(&self, vm: &mut Vm, this: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        Some(self.step(vm, this, incoming))
    }
}

/// A CancelledError as a cancelled future's `result()` raises it (`_make_cancelled_error`).
fn cancelled_error(vm: &mut Vm, msg: Value) -> crate::vm::Exc {
    let cls = Aio::classes(vm).cancelled_error.clone();
    let args = if msg.is_none() { vec![] } else { vec![msg] };
    vm.new_exception(&cls, args)
}

/// The task `task` got the armed sleep object `obj` (`s`) from a step: it parks on it (the
/// future's `add_done_callback(task.__wakeup)`). A done or cancelled object wakes it at once,
/// as a callback added to a done future is scheduled at once.
pub fn park(vm: &mut Vm, task: &Rc<Object>, obj: &Rc<Object>, s: &SleepCoro) {
    s.blocking.set(false);
    match s.phase.get() {
        Phase::Pending(_) => s.waiter.set(Some(task.clone())),
        Phase::Orphaned => {
            // No timer holds it any more: only the collector can free task and object.
            s.waiter.set(Some(task.clone()));
            vm.gc_track(&Value::Obj(obj.clone()));
        }
        Phase::Done | Phase::Cancelled => wake(&s.loop_obj(), task.clone(), obj),
        Phase::Unarmed(_) => {}
    }
}

/// `task.__wakeup(future)` scheduled with `call_soon` for the sleep object `obj`: the
/// wakeup reads its outcome (the CancelledError is made then, as `result()` makes it).
fn wake(loop_obj: &Value, task: Rc<Object>, obj: &Rc<Object>) {
    if let Some(lp) = loop_of(loop_obj) {
        lp.el.borrow_mut().call_soon(Cb::Wakeup(task, obj.clone()));
    }
}

/// `fut.cancel(msg)` of the future the sleep object `obj` stands for: false unless it is
/// pending.
pub fn cancel(obj: &Rc<Object>, s: &SleepCoro, msg: Value) -> bool {
    if !matches!(s.phase.get(), Phase::Pending(_) | Phase::Orphaned) {
        return false;
    }
    s.phase.set(Phase::Cancelled);
    let result = s.result.replace(msg);
    if let Some(task) = s.waiter.take() {
        wake(&s.loop_obj(), task, obj);
    }
    drop(result);
    true
}

/// The timer callback of `sleep(d > 0)`: `futures._set_result_unless_cancelled`, whose
/// `set_result` schedules the waiting task's wakeup.
pub fn sleep_done(timer: SleepTimer) {
    let Some(s) = sleep_coro(&timer.0) else { return };
    if !matches!(s.phase.get(), Phase::Pending(_)) {
        return;
    }
    s.phase.set(Phase::Done);
    if let Some(task) = s.waiter.take() {
        wake(&s.loop_obj(), task, &timer.0);
    }
}

/// `asyncio.sleep(delay, result=None)`.
pub fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // `sleep(0)` in a running loop (a task yielding its turn): the shared awaitable, with no
    // argument parsing and no clone of the loop's class table.
    if let ([Value::Int(d)], []) = (args.pos, args.kw) {
        if *d <= 0 {
            if let Some(lp) = loop_of(&vm.running_loop) {
                return Ok(lp.aio.sleep0.clone());
            }
        }
    }
    let delay = args.pos.first().or(args.kwarg("delay")).cloned();
    let Some(delay) = delay else {
        return Err(vm.new_error("TypeError", "sleep() missing 1 required positional argument: 'delay'"));
    };
    let result = args.pos.get(1).or(args.kwarg("result")).cloned().unwrap_or(Value::None);
    let immediate = match delay {
        Value::Int(i) => i <= 0,
        Value::Float(f) => f <= 0.0,
        _ => {
            let le = vm.compare_op(CmpKind::Le, &delay, &Value::Int(0))?;
            vm.truthy(&le)?
        }
    };
    let aio = Aio::classes(vm);
    if immediate {
        if result.is_none() {
            return Ok(aio.sleep0.clone());
        }
        let s = Sleep0 { result, sent: Cell::new(false) };
        return Ok(Value::Obj(Object::new(aio.sleep_class.clone(), Payload::Ext(Box::new(s)))));
    }
    let delay = crate::builtins::to_float(vm, &delay)?;
    // Only a container result can put the object in a cycle the collector must see (see
    // `SleepCoro` for the task it parks).
    let atomic = matches!(
        result,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::BigInt(_) | Value::Str(_)
    );
    let state = SleepCoro {
        result: Cell::new(result),
        phase: Cell::new(Phase::Unarmed(delay)),
        waiter: Cell::new(None),
        loop_ref: Cell::new(None),
        blocking: Cell::new(false),
    };
    let obj = Value::Obj(Object::new(aio.sleep_class.clone(), Payload::Sleep(state)));
    if !atomic {
        vm.gc_track(&obj);
    }
    Ok(obj)
}

/// The shared `sleep(0)` awaitable.
pub fn sleep0_singleton(cls: &Rc<Class>) -> Value {
    let s = Sleep0 { result: Value::None, sent: Cell::new(false) };
    Value::Obj(Object::new(cls.clone(), Payload::Ext(Box::new(s))))
}

/// Driving by hand: `send(None)` first yields, then finishes with StopIteration.
fn drive(vm: &mut Vm, this: &Value, incoming: Incoming) -> PyResult<Value> {
    let Some(e) = this.payload().and_then(Payload::ext) else {
        return Err(vm.new_error("TypeError", "descriptor requires a sleep coroutine"));
    };
    let step = if let Some(s) = e.as_any().downcast_ref::<Sleep0>() {
        let incoming = match incoming {
            Incoming::Throw(e) => Incoming::Throw(e),
            _ if !s.sent.get() => Incoming::Start,
            other => other,
        };
        let r = s.step(&incoming);
        s.sent.set(matches!(r, Ok(Delegate::Yield(_))));
        r
    } else if let Some(sleep) = e.as_any().downcast_ref::<SleepCoro>() {
        let incoming = match incoming {
            Incoming::Throw(e) => Incoming::Throw(e),
            _ if !sleep.armed() => Incoming::Start,
            _ if matches!(sleep.phase.get(), Phase::Pending(_) | Phase::Orphaned) => {
                // Driven by hand, nobody waits on the timer: keep yielding the future.
                return Ok(this.clone());
            }
            other => other,
        };
        sleep.step(vm, this, &incoming)
    } else {
        return Err(vm.new_error("TypeError", "descriptor requires a sleep coroutine"));
    };
    crate::vm::ext::step_result(vm, step?)
}

/// `send(value)`.
pub fn m_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    drive(vm, &this, Incoming::Send(args.pos.get(1).cloned().unwrap_or(Value::None)))
}

/// `throw(exc)`.
pub fn m_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let e = crate::builtins::throw_exc(vm, &args.pos[1..])?;
    drive(vm, &this, Incoming::Throw(e))
}

/// `close()`.
pub fn m_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    if let Some(e) = this.payload().and_then(Payload::ext) {
        if let Some(s) = e.as_any().downcast_ref::<Sleep0>() {
            s.sent.set(false);
        }
    }
    if let Some(sleep) = sleep_of(&this) {
        sleep.cancel_timer(vm, &this);
    }
    Ok(Value::None)
}

/// `__await__()`.
pub fn m_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

// A task parked on its sleep's timer, with no sleep object.
//
// `await asyncio.sleep(d)` in a task makes the sleep object, which arms the timer and is
// yielded to the task (above). When nothing but the awaiting frame's `YieldFrom` register,
// the timer and the step's yielded value hold it (the common case: no script variable),
// with `result` None, the task parks on the timer itself instead (`park_on_timer`): the
// register gets the timer's id as an int (which no `await` of a script can put there), the
// timer's payload becomes `Cb::SleepTask(task)`, the task's `_fut_waiter` one of three
// shared marks saying where the future CPython's sleep awaits stands, and the object is
// freed. The int in the register is `parked_step`'s: the resumed `YieldFrom` cancels the
// timer there, as the `finally` of CPython's `sleep` does. A script asking for the task's
// `_fut_waiter` gets a sleep object made for it (`unpark`), which the timer then resolves.

/// Where the future of a task parked on its timer stands (the task's `_fut_waiter` is the
/// shared mark object of that state).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Waiting for the timer.
    Pending,
    /// The timer fired: the task's wakeup is queued.
    Done,
    /// The task was cancelled: its wakeup, which throws CancelledError(), is queued.
    Cancelled,
}

/// The shared object standing for one [`Mark`] (never handed to a script as such).
#[derive(Debug)]
struct MarkObj(Mark);

impl Ext for MarkObj {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self, _vm: &mut Vm, _this: &Value) -> PyResult<Option<String>> {
        Ok(Some(
            match self.0 {
                Mark::Pending => "<Future pending cb=[Task.task_wakeup()]>",
                Mark::Done => "<Future finished result=None>",
                Mark::Cancelled => "<Future cancelled>",
            }
            .to_string(),
        ))
    }
}

/// The three mark objects, in [`Mark`] order.
pub fn mark_objects(cls: &Rc<Class>) -> [Rc<Object>; 3] {
    [Mark::Pending, Mark::Done, Mark::Cancelled]
        .map(|m| Object::new(cls.clone(), Payload::Ext(Box::new(MarkObj(m)))))
}

/// The mark an object is, if it is one.
pub fn mark_of(o: &Object) -> Option<Mark> {
    match &o.payload {
        Payload::Ext(e) => e.as_any().downcast_ref::<MarkObj>().map(|m| m.0),
        _ => None,
    }
}

/// The mark a value is, if it is one.
pub fn mark_of_value(v: &Value) -> Option<Mark> {
    match v {
        Value::Obj(o) => mark_of(o),
        _ => None,
    }
}

/// The shared object of `mark`.
fn mark_obj(vm: &mut Vm, mark: Mark) -> Rc<Object> {
    Aio::classes(vm).sleep_marks[mark as usize].clone()
}

/// `task_yielded` got the armed sleep object `obj` (`s`), blocking, from `task`'s step:
/// parks the task on the timer with no object if it can (see above), returning the mark
/// to make its `_fut_waiter`. None, changing nothing, when it cannot: the object has a
/// result, its timer is another loop's, the register that awaits it is not found in the
/// chain of coroutines `coro` (the task's) awaits, or something else holds it.
pub fn park_on_timer(
    vm: &mut Vm,
    task: &Rc<Object>,
    coro: &Value,
    obj: &Rc<Object>,
    s: &SleepCoro,
) -> Option<Rc<Object>> {
    let Phase::Pending(id) = s.phase.get() else { return None };
    if !s.result().is_none() {
        return None;
    }
    let lp_obj = s.loop_obj();
    if !lp_obj.is(&vm.running_loop) {
        return None;
    }
    let lp = loop_of(&lp_obj)?;
    let Value::Obj(c) = coro else { return None };
    // Held by the registers of the awaiting frame, the timer entry and the step's value.
    if !crate::vm::coro::swap_awaited(c, obj, Value::Int(id.to_bits()), 2) {
        return None;
    }
    let old = lp.el.borrow_mut().replace_timer(id, Cb::SleepTask(task.clone()));
    // The object goes with the timer entry that held it (released outside the loop's borrow).
    drop(old);
    s.phase.set(Phase::Orphaned);
    drop(s.loop_ref.take());
    Some(mark_obj(vm, Mark::Pending))
}

/// The timer of a task parked on it fired: `_set_result_unless_cancelled` on the future
/// CPython's sleep awaits, whose `set_result` queues the task's wakeup. `waiter` is the
/// task's `_fut_waiter` mark (`unpark` hands the timer to the object it makes), `set` sets
/// it. A task no longer pending on it is left alone.
pub fn timer_fired(
    vm: &mut Vm,
    loop_obj: &Value,
    task: Rc<Object>,
    waiter: Option<Mark>,
    set: impl FnOnce(Rc<Object>),
) {
    if waiter != Some(Mark::Pending) {
        return;
    }
    let done = mark_obj(vm, Mark::Done);
    set(done.clone());
    wake(loop_obj, task, &done);
}

/// `fut.cancel(msg)` of the pending future a task parked on its timer waits on (`w`, its
/// `_fut_waiter`, is a pending mark): it becomes cancelled and the task's wakeup is
/// queued. False, changing nothing, for a done or cancelled one. A message needs an
/// object to keep it: the caller makes one with `unpark` first. `loop_obj` is the task's.
pub fn cancel_mark(
    vm: &mut Vm,
    loop_obj: &Value,
    task: &Rc<Object>,
    mark: Mark,
    set: impl FnOnce(Rc<Object>),
) -> bool {
    if mark != Mark::Pending {
        return false;
    }
    let cancelled = mark_obj(vm, Mark::Cancelled);
    set(cancelled.clone());
    wake(loop_obj, task.clone(), &cancelled);
    true
}

/// What a task's wakeup reads from the mark it was queued with (`result()`).
pub fn mark_outcome(vm: &mut Vm, mark: Mark) -> PyResult<Value> {
    match mark {
        Mark::Done => Ok(Value::None),
        Mark::Cancelled => Err(cancelled_error(vm, Value::None)),
        Mark::Pending => Err(vm.new_error("RuntimeError", "await wasn't used with future")),
    }
}

/// A sleep object standing for the future of a task parked on its timer (`mark`), for a
/// script that asks for the task's `_fut_waiter`: from now on it is that future (a pending
/// one takes over the timer's payload, so the timer resolves it). `coro` and `lp` are the
/// task's; `known` is the timer's id when the caller has it (the coroutine is running, so
/// its registers cannot be read).
pub fn unpark(
    vm: &mut Vm,
    task: &Rc<Object>,
    coro: &Value,
    lp: Value,
    mark: Mark,
    known: Option<TimerId>,
) -> Option<Rc<Object>> {
    let (phase, waiter) = match mark {
        Mark::Pending => {
            let id = match known {
                Some(id) => id,
                None => {
                    let Value::Obj(c) = coro else { return None };
                    TimerId::from_bits(crate::vm::coro::awaited_int(c)?)
                }
            };
            (Phase::Pending(id), Some(task.clone()))
        }
        Mark::Done => (Phase::Done, None),
        Mark::Cancelled => (Phase::Cancelled, None),
    };
    let state = SleepCoro {
        result: Cell::new(Value::None),
        phase: Cell::new(phase),
        waiter: Cell::new(waiter),
        loop_ref: Cell::new(match &lp {
            Value::Obj(l) => Some(l.clone()),
            _ => None,
        }),
        blocking: Cell::new(false),
    };
    let obj = Object::new(Aio::classes(vm).sleep_class.clone(), Payload::Sleep(state));
    if let (Phase::Pending(id), Some(l)) = (phase, loop_of(&lp)) {
        let old = l.el.borrow_mut().replace_timer(id, Cb::SleepDone(SleepTimer(obj.clone())));
        drop(old);
    }
    Some(obj)
}

/// `YieldFrom` resumed on a register holding the timer id `bits` of a task parked on its
/// timer: the end of CPython's `await sleep(d)`. The timer is cancelled if still pending
/// (the `finally` of its `sleep`); a throw goes on, a send returns None unless the timer
/// was pending (the future not done: "await wasn't used with future").
///
/// The timer is looked up in the running loop. An id does not name its loop: a parked
/// coroutine resumed by hand while another loop runs may find that loop's sleep timer of the
/// same slot and generation, which belongs to a task parked there ([`foreign_entry`]). That
/// timer is left alone; a send yields a stand-in each time (CPython yields the awaited
/// future once, then raises), a throw goes on, and the coroutine stays parked on its own
/// loop's timer.
pub fn parked_step(vm: &mut Vm, bits: i64, incoming: Incoming) -> PyResult<Delegate> {
    let id = TimerId::from_bits(bits);
    if !matches!(incoming, Incoming::Throw(_)) {
        if let Some(obj) = parked_yield_again(vm, bits) {
            return Ok(Delegate::Yield(Value::Obj(obj)));
        }
    }
    let taken = loop_of(&vm.running_loop).and_then(|lp| {
        lp.el.borrow_mut().cancel_timer_take(id, |cb| {
            matches!(cb, Cb::SleepTask(_) | Cb::SleepDone(_)) && !foreign_entry(cb, bits)
        })
    });
    let pending = taken.is_some();
    match taken {
        Some(Cb::SleepDone(timer)) => {
            let obj = Value::Obj(timer.0.clone());
            match sleep_of(&obj) {
                Some(s) => s.orphan(vm, &obj, timer),
                None => drop(timer),
            }
        }
        other => drop(other),
    }
    match incoming {
        Incoming::Throw(e) => Err(e),
        _ if pending => Err(vm.new_error("RuntimeError", "await wasn't used with future")),
        _ => Ok(Delegate::Done(Value::None)),
    }
}

/// Whether the running loop's timer entry `cb`, found under the parked id `bits`, belongs to
/// another coroutine: one parked on the same id, still suspended (the coroutine being
/// resumed is running, so its own chain never reads as suspended here).
fn foreign_entry(cb: &Cb, bits: i64) -> bool {
    let task = match cb {
        Cb::SleepTask(task) => Some(task.clone()),
        Cb::SleepDone(SleepTimer(obj)) => sleep_coro(obj).and_then(|s| {
            let waiter = s.waiter.take();
            s.waiter.set(waiter.clone());
            waiter
        }),
        _ => None,
    };
    let Some(coro) =
        task.as_deref().and_then(super::future::future_obj).and_then(|f| f.task().map(|t| t.coro()))
    else {
        return false;
    };
    matches!(&coro, Value::Obj(c) if crate::vm::coro::awaited_int(c) == Some(bits))
}

/// The object a coroutine parked on another loop's timer yields to a send by hand: a sleep
/// object that nothing resolves.
fn orphan_stand_in(vm: &mut Vm) -> Rc<Object> {
    let state = SleepCoro {
        result: Cell::new(Value::None),
        phase: Cell::new(Phase::Orphaned),
        waiter: Cell::new(None),
        loop_ref: Cell::new(None),
        blocking: Cell::new(true),
    };
    Object::new(Aio::classes(vm).sleep_class.clone(), Payload::Sleep(state))
}

/// A send into a coroutine parked on the pending timer `id`: the sleep object standing for
/// the future it waits on (made now, as a read of the task's `_fut_waiter` makes it, if the
/// timer still holds the task) when it is to be yielded again (`SleepCoro::yield_again`);
/// None for the second send, or a timer no longer pending. A timer of the running loop that
/// belongs to another parked coroutine ([`foreign_entry`]) gives a fresh stand-in.
fn parked_yield_again(vm: &mut Vm, bits: i64) -> Option<Rc<Object>> {
    let id = TimerId::from_bits(bits);
    let lp = loop_of(&vm.running_loop)?;
    let held = match lp.el.borrow().timer_payload(id)? {
        cb if foreign_entry(cb, bits) => None,
        Cb::SleepTask(task) => Some(Err(task.clone())),
        Cb::SleepDone(SleepTimer(obj)) => Some(Ok(obj.clone())),
        _ => return None,
    };
    let obj = match held {
        None => return Some(orphan_stand_in(vm)),
        Some(Ok(obj)) => obj,
        Some(Err(task)) => super::future::unpark_task(vm, &task, id)?,
    };
    sleep_coro(&obj)?.yield_again().then_some(obj)
}

/// What `cr_await` shows for a coroutine whose register holds a parked timer's id: a
/// `sleep` coroutine object (the shared one of `sleep(0)`; CPython shows its `sleep`).
pub fn parked_view(vm: &mut Vm) -> Value {
    Aio::classes(vm).sleep0.clone()
}
