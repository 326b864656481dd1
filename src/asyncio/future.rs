//! Native `Future` and `Task`: CPython 3.11's `futures.py` and `tasks.py` algorithms.
//!
//! A Task is a Future with a coroutine. `step` sends into (or throws into) the coroutine;
//! a pending future yielded by the coroutine gets `wakeup` as its done callback; completion
//! schedules every done callback with `call_soon` in registration order. The ordering rules
//! are exactly CPython's, because golden outputs depend on them.

use std::cell::{Cell, RefCell};
use std::num::NonZeroU64;
use std::rc::Rc;

use super::event_loop::{loop_of, Cb, LoopObj};
use super::{format, Aio};
use crate::runtime::timers::TimerId;
use crate::vm::ext::Ext;
use crate::vm::frame::Incoming;
use crate::vm::gc::Tracer;
use crate::vm::interp::{Delegate, Outcome};
use crate::vm::object::{Class, Object, Payload};
use crate::vm::{Exc, PyResult, Value, Vm};

/// A future's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Not done.
    Pending,
    /// Cancelled.
    Cancelled,
    /// Has a result or an exception.
    Finished,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Pending => "PENDING",
            State::Cancelled => "CANCELLED",
            State::Finished => "FINISHED",
        }
    }
}

/// A done callback: a script callable, or a task's wakeup.
#[derive(Clone, Debug)]
pub enum DoneCallback {
    /// `fn(future)`.
    Py(Value),
    /// `task.__wakeup(future)`.
    Wakeup(Rc<Object>),
    /// `gather`'s `_done_callback` (the object holds a [`super::gather::GatherState`]).
    Gather(Rc<Object>),
}

/// A future's done callbacks, in registration order. Nearly every future gets exactly one
/// (the wakeup of the task awaiting it): that one is stored inline, with no vector per future.
#[derive(Clone, Debug, Default)]
pub enum Callbacks {
    /// None registered.
    #[default]
    Empty,
    /// Exactly one.
    One(DoneCallback),
    /// Two or more (or what is left of them after removals); boxed, so that the common
    /// cases take two words in every future (a bare `Vec` would make the enum four).
    #[allow(clippy::box_collection)]
    Many(Box<Vec<DoneCallback>>),
}

impl Callbacks {
    /// The callbacks as a slice.
    pub fn as_slice(&self) -> &[DoneCallback] {
        match self {
            Callbacks::Empty => &[],
            Callbacks::One(cb) => std::slice::from_ref(cb),
            Callbacks::Many(v) => v,
        }
    }

    /// True when none is registered.
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    /// Registers `cb` after the others.
    pub fn push(&mut self, cb: DoneCallback) {
        if let Callbacks::Empty = self {
            // The common case (a task's wakeup on the future it awaits): nothing to move.
            *self = Callbacks::One(cb);
            return;
        }
        *self = match std::mem::take(self) {
            Callbacks::Empty => Callbacks::One(cb),
            Callbacks::One(first) => Callbacks::Many(Box::new(vec![first, cb])),
            Callbacks::Many(mut v) => {
                v.push(cb);
                Callbacks::Many(v)
            }
        };
    }

    /// Keeps the callbacks `keep` accepts, in order.
    pub fn retain(&mut self, keep: impl FnMut(&DoneCallback) -> bool) {
        let mut v = std::mem::take(self).into_vec();
        v.retain(keep);
        *self = v.into();
    }

    /// The callbacks, in order, as a vector.
    pub fn into_vec(self) -> Vec<DoneCallback> {
        match self {
            Callbacks::Empty => Vec::new(),
            Callbacks::One(cb) => vec![cb],
            Callbacks::Many(v) => *v,
        }
    }
}

impl From<Vec<DoneCallback>> for Callbacks {
    fn from(v: Vec<DoneCallback>) -> Callbacks {
        if v.is_empty() {
            Callbacks::Empty
        } else {
            Callbacks::Many(Box::new(v))
        }
    }
}

/// The mutable part of a future.
///
/// Laid out for size (every task and future has one, in its own box): the result and the
/// exception share one slot, told apart by `failed`; the loop, set once, is the
/// [`FutureObj`]'s. In its `RefCell` it is 56 bytes, a 64-byte malloc chunk.
#[derive(Debug)]
pub struct FutState {
    /// Pending, cancelled or finished.
    pub state: State,
    /// `_asyncio_future_blocking`.
    pub blocking: bool,
    /// An exception was set and nobody has retrieved it yet (CPython's `__log_traceback`):
    /// dropping the future then reports it.
    pub log_traceback: bool,
    /// `outcome` holds the exception (an exception object), not a result.
    failed: bool,
    /// The result, or (when `failed`) the exception, once finished.
    outcome: Value,
    /// Done callbacks, in registration order.
    pub callbacks: Callbacks,
    /// The message given to `cancel(msg)` and the CancelledError that cancelled a task:
    /// rare, so behind one pointer (None: no message, no exception).
    pub cancel: Option<Box<CancelInfo>>,
}

impl FutState {
    fn new() -> FutState {
        FutState {
            state: State::Pending,
            blocking: false,
            log_traceback: false,
            failed: false,
            outcome: Value::None,
            callbacks: Callbacks::Empty,
            cancel: None,
        }
    }

    /// The result (None while pending, cancelled or failed).
    pub fn result_value(&self) -> Value {
        if self.failed {
            Value::None
        } else {
            self.outcome.clone()
        }
    }

    /// The exception set by `set_exception`, if any.
    pub fn exception(&self) -> Option<Exc> {
        match &self.outcome {
            Value::Obj(e) if self.failed => Some(e.clone()),
            _ => None,
        }
    }

    /// Stores the result.
    fn set_outcome_result(&mut self, v: Value) {
        self.failed = false;
        self.outcome = v;
    }

    /// Stores the exception.
    fn set_outcome_exception(&mut self, e: Exc) {
        self.failed = true;
        self.outcome = Value::Obj(e);
    }
}

/// What a cancellation left on a future.
#[derive(Debug, Default)]
pub struct CancelInfo {
    /// The message given to `cancel(msg)`.
    pub message: Value,
    /// The CancelledError that cancelled a task (re-raised by `result()`).
    pub exc: Option<Exc>,
}

impl FutState {
    /// `_cancel_message`.
    pub fn cancel_message(&self) -> Value {
        self.cancel.as_ref().map_or(Value::None, |c| c.message.clone())
    }

    /// Sets `_cancel_message` (no allocation for None when there is nothing to overwrite).
    pub fn set_cancel_message(&mut self, msg: Value) {
        if msg.is_none() && self.cancel.is_none() {
            return;
        }
        self.cancel.get_or_insert_with(Box::default).message = msg;
    }

    /// Sets `_cancelled_exc`.
    pub fn set_cancelled_exc(&mut self, e: Exc) {
        self.cancel.get_or_insert_with(Box::default).exc = Some(e);
    }

    /// Takes `_cancelled_exc`.
    fn take_cancelled_exc(&mut self) -> Option<Exc> {
        self.cancel.as_mut().and_then(|c| c.exc.take())
    }
}

/// Task-only state. Its values are `Cell`s, taken and put back around each use, rather than
/// one `RefCell`: with the borrow flag, and with a tag for [`FutKind`] (the non-zero `seq` is
/// the niche that tells a task from a plain future), a [`FutureObj`] would be 120 bytes, a
/// 128-byte malloc chunk per task instead of 112.
pub struct TaskState {
    /// The coroutine being driven (None once the collector has cleared the task). Held as
    /// the object it always is (`new_task` refuses anything else), half a `Value`.
    coro: Cell<Option<Rc<Object>>>,
    /// The future the task is waiting on (what a step yielded with
    /// `_asyncio_future_blocking` set: an object, since only objects carry attributes).
    fut_waiter: Cell<Option<Rc<Object>>>,
    /// Name and context, when either is set (most tasks have neither: one pointer then).
    extra: Cell<Option<Box<TaskExtra>>>,
    /// The task's number on its loop (`Task-<seq>`), from 1.
    pub seq: NonZeroU64,
    /// `extra` has been made (it is never taken away): most tasks' steps then read and
    /// write no cell for their context and waiter (in what was padding).
    has_extra: Cell<bool>,
    /// `cancelling()`.
    pub num_cancels_requested: Cell<u32>,
    /// A cancel() arrived while no future was awaited: throw at the next step.
    pub must_cancel: Cell<bool>,
    /// The task has stepped its coroutine at least once.
    pub stepped: Cell<bool>,
    /// The coroutine is not registered with the collector: the task took its registry entry
    /// (`Collector::hand_over_last`) and is its only holder. Cleared, registering the
    /// coroutine, when its first step finds another holder ([`TaskState::first_step_coro`])
    /// or a script is handed the coroutine ([`TaskState::script_coro`]).
    coro_unregistered: Cell<bool>,
}

impl std::fmt::Debug for TaskState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaskState").field("seq", &self.seq).finish_non_exhaustive()
    }
}

/// The values of a task that most tasks do not have.
#[derive(Debug)]
pub struct TaskExtra {
    /// `get_name()`; `Undef` until set: the default `Task-<seq>` is made only when asked for,
    /// sparing a string per task.
    pub name: Value,
    /// The `contextvars.Context` its steps run in (None: the empty context).
    pub context: Value,
    /// The awaited future when it is not an object (a script future-like that is, say, a
    /// class): `TaskState::fut_waiter` holds objects only.
    pub other_waiter: Value,
}

/// A copy of what a cell holds, left in place.
fn peek<T: Clone + Default>(cell: &Cell<T>) -> T {
    let v = cell.take();
    let copy = v.clone();
    cell.set(v);
    copy
}

/// The extra values, made on first store.
fn extra_mut(extra: &mut Option<Box<TaskExtra>>) -> &mut TaskExtra {
    extra.get_or_insert_with(|| {
        Box::new(TaskExtra { name: Value::Undef, context: Value::None, other_waiter: Value::None })
    })
}

/// A native Future (and, with `task`, a Task; with `sleep`, what `asyncio.sleep(d > 0)`
/// returns: a coroutine-like object that becomes the future its task waits on).
#[derive(Debug)]
pub struct FutureObj {
    /// Future state, boxed: the object keeps a `FutureObj` inline in its payload
    /// (`Payload::Future`), which has room for the task state but not for this as well.
    pub st: Box<RefCell<FutState>>,
    /// The loop the future belongs to (None when `loop=` was not an object: a loop always
    /// is one, as CPython's `loop.get_debug()` call requires). Set once, never cleared:
    /// outside the state, which keeps that in a 64-byte malloc chunk.
    loop_ref: Option<Rc<Object>>,
    /// What kind of future it is, with the state of that kind (inline: one allocation per
    /// future whatever its kind).
    pub kind: FutKind,
}

/// What a [`FutureObj`] is beyond a plain future.
#[derive(Debug)]
pub enum FutKind {
    /// A plain future.
    Plain,
    /// A task.
    Task(TaskState),
}

impl FutureObj {
    /// The loop the future belongs to (None when it has none).
    pub fn loop_obj(&self) -> Value {
        self.loop_ref.clone().map_or(Value::None, Value::Obj)
    }

    /// The native loop the future belongs to, without cloning its object.
    #[inline]
    pub fn own_loop(&self) -> Option<&LoopObj> {
        match &self.loop_ref.as_deref()?.payload {
            Payload::Ext(e) => e.as_any().downcast_ref::<LoopObj>(),
            _ => None,
        }
    }

    /// True when the future belongs to `loop_obj` (no clone of its loop object).
    #[inline]
    fn on_loop(&self, loop_obj: &Value) -> bool {
        match (&self.loop_ref, loop_obj) {
            (Some(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            (None, Value::None) => true,
            _ => false,
        }
    }

    /// The task state, for tasks.
    #[inline]
    pub fn task(&self) -> Option<&TaskState> {
        match &self.kind {
            FutKind::Task(t) => Some(t),
            _ => None,
        }
    }
}

impl Ext for FutureObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn gc_traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        self.traverse(tracer)
    }

    fn gc_clear(&self, trash: &mut Vec<Value>) {
        self.clear(trash)
    }

    fn repr(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        let info = self.repr_info(vm)?;
        let cls = vm.type_name(this);
        Ok(Some(format!("<{cls} {}>", info.join(" "))))
    }

    fn get_attr(&self, vm: &mut Vm, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "_asyncio_future_blocking" => Some(Value::Bool(self.st.borrow().blocking)),
            "_loop" => Some(self.loop_obj()),
            "_state" => Some(Value::str(self.st.borrow().state.name())),
            "_cancel_message" => Some(self.st.borrow().cancel_message()),
            "_exception" => Some(self.st.borrow().exception().map_or(Value::None, Value::Obj)),
            "_result" => Some(self.st.borrow().result_value()),
            "_log_traceback" => Some(Value::Bool(self.st.borrow().log_traceback)),
            "_coro" => self.task().map(|t| t.script_coro(vm)),
            "_must_cancel" => self.task().map(|t| Value::Bool(t.must_cancel.get())),
            "_fut_waiter" => self.task().map(|t| t.script_fut_waiter(vm, this)),
            _ => {
                let _ = vm;
                None
            }
        })
    }

    fn is_awaitable(&self) -> bool {
        true
    }

    fn iter(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        Ok(Some(this.clone()))
    }

    /// `Future.__await__`: yield self while pending (marked as blocking, so the task knows
    /// the yield came from an `await`), then return the result.
    fn await_step(&self, vm: &mut Vm, this: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        let pending = self.st.borrow().state == State::Pending;
        Some(match incoming {
            Incoming::Throw(e) => Err(e.clone()),
            Incoming::Start if pending => {
                self.st.borrow_mut().blocking = true;
                if let Some(lp) = self.own_loop() {
                    // A read's waiter awaited as a future is no read's yield any more.
                    drop(lp.net.read_wait.take());
                }
                Ok(Delegate::Yield(this.clone()))
            }
            Incoming::Send(_) if pending => match yield_again(self) {
                true => Ok(Delegate::Yield(this.clone())),
                false => Err(vm.new_error("RuntimeError", "await wasn't used with future")),
            },
            _ => self.result(vm).map(Delegate::Done),
        })
    }
}

impl TaskState {
    /// `get_name()`: the name set, or `Task-<seq>`.
    pub fn get_name(&self) -> Value {
        let name = match self.has_extra.get() {
            true => self.with_extra(|e| e.as_ref().map_or(Value::Undef, |e| e.name.clone())),
            false => Value::Undef,
        };
        if name.is_undef() {
            return Value::string(format!("Task-{}", self.seq));
        }
        name
    }

    /// The `contextvars.Context` its steps run in (None: the empty context).
    #[inline]
    pub fn context(&self) -> Value {
        if !self.has_extra.get() {
            return Value::None;
        }
        self.with_extra(|e| e.as_ref().map_or(Value::None, |e| e.context.clone()))
    }

    /// Sets the context; returns the old one (to be released after the cell is whole).
    #[inline]
    fn replace_context(&self, v: Value) -> Value {
        if v.is_none() && !self.has_extra.get() {
            return Value::None;
        }
        self.with_extra_mut(|e| std::mem::replace(&mut e.context, v))
    }

    /// Runs `f` on the extra values, made first if need be (see [`TaskState::with_extra`]).
    fn with_extra_mut<R>(&self, f: impl FnOnce(&mut TaskExtra) -> R) -> R {
        self.has_extra.set(true);
        self.with_extra(|e| f(extra_mut(e)))
    }

    /// Runs `f` on the extra values (the cell is empty meanwhile: `f` must not reach this
    /// task, and values it replaces are returned, to be released after).
    fn with_extra<R>(&self, f: impl FnOnce(&mut Option<Box<TaskExtra>>) -> R) -> R {
        let mut extra = self.extra.take();
        let r = f(&mut extra);
        self.extra.set(extra);
        r
    }

    /// The coroutine.
    pub fn coro(&self) -> Value {
        peek(&self.coro).map_or(Value::None, Value::Obj)
    }

    /// The coroutine, for a script (`get_coro()`, `_coro`): once a script may keep it, the
    /// task is no longer its only holder, so an unregistered coroutine is registered now
    /// (otherwise a cycle through it and the script's reference would never be collected).
    pub fn script_coro(&self, vm: &mut Vm) -> Value {
        let coro = self.coro();
        if self.coro_unregistered.replace(false) {
            vm.gc_track(&coro);
        }
        coro
    }

    /// At the first step (the call that made the task has returned): a coroutine the task
    /// took the registration of but that something besides the task and this step's `coro`
    /// holds (a variable, an attribute, a stale register) is registered again, so that a
    /// cycle through that holder stays collectable.
    fn first_step_coro(&self, vm: &mut Vm, coro: &Value) {
        let Value::Obj(c) = coro else { return };
        if self.coro_unregistered.get() && Rc::strong_count(c) > 2 {
            self.coro_unregistered.set(false);
            vm.gc_track(coro);
        }
    }

    /// The future the task waits on (None when it waits on none).
    pub fn fut_waiter(&self) -> Value {
        match peek(&self.fut_waiter) {
            Some(w) => Value::Obj(w),
            None if self.has_extra.get() => {
                self.with_extra(|e| e.as_ref().map_or(Value::None, |e| e.other_waiter.clone()))
            }
            None => Value::None,
        }
    }

    /// The future the task waits on, for a script: a task parked on its sleep's timer gets
    /// a sleep object standing for that future first (`sleep::unpark`).
    fn script_fut_waiter(&self, vm: &mut Vm, this: &Value) -> Value {
        if let Value::Obj(task) = this {
            if let Some(w) = self.unpark(vm, task, None) {
                return Value::Obj(w);
            }
        }
        self.unpark_reader(vm);
        self.fut_waiter()
    }

    /// If the task is parked on a stream reader (its waiter is the reader object, see
    /// `net::reader::park_task`), makes it wait on the reader's future again, as CPython's
    /// task does, and returns that future.
    pub(crate) fn unpark_reader(&self, vm: &mut Vm) -> Option<Rc<Object>> {
        let w = peek(&self.fut_waiter)?;
        crate::net::reader::unpark(vm, &w)
    }

    /// If the task is parked on its sleep's timer (its waiter is a `sleep::Mark`), makes
    /// the sleep object standing for the future it waits on its waiter, and returns it.
    /// `known` is the timer's id if the caller has it (see `sleep::unpark`).
    fn unpark(&self, vm: &mut Vm, task: &Rc<Object>, known: Option<TimerId>) -> Option<Rc<Object>> {
        let mark = peek(&self.fut_waiter).and_then(|w| super::sleep::mark_of(&w))?;
        let lp = future_of(&Value::Obj(task.clone()))?.loop_obj();
        let w = super::sleep::unpark(vm, task, &self.coro(), lp, mark, known)?;
        self.set_waiter_obj(w.clone());
        Some(w)
    }

    /// Sets the awaited future to the object `w` (the step's common case).
    #[inline]
    fn set_waiter_obj(&self, w: Rc<Object>) {
        let old = self.fut_waiter.replace(Some(w));
        drop(old);
    }

    /// The task waits on no future any more (each step starts with this).
    #[inline]
    pub fn clear_fut_waiter(&self) {
        let old = self.fut_waiter.take();
        let other = match self.has_extra.get() {
            true => self.with_extra(|e| match e.as_mut() {
                Some(e) if !e.other_waiter.is_none() => std::mem::replace(&mut e.other_waiter, Value::None),
                _ => Value::None,
            }),
            false => Value::None,
        };
        drop(old);
        if !other.is_none() {
            drop(other);
        }
    }

    /// Sets the future the task waits on. The old value is released after the borrow ends.
    pub fn set_fut_waiter(&self, v: Value) {
        self.clear_fut_waiter();
        match v {
            Value::Obj(w) => self.set_waiter_obj(w),
            Value::None => {}
            other => {
                let old = self.with_extra_mut(|e| std::mem::replace(&mut e.other_waiter, other));
                drop(old);
            }
        }
    }

    /// Sets the name (`set_name`).
    pub fn set_name(&self, v: Value) {
        let old = self.with_extra_mut(|e| std::mem::replace(&mut e.name, v));
        drop(old);
    }
}

impl FutureObj {
    /// `_future_repr_info` (and, for tasks, `_task_repr_info`).
    fn repr_info(&self, vm: &mut Vm) -> PyResult<Vec<String>> {
        let (state, result, exception, callbacks) = {
            let st = self.st.borrow();
            (st.state, st.result_value(), st.exception(), st.callbacks.clone())
        };
        let mut info = vec![state.name().to_lowercase()];
        if state == State::Finished {
            match exception {
                Some(e) => info.push(format!("exception={}", vm.repr(&Value::Obj(e))?)),
                None => info.push(format!("result={}", format::short_repr(vm, &result)?)),
            }
        }
        if !callbacks.is_empty() {
            info.push(format_callbacks(vm, callbacks.as_slice())?);
        }
        if let Some(t) = self.task() {
            if t.num_cancels_requested.get() > 0 && state == State::Pending {
                info[0] = "cancelling".into();
            }
            let name = t.get_name();
            info.insert(1, format!("name={}", vm.repr(&name)?));
            let coro = t.coro();
            info.insert(2, format!("coro=<{}>", format::coroutine(vm, &coro)?));
            t.unpark_reader(vm);
            let waiter = t.fut_waiter();
            if !waiter.is_none() {
                info.insert(3, format!("wait_for={}", vm.repr(&waiter)?));
            }
        }
        Ok(info)
    }

    /// A new pending future on `loop_obj`.
    pub fn new(loop_obj: Value, kind: FutKind) -> FutureObj {
        let loop_ref = match loop_obj {
            Value::Obj(o) => Some(o),
            _ => None,
        };
        FutureObj { st: Box::new(RefCell::new(FutState::new())), loop_ref, kind }
    }

    /// `_make_cancelled_error`.
    pub fn make_cancelled_error(&self, vm: &mut Vm) -> Exc {
        let mut st = self.st.borrow_mut();
        if let Some(e) = st.take_cancelled_exc() {
            return e;
        }
        let msg = st.cancel_message();
        drop(st);
        let cls = Aio::classes(vm).cancelled_error.clone();
        let args = if msg.is_none() { vec![] } else { vec![msg] };
        vm.new_exception(&cls, args)
    }

    /// True when finished with a result (not cancelled, not failed): `result()` would
    /// return it and change nothing.
    pub fn finished_ok(&self) -> bool {
        let st = self.st.borrow();
        st.state == State::Finished && !st.failed
    }

    /// `result()`.
    pub fn result(&self, vm: &mut Vm) -> PyResult<Value> {
        let state = self.st.borrow().state;
        self.st.borrow_mut().log_traceback = false;
        match state {
            State::Cancelled => Err(self.make_cancelled_error(vm)),
            State::Pending => Err(invalid_state(vm, "Result is not set.")),
            State::Finished => {
                let st = self.st.borrow();
                match st.exception() {
                    Some(e) => Err(e),
                    None => Ok(st.result_value()),
                }
            }
        }
    }

    /// `exception()`.
    pub fn exception(&self, vm: &mut Vm) -> PyResult<Value> {
        let state = self.st.borrow().state;
        self.st.borrow_mut().log_traceback = false;
        match state {
            State::Cancelled => Err(self.make_cancelled_error(vm)),
            State::Pending => Err(invalid_state(vm, "Exception is not set.")),
            State::Finished => Ok(self.st.borrow().exception().map(Value::Obj).unwrap_or(Value::None)),
        }
    }

    /// What gather reads of a child with one borrow and no error object: marks the outcome
    /// retrieved (as `exception()` and `result()` do) and returns whether the future failed
    /// with its outcome (the exception, or the result; None while pending or cancelled).
    pub fn retrieve(&self) -> (bool, Value) {
        let mut st = self.st.borrow_mut();
        st.log_traceback = false;
        if st.state != State::Finished {
            return (false, Value::None);
        }
        (st.failed, st.outcome.clone())
    }

    /// `done()`.
    pub fn done(&self) -> bool {
        self.st.borrow().state != State::Pending
    }

    /// Schedules every done callback with `call_soon`, in order (`__schedule_callbacks`).
    pub fn schedule_callbacks(&self, vm: &mut Vm, this: &Rc<Object>) {
        let callbacks = std::mem::take(&mut self.st.borrow_mut().callbacks);
        if callbacks.is_empty() {
            return;
        }
        let Some(lp) = self.own_loop() else { return };
        // Async generators the finished coroutine dropped were queued for closing before its
        // result was set, as CPython's finalizer hook runs at the drop.
        super::event_loop::finalize_dropped_asyncgens(vm, lp);
        match callbacks {
            Callbacks::One(cb) => schedule_done_callback(vm, lp, cb, this),
            other => {
                for cb in other.into_vec() {
                    schedule_done_callback(vm, lp, cb, this);
                }
            }
        }
    }

    /// `set_result(v)`.
    pub fn set_result(&self, vm: &mut Vm, this: &Rc<Object>, v: Value) -> PyResult<()> {
        {
            let mut st = self.st.borrow_mut();
            if st.state != State::Pending {
                drop(st);
                return Err(invalid_state(vm, "invalid state"));
            }
            st.set_outcome_result(v);
            st.state = State::Finished;
            if st.callbacks.is_empty() {
                // Nothing to schedule (a stream read's waiter with its task parked on the reader).
                return Ok(());
            }
        }
        self.schedule_callbacks(vm, this);
        Ok(())
    }

    /// `set_exception(e)`.
    pub fn set_exception(&self, vm: &mut Vm, this: &Rc<Object>, e: Value) -> PyResult<()> {
        if self.st.borrow().state != State::Pending {
            return Err(invalid_state(vm, "invalid state"));
        }
        let exc = match &e {
            Value::Class(c) => vm.instantiate_exception(c, vec![])?,
            Value::Obj(o) if o.exc().is_some() => o.clone(),
            _ => return Err(vm.new_error("TypeError", "invalid exception object")),
        };
        if Rc::ptr_eq(&exc.class, &vm.exc_class("StopIteration")) {
            return Err(vm.new_error(
                "TypeError",
                "StopIteration interacts badly with generators and cannot be raised into a Future",
            ));
        }
        {
            let mut st = self.st.borrow_mut();
            st.set_outcome_exception(exc);
            st.state = State::Finished;
            st.log_traceback = true;
        }
        self.schedule_callbacks(vm, this);
        Ok(())
    }

    /// `Future.cancel(msg)`.
    pub fn cancel_future(&self, vm: &mut Vm, this: &Rc<Object>, msg: Value) -> bool {
        if self.st.borrow().state != State::Pending {
            return false;
        }
        {
            let mut st = self.st.borrow_mut();
            st.state = State::Cancelled;
            st.set_cancel_message(msg);
        }
        self.schedule_callbacks(vm, this);
        true
    }

    /// `add_done_callback(cb)`.
    pub fn add_done_callback(&self, vm: &mut Vm, this: &Rc<Object>, cb: DoneCallback) {
        let mut st = self.st.borrow_mut();
        if st.state == State::Pending {
            st.callbacks.push(cb);
            return;
        }
        drop(st);
        if let Some(lp) = self.own_loop() {
            schedule_done_callback(vm, lp, cb, this);
        }
    }
}

impl FutureObj {
    /// The cycle collector's view of a future's references (see `Ext::gc_traverse`).
    fn traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        let Ok(st) = self.st.try_borrow() else { return false };
        tracer.value(&st.outcome);
        if let Some(c) = &st.cancel {
            tracer.value(&c.message);
            if let Some(e) = &c.exc {
                tracer.object(e);
            }
        }
        for cb in st.callbacks.as_slice() {
            match cb {
                DoneCallback::Py(f) => tracer.value(f),
                DoneCallback::Wakeup(t) | DoneCallback::Gather(t) => tracer.object(t),
            }
        }
        let Some(task) = self.task() else { return true };
        for cell in [&task.coro, &task.fut_waiter] {
            let o = cell.take();
            if let Some(o) = &o {
                tracer.object(o);
            }
            cell.set(o);
        }
        task.with_extra(|e| {
            if let Some(e) = e {
                tracer.value(&e.other_waiter);
            }
        });
        true
    }

    /// Empties an unreachable future (see `Ext::gc_clear`). An exception nobody retrieved
    /// stays, so that dropping the future still reports it.
    fn clear(&self, trash: &mut Vec<Value>) {
        if let Ok(mut st) = self.st.try_borrow_mut() {
            if !(st.failed && st.log_traceback) {
                st.failed = false;
                trash.push(std::mem::take(&mut st.outcome));
            }
            if let Some(c) = st.cancel.take() {
                let CancelInfo { message, exc } = *c;
                trash.push(message);
                trash.extend(exc.map(Value::Obj));
            }
            for cb in std::mem::take(&mut st.callbacks).into_vec() {
                trash.push(match cb {
                    DoneCallback::Py(f) => f,
                    DoneCallback::Wakeup(t) | DoneCallback::Gather(t) => Value::Obj(t),
                });
            }
        }
        if let Some(task) = self.task() {
            trash.extend(task.coro.take().map(Value::Obj));
            trash.extend(task.fut_waiter.take().map(Value::Obj));
            task.with_extra(|e| {
                if let Some(e) = e.as_mut() {
                    trash.push(std::mem::replace(&mut e.other_waiter, Value::None));
                }
            });
        }
    }
}

impl Drop for FutureObj {
    /// `Future.__del__`: an exception nobody retrieved is reported through the loop.
    fn drop(&mut self) {
        let st = self.st.get_mut();
        if !st.log_traceback {
            return;
        }
        st.log_traceback = false;
        let taken = std::mem::replace(st, FutState::new());
        super::handler::queue_unretrieved(FutureObj {
            st: Box::new(RefCell::new(taken)),
            loop_ref: self.loop_ref.take(),
            kind: std::mem::replace(&mut self.kind, FutKind::Plain),
        });
    }
}

/// `_format_callbacks`: `cb=[first, <n more>, last]`.
fn format_callbacks(vm: &mut Vm, callbacks: &[DoneCallback]) -> PyResult<String> {
    let one = |vm: &mut Vm, cb: &DoneCallback| match cb {
        DoneCallback::Py(f) => format::callback_source(vm, f, &[]),
        DoneCallback::Wakeup(_) => Ok("Task.task_wakeup()".to_string()),
        DoneCallback::Gather(_) => Ok(super::gather::CALLBACK_SOURCE.to_string()),
    };
    let n = callbacks.len();
    let inner = match n {
        1 => one(vm, &callbacks[0])?,
        2 => format!("{}, {}", one(vm, &callbacks[0])?, one(vm, &callbacks[1])?),
        _ => format!("{}, <{} more>, {}", one(vm, &callbacks[0])?, n - 2, one(vm, &callbacks[n - 1])?),
    };
    Ok(format!("cb=[{inner}]"))
}

fn invalid_state(vm: &mut Vm, msg: &str) -> Exc {
    let cls = Aio::classes(vm).invalid_state_error.clone();
    let e = vm.new_exception(&cls, vec![Value::str(msg)]);
    vm.set_context(&e);
    e
}

/// `loop.call_soon(callback, future)` for a done callback.
fn schedule_done_callback(vm: &mut Vm, lp: &LoopObj, cb: DoneCallback, fut: &Rc<Object>) {
    let cb = match cb {
        DoneCallback::Wakeup(task) => Cb::Wakeup(task, fut.clone()),
        DoneCallback::Gather(state) => Cb::Gather(state, fut.clone()),
        DoneCallback::Py(f) => {
            Cb::Handle(super::event_loop::new_handle(vm, f, vec![Value::Obj(fut.clone())], None))
        }
    };
    lp.el.borrow_mut().call_soon(cb);
}

/// `Future.__await__` resumed while the future `f` is still pending (a send by hand into
/// the coroutine of a task waiting on it): CPython's future iterator yields the future once
/// more when `_asyncio_future_blocking` is false again (the task took the last yield), and
/// sets it. True when `f` is to be yielded again; false for anything else, which is "await
/// wasn't used with future" at the caller.
pub fn yield_again(f: &FutureObj) -> bool {
    let mut st = f.st.borrow_mut();
    if st.state != State::Pending || st.blocking {
        return false;
    }
    st.blocking = true;
    true
}

/// The sleep object standing for the future a task parked on its sleep's timer waits on,
/// made now (see `sleep::unpark`): None when `task` is not parked so.
pub fn unpark_task(vm: &mut Vm, task: &Rc<Object>, id: TimerId) -> Option<Rc<Object>> {
    future_obj(task)?.task()?.unpark(vm, task, Some(id))
}

/// The `FutureObj` behind a value, if it is a native future or task.
pub fn future_of(v: &Value) -> Option<&FutureObj> {
    match v {
        Value::Obj(o) => future_obj(o),
        _ => None,
    }
}

/// The native future or task an object is, if it is one.
pub fn future_obj(o: &Object) -> Option<&FutureObj> {
    match &o.payload {
        Payload::Future(f) => Some(f),
        _ => None,
    }
}

/// `asyncio.isfuture(v)`: a native future or task (a `sleep()` object is a coroutine).
pub fn is_future(v: &Value) -> bool {
    future_of(v).is_some()
}

/// Makes a future object.
pub fn new_future(vm: &mut Vm, loop_obj: Value) -> Rc<Object> {
    let cls = Aio::classes(vm).future.clone();
    new_future_of(vm, cls, loop_obj)
}

/// Makes a future object of class `cls` (a subclass of Future), registered with the cycle
/// collector: a task waiting on a future forms a cycle (task, coroutine, future, the
/// future's wake-up callback) that only the collector can free once nothing else holds it.
pub fn new_future_of(vm: &mut Vm, cls: Rc<Class>, loop_obj: Value) -> Rc<Object> {
    let obj = Object::with_lazy_dict(cls, Payload::Future(FutureObj::new(loop_obj, FutKind::Plain)));
    vm.gc_track(&Value::Obj(obj.clone()));
    obj
}

/// Makes `o` what [`new_future`] would return for `loop_obj`, without allocating, when it is
/// a plain `asyncio.Future` that finished with a result and that nothing else can see: no
/// other strong reference, no weak one but its collector registry entry (which it keeps),
/// no weakref watching it, no attribute dict. A script can then no more tell it from a fresh
/// future than it can tell CPython's freed memory reused. False, changing nothing, otherwise.
pub fn renew_future(vm: &mut Vm, o: &Rc<Object>, loop_obj: &Value) -> bool {
    if Rc::strong_count(o) != 1
        || Rc::weak_count(o) != 1
        || o.weak_watched.get()
        || o.finalized.get()
        || o.dict().is_some()
        || !is_future_class(vm, &o.class, loop_obj)
    {
        return false;
    }
    let Payload::Future(f) = &o.payload else { return false };
    let Ok(mut st) = f.st.try_borrow_mut() else { return false };
    // The loop is set once (a future renewed for another loop would need a new one).
    if f.task().is_some()
        || st.state != State::Finished
        || st.failed
        || st.log_traceback
        || !f.on_loop(loop_obj)
    {
        return false;
    }
    if st.callbacks.is_empty() && st.cancel.is_none() {
        // What `FutState::new` would build, field by field (`failed` and `log_traceback`
        // are false already).
        st.state = State::Pending;
        st.blocking = false;
        let result = std::mem::take(&mut st.outcome);
        drop(st);
        drop(result);
        return true;
    }
    let old = std::mem::replace(&mut *st, FutState::new());
    drop(st);
    drop(old);
    true
}

/// True when `cls` is `asyncio.Future` itself, found through `loop_obj` when it is a native
/// loop (no `Rc` clone of the classes).
fn is_future_class(vm: &mut Vm, cls: &Rc<Class>, loop_obj: &Value) -> bool {
    match loop_of(loop_obj) {
        Some(lp) => Rc::ptr_eq(cls, &lp.aio.future),
        None => Rc::ptr_eq(cls, &Aio::classes(vm).future),
    }
}

/// What a task is charged against the memory limit: the task, its coroutine and the
/// coroutine's frame come to one or two KiB once started (measured RSS per sleeping task),
/// so runaway `create_task` loops meet the limit instead of growing unaccounted.
const TASK_BYTES: usize = 1024;

/// Makes a task for `coro` on `loop_obj` and schedules its first step.
pub fn new_task(vm: &mut Vm, loop_obj: &Value, coro: Value, name: Value) -> PyResult<Rc<Object>> {
    new_task_in(vm, loop_obj, coro, name, Value::None)
}

/// [`new_task`] whose steps run in `context` (`create_task(..., context=ctx)`: that very
/// Context, not a copy); None runs them in a copy of the current context.
pub fn new_task_in(
    vm: &mut Vm,
    loop_obj: &Value,
    coro: Value,
    name: Value,
    context: Value,
) -> PyResult<Rc<Object>> {
    let Some(lp) = loop_of(loop_obj) else {
        return Err(vm.new_error("RuntimeError", "no running event loop"));
    };
    // Making a task counts as a call for the limits: a task step that only spawns
    // (`while True: loop.create_task(f()); await asyncio.sleep(0)`) may not tick otherwise,
    // and a fork bomb at the memory limit would then go on refusing charges (each sweeping
    // the whole accounting table) instead of meeting the periodic check that ends the run.
    vm.tick()?;
    let coro = match coro {
        Value::Obj(o) if is_coroutine(&coro) => o,
        _ => {
            let r = vm.repr(&coro)?;
            return Err(vm.new_error("TypeError", &format!("a coroutine was expected, got {r}")));
        }
    };
    // One count per interpreter, as CPython's module-level counter: names go on from one
    // `asyncio.run` to the next.
    let seq = NonZeroU64::MIN.saturating_add(lp.aio.task_counter.get());
    lp.aio.task_counter.set(seq.get());
    let name = if name.is_none() { Value::Undef } else { Value::string(vm.str_of(&name)?) };
    let context = if context.is_none() { copy_context(&vm.context) } else { context };
    let extra = (!name.is_undef() || !context.is_none())
        .then(|| Box::new(TaskExtra { name, context, other_waiter: Value::None }));
    let coro_ptr = Rc::as_ptr(&coro);
    let has_extra = Cell::new(extra.is_some());
    let task = TaskState {
        coro: Cell::new(Some(coro)),
        fut_waiter: Cell::new(None),
        extra: Cell::new(extra),
        has_extra,
        seq,
        num_cancels_requested: Cell::new(0),
        must_cancel: Cell::new(false),
        stepped: Cell::new(false),
        coro_unregistered: Cell::new(false),
    };
    let obj = Object::with_lazy_dict(
        lp.aio.task.clone(),
        Payload::Future(FutureObj::new(loop_obj.clone(), FutKind::Task(task))),
    );
    vm.mem_track(&obj, TASK_BYTES)?;
    super::event_loop::finalize_dropped_asyncgens(vm, lp);
    lp.el.borrow_mut().call_soon(Cb::Step(obj.clone(), None));
    // `create_task(job())`: the coroutine was the last container registered; the task takes
    // its registry entry (one entry and one examined node for the pair). Whether the task is
    // its only holder is known at the first step (`TaskState::first_step_coro`): the call's
    // argument registers may hold it as well as a script's variable now.
    if vm.gc.hand_over_last(coro_ptr, &obj) {
        if let Some(t) = future_obj(&obj).and_then(FutureObj::task) {
            t.coro_unregistered.set(true);
        }
    } else {
        vm.gc_track(&Value::Obj(obj.clone()));
    }
    lp.tasks.borrow_mut().insert(&obj);
    Ok(obj)
}

/// `contextvars.copy_context()` for a new task, without running script code: a Context of
/// the same class sharing the variables' mapping, which `stdlib/contextvars.py` never mutates
/// in place (setting a variable replaces the mapping).
pub(crate) fn copy_context(current: &Value) -> Value {
    let Value::Obj(ctx) = current else { return Value::None };
    let copy = Object::with_dict(ctx.class.clone(), Payload::Plain);
    if let Some(data) = ctx.get_attr("_data") {
        copy.set_attr("_data", data);
    }
    copy.set_attr("_entered", Value::Bool(false));
    Value::Obj(copy)
}

/// True for what `asyncio.iscoroutine` accepts: coroutines, generators, and objects with
/// the `collections.abc.Coroutine` methods (such as `agen.aclose()`).
pub fn is_coroutine(v: &Value) -> bool {
    let Value::Obj(o) = v else { return false };
    if super::sleep::sleep_of(v).is_some() {
        return true;
    }
    match &o.payload {
        Payload::Generator(g) => g.kind != crate::compiler::bytecode::CodeKind::AsyncGenerator,
        Payload::AsyncGenOp(_) => true,
        _ => ["__await__", "send", "throw", "close"].iter().all(|m| o.class.lookup(m).is_some()),
    }
}

/// `coro.send(None)` or `coro.throw(exc)` for a task's coroutine, whatever its kind.
fn send_into(vm: &mut Vm, coro: &Value, incoming: Incoming) -> Outcome {
    let Value::Obj(c) = coro else {
        return Outcome::Raised(vm.new_error("TypeError", "task coroutine is not a coroutine"));
    };
    if matches!(c.payload, Payload::Generator(_)) {
        return vm.resume(c, incoming);
    }
    if vm.is_native_awaitable(coro) {
        return match vm.await_native(coro, &incoming) {
            Some(Ok(Delegate::Yield(v))) => Outcome::Yielded(v),
            Some(Ok(Delegate::Done(v))) => Outcome::Returned(v),
            Some(Ok(Delegate::Resume(g, inc))) => vm.resume(&g, inc),
            Some(Err(e)) => Outcome::Raised(e),
            None => Outcome::Raised(vm.new_error("TypeError", "task coroutine is not awaitable")),
        };
    }
    let r = match (&c.payload, incoming) {
        (Payload::AsyncGenOp(_), incoming) => vm.async_op_send(coro, incoming),
        (_, Incoming::Throw(e)) => vm.call_method(coro, "throw", vec![Value::Obj(e)]),
        (_, Incoming::Send(v)) => vm.call_method(coro, "send", vec![v]),
        (_, Incoming::Start) => vm.call_method(coro, "send", vec![Value::None]),
    };
    match r {
        Ok(v) => Outcome::Yielded(v),
        Err(e) if e.class.is_subclass(&vm.exc_class("StopIteration")) => {
            Outcome::Returned(vm.exc_args(&e).into_iter().next().unwrap_or(Value::None))
        }
        Err(e) => Outcome::Raised(e),
    }
}

/// `Task.cancel(msg)`.
pub fn task_cancel(vm: &mut Vm, this: &Rc<Object>, msg: Value) -> PyResult<bool> {
    let tv = Value::Obj(this.clone());
    let Some(f) = future_of(&tv) else { return Ok(false) };
    if f.done() {
        return Ok(false);
    }
    let Some(t) = f.task() else { return Ok(f.cancel_future(vm, this, msg)) };
    t.num_cancels_requested.set(t.num_cancels_requested.get() + 1);
    let cancelled = match t.fut_waiter() {
        Value::Obj(w) => cancel_waiter(vm, this, t, &w, msg.clone())?,
        Value::None => false,
        // A script future-like that is not an instance (a class, say).
        other => {
            let r = vm.call_method(&other, "cancel", vec![msg.clone()])?;
            vm.truthy(&r)?
        }
    };
    if cancelled {
        return Ok(true);
    }
    t.must_cancel.set(true);
    f.st.borrow_mut().set_cancel_message(msg);
    Ok(true)
}

/// `fut.cancel(msg)` for the future `w` the task `task` (`t`) waits on.
fn cancel_waiter(
    vm: &mut Vm,
    task: &Rc<Object>,
    t: &TaskState,
    w: &Rc<Object>,
    msg: Value,
) -> PyResult<bool> {
    if let Some(fut) = crate::net::reader::unpark(vm, w) {
        return cancel_any(vm, &fut, msg);
    }
    let Some(mark) = super::sleep::mark_of(w) else { return cancel_any(vm, w, msg) };
    if msg.is_none() {
        let lp = future_of(&Value::Obj(task.clone())).map_or(Value::None, |f| f.loop_obj());
        return Ok(super::sleep::cancel_mark(vm, &lp, task, mark, |m| t.set_waiter_obj(m)));
    }
    // The message needs an object to keep it.
    match t.unpark(vm, task, None) {
        Some(obj) => cancel_any(vm, &obj, msg),
        None => Ok(false),
    }
}

/// The timer of the task `task`, parked on it by `sleep(d > 0)`, fired.
pub fn sleep_timer_fired(vm: &mut Vm, task: Rc<Object>) {
    let tv = Value::Obj(task.clone());
    let Some(f) = future_of(&tv) else { return };
    let Some(t) = f.task() else { return };
    let mark = peek(&t.fut_waiter).and_then(|w| super::sleep::mark_of(&w));
    let lp = f.loop_obj();
    super::sleep::timer_fired(vm, &lp, task, mark, |m| t.set_waiter_obj(m));
}

/// `fut.cancel(msg)` for a native future/task or a script object with `cancel`.
pub fn cancel_any(vm: &mut Vm, fut: &Rc<Object>, msg: Value) -> PyResult<bool> {
    let v = Value::Obj(fut.clone());
    if let Some(s) = super::sleep::sleep_of(&v) {
        return Ok(super::sleep::cancel(fut, s, msg));
    }
    match future_of(&v) {
        Some(f) if f.task().is_some() => task_cancel(vm, fut, msg),
        Some(f) if !fut.class.is_heap => Ok(f.cancel_future(vm, fut, msg)),
        _ => {
            let r = vm.call_method(&v, "cancel", vec![msg])?;
            vm.truthy(&r)
        }
    }
}

/// `Task.__step(exc)`.
pub fn task_step(vm: &mut Vm, task: &Rc<Object>, exc: Option<Exc>) {
    let tv = Value::Obj(task.clone());
    let Some(f) = future_of(&tv) else { return };
    let Some(t) = f.task() else { return };
    if f.done() {
        return;
    }
    let mut exc = exc;
    if t.must_cancel.get() {
        let cancelled = Aio::classes(vm).cancelled_error.clone();
        if !exc.as_ref().is_some_and(|e| e.class.is_subclass(&cancelled)) {
            exc = Some(f.make_cancelled_error(vm));
        }
        t.must_cancel.set(false);
    }
    t.clear_fut_waiter();
    let lp = f.own_loop();
    let prev = lp.map(|l| std::mem::replace(&mut *l.current_task.borrow_mut(), tv.clone()));
    let coro = t.coro();
    if !t.stepped.get() {
        t.first_step_coro(vm, &coro);
    }
    let incoming = match exc {
        Some(e) => Incoming::Throw(e),
        // A native awaitable learns from `Start` that this is its first step.
        None if t.stepped.get() => Incoming::Send(Value::None),
        None => Incoming::Start,
    };
    t.stepped.set(true);
    let task_context = t.context();
    let prev_context = std::mem::replace(&mut vm.context, task_context);
    let outcome = send_into(vm, &coro, incoming);
    if let Some(l) = lp {
        // Async generators the step dropped are queued for closing before the task's next
        // step or done callbacks, as CPython's finalizer hook runs at the drop.
        super::event_loop::finalize_dropped_asyncgens(vm, l);
    }
    // A step that set the first variable made a context: the task keeps it.
    let stepped_context = std::mem::replace(&mut vm.context, prev_context);
    let old = t.replace_context(stepped_context);
    drop(old);
    if let (Some(l), Some(p)) = (lp, prev) {
        *l.current_task.borrow_mut() = p;
    }
    handle_step_outcome(vm, task, f, t, lp, outcome);
}

/// What a step's outcome does to its task; `lp` is the task's loop (looked up once per step).
fn handle_step_outcome(
    vm: &mut Vm,
    task: &Rc<Object>,
    f: &FutureObj,
    t: &TaskState,
    lp: Option<&LoopObj>,
    outcome: Outcome,
) {
    if !matches!(outcome, Outcome::Yielded(_)) {
        // Finished: `all_tasks()` no longer lists it (its registry entry goes at a compaction).
        if let Some(lp) = lp {
            lp.tasks.borrow_mut().finished();
            lp.finished_since_trim.set(lp.finished_since_trim.get() + 1);
        }
    }
    match outcome {
        Outcome::Returned(v) => {
            if t.must_cancel.get() {
                t.must_cancel.set(false);
                let msg = f.st.borrow().cancel_message();
                f.cancel_future(vm, task, msg);
            } else {
                let _ = f.set_result(vm, task, v);
            }
        }
        Outcome::Raised(e) if e.class.is_subclass(&Aio::classes(vm).cancelled_error) => {
            f.st.borrow_mut().set_cancelled_exc(e);
            f.cancel_future(vm, task, Value::None);
        }
        Outcome::Raised(e) => {
            let fatal = super::handler::fatal(vm, &e);
            let _ = f.set_exception(vm, task, Value::Obj(e.clone()));
            if fatal {
                // Re-raised out of the loop to whoever runs it: reported there, not as a
                // never-retrieved task exception.
                f.st.borrow_mut().log_traceback = false;
                if let Some(lp) = loop_of(&f.loop_obj()) {
                    *lp.fatal.borrow_mut() = Some(e);
                }
            }
        }
        Outcome::Yielded(result) => {
            if let Some(lp) = lp {
                task_yielded(vm, task, f, t, lp, result);
            }
        }
    }
}

fn task_yielded(vm: &mut Vm, task: &Rc<Object>, f: &FutureObj, t: &TaskState, lp: &LoopObj, result: Value) {
    if let (Value::Obj(w), Some(s)) = (&result, super::sleep::sleep_of(&result)) {
        if s.armed() {
            if !s.blocking() {
                not_blocking(vm, lp, task, &result);
                return;
            }
            if let Some(mark) = super::sleep::park_on_timer(vm, task, &t.coro(), w, s) {
                park_done(vm, task, f, t, &mark);
                return;
            }
            super::sleep::park(vm, task, w, s);
            park_done(vm, task, f, t, w);
            return;
        }
    } else if let Some(waited) = future_of(&result) {
        let blocking = waited.st.borrow().blocking;
        if !blocking {
            not_blocking(vm, lp, task, &result);
            return;
        }
        let Value::Obj(w) = &result else { return };
        if Rc::ptr_eq(w, task) {
            let tr = vm.repr(&result).unwrap_or_default();
            let e = vm.new_error("RuntimeError", &format!("Task cannot await on itself: {tr}"));
            lp.el.borrow_mut().call_soon(Cb::Step(task.clone(), Some(e)));
            return;
        }
        waited.st.borrow_mut().blocking = false;
        if let Some(reader) = crate::net::reader::park_task(&lp.net, task, w) {
            park_done(vm, task, f, t, &reader);
            return;
        }
        waited.add_done_callback(vm, w, DoneCallback::Wakeup(task.clone()));
        park_done(vm, task, f, t, w);
        return;
    }
    if result.is_none() {
        lp.el.borrow_mut().call_soon(Cb::Step(task.clone(), None));
        return;
    }
    // A script future-like object (has _asyncio_future_blocking and add_done_callback).
    let blocking = vm.get_attr(&result, &Value::str("_asyncio_future_blocking")).ok();
    if let Some(b) = blocking.filter(|b| !b.is_none()) {
        if vm.truthy(&b).unwrap_or(false) {
            let _ = vm.set_attr(&result, &Value::str("_asyncio_future_blocking"), Value::Bool(false));
            let wake = super::wakeup_callable(vm, task);
            let _ = vm.call_method(&result, "add_done_callback", vec![wake]);
            t.set_fut_waiter(result);
            return;
        }
    }
    let r = vm.repr(&result).unwrap_or_default();
    let e = vm.new_error("RuntimeError", &format!("Task got bad yield: {r}"));
    lp.el.borrow_mut().call_soon(Cb::Step(task.clone(), Some(e)));
}

/// A future yielded without `_asyncio_future_blocking` set: the step fails.
fn not_blocking(vm: &mut Vm, lp: &LoopObj, task: &Rc<Object>, result: &Value) {
    let r = vm.repr(result).unwrap_or_default();
    let tr = vm.repr(&Value::Obj(task.clone())).unwrap_or_default();
    let e =
        vm.new_error("RuntimeError", &format!("yield was used instead of yield from in task {tr} with {r}"));
    lp.el.borrow_mut().call_soon(Cb::Step(task.clone(), Some(e)));
}

/// The end of parking a task on the future `w`: it is the task's `_fut_waiter`, and a
/// cancel that arrived while the task ran goes to it.
fn park_done(vm: &mut Vm, task: &Rc<Object>, f: &FutureObj, t: &TaskState, w: &Rc<Object>) {
    t.set_waiter_obj(w.clone());
    if t.must_cancel.get() {
        let msg = f.st.borrow().cancel_message();
        if cancel_waiter(vm, task, t, w, msg).unwrap_or(false) {
            t.must_cancel.set(false);
        }
    }
}

/// The task `task`, parked on a stream reader (`net::reader::park_task`), waits on the
/// reader's future `w` again: `w` gets the task's wakeup (registered first, as CPython's task
/// registered it when it parked) and is the task's `_fut_waiter`.
pub fn unpark_reader_task(vm: &mut Vm, task: Rc<Object>, w: &Rc<Object>) {
    if let Some(t) = future_obj(&task).and_then(FutureObj::task) {
        t.set_waiter_obj(w.clone());
    }
    if let Some(f) = future_obj(w) {
        f.add_done_callback(vm, w, DoneCallback::Wakeup(task));
    }
}

/// The reader's future `w` the task `task` is parked on got its result: the task's wakeup
/// is queued where `set_result` would have queued it, and `w` is its `_fut_waiter` until
/// the step.
pub fn wake_parked_reader_task(vm: &mut Vm, task: Rc<Object>, w: &Rc<Object>) {
    let Some(lp) = future_obj(w).and_then(FutureObj::own_loop) else { return };
    if let Some(t) = future_obj(&task).and_then(FutureObj::task) {
        t.set_waiter_obj(w.clone());
    }
    // As `schedule_callbacks` does before queueing a callback.
    super::event_loop::finalize_dropped_asyncgens(vm, lp);
    lp.el.borrow_mut().call_soon(Cb::Step(task, None));
}

/// `Task.__wakeup(future)`.
///
/// A plain future (not a task, not of a script's class) that no weakref watches is dropped
/// before the step (CPython's frame holds it on, but its freeing then has no visible
/// effect): a stream read can then renew the waiter it has just finished with
/// (`renew_future`).
pub fn task_wakeup(vm: &mut Vm, task: &Rc<Object>, fut: Rc<Object>) {
    let watched = fut.weak_watched.get() || fut.class.is_heap;
    let fv = Value::Obj(fut);
    let r = match future_of(&fv) {
        // The result itself is not used: a future finished with one has nothing to raise.
        Some(f) if !watched && f.task().is_none() && f.finished_ok() => Ok(Value::None),
        Some(f) if !watched && f.task().is_none() => f.result(vm),
        _ => return task_wakeup_value(vm, task, &fv),
    };
    drop(fv);
    match r {
        Ok(_) => task_step(vm, task, None),
        Err(e) => task_step(vm, task, Some(e)),
    }
}

/// `Task.__wakeup(future)` for any future-like value (a script one may not be an instance).
pub fn task_wakeup_value(vm: &mut Vm, task: &Rc<Object>, fv: &Value) {
    let r = match future_of(fv) {
        Some(f) => f.result(vm),
        None => match (super::sleep::sleep_of(fv), super::sleep::mark_of_value(fv)) {
            (Some(s), _) => s.outcome(vm),
            (None, Some(mark)) => super::sleep::mark_outcome(vm, mark),
            (None, None) => vm.call_method(fv, "result", vec![]),
        },
    };
    match r {
        Ok(_) => task_step(vm, task, None),
        Err(e) => task_step(vm, task, Some(e)),
    }
}

/// Every task and future is a `FutureObj` inline in its object's payload (with the task
/// state) and its boxed [`FutState`]: at most 56 bytes leaves every object at its size (see
/// the assertion on `Object`), at most 56 keeps the state in a 64-byte malloc chunk.
const _: () = assert!(std::mem::size_of::<FutureObj>() <= 56);
const _: () = assert!(std::mem::size_of::<RefCell<FutState>>() <= 56);
