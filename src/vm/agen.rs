//! Async generator operations: the awaitables `__anext__()`, `asend(v)`, `athrow(e)`,
//! `aclose()` and `anext(it, default)`, following CPython 3.11's `genobject.c`.
//!
//! Awaiting an operation resumes its async generator on the awaiting fiber's behalf
//! (`Delegate::Resume`). When the generator stops, the awaiting `YieldFrom` asks
//! `Vm::async_op_end` what the stop means for the operation:
//!
//! - a `yield` of the generator (a value wrapped in `Payload::AsyncYield`) finishes the
//!   operation with that value;
//! - any other yield comes from an `await` inside the generator and suspends the awaiting
//!   task, the operation staying in progress;
//! - a return ends the iteration (StopAsyncIteration), an exception propagates.
//!
//! Invariant: `Generator::running_async` is true exactly while an operation is in progress,
//! so a second operation started meanwhile fails with "asynchronous generator is already
//! running".

use std::cell::RefCell;
use std::rc::Rc;

use super::frame::{ChildResult, Incoming};
use super::interp::{Delegate, Outcome};
use super::object::{AsyncGenOp, AsyncGenOpKind, AsyncGenOpState, GenState, Generator, Object, Payload};
use super::value::Value;
use super::{Exc, PyResult, Vm};

/// The registry of started async generators is pruned of dead entries once it holds at least
/// this many (and then at each doubling).
const REGISTRY_PRUNE_MIN: usize = 64;

/// How an operation continues after its generator stopped.
pub(crate) enum OpEnd {
    /// The generator awaits something: the awaiting frame yields this value onwards.
    Yield(Value),
    /// The operation finished with this value.
    Done(Value),
    /// The operation raised.
    Raise(Exc),
}

impl From<Outcome> for ChildResult {
    fn from(o: Outcome) -> ChildResult {
        match o {
            Outcome::Yielded(v) => ChildResult::Yielded(v),
            Outcome::Returned(v) => ChildResult::Returned(v),
            Outcome::Raised(e) => ChildResult::Raised(e),
        }
    }
}

fn op_of(v: &Value) -> Option<&RefCell<AsyncGenOp>> {
    match v.payload()? {
        Payload::AsyncGenOp(op) => Some(op),
        _ => None,
    }
}

fn generator_of(v: &Value) -> Option<&Generator> {
    match v.payload()? {
        Payload::Generator(g) => Some(g),
        _ => None,
    }
}

/// True for the awaitables of this module.
pub(crate) fn is_async_op(v: &Value) -> bool {
    op_of(v).is_some()
}

impl AsyncGenOpKind {
    /// The method name CPython uses in "already running" and "cannot reuse" messages.
    fn is_throw_like(&self) -> bool {
        matches!(self, AsyncGenOpKind::Throw(_) | AsyncGenOpKind::Close)
    }
}

impl Vm {
    /// An async generator operation awaitable on `agen`.
    pub fn async_gen_op(&mut self, agen: &Rc<Object>, kind: AsyncGenOpKind) -> Value {
        let cls = if kind.is_throw_like() {
            self.types.async_gen_athrow.clone()
        } else {
            self.types.async_gen_op.clone()
        };
        let op = AsyncGenOp { target: Value::Obj(agen.clone()), kind, state: AsyncGenOpState::Init };
        Value::Obj(Object::new(cls, Payload::AsyncGenOp(RefCell::new(op))))
    }

    /// `anext(it, default)`: wraps the awaitable `it.__anext__()` returned.
    pub fn anext_default(&mut self, awaitable: Value, default: Value) -> Value {
        let op = AsyncGenOp {
            target: awaitable,
            kind: AsyncGenOpKind::Default(default),
            state: AsyncGenOpState::Init,
        };
        Value::Obj(Object::new(self.types.anext_awaitable.clone(), Payload::AsyncGenOp(RefCell::new(op))))
    }

    /// One step of awaiting an operation, given what the awaiting frame was resumed with.
    pub(crate) fn delegate_async_op(&mut self, this: &Value, incoming: Incoming) -> PyResult<Delegate> {
        let op = op_of(this).expect("an async generator operation");
        let (kind, state, target) = {
            let st = op.borrow();
            (st.kind.clone(), st.state, st.target.clone())
        };
        if let AsyncGenOpKind::Default(default) = kind {
            return match self.delegate(&target, incoming) {
                Err(e) if e.class.is_subclass(&self.exc_class("StopAsyncIteration")) => {
                    Ok(Delegate::Done(default))
                }
                other => other,
            };
        }
        match state {
            AsyncGenOpState::Closed => {
                let what = if kind.is_throw_like() { "aclose()/athrow()" } else { "__anext__()/asend()" };
                Err(self.new_error("RuntimeError", &format!("cannot reuse already awaited {what}")))
            }
            AsyncGenOpState::Iter => match &target {
                Value::Obj(agen) => Ok(Delegate::Resume(agen.clone(), incoming)),
                _ => Err(self.new_error("SystemError", "bad async generator operation")),
            },
            AsyncGenOpState::Init => self.start_async_op(op, kind, target, incoming),
        }
    }

    /// The first step of an operation: checks the generator, then resumes it. An exception
    /// thrown into an operation that has not started goes into the generator as it is (a
    /// task cancelled before its `aclose()` ran: CPython 3.11's `gen_throw`).
    fn start_async_op(
        &mut self,
        op: &RefCell<AsyncGenOp>,
        kind: AsyncGenOpKind,
        target: Value,
        incoming: Incoming,
    ) -> PyResult<Delegate> {
        let (Value::Obj(agen), Some(g)) = (&target, generator_of(&target)) else {
            return Err(self.new_error("SystemError", "bad async generator operation"));
        };
        if g.running_async.get() {
            op.borrow_mut().state = AsyncGenOpState::Closed;
            let what = match kind {
                AsyncGenOpKind::Throw(_) => "athrow()",
                AsyncGenOpKind::Close => "aclose()",
                _ => "anext()",
            };
            return Err(
                self.new_error("RuntimeError", &format!("{what}: asynchronous generator is already running"))
            );
        }
        if let Incoming::Throw(e) = incoming {
            return self.throw_into_unstarted_op(op, &kind, agen, g, e);
        }
        if let AsyncGenOpKind::Send(v) = &kind {
            let fresh = matches!(&*g.state.borrow(), GenState::Suspended(f) if !f.suspended);
            if fresh && !v.is_none() {
                op.borrow_mut().state = AsyncGenOpState::Closed;
                return Err(self
                    .new_error("TypeError", "can't send non-None value to a just-started async generator"));
            }
        }
        if matches!(*g.state.borrow(), GenState::Finished) {
            op.borrow_mut().state = AsyncGenOpState::Closed;
            return match kind {
                AsyncGenOpKind::Throw(_) | AsyncGenOpKind::Close => Ok(Delegate::Done(Value::None)),
                _ => Err(self.new_exception_named("StopAsyncIteration")),
            };
        }
        let incoming = match kind {
            AsyncGenOpKind::Next | AsyncGenOpKind::Default(_) => Incoming::Start,
            AsyncGenOpKind::Send(v) => Incoming::Send(v),
            AsyncGenOpKind::Throw(e) => Incoming::Throw(e),
            AsyncGenOpKind::Close => Incoming::Throw(self.new_exception_named("GeneratorExit")),
        };
        self.async_gen_first_iter(agen);
        op.borrow_mut().state = AsyncGenOpState::Iter;
        g.running_async.set(true);
        Ok(Delegate::Resume(agen.clone(), incoming))
    }

    /// `op.throw(e)` before the operation's first step: `e` goes into the generator. An
    /// `aclose()`/`athrow()` stays unstarted, as in CPython 3.11: if the generator awaits
    /// (say, in a `finally`), the next step starts the operation, throwing GeneratorExit
    /// (or the athrow exception) there.
    fn throw_into_unstarted_op(
        &mut self,
        op: &RefCell<AsyncGenOp>,
        kind: &AsyncGenOpKind,
        agen: &Rc<Object>,
        g: &Generator,
        e: Exc,
    ) -> PyResult<Delegate> {
        if matches!(*g.state.borrow(), GenState::Finished) {
            op.borrow_mut().state = AsyncGenOpState::Closed;
            return Err(e);
        }
        self.async_gen_first_iter(agen);
        if !kind.is_throw_like() {
            op.borrow_mut().state = AsyncGenOpState::Iter;
            g.running_async.set(true);
        }
        Ok(Delegate::Resume(agen.clone(), Incoming::Throw(e)))
    }

    /// What the stop of the generator (or, for `anext(it, default)`, of the awaitable) an
    /// operation resumed means for the operation.
    pub(crate) fn async_op_end(&mut self, this: &Value, result: ChildResult) -> OpEnd {
        let op = op_of(this).expect("an async generator operation");
        let (kind, target) = {
            let st = op.borrow();
            (st.kind.clone(), st.target.clone())
        };
        if let AsyncGenOpKind::Default(default) = kind {
            let end = if is_async_op(&target) {
                self.async_op_end(&target, result)
            } else {
                match result {
                    ChildResult::Yielded(v) => OpEnd::Yield(v),
                    ChildResult::Returned(v) => OpEnd::Done(v),
                    ChildResult::Raised(e) => OpEnd::Raise(e),
                }
            };
            return match end {
                OpEnd::Raise(e) if e.class.is_subclass(&self.exc_class("StopAsyncIteration")) => {
                    OpEnd::Done(default)
                }
                other => other,
            };
        }
        if let ChildResult::Yielded(v) = &result {
            if !matches!(v.payload(), Some(Payload::AsyncYield(_))) {
                return OpEnd::Yield(v.clone());
            }
        }
        op.borrow_mut().state = AsyncGenOpState::Closed;
        if let Some(g) = generator_of(&target) {
            g.running_async.set(false);
        }
        let close = matches!(kind, AsyncGenOpKind::Close);
        match result {
            ChildResult::Yielded(v) => {
                if close {
                    return OpEnd::Raise(
                        self.new_error("RuntimeError", "async generator ignored GeneratorExit"),
                    );
                }
                match v.payload() {
                    Some(Payload::AsyncYield(x)) => OpEnd::Done(x.clone()),
                    _ => OpEnd::Done(v),
                }
            }
            ChildResult::Returned(_) if close => OpEnd::Done(Value::None),
            ChildResult::Returned(_) => OpEnd::Raise(self.new_exception_named("StopAsyncIteration")),
            ChildResult::Raised(e) => {
                let benign = e.class.is_subclass(&self.exc_class("GeneratorExit"))
                    || e.class.is_subclass(&self.exc_class("StopAsyncIteration"));
                if close && benign {
                    OpEnd::Done(Value::None)
                } else {
                    OpEnd::Raise(e)
                }
            }
        }
    }

    /// `op.send(v)` / `op.throw(e)` / `next(op)` from native code: one step of the
    /// operation, a finished operation raising StopIteration with its value.
    pub fn async_op_send(&mut self, this: &Value, incoming: Incoming) -> PyResult<Value> {
        let end = match self.delegate_async_op(this, incoming)? {
            Delegate::Yield(v) => OpEnd::Yield(v),
            Delegate::Done(v) => OpEnd::Done(v),
            Delegate::Resume(gen, incoming) => {
                let result = self.resume(&gen, incoming).into();
                self.async_op_end(this, result)
            }
        };
        match end {
            OpEnd::Yield(v) => Ok(v),
            OpEnd::Done(v) => {
                let cls = self.exc_class("StopIteration");
                let args = if v.is_none() { vec![] } else { vec![v] };
                Err(self.new_exception(&cls, args))
            }
            OpEnd::Raise(e) => Err(e),
        }
    }

    /// `op.close()`: the operation can no longer be awaited.
    pub fn async_op_close(&mut self, this: &Value) {
        if let Some(op) = op_of(this) {
            op.borrow_mut().state = AsyncGenOpState::Closed;
        }
    }

    /// PEP 525's `firstiter` hook: the running loop learns about every async generator that
    /// starts, so that `shutdown_asyncgens` can close it and a drop can finalize it.
    fn async_gen_first_iter(&mut self, agen: &Rc<Object>) {
        let Payload::Generator(g) = &agen.payload else { return };
        if g.hooked.replace(true) {
            return;
        }
        let Some(hooks) = &self.asyncgen_hooks else { return };
        let mut registry = hooks.registry.borrow_mut();
        // Prune dead entries at doubling sizes: amortised O(1) per generator.
        if registry.len() >= REGISTRY_PRUNE_MIN && registry.len().is_power_of_two() {
            registry.retain(|w| w.strong_count() > 0);
        }
        registry.push(Rc::downgrade(agen));
        g.finalizer.set(Some(hooks.finalizer.clone()));
    }
}
