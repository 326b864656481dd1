//! Native asyncio core: the `_asyncio` module (Future, Task, Handle, the event loop class,
//! CancelledError, InvalidStateError, running-loop and current-task bookkeeping).
//!
//! The compositions (sleep, gather, wait_for, TaskGroup, Queue, locks, Runner, streams) are
//! written in the language itself in `stdlib/asyncio/`, on top of this module, following
//! CPython's structure so that wakeups go through futures exactly as in CPython.

pub mod deadlock;
pub mod event_loop;
pub mod external;
pub mod format;
pub mod future;
pub mod gather;
pub mod handler;
pub mod host;
pub mod queue;
pub mod registry;
pub mod sleep;

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::{method, native, static_fn};
use crate::vm::ext::{hand_send, hand_throw};
use crate::vm::object::{Args, BaseKind, Class, Dict, Object, Payload};
use crate::vm::types::builtin_class;
use crate::vm::{PyResult, Value, Vm};
use event_loop::{
    call_at, call_soon, cancel_handle, handle_of, loop_of, new_loop, run_forever, run_until_complete,
};
use future::{cancel_any, future_of, new_future, new_task_in, task_cancel, DoneCallback, FutureObj};

/// The classes and helpers the native code needs, cached on the VM.
pub struct Aio {
    /// `asyncio.Future`.
    pub future: Rc<Class>,
    /// `asyncio.Task`.
    pub task: Rc<Class>,
    /// `asyncio.Handle`.
    pub handle: Rc<Class>,
    /// `asyncio.TimerHandle`.
    pub timer_handle: Rc<Class>,
    /// The event loop class.
    pub event_loop: Rc<Class>,
    /// `asyncio.CancelledError`.
    pub cancelled_error: Rc<Class>,
    /// `asyncio.InvalidStateError`.
    pub invalid_state_error: Rc<Class>,
    /// The done callback `run_until_complete` adds to stop the loop.
    pub stop_callback: Value,
    /// The class of what `asyncio.sleep()` returns.
    pub sleep_class: Rc<Class>,
    /// The shared `sleep(0)` awaitable.
    pub sleep0: Value,
    /// Where the future of a task parked on its sleep's timer stands, in
    /// `sleep::Mark` order (see `sleep::park_on_timer`).
    pub sleep_marks: [Rc<Object>; 3],
    /// Numbering for default task names (`Task-N`), shared by every loop of the interpreter.
    pub task_counter: std::cell::Cell<u64>,
    /// `asyncio.Queue`.
    pub queue: Rc<Class>,
    /// `asyncio.PriorityQueue`.
    pub priority_queue: Rc<Class>,
    /// `asyncio.LifoQueue`.
    pub lifo_queue: Rc<Class>,
    /// What `Queue.get()`/`put()`/`join()` return.
    pub queue_op: Rc<Class>,
    /// Finished `get()`/`put()`/`join()` awaitables kept for reuse (see `queue::new_op`).
    pub spare_queue_ops: crate::net::spare::Spares,
    /// `asyncio.QueueEmpty`.
    pub queue_empty: Rc<Class>,
    /// `asyncio.QueueFull`.
    pub queue_full: Rc<Class>,
    /// The class of `gather`'s native callback state (never seen by scripts).
    pub gather_state: Rc<Class>,
}

impl std::fmt::Debug for Aio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Aio")
    }
}

const STATE_KEY: &str = "asyncio";

impl Aio {
    /// The cached classes (creating them on first use). Through the running loop when
    /// there is one: the hot paths (task steps, `sleep`, queue operations) skip the lookup.
    pub fn classes(vm: &mut Vm) -> Rc<Aio> {
        if let Some(lp) = loop_of(&vm.running_loop) {
            return lp.aio.clone();
        }
        if let Some(a) = vm.ext_state.get(STATE_KEY).and_then(|s| s.clone().downcast::<Aio>().ok()) {
            return a;
        }
        let a = Rc::new(Aio::create(vm));
        vm.ext_state.insert(STATE_KEY, a.clone() as Rc<dyn Any>);
        a
    }

    fn create(vm: &mut Vm) -> Aio {
        let object = vm.types.object.clone();
        let future = builtin_class("Future", std::slice::from_ref(&object), BaseKind::Native);
        let task = builtin_class("Task", std::slice::from_ref(&future), BaseKind::Native);
        let handle = builtin_class("Handle", std::slice::from_ref(&object), BaseKind::Native);
        let timer_handle = builtin_class("TimerHandle", std::slice::from_ref(&handle), BaseKind::Native);
        // CPython's hierarchy, so `isinstance(loop, asyncio.AbstractEventLoop)` holds; the
        // methods live on the concrete class.
        let abstract_loop =
            builtin_class("AbstractEventLoop", std::slice::from_ref(&object), BaseKind::Native);
        let base_loop =
            builtin_class("BaseEventLoop", std::slice::from_ref(&abstract_loop), BaseKind::Native);
        let selector_loop =
            builtin_class("BaseSelectorEventLoop", std::slice::from_ref(&base_loop), BaseKind::Native);
        let event_loop =
            builtin_class("_UnixSelectorEventLoop", std::slice::from_ref(&selector_loop), BaseKind::Native);
        let base = vm.exc_class("BaseException");
        let cancelled_error = builtin_class("CancelledError", &[base], BaseKind::Exception);
        let exc = vm.exc_class("Exception");
        let invalid_state_error = builtin_class("InvalidStateError", &[exc], BaseKind::Exception);
        let queue = builtin_class("Queue", std::slice::from_ref(&object), BaseKind::Native);
        let priority_queue = builtin_class("PriorityQueue", std::slice::from_ref(&queue), BaseKind::Native);
        let lifo_queue = builtin_class("LifoQueue", std::slice::from_ref(&queue), BaseKind::Native);
        let queue_op = builtin_class("coroutine", std::slice::from_ref(&object), BaseKind::Native);
        let exception = vm.exc_class("Exception");
        let queue_empty = builtin_class("QueueEmpty", std::slice::from_ref(&exception), BaseKind::Exception);
        let queue_full = builtin_class("QueueFull", std::slice::from_ref(&exception), BaseKind::Exception);
        let gather_state = builtin_class("_GatherState", std::slice::from_ref(&object), BaseKind::Native);
        let sleep_class = builtin_class("coroutine", &[object], BaseKind::Native);
        let sleep0 = sleep::sleep0_singleton(&sleep_class);
        let sleep_marks = sleep::mark_objects(&sleep_class);
        for (c, module) in [
            (&future, "_asyncio"),
            (&task, "_asyncio"),
            (&handle, "asyncio.events"),
            (&timer_handle, "asyncio.events"),
            (&abstract_loop, "asyncio.events"),
            (&base_loop, "asyncio.base_events"),
            (&selector_loop, "asyncio.selector_events"),
            (&event_loop, "asyncio.unix_events"),
            (&cancelled_error, "asyncio.exceptions"),
            (&invalid_state_error, "asyncio.exceptions"),
            (&queue, "asyncio.queues"),
            (&priority_queue, "asyncio.queues"),
            (&lifo_queue, "asyncio.queues"),
            (&queue_empty, "asyncio.queues"),
            (&queue_full, "asyncio.queues"),
        ] {
            c.set_attr("__module__", Value::str(module));
        }
        let stop_callback = native(vm, "_run_until_complete_cb", run_until_complete_cb);
        let a = Aio {
            future,
            task,
            handle,
            timer_handle,
            event_loop,
            cancelled_error,
            invalid_state_error,
            stop_callback,
            sleep_class,
            sleep0,
            sleep_marks,
            task_counter: std::cell::Cell::new(0),
            queue,
            priority_queue,
            lifo_queue,
            queue_op,
            spare_queue_ops: crate::net::spare::Spares::default(),
            queue_empty,
            queue_full,
            gather_state,
        };
        a.install_methods(vm);
        a
    }

    fn install_methods(&self, vm: &mut Vm) {
        let f = &self.future;
        static_fn(vm, f, "__new__", future_new);
        // `asyncio.Future[int]`, `asyncio.Task[None]` in annotations (Task inherits it).
        static_fn(vm, f, "__class_getitem__", crate::builtins::class_getitem);
        for (name, m) in [
            ("result", fut_result as crate::vm::object::NativeFn),
            ("exception", fut_exception),
            ("done", fut_done),
            ("cancelled", fut_cancelled),
            ("cancel", fut_cancel),
            ("add_done_callback", fut_add_done_callback),
            ("remove_done_callback", fut_remove_done_callback),
            ("set_result", fut_set_result),
            ("set_exception", fut_set_exception),
            ("get_loop", fut_get_loop),
            ("__init__", future_init),
            ("_make_cancelled_error", fut_make_cancelled_error),
            ("__await__", fut_await),
            ("__iter__", fut_await),
        ] {
            method(vm, f, name, m);
        }
        let t = &self.task;
        static_fn(vm, t, "__new__", task_new);
        for (name, m) in [
            ("cancel", task_cancel_m as crate::vm::object::NativeFn),
            ("cancelling", task_cancelling),
            ("uncancel", task_uncancel),
            ("get_name", task_get_name),
            ("set_name", task_set_name),
            ("get_coro", task_get_coro),
            ("set_result", task_set_result),
            ("set_exception", task_set_exception),
        ] {
            method(vm, t, name, m);
        }
        for (name, m) in [
            ("cancel", handle_cancel as crate::vm::object::NativeFn),
            ("cancelled", handle_cancelled),
            ("when", handle_when),
        ] {
            method(vm, &self.handle, name, m);
        }
        for (name, m) in [
            ("send", sleep::m_send as crate::vm::object::NativeFn),
            ("throw", sleep::m_throw),
            ("close", sleep::m_close),
            ("__await__", sleep::m_await),
            ("__next__", sleep::m_send),
            ("__iter__", sleep::m_await),
        ] {
            method(vm, &self.sleep_class, name, m);
        }
        let q = &self.queue;
        static_fn(vm, q, "__new__", queue::queue_new);
        static_fn(vm, q, "__class_getitem__", crate::builtins::class_getitem);
        for (name, m) in [
            ("__init__", queue::queue_init as crate::vm::object::NativeFn),
            ("__repr__", queue::m_repr),
            ("__str__", queue::m_str),
            ("qsize", queue::m_qsize),
            ("empty", queue::m_empty),
            ("full", queue::m_full),
            ("put", queue::m_put),
            ("put_nowait", queue::m_put_nowait),
            ("get", queue::m_get),
            ("get_nowait", queue::m_get_nowait),
            ("task_done", queue::m_task_done),
            ("join", queue::m_join),
            ("_init", queue::m_init_storage),
            ("_put", queue::m_put_item),
            ("_get", queue::m_get_item),
        ] {
            method(vm, q, name, m);
        }
        for (name, m) in [
            ("send", hand_send::<queue::QueueOp> as crate::vm::object::NativeFn),
            ("throw", hand_throw::<queue::QueueOp>),
            ("close", queue::op_close),
            ("__await__", queue::op_await),
            ("__iter__", queue::op_await),
            ("__next__", hand_send::<queue::QueueOp>),
        ] {
            method(vm, &self.queue_op, name, m);
        }
        let l = &self.event_loop;
        for (name, m) in [
            ("time", loop_time as crate::vm::object::NativeFn),
            ("call_soon", loop_call_soon),
            ("call_soon_threadsafe", loop_call_soon),
            ("call_later", loop_call_later),
            ("call_at", loop_call_at),
            ("create_future", loop_create_future),
            ("create_task", loop_create_task),
            ("run_until_complete", loop_run_until_complete),
            ("run_forever", loop_run_forever),
            ("stop", loop_stop),
            ("close", loop_close),
            ("is_running", loop_is_running),
            ("is_closed", loop_is_closed),
            ("get_debug", loop_get_debug),
            ("set_debug", loop_set_debug),
            ("call_exception_handler", loop_call_exception_handler),
            ("default_exception_handler", loop_default_exception_handler),
            ("set_exception_handler", loop_set_exception_handler),
            ("get_exception_handler", loop_get_exception_handler),
            ("_take_asyncgens", loop_take_asyncgens),
            // `run_in_executor` itself is `base_events._run_in_executor`.
            ("_run_in_executor_native", loop_run_in_executor),
        ] {
            method(vm, l, name, m);
        }
    }
}

/// The `_asyncio` native module.
pub fn asyncio_module(vm: &mut Vm) -> PyResult<Value> {
    let a = Aio::classes(vm);
    let m = vm.new_module("_asyncio", Rc::new(Dict::default()));
    for (name, cls) in [
        ("Future", &a.future),
        ("Task", &a.task),
        ("Handle", &a.handle),
        ("TimerHandle", &a.timer_handle),
        ("SelectorEventLoop", &a.event_loop),
        ("CancelledError", &a.cancelled_error),
        ("InvalidStateError", &a.invalid_state_error),
        ("Queue", &a.queue),
        ("PriorityQueue", &a.priority_queue),
        ("LifoQueue", &a.lifo_queue),
        ("QueueEmpty", &a.queue_empty),
        ("QueueFull", &a.queue_full),
    ] {
        vm.module_set(&m, name, Value::Class(cls.clone()));
    }
    for base in a.event_loop.mro.iter().filter(|c| c.name().ends_with("EventLoop")) {
        let name = base.name();
        vm.module_set(&m, &name, Value::Class(base.clone()));
    }
    for (name, f) in [
        ("new_event_loop", m_new_event_loop as crate::vm::object::NativeFn),
        ("get_running_loop", m_get_running_loop),
        ("_get_running_loop", m_get_running_loop_opt),
        ("get_event_loop", m_get_event_loop),
        ("set_event_loop", m_set_event_loop),
        ("current_task", m_current_task),
        ("all_tasks", m_all_tasks),
        ("_pending_tasks", m_pending_tasks),
        ("_task_context", m_task_context),
        ("sleep", sleep::sleep),
        ("iscoroutine", m_iscoroutine),
        ("iscoroutinefunction", m_iscoroutinefunction),
        ("_add_loop_methods", m_add_loop_methods),
        ("_add_task_methods", m_add_task_methods),
        ("isfuture", m_isfuture),
        ("_gather_start", gather::m_gather_start),
        ("_gather_set_outer", gather::m_gather_set_outer),
        ("create_task", m_create_task),
        ("_green", external::m_green),
        ("_set_sleep_hook", external::m_set_sleep_hook),
    ] {
        let v = native(vm, name, f);
        vm.module_set(&m, name, v);
    }
    // It looks at its caller (is it a green thread?), as `time.sleep` does.
    let switch = crate::builtins::native_with_frame(vm, "_green_switch", external::m_green_switch);
    vm.module_set(&m, "_green_switch", switch);

    Ok(m)
}

/// A callable that runs `task.__wakeup(fut)`: for script future-like objects.
pub fn wakeup_callable(vm: &mut Vm, task: &Rc<Object>) -> Value {
    let f = native(vm, "__wakeup", wakeup_native);
    vm.bound_method(f, Value::Obj(task.clone()))
}

fn wakeup_native(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let (Some(Value::Obj(t)), Some(f)) = (args.pos.first(), args.pos.get(1)) {
        future::task_wakeup_value(vm, t, f);
    }
    Ok(Value::None)
}

fn this_future<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(&'a FutureObj, Rc<Object>)> {
    match args.pos.first() {
        Some(v @ Value::Obj(o)) => match future_of(v) {
            Some(f) => Ok((f, o.clone())),
            None => Err(vm.new_error("TypeError", "descriptor requires a Future")),
        },
        _ => Err(vm.new_error("TypeError", "descriptor requires a Future")),
    }
}

fn running_or_event_loop(vm: &mut Vm) -> PyResult<Value> {
    if !vm.running_loop.is_none() {
        return Ok(vm.running_loop.clone());
    }
    m_get_event_loop(vm, Args::new(&[]))
}

fn future_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let loop_obj = match args.kwarg("loop") {
        Some(l) if !l.is_none() => l.clone(),
        _ => running_or_event_loop(vm)?,
    };
    if !matches!(loop_obj, Value::Obj(_)) {
        // CPython's `Future.__init__` calls `loop.get_debug()`: anything but an object fails
        // there (`'int' object has no attribute 'get_debug'`).
        vm.get_attr(&loop_obj, &Value::str("get_debug"))?;
    }
    let cls = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => Aio::classes(vm).future.clone(),
    };
    Ok(Value::Obj(future::new_future_of(vm, cls, loop_obj)))
}

fn future_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `Future.__await__()` / `__iter__()`: the future drives its own await (`yield from fut`).
fn fut_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, o) = this_future(vm, &args)?;
    Ok(Value::Obj(o))
}

fn fut_make_cancelled_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    Ok(Value::Obj(f.make_cancelled_error(vm)))
}

fn task_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let coro = args.pos.get(1).cloned().unwrap_or(Value::None);
    let loop_obj = match args.kwarg("loop") {
        Some(l) if !l.is_none() => l.clone(),
        _ => running_or_event_loop(vm)?,
    };
    let name = args.kwarg("name").cloned().unwrap_or(Value::None);
    let context = args.kwarg("context").cloned().unwrap_or(Value::None);
    Ok(Value::Obj(new_task_in(vm, &loop_obj, coro, name, context)?))
}

fn fut_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    f.result(vm)
}

fn fut_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    f.exception(vm)
}

fn fut_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    Ok(Value::Bool(f.done()))
}

fn fut_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    Ok(Value::Bool(f.st.borrow().state == future::State::Cancelled))
}

fn fut_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, o) = this_future(vm, &args)?;
    let msg = args.pos.get(1).or(args.kwarg("msg")).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(f.cancel_future(vm, &o, msg)))
}

fn fut_add_done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, o) = this_future(vm, &args)?;
    let cb = args.pos.get(1).cloned().unwrap_or(Value::None);
    f.add_done_callback(vm, &o, DoneCallback::Py(cb));
    Ok(Value::None)
}

fn fut_remove_done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    let cb = args.pos.get(1).cloned().unwrap_or(Value::None);
    let callbacks = f.st.borrow().callbacks.clone().into_vec();
    let mut kept = Vec::new();
    let mut removed = 0;
    for c in callbacks {
        let same = match &c {
            DoneCallback::Py(p) => p.is(&cb) || vm.eq(p, &cb)?,
            DoneCallback::Wakeup(_) | DoneCallback::Gather(_) => false,
        };
        if same {
            removed += 1;
        } else {
            kept.push(c);
        }
    }
    f.st.borrow_mut().callbacks = kept.into();
    Ok(Value::Int(removed))
}

fn fut_set_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, o) = this_future(vm, &args)?;
    f.set_result(vm, &o, args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn fut_set_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, o) = this_future(vm, &args)?;
    f.set_exception(vm, &o, args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn fut_get_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    Ok(f.loop_obj())
}

fn task_cancel_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, o) = this_future(vm, &args)?;
    let msg = args.pos.get(1).or(args.kwarg("msg")).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(task_cancel(vm, &o, msg)?))
}

fn task_set_result(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.new_error("RuntimeError", "Task does not support set_result operation"))
}

fn task_set_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.new_error("RuntimeError", "Task does not support set_exception operation"))
}

fn task_cancelling(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    Ok(Value::Int(f.task().map(|t| t.num_cancels_requested.get()).unwrap_or(0) as i64))
}

fn task_uncancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    let Some(t) = f.task() else { return Ok(Value::Int(0)) };
    let n = t.num_cancels_requested.get().saturating_sub(1);
    t.num_cancels_requested.set(n);
    Ok(Value::Int(n as i64))
}

fn task_get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    Ok(f.task().map(|t| t.get_name()).unwrap_or(Value::None))
}

fn task_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let s = Value::string(vm.str_of(&v)?);
    if let Some(t) = f.task() {
        t.set_name(s);
    }
    Ok(Value::None)
}

fn task_get_coro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    Ok(f.task().map(|t| t.script_coro(vm)).unwrap_or(Value::None))
}

fn handle_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first().and_then(handle_of) {
        Some(h) => {
            cancel_handle(h);
            Ok(Value::None)
        }
        None => Err(vm.new_error("TypeError", "descriptor requires a Handle")),
    }
}

fn handle_cancelled(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(args.pos.first().and_then(handle_of).is_some_and(|h| h.cancelled.get())))
}

fn handle_when(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().and_then(handle_of).and_then(|h| h.when).map(Value::Float).unwrap_or(Value::None))
}

fn this_loop<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(&'a event_loop::LoopObj, &'a Value)> {
    match args.pos.first() {
        Some(v) => match loop_of(v) {
            Some(l) => Ok((l, v)),
            None => Err(vm.new_error("TypeError", "descriptor requires an event loop")),
        },
        None => Err(vm.new_error("TypeError", "descriptor requires an event loop")),
    }
}

/// `this_loop` for the methods that start with CPython's `_check_closed()`.
fn open_loop<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(&'a event_loop::LoopObj, &'a Value)> {
    let (l, lv) = this_loop(vm, args)?;
    if l.closed.get() {
        return Err(vm.new_error("RuntimeError", "Event loop is closed"));
    }
    Ok((l, lv))
}

fn loop_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = this_loop(vm, &args)?;
    Ok(Value::Float(l.el.borrow().time()))
}

fn check_callable(vm: &mut Vm, f: &Value, what: &str) -> PyResult<()> {
    let callable = match f {
        Value::Func(_) | Value::Class(_) => true,
        Value::Obj(o) => {
            matches!(o.payload, Payload::Native(_) | Payload::NativeClosure(..) | Payload::BoundMethod(..))
                || o.class.lookup("__call__").is_some()
        }
        _ => false,
    };
    if callable {
        Ok(())
    } else {
        let r = vm.repr(f)?;
        Err(vm.new_error("TypeError", &format!("a callable object was expected by {what}(), got {r}")))
    }
}

/// A new handle, made to run in the `context=` keyword argument when one is given.
fn with_given_context(h: Rc<Object>, args: &Args) -> Value {
    let hv = Value::Obj(h);
    if let (Some(ctx), Some(ho)) = (args.kwarg("context").filter(|c| !c.is_none()), handle_of(&hv)) {
        *ho.context.borrow_mut() = ctx.clone();
    }
    hv
}

/// `loop.call_soon(callback, *args)`. Like CPython outside debug mode, the callback is not
/// checked here: a non-callable fails when the handle runs, reported by the exception handler.
fn loop_call_soon(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = open_loop(vm, &args)?;
    let f = args.pos.get(1).cloned().unwrap_or(Value::None);
    let rest = args.pos.get(2..).unwrap_or(&[]).to_vec();
    Ok(with_given_context(call_soon(vm, l, f, rest), &args))
}

fn loop_call_later(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, lv) = this_loop(vm, &args)?;
    let delay = args.pos.get(1).unwrap_or(&Value::None);
    if delay.is_none() {
        return Err(vm.new_error("TypeError", "delay must not be None"));
    }
    let delay = crate::builtins::to_float(vm, delay)?;
    let f = args.pos.get(2).cloned().unwrap_or(Value::None);
    open_loop(vm, &args)?;
    let when = l.el.borrow().time() + delay;
    Ok(with_given_context(call_at(vm, lv, when, f, args.pos.get(3..).unwrap_or(&[]).to_vec()), &args))
}

fn loop_call_at(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, lv) = this_loop(vm, &args)?;
    let when = args.pos.get(1).unwrap_or(&Value::None);
    if when.is_none() {
        return Err(vm.new_error("TypeError", "when cannot be None"));
    }
    let when = crate::builtins::to_float(vm, when)?;
    let f = args.pos.get(2).cloned().unwrap_or(Value::None);
    open_loop(vm, &args)?;
    Ok(with_given_context(call_at(vm, lv, when, f, args.pos.get(3..).unwrap_or(&[]).to_vec()), &args))
}

fn loop_create_future(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, lv) = this_loop(vm, &args)?;
    Ok(Value::Obj(new_future(vm, lv.clone())))
}

fn loop_create_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, lv) = open_loop(vm, &args)?;
    let coro = args.pos.get(1).cloned().unwrap_or(Value::None);
    let name = args.kwarg("name").cloned().unwrap_or(Value::None);
    let context = args.kwarg("context").cloned().unwrap_or(Value::None);
    Ok(Value::Obj(new_task_in(vm, lv, coro, name, context)?))
}

fn loop_run_until_complete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, lv) = this_loop(vm, &args)?;
    let fut = args.pos.get(1).cloned().unwrap_or(Value::None);
    run_until_complete(vm, lv, &fut)
}

fn loop_run_forever(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, lv) = this_loop(vm, &args)?;
    run_forever(vm, lv, None)?;
    Ok(Value::None)
}

fn loop_stop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = this_loop(vm, &args)?;
    l.stopping.set(true);
    l.el.borrow_mut().set_stopping(true);
    Ok(Value::None)
}

fn run_until_complete_cb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(f) = args.pos.first().and_then(future_of) {
        // CPython's issue #22429: a SystemExit/KeyboardInterrupt already ended run_forever;
        // stopping again would cut short the next run (asyncio.run's shutdown).
        let exc = f.st.borrow().exception();
        if exc.is_some_and(|e| handler::fatal(vm, &e)) {
            return Ok(Value::None);
        }
        let lv = f.loop_obj();
        if let Some(l) = loop_of(&lv) {
            l.stopping.set(true);
            l.el.borrow_mut().set_stopping(true);
        }
    }
    Ok(Value::None)
}

fn loop_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, lv) = this_loop(vm, &args)?;
    if l.running.get() {
        return Err(vm.new_error("RuntimeError", "Cannot close a running event loop"));
    }
    l.closed.set(true);
    // What never ran is dropped, as CPython's close() clears its queues: tasks still
    // pending (a shutdown cut short, e.g. by MemoryError) must not stay alive with the loop.
    let dropped = l.el.borrow_mut().take_callbacks();
    drop(dropped);
    #[cfg(target_os = "linux")]
    crate::net::signals::close_all(vm, lv);
    handler::report_unretrieved(vm, lv, l)?;
    Ok(Value::None)
}

fn loop_is_running(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = this_loop(vm, &args)?;
    Ok(Value::Bool(l.running.get()))
}

fn loop_is_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = this_loop(vm, &args)?;
    Ok(Value::Bool(l.closed.get()))
}

fn loop_get_debug(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn loop_set_debug(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn loop_call_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, lv) = this_loop(vm, &args)?;
    let ctx = args.pos.get(1).cloned().unwrap_or(Value::None);
    handler::call_exception_handler(vm, lv, ctx)?;
    Ok(Value::None)
}

fn loop_default_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_loop(vm, &args)?;
    let ctx = args.pos.get(1).cloned().unwrap_or(Value::None);
    handler::default_exception_handler(vm, &ctx)?;
    Ok(Value::None)
}

fn loop_set_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = this_loop(vm, &args)?;
    let handler = args.pos.get(1).cloned().unwrap_or(Value::None);
    if !matches!(handler, Value::None) && !vm.is_callable(&handler) {
        let r = vm.repr(&handler)?;
        let msg = format!("A callable object or None is expected, got {r}");
        return Err(vm.new_error("TypeError", &msg));
    }
    *l.exception_handler.borrow_mut() = handler;
    Ok(Value::None)
}

fn loop_get_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = this_loop(vm, &args)?;
    Ok(l.exception_handler.borrow().clone())
}

/// `loop.run_in_executor(executor, func, *args)` (the executor must be None: gyre has one
/// blocking pool per loop).
fn loop_run_in_executor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, lv) = this_loop(vm, &args)?;
    let func = args.pos.get(2).cloned().unwrap_or(Value::None);
    check_callable(vm, &func, "run_in_executor")?;
    external::run_in_executor(vm, lv, &func, args.pos.get(3..).unwrap_or(&[]).to_vec())
}

/// The async generators started on the loop and still alive; forgets them.
fn loop_take_asyncgens(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, _) = this_loop(vm, &args)?;
    let live: Vec<Value> = std::mem::take(&mut *l.asyncgen_hooks.registry.borrow_mut())
        .iter()
        .filter_map(|w| w.upgrade())
        .map(Value::Obj)
        .collect();
    Ok(Value::list(live))
}

/// `_add_loop_methods(name=function, ...)`: the loop methods written in gyre
/// (`stdlib/asyncio/base_events.py`) join the native loop class, which scripts cannot
/// modify themselves.
fn m_add_loop_methods(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = Aio::classes(vm).event_loop.clone();
    add_methods(&cls, &args);
    Ok(Value::None)
}

/// `_asyncio._add_task_methods(**methods)`: Task methods written in gyre (`get_stack`).
fn m_add_task_methods(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = Aio::classes(vm).task.clone();
    add_methods(&cls, &args);
    Ok(Value::None)
}

/// Sets each keyword argument as an attribute of the native class `cls`.
fn add_methods(cls: &Rc<Class>, args: &Args) {
    for (name, f) in args.kw.iter() {
        cls.set_attr(name.as_str().unwrap_or(""), f.clone());
    }
}

fn m_new_event_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    new_loop(vm)
}

fn m_get_running_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    if vm.running_loop.is_none() {
        return Err(vm.new_error("RuntimeError", "no running event loop"));
    }
    Ok(vm.running_loop.clone())
}

/// `asyncio.create_task(coro, *, name=None, context=None)`, as CPython 3.11's Python
/// function: `loop.create_task(coro[, context=context])` on the running loop, then
/// `task.set_name(name)`. Native because it runs once per task: the loop's own method is
/// called directly unless a script replaced or overrode it.
fn m_create_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (coro, name, context) = create_task_args(vm, &args)?;
    let lv = m_get_running_loop(vm, Args::new(&[]))?;
    let simple_name = name.is_none() || matches!(name, Value::Str(_));
    if simple_name && has_native_create_task(&lv) {
        return Ok(Value::Obj(new_task_in(vm, &lv, coro, name, context)?));
    }
    let method_name = vm.intern("create_task");
    let (method, this) = vm.load_method(&lv, &method_name)?;
    let pos = if this.is_undef() { vec![coro] } else { vec![this, coro] };
    let kw = if context.is_none() { vec![] } else { vec![(Value::str("context"), context)] };
    let task = vm.call_kw(&method, pos, kw)?;
    if !name.is_none() {
        vm.call_method(&task, "set_name", vec![name])?;
    }
    Ok(task)
}

/// Whether `loop.create_task` is the native method: the loop is of the native class, whose
/// methods scripts cannot replace, and has no instance attributes (one could shadow it).
fn has_native_create_task(lv: &Value) -> bool {
    let (Value::Obj(o), Some(lp)) = (lv, loop_of(lv)) else { return false };
    Rc::ptr_eq(&o.class, &lp.aio.event_loop) && o.dict().is_none_or(|d| d.map.borrow().is_empty())
}

/// The arguments of `create_task(coro, *, name=None, context=None)` with the messages of
/// CPython's Python function: `(coro, name, context)`.
fn create_task_args(vm: &mut Vm, args: &Args) -> PyResult<(Value, Value, Value)> {
    if args.pos.len() > 1 {
        let msg = format!("create_task() takes 1 positional argument but {} were given", args.pos.len());
        return Err(vm.new_error("TypeError", &msg));
    }
    let mut coro = args.pos.first().cloned();
    let (mut name, mut context) = (Value::None, Value::None);
    for (k, v) in args.kw.iter() {
        match k.as_str() {
            Some("coro") if coro.is_some() => {
                return Err(
                    vm.new_error("TypeError", "create_task() got multiple values for argument 'coro'")
                );
            }
            Some("coro") => coro = Some(v.clone()),
            Some("name") => name = v.clone(),
            Some("context") => context = v.clone(),
            k => {
                let msg = format!("create_task() got an unexpected keyword argument '{}'", k.unwrap_or(""));
                return Err(vm.new_error("TypeError", &msg));
            }
        }
    }
    let Some(coro) = coro else {
        return Err(vm.new_error("TypeError", "create_task() missing 1 required positional argument: 'coro'"));
    };
    Ok((coro, name, context))
}

fn m_get_running_loop_opt(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.running_loop.clone())
}

/// The loop `get_event_loop()` answers outside a running loop (CPython's policy keeps it
/// per thread; gyre runs scripts on one thread).
#[derive(Default)]
struct CurrentLoop {
    /// The loop set by `set_event_loop` (or created on first demand).
    loop_obj: Value,
    /// `set_event_loop` was called: no loop is created implicitly any more.
    set_called: bool,
}

const CURRENT_LOOP_KEY: &str = "asyncio.current_loop";

fn current_loop(vm: &mut Vm) -> Rc<RefCell<CurrentLoop>> {
    if let Some(c) =
        vm.ext_state.get(CURRENT_LOOP_KEY).and_then(|s| s.clone().downcast::<RefCell<CurrentLoop>>().ok())
    {
        return c;
    }
    let c = Rc::new(RefCell::new(CurrentLoop { loop_obj: Value::None, set_called: false }));
    vm.ext_state.insert(CURRENT_LOOP_KEY, c.clone() as Rc<dyn Any>);
    c
}

/// Ends a run that a limit stopped for good (deadline, fuel, a final memory limit; see
/// `src/vm/memory.rs`): the script's own shutdown (`asyncio.run`'s `finally`) was cut short,
/// so the current loop, unless running, is closed and unset as that shutdown would have done.
/// Its pending tasks are then freed (by the caller's collection) instead of pinning their
/// memory over the limit, which would refuse the next run. True when a loop was closed.
pub fn close_abandoned_loop(vm: &mut Vm) -> bool {
    let Some(cur) =
        vm.ext_state.get(CURRENT_LOOP_KEY).and_then(|s| s.clone().downcast::<RefCell<CurrentLoop>>().ok())
    else {
        return false;
    };
    let lp_obj = cur.borrow().loop_obj.clone();
    let Some(l) = loop_of(&lp_obj) else { return false };
    if l.running.get() {
        return false;
    }
    l.closed.set(true);
    let dropped = l.el.borrow_mut().take_callbacks();
    drop(dropped);
    *cur.borrow_mut() = CurrentLoop { loop_obj: Value::None, set_called: true };
    true
}

/// `asyncio.get_event_loop()`: the running loop, else the current one (created on first
/// use unless `set_event_loop` was called).
fn m_get_event_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    if !vm.running_loop.is_none() {
        return Ok(vm.running_loop.clone());
    }
    let cur = current_loop(vm);
    let (lp, set_called) = {
        let c = cur.borrow();
        (c.loop_obj.clone(), c.set_called)
    };
    if lp.is_none() && !set_called {
        let l = new_loop(vm)?;
        *cur.borrow_mut() = CurrentLoop { loop_obj: l.clone(), set_called: true };
        return Ok(l);
    }
    if lp.is_none() {
        return Err(vm.new_error("RuntimeError", "There is no current event loop in thread 'MainThread'."));
    }
    Ok(lp)
}

/// `asyncio.set_event_loop(loop)`.
fn m_set_event_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = args.pos.first().cloned().unwrap_or(Value::None);
    if !l.is_none() && loop_of(&l).is_none() {
        let t = vm.type_name(&l);
        return Err(vm.new_error(
            "TypeError",
            &format!("loop must be an instance of AbstractEventLoop or None, not '{t}'"),
        ));
    }
    *current_loop(vm).borrow_mut() = CurrentLoop { loop_obj: l, set_called: true };
    Ok(Value::None)
}

fn loop_arg(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first().or(args.kwarg("loop")) {
        Some(l) if !l.is_none() => Ok(l.clone()),
        _ => m_get_running_loop(vm, Args::new(&[])),
    }
}

fn m_current_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lv = loop_arg(vm, &args)?;
    Ok(loop_of(&lv).map(|l| l.current_task.borrow().clone()).unwrap_or(Value::None))
}

fn m_all_tasks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lv = loop_arg(vm, &args)?;
    let tasks = pending_tasks(&lv);
    vm.new_set(tasks)
}

/// `_pending_tasks(loop)`: like `all_tasks()`, as a list in creation order (what the
/// shutdown in `asyncio.run` cancels; CPython's set order follows object addresses, which
/// for a few tasks is creation order too).
fn m_pending_tasks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lv = loop_arg(vm, &args)?;
    Ok(Value::list(pending_tasks(&lv)))
}

/// `_task_context(task)`: the Context the task's steps run in (None while it is the empty
/// one), for `Runner` to keep one context across its runs.
fn m_task_context(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = this_future(vm, &args)?;
    Ok(f.task().map_or(Value::None, |t| t.context()))
}

/// The loop's unfinished tasks in creation order (finished ones leave the registry).
fn pending_tasks(lv: &Value) -> Vec<Value> {
    let Some(l) = loop_of(lv) else { return Vec::new() };
    let tasks = l.tasks.borrow().in_order();
    tasks.into_iter().map(Value::Obj).collect()
}

fn m_iscoroutine(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::Bool(future::is_coroutine(&v)))
}

/// `asyncio.iscoroutinefunction(f)`.
pub(crate) fn m_iscoroutinefunction(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut f = args.pos.first().cloned().unwrap_or(Value::None);
    // Bound methods and functools.partial objects answer for the function they wrap.
    for _ in 0..MAX_UNWRAP {
        f = match &f {
            Value::Func(func) => {
                return Ok(Value::Bool(func.code.code.kind == crate::compiler::bytecode::CodeKind::Coroutine))
            }
            Value::Obj(o) => match &o.payload {
                Payload::BoundMethod(inner, _) => inner.clone(),
                _ if o.class.name() == "partial" => vm.get_attr(&f, &Value::str("func"))?,
                _ => break,
            },
            _ => break,
        };
    }
    Ok(Value::Bool(false))
}

/// How many wrappers (bound methods, partials) `iscoroutinefunction` looks through.
const MAX_UNWRAP: usize = 16;

fn m_isfuture(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(args.pos.first().is_some_and(future::is_future)))
}

/// Keeps `cancel_any` available to the stdlib glue.
pub fn cancel(vm: &mut Vm, fut: &Rc<Object>, msg: Value) -> PyResult<bool> {
    cancel_any(vm, fut, msg)
}
