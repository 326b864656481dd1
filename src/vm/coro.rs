//! The coroutine object protocol beyond resumption: `coroutine.__await__()` (a transparent
//! wrapper that `yield from` delegates through without a native re-entry) and the state
//! queries programs make (`cr_frame`, `cr_await`, `gi_frame`, `gi_yieldfrom`, ...).

use std::any::Any;
use std::rc::Rc;

use super::ext::Ext;
use super::frame::Incoming;
use super::interp::Delegate;
use super::object::{GenState, Generator, Object, Payload};
use super::value::Value;
use super::{PyResult, Vm};
use crate::compiler::bytecode::Instr;

/// What `coroutine.__await__()` returns: an iterator over the coroutine's yields.
#[derive(Debug)]
pub struct CoroWrapper {
    /// The coroutine.
    pub coro: Rc<Object>,
}

impl Ext for CoroWrapper {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn gc_traverse(&self, tracer: &mut super::gc::Tracer<'_>) -> bool {
        tracer.object(&self.coro);
        true
    }

    fn is_awaitable(&self) -> bool {
        true
    }

    fn iter(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        Ok(Some(this.clone()))
    }

    /// Delegating to the wrapper resumes the coroutine itself, on the same fiber stack.
    fn await_step(&self, _vm: &mut Vm, _this: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        let incoming = match incoming {
            Incoming::Start => Incoming::Start,
            Incoming::Send(v) => Incoming::Send(v.clone()),
            Incoming::Throw(e) => Incoming::Throw(e.clone()),
        };
        Some(Ok(Delegate::Resume(self.coro.clone(), incoming)))
    }
}

/// The coroutine behind a `coroutine_wrapper` value.
pub fn wrapped_coroutine(v: &Value) -> Option<Rc<Object>> {
    match v.payload()? {
        Payload::Ext(e) => e.as_any().downcast_ref::<CoroWrapper>().map(|w| w.coro.clone()),
        _ => None,
    }
}

/// The line a live generator stands at (`gi_frame.f_lineno`): where it is suspended, or
/// its `def` line before it starts (and, not knowing better, while it runs). None once
/// finished.
pub fn current_line(g: &Generator) -> Option<u32> {
    match &*g.state.borrow() {
        GenState::Finished => None,
        GenState::Suspended(f) if f.suspended => {
            Some(f.frames.first().map_or(g.code.first_line, |fr| fr.code.code.line_of(fr.pc as usize)))
        }
        _ => Some(g.code.first_line),
    }
}

impl Vm {
    /// `coroutine.__await__()`.
    pub fn coroutine_await(&mut self, coro: &Rc<Object>) -> Value {
        let w = CoroWrapper { coro: coro.clone() };
        Value::Obj(Object::new(self.types.coroutine_wrapper.clone(), Payload::Ext(Box::new(w))))
    }

    /// `gi_frame`/`cr_frame`/`ag_frame`: None once finished, else a snapshot frame showing
    /// where the generator stands (`f_code`, `f_lineno`, `f_globals`; `f_locals` is empty).
    pub(crate) fn generator_frame(&mut self, g: &Generator) -> PyResult<Value> {
        let Some(line) = current_line(g) else { return Ok(Value::None) };
        let (code, pc, globals) = match &*g.state.borrow() {
            GenState::Suspended(f) => match f.frames.first() {
                Some(fr) => (Some(Rc::clone(&fr.code)), fr.pc, Value::Dict(Rc::clone(&fr.globals))),
                None => (None, 0, Value::None),
            },
            _ => (None, 0, Value::None),
        };
        let code = match code {
            Some(c) => c,
            None => self.load_code(&g.code)?,
        };
        let locals = Value::Dict(Rc::new(super::object::Dict::default()));
        Ok(self.frame_snapshot(code, pc, Value::Int(i64::from(line)), globals, locals, Value::None))
    }

    /// `gi_code`/`cr_code`/`ag_code`.
    pub(crate) fn generator_code(&mut self, g: &Generator) -> PyResult<Value> {
        let code = self.load_code(&g.code)?;
        Ok(Value::Obj(Object::new(self.types.code.clone(), Payload::Code(code))))
    }

    /// `gi_yieldfrom`/`cr_await`/`ag_await`: what a suspended generator delegates to.
    pub fn generator_awaiting(&mut self, g: &Generator) -> Value {
        match awaited_slots(g, |stack, at, _| stack[at].clone()) {
            // A task parked on its sleep's timer (`asyncio::sleep::park_on_timer`).
            Some(Value::Int(_)) => crate::asyncio::sleep::parked_view(self),
            other => other.unwrap_or(Value::None),
        }
    }
}

/// Runs `f` on the register stack of a generator suspended at a `YieldFrom` (None if it is
/// not), with the index of the register it delegates to and, when the `YieldFrom` awaits
/// what a `GetAwaitable` made from a temporary (`await f()`), that temporary's: dead from
/// then on, it still holds the operand.
fn awaited_slots<R>(g: &Generator, f: impl FnOnce(&mut [Value], usize, Option<usize>) -> R) -> Option<R> {
    let Ok(mut state) = g.state.try_borrow_mut() else { return None };
    let GenState::Suspended(fib) = &mut *state else { return None };
    if !fib.suspended {
        return None;
    }
    let frame = fib.frames.first()?;
    let code = &frame.code.code;
    let pc = frame.pc as usize;
    let Some(Instr::YieldFrom { src, .. }) = code.instrs.get(pc) else { return None };
    let base = frame.base as usize;
    let at = base + src.idx();
    let temp = match pc.checked_sub(1).and_then(|p| code.instrs.get(p)) {
        Some(Instr::GetAwaitable { dst, src: operand })
            if dst == src && operand.idx() >= code.varnames.len() =>
        {
            Some(base + operand.idx())
        }
        _ => None,
    };
    let len = fib.stack.len();
    if at >= len || temp.is_some_and(|t| t >= len) {
        return None;
    }
    Some(f(&mut fib.stack, at, temp))
}

/// Coroutines awaited through `YieldFrom` registers from `coro` on, at most this many deep.
const MAX_AWAIT_CHAIN: usize = 64;

/// Follows the chain of coroutines (and generators) `coro` awaits down to the generator
/// where `f` (given what `awaited_slots` gives) returns `Some`, returning that; None if
/// `f` does for none of them.
fn find_awaited<R>(
    coro: &Rc<Object>,
    mut f: impl FnMut(&mut [Value], usize, Option<usize>) -> Option<R>,
) -> Option<R> {
    let mut cur = coro.clone();
    for _ in 0..MAX_AWAIT_CHAIN {
        let Payload::Generator(g) = &cur.payload else { return None };
        let next = awaited_slots(g, |stack, at, temp| match f(stack, at, temp) {
            Some(r) => Err(r),
            None => Ok(match &stack[at] {
                Value::Obj(o) if matches!(o.payload, Payload::Generator(_)) => Some(o.clone()),
                _ => None,
            }),
        })?;
        match next {
            Err(r) => return Some(r),
            Ok(Some(o)) => cur = o,
            Ok(None) => return None,
        }
    }
    None
}

/// Replaces the register awaiting `target` in the chain of coroutines `coro` awaits by
/// `with` (and the dead temporary it was made from by None), if `target` has no holder
/// but those registers and `others` more. False, changing nothing, otherwise.
pub fn swap_awaited(coro: &Rc<Object>, target: &Rc<Object>, with: Value, others: usize) -> bool {
    let mut with = Some(with);
    let is_target = |v: &Value| matches!(v, Value::Obj(o) if Rc::ptr_eq(o, target));
    let old = find_awaited(coro, |stack, at, temp| {
        if !is_target(&stack[at]) {
            return None;
        }
        let temp = temp.filter(|&t| is_target(&stack[t]));
        if Rc::strong_count(target) != others + 1 + usize::from(temp.is_some()) {
            return Some(None);
        }
        let dead = temp.map(|t| std::mem::replace(&mut stack[t], Value::None));
        Some(Some((std::mem::replace(&mut stack[at], with.take()?), dead)))
    });
    // Released after the generator's state is whole again.
    matches!(old, Some(Some(_)))
}

/// The int a register of the chain of coroutines `coro` awaits holds (the timer id of a
/// task parked on its sleep's timer), if any.
pub fn awaited_int(coro: &Rc<Object>) -> Option<i64> {
    find_awaited(coro, |stack, at, _| match stack[at] {
        Value::Int(i) => Some(i),
        _ => None,
    })
}
