//! `asyncio.sleep`, native because it is the most frequent awaitable of all.
//!
//! It schedules exactly as CPython's `tasks.sleep` coroutine does:
//! - `sleep(d <= 0)` is one bare yield (`__sleep0`): the task steps again on the next loop
//!   iteration;
//! - `sleep(d > 0)` awaits a future that a timer resolves with `result` (unless the future
//!   was cancelled), and cancels the timer however the await ends.
//!
//! `await sleep(0)` allocates nothing: `sleep(0)` returns one shared awaitable, which needs
//! no state of its own because an awaiting `YieldFrom` passes `Incoming::Start` only on its
//! first step (see `interp::apply_resume`).

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use super::event_loop::{loop_of, Cb};
use super::future::{future_of, new_future};
use super::Aio;
use crate::compiler::bytecode::CmpKind;
use crate::runtime::timers::TimerId;
use crate::vm::ext::Ext;
use crate::vm::frame::Incoming;
use crate::vm::interp::Delegate;
use crate::vm::object::{Args, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// What `sleep(delay, result)` returned.
#[derive(Debug)]
pub struct Sleep {
    /// Seconds; `None` for a bare yield (`delay <= 0`).
    delay: Option<f64>,
    /// What the await returns.
    result: Value,
    /// The timer resolving the future, while one is set.
    timer: Cell<Option<TimerId>>,
    /// The loop the timer is on.
    loop_obj: std::cell::RefCell<Value>,
    /// For code driving the object by hand with `send()`: whether it has yielded.
    sent: Cell<bool>,
}

impl Sleep {
    fn new(delay: Option<f64>, result: Value) -> Sleep {
        Sleep { delay, result, timer: Cell::new(None), loop_obj: Default::default(), sent: Cell::new(false) }
    }

    /// The first step: a bare yield, or a future resolved by a timer.
    fn start(&self, vm: &mut Vm) -> PyResult<Delegate> {
        let Some(delay) = self.delay else { return Ok(Delegate::Yield(Value::None)) };
        if vm.running_loop.is_none() {
            return Err(vm.new_error("RuntimeError", "no running event loop"));
        }
        let loop_obj = vm.running_loop.clone();
        let fut = new_future(vm, loop_obj.clone());
        if let Some(f) = future_of(&Value::Obj(fut.clone())) {
            f.st.borrow_mut().blocking = true;
        }
        if let Some(lp) = loop_of(&loop_obj) {
            let mut el = lp.el.borrow_mut();
            let when = el.time() + delay;
            self.timer.set(Some(el.call_at(when, Cb::SleepDone(fut.clone(), self.result.clone()))));
        }
        *self.loop_obj.borrow_mut() = loop_obj;
        Ok(Delegate::Yield(Value::Obj(fut)))
    }

    /// `h.cancel()` in the `finally` of CPython's `sleep`.
    fn cancel_timer(&self) {
        if let Some(id) = self.timer.take() {
            if let Some(lp) = loop_of(&self.loop_obj.borrow()) {
                lp.el.borrow_mut().cancel_timer(id);
            }
        }
    }

    fn step(&self, vm: &mut Vm, incoming: &Incoming) -> PyResult<Delegate> {
        match incoming {
            Incoming::Start => self.start(vm),
            Incoming::Send(_) => {
                self.cancel_timer();
                Ok(Delegate::Done(self.result.clone()))
            }
            Incoming::Throw(e) => {
                self.cancel_timer();
                Err(e.clone())
            }
        }
    }
}

impl Ext for Sleep {
    fn as_any(&self) -> &dyn Any {
        self
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

    fn await_step(&self, vm: &mut Vm, _this: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        Some(self.step(vm, incoming))
    }
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
    let immediate = vm.compare_op(CmpKind::Le, &delay, &Value::Int(0))?;
    let aio = Aio::classes(vm);
    if vm.truthy(&immediate)? {
        if result.is_none() {
            return Ok(aio.sleep0.clone());
        }
        return Ok(sleep_object(&aio, Sleep::new(None, result)));
    }
    let secs = crate::builtins::to_float(vm, &delay)?;
    Ok(sleep_object(&aio, Sleep::new(Some(secs), result)))
}

fn sleep_object(aio: &Aio, s: Sleep) -> Value {
    Value::Obj(Object::new(aio.sleep_class.clone(), Payload::Ext(Box::new(s))))
}

/// The shared `sleep(0)` awaitable.
pub fn sleep0_singleton(cls: &Rc<crate::vm::object::Class>) -> Value {
    Value::Obj(Object::new(cls.clone(), Payload::Ext(Box::new(Sleep::new(None, Value::None)))))
}

fn this_sleep<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a Sleep> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Ext(e)) => match e.as_any().downcast_ref::<Sleep>() {
            Some(s) => Ok(s),
            None => Err(vm.new_error("TypeError", "descriptor requires a sleep coroutine")),
        },
        _ => Err(vm.new_error("TypeError", "descriptor requires a sleep coroutine")),
    }
}

/// Driving by hand: `send(None)` first yields, then finishes with StopIteration.
fn drive(vm: &mut Vm, s: &Sleep, incoming: Incoming) -> PyResult<Value> {
    let incoming = match incoming {
        Incoming::Throw(e) => Incoming::Throw(e),
        _ if !s.sent.get() => Incoming::Start,
        other => other,
    };
    match s.step(vm, &incoming) {
        Ok(Delegate::Yield(v)) => {
            s.sent.set(true);
            Ok(v)
        }
        Ok(Delegate::Done(v)) => {
            s.sent.set(false);
            let cls = vm.exc_class("StopIteration");
            let args = if v.is_none() { vec![] } else { vec![v] };
            Err(vm.new_exception(&cls, args))
        }
        Ok(Delegate::Resume(..)) => Ok(Value::None),
        Err(e) => {
            s.sent.set(false);
            Err(e)
        }
    }
}

/// `send(value)`.
pub fn m_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_sleep(vm, &args)?;
    drive(vm, s, Incoming::Send(args.pos.get(1).cloned().unwrap_or(Value::None)))
}

/// `throw(exc)`.
pub fn m_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_sleep(vm, &args)?;
    let e = crate::builtins::throw_exc(vm, &args.pos[1..])?;
    drive(vm, s, Incoming::Throw(e))
}

/// `close()`.
pub fn m_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_sleep(vm, &args)?;
    s.cancel_timer();
    s.sent.set(false);
    Ok(Value::None)
}

/// `__await__()`.
pub fn m_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}
