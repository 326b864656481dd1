//! Native bookkeeping of `asyncio.gather`: CPython's `_done_callback` closure as a Rust
//! done callback.
//!
//! `gather` itself stays in `stdlib/asyncio/tasks.py`. When every argument is a native
//! future or task (or a class that keeps Future's methods and identity hashing) or a native
//! coroutine, and the loop is the native one, it calls [`m_gather_start`], which does what
//! the script loop does (`ensure_future`, de-duplication, `add_done_callback`) in the same
//! order, with a [`GatherState`] object as the done callback of every child. Completions then
//! run [`child_done`] from the ready queue where the script callback's `Handle` would have
//! run: same position, same effects, without a script call or a `Handle` per child.
//! Anything else takes the script path unchanged.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::event_loop::loop_of;
use super::future::{future_obj, future_of, is_coroutine, new_task, DoneCallback, FutureObj, State};
use super::Aio;
use crate::vm::ext::Ext;
use crate::vm::gc::{AddrMap, Tracer};
use crate::vm::object::{Args, Class, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// How the callback shows in a child's repr (the script closure it replaces, at the line
/// of `gather` in `stdlib/asyncio/tasks.py`).
pub const CALLBACK_SOURCE: &str = "gather.<locals>._done_callback() at <stdlib>/asyncio/tasks.py:96";

/// The methods a Future subclass must inherit unchanged for its instances to take the
/// native path (the script path would call them, or hash the object).
const FUTURE_METHODS: [&str; 9] = [
    "add_done_callback",
    "get_loop",
    "cancelled",
    "exception",
    "result",
    "_make_cancelled_error",
    "__eq__",
    "__hash__",
    "done",
];

/// The closure state of one `gather` call.
#[derive(Debug)]
pub struct GatherState {
    /// Every argument's future, in argument order (duplicates repeated).
    children: RefCell<Vec<Value>>,
    /// Distinct futures.
    nfuts: Cell<usize>,
    /// Distinct futures done so far.
    nfinished: Cell<usize>,
    /// The `_GatheringFuture`; None until `gather` made it.
    outer: RefCell<Value>,
    /// `return_exceptions`.
    return_exceptions: bool,
}

impl Ext for GatherState {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn gc_traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        let Ok(outer) = self.outer.try_borrow() else { return false };
        tracer.value(&outer);
        let Ok(children) = self.children.try_borrow() else { return false };
        for c in children.iter() {
            tracer.value(c);
        }
        true
    }

    fn gc_clear(&self, trash: &mut Vec<Value>) {
        if let Ok(mut outer) = self.outer.try_borrow_mut() {
            trash.push(std::mem::take(&mut *outer));
        }
        if let Ok(mut children) = self.children.try_borrow_mut() {
            trash.extend(std::mem::take(&mut *children));
        }
    }
}

fn state_of(v: &Value) -> Option<&GatherState> {
    match v {
        Value::Obj(o) => state_obj(o),
        _ => None,
    }
}

fn state_obj(o: &Object) -> Option<&GatherState> {
    match &o.payload {
        Payload::Ext(e) => e.as_any().downcast_ref::<GatherState>(),
        _ => None,
    }
}

/// A future whose class behaves like `Future` for gather's purposes.
fn plain_future(aio: &Aio, v: &Value) -> bool {
    let Value::Obj(o) = v else { return false };
    if future_of(v).is_none() {
        return false;
    }
    if !o.class.is_heap {
        return true;
    }
    inherits_future_methods(aio, &o.class)
}

fn inherits_future_methods(aio: &Aio, cls: &Rc<Class>) -> bool {
    FUTURE_METHODS.iter().all(|m| match (cls.lookup(m), aio.future.lookup(m)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    })
}

/// A native coroutine (or `sleep()` object): identity-hashed, made a task by `ensure_future`.
fn native_coroutine(v: &Value) -> bool {
    match v {
        Value::Obj(o) => !o.class.is_heap && is_coroutine(v),
        _ => false,
    }
}

/// The loop the script path would use: the first argument's (a future's own, or
/// `get_event_loop()` for a coroutine, which is the running loop here). None when the
/// native path does not apply.
fn native_loop(vm: &Vm, aio: &Aio, args: &[Value]) -> Option<Value> {
    let first = args.first()?;
    let lp = match future_of(first) {
        Some(f) => f.loop_obj(),
        None => vm.running_loop.clone(),
    };
    let Value::Obj(o) = &lp else { return None };
    (loop_of(&lp).is_some() && Rc::ptr_eq(&o.class, &aio.event_loop)).then_some(lp)
}

/// `_asyncio._gather_start(args, return_exceptions)`: the children of a gather, each with
/// the native done callback, as `(state, children, loop)`; None when some argument needs
/// the script path (nothing has been done then).
pub fn m_gather_start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Tuple(items)) = args.pos.first() else { return Ok(Value::None) };
    let return_exceptions = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let aio = Aio::classes(vm);
    let items = &items.items;
    let Some(loop_obj) = native_loop(vm, &aio, items) else { return Ok(Value::None) };
    if !items.iter().all(|a| plain_future(&aio, a) || native_coroutine(a)) {
        return Ok(Value::None);
    }
    let state = GatherState {
        children: RefCell::new(Vec::with_capacity(items.len())),
        nfuts: Cell::new(0),
        nfinished: Cell::new(0),
        outer: RefCell::new(Value::None),
        return_exceptions,
    };
    let obj = Object::new(aio.gather_state.clone(), Payload::Ext(Box::new(state)));
    let state_val = Value::Obj(obj.clone());
    let Some(st) = state_of(&state_val) else { return Ok(Value::None) };
    vm.gc_track(&state_val);
    // CPython's `arg_to_fut` de-duplication. While every argument is a pending future, a
    // repeated one is told by this gather's callback being its last, with no map; the first
    // coroutine, done future (whose callback is scheduled, not stored) or repeat switches to
    // a map by address, started from the children so far (all distinct futures then).
    let mut seen: Option<AddrMap> = None;
    for arg in items.iter() {
        let key = arg.id() as usize;
        if seen.is_none() && !fresh_pending_future(arg, &obj) {
            let children = st.children.borrow();
            seen = Some(children.iter().enumerate().map(|(i, c)| (c.id() as usize, i)).collect());
        }
        if let Some(&i) = seen.as_ref().and_then(|m| m.get(&key)) {
            let mut children = st.children.borrow_mut();
            let again = children[i].clone();
            children.push(again);
            continue;
        }
        let fut = if future_of(arg).is_some() {
            arg.clone()
        } else {
            Value::Obj(new_task(vm, &loop_obj, arg.clone(), Value::None)?)
        };
        st.nfuts.set(st.nfuts.get() + 1);
        if let (Value::Obj(fo), Some(f)) = (&fut, future_of(&fut)) {
            f.add_done_callback(vm, fo, DoneCallback::Gather(obj.clone()));
        }
        let mut children = st.children.borrow_mut();
        if let Some(m) = &mut seen {
            m.insert(key, children.len());
        }
        children.push(fut);
    }
    let children = st.children.borrow().clone();
    Ok(Value::tuple(vec![state_val, Value::list(children), loop_obj]))
}

/// A pending future that the gather whose state is `state` has not seen yet.
fn fresh_pending_future(arg: &Value, state: &Rc<Object>) -> bool {
    let Some(f) = future_of(arg) else { return false };
    let st = f.st.borrow();
    let ours =
        matches!(st.callbacks.as_slice().last(), Some(DoneCallback::Gather(o)) if Rc::ptr_eq(o, state));
    st.state == State::Pending && !ours
}

/// `_asyncio._gather_set_outer(state, outer)`: the `_GatheringFuture` the callbacks resolve.
pub fn m_gather_set_outer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let (Some(st), Some(outer)) = (args.pos.first().and_then(state_of), args.pos.get(1)) {
        *st.outer.borrow_mut() = outer.clone();
    }
    Ok(Value::None)
}

/// The done callback of a child `fut` (CPython's `_done_callback`), run from the ready queue.
pub fn child_done(vm: &mut Vm, state: &Rc<Object>, fut: &Rc<Object>) {
    let (Some(st), Some(f)) = (state_obj(state), future_obj(fut)) else { return };
    st.nfinished.set(st.nfinished.get() + 1);
    let outer_val = st.outer.borrow().clone();
    let outer = match (&outer_val, future_of(&outer_val)) {
        (Value::Obj(o), Some(of)) if !of.done() => (o, of),
        _ => {
            if f.st.borrow().state != State::Cancelled {
                // Marks the exception retrieved.
                f.retrieve();
            }
            return;
        }
    };
    if !st.return_exceptions {
        if f.st.borrow().state == State::Cancelled {
            let exc = f.make_cancelled_error(vm);
            let _ = outer.1.set_exception(vm, outer.0, Value::Obj(exc));
            return;
        }
        if let (true, Value::Obj(exc)) = f.retrieve() {
            let _ = outer.1.set_exception(vm, outer.0, Value::Obj(exc));
            return;
        }
    }
    if st.nfinished.get() == st.nfuts.get() {
        finish(vm, st, outer.0, outer.1);
    }
}

/// Every child is done: the outer future gets the results (or the cancellation).
fn finish(vm: &mut Vm, st: &GatherState, outer: &Rc<Object>, of: &FutureObj) {
    // Taken, not cloned: nothing reads the children once every one is done (the outer
    // future's own list keeps them for scripts).
    let children = std::mem::take(&mut *st.children.borrow_mut());
    let cancelled_error = Aio::classes(vm).cancelled_error.clone();
    let mut results = Vec::with_capacity(children.len());
    for child in &children {
        let Some(c) = future_of(child) else { continue };
        let res = if c.st.borrow().state == State::Cancelled {
            let msg = c.st.borrow().cancel_message();
            let msg = if msg.is_none() { Value::str("") } else { msg };
            Value::Obj(vm.new_exception(&cancelled_error, vec![msg]))
        } else {
            c.retrieve().1
        };
        results.push(res);
    }
    let cancel_requested = match vm.get_attr(&Value::Obj(outer.clone()), &Value::str("_cancel_requested")) {
        Ok(v) => vm.truthy(&v).unwrap_or(false),
        Err(_) => false,
    };
    if cancel_requested {
        // CPython asks the loop variable of its results loop: the last child.
        let last = children.last().and_then(future_of);
        if let Some(last) = last {
            let exc = last.make_cancelled_error(vm);
            let _ = of.set_exception(vm, outer, Value::Obj(exc));
        }
    } else {
        let _ = of.set_result(vm, outer, Value::list(results));
    }
}
