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
        let GenState::Suspended(f) = &*g.state.borrow() else { return Value::None };
        if !f.suspended {
            return Value::None;
        }
        let Some(frame) = f.frames.first() else { return Value::None };
        match frame.code.code.instrs.get(frame.pc as usize) {
            Some(crate::compiler::bytecode::Instr::YieldFrom { src, .. }) => {
                f.stack.get(frame.base as usize + src.idx()).cloned().unwrap_or(Value::None)
            }
            _ => Value::None,
        }
    }
}
