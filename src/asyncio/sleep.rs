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
//! first step, see `interp::apply_resume`). `sleep(d)` allocates one object, a `FutureObj`
//! with [`SleepState`]: awaiting it arms the timer and yields the object itself as the future
//! the task waits on, so no second future is made.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use super::event_loop::{loop_of, Cb};
use super::future::{future_of, FutKind, FutureObj, State};
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

/// The part of a `sleep(d > 0)` object that is not its future state.
#[derive(Debug)]
pub struct SleepState {
    /// Seconds.
    delay: f64,
    /// What the await returns.
    result: Value,
    /// The timer resolving the future, while one is set.
    timer: Cell<Option<TimerId>>,
    /// Awaited already: a second await is an error, as for any coroutine.
    armed: Cell<bool>,
}

impl SleepState {
    /// What the await returns (for the cycle collector's walk).
    pub fn result(&self) -> &Value {
        &self.result
    }

    /// One step of awaiting the sleep object `this` (whose future part is `fut`).
    pub fn step(
        &self,
        vm: &mut Vm,
        fut: &FutureObj,
        this: &Value,
        incoming: &Incoming,
    ) -> PyResult<Delegate> {
        match incoming {
            Incoming::Start => self.arm(vm, fut, this),
            Incoming::Send(_) => {
                self.cancel_timer(fut);
                fut.result(vm).map(Delegate::Done)
            }
            Incoming::Throw(e) => {
                self.cancel_timer(fut);
                Err(e.clone())
            }
        }
    }

    /// The first step: start the timer and wait on this very object as a future.
    fn arm(&self, vm: &mut Vm, fut: &FutureObj, this: &Value) -> PyResult<Delegate> {
        if self.armed.replace(true) {
            return Err(vm.new_error("RuntimeError", "cannot reuse already awaited coroutine"));
        }
        if vm.running_loop.is_none() {
            return Err(vm.new_error("RuntimeError", "no running event loop"));
        }
        let Value::Obj(obj) = this else { return Err(vm.new_error("TypeError", "bad sleep object")) };
        let loop_obj = vm.running_loop.clone();
        if let Some(lp) = loop_of(&loop_obj) {
            let mut el = lp.el.borrow_mut();
            let when = el.time() + self.delay;
            self.timer.set(Some(el.call_at(when, Cb::SleepDone(obj.clone(), self.result.clone()))));
        }
        let mut st = fut.st.borrow_mut();
        st.set_loop(loop_obj);
        st.blocking = true;
        Ok(Delegate::Yield(this.clone()))
    }

    /// `h.cancel()` in the `finally` of CPython's `sleep`.
    fn cancel_timer(&self, fut: &FutureObj) {
        if let Some(id) = self.timer.take() {
            if let Some(lp) = loop_of(&fut.st.borrow().loop_obj()) {
                lp.el.borrow_mut().cancel_timer(id);
            }
        }
    }
}

/// How a sleep object shows: a coroutine until awaited, then the future its task waits on.
pub fn sleep_repr(fut: &FutureObj, this: &Value) -> Option<String> {
    let sleep = fut.sleep()?;
    if sleep.armed.get() {
        return None;
    }
    Some(format!("<coroutine object sleep at {:#x}>", this.id()))
}

/// The timer callback of `sleep(d > 0)`: `futures._set_result_unless_cancelled`.
pub fn sleep_done(vm: &mut Vm, fut: &Rc<Object>, result: Value) {
    let fv = Value::Obj(fut.clone());
    if let Some(f) = future_of(&fv) {
        if !f.done() {
            // The future is pending: setting its result cannot fail.
            let _ = f.set_result(vm, fut, result);
        }
    }
}

/// `asyncio.sleep(delay, result=None)`.
pub fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
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
    let state = SleepState { delay, result, timer: Cell::new(None), armed: Cell::new(false) };
    let fut = FutureObj::new(Value::None, FutKind::Sleep(state));
    let obj = Value::Obj(Object::new(aio.sleep_class.clone(), Payload::Ext(Box::new(fut))));
    // Part of the cycle of a task sleeping in it (see `future::new_future_of`).
    vm.gc_track(&obj);
    Ok(obj)
}

/// The shared `sleep(0)` awaitable.
pub fn sleep0_singleton(cls: &Rc<Class>) -> Value {
    let s = Sleep0 { result: Value::None, sent: Cell::new(false) };
    Value::Obj(Object::new(cls.clone(), Payload::Ext(Box::new(s))))
}

/// Driving by hand: `send(None)` first yields, then finishes with StopIteration.
fn drive(vm: &mut Vm, this: &Value, incoming: Incoming) -> PyResult<Value> {
    let Some(Payload::Ext(e)) = this.payload() else {
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
    } else if let Some(f) = e.as_any().downcast_ref::<FutureObj>().filter(|f| f.sleep().is_some()) {
        let sleep = f.sleep().expect("a sleep object");
        let incoming = match incoming {
            Incoming::Throw(e) => Incoming::Throw(e),
            _ if !sleep.armed.get() => Incoming::Start,
            _ if f.st.borrow().state == State::Pending => {
                // Driven by hand, nobody waits on the timer: keep yielding the future.
                return Ok(this.clone());
            }
            other => other,
        };
        sleep.step(vm, f, this, &incoming)
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
pub fn m_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Payload::Ext(e)) = args.pos.first().and_then(|v| v.payload()) {
        if let Some(s) = e.as_any().downcast_ref::<Sleep0>() {
            s.sent.set(false);
        } else if let Some(f) = e.as_any().downcast_ref::<FutureObj>() {
            if let Some(sleep) = f.sleep() {
                sleep.cancel_timer(f);
            }
        }
    }
    Ok(Value::None)
}

/// `__await__()`.
pub fn m_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}
