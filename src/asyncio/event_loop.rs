//! The asyncio event loop object: `call_soon`/`call_later`/`call_at`, handles, and
//! `run_until_complete`/`run_forever` over the runtime's `EventLoop`, one `_run_once` at a
//! time, exactly as CPython's `BaseEventLoop` does.
//!
//! Three ways to drive a loop:
//! - `run_forever`/`run_until_complete` (the CLI, `asyncio.run`): block in the poll until
//!   something is due; a loop that can never be woken again raises the deadlock report
//!   (`deadlock.rs`);
//! - [`run_until`] (the REPL): like `run_forever` but the host decides when to stop and an
//!   idle loop just blocks (the host wakes it through the inbox);
//! - `host::run_until_stalled` (embedders on their own runtime): never blocks; the host
//!   waits on the poll descriptor or the next timer itself.
//!
//! Extension points: sockets register reader/writer callbacks on the runtime `EventLoop`
//! (`crate::net` keeps its own per-loop state in [`LoopObj::net`]); work finishing on other
//! threads or in the host reports through the inbox (`external.rs`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::future::{future_of, new_task, task_step, task_wakeup, DoneCallback};
use super::handler::{call_exception_handler, context, report_unretrieved};
use super::Aio;
use crate::runtime::clock::Clock;
use crate::runtime::event_loop::EventLoop;
use crate::runtime::timers::TimerId;
use crate::vm::ext::Ext;
use crate::vm::object::{Object, Payload};
use crate::vm::{AsyncGenHooks, Exc, PyResult, Value, Vm};

/// A message from another thread (thread-pool completions, host wakes).
pub enum Msg {
    /// Wake the loop so it re-checks its state.
    Wake,
    /// A host future was woken: poll it (see `host`).
    PollHost(u64),
    /// A blocking job (`crate::net::jobs`) finished: its id and its plain-data output.
    Job(u64, crate::net::JobOutput),
    /// The outside work registered under this token is done (see `external.rs`).
    Done(u64, super::external::WorkResult),
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Msg::Wake => f.write_str("Wake"),
            Msg::PollHost(id) => write!(f, "PollHost({id})"),
            Msg::Job(id, _) => write!(f, "Job({id})"),
            Msg::Done(token, _) => write!(f, "Done({token})"),
        }
    }
}

impl From<crate::runtime::threads::JobPanicked> for Msg {
    fn from(_: crate::runtime::threads::JobPanicked) -> Msg {
        // Jobs catch their own panics and report under their token; this only wakes.
        Msg::Wake
    }
}

/// One scheduled callback.
#[derive(Clone, Debug)]
pub enum Cb {
    /// `task.__step(exc)`.
    Step(Rc<Object>, Option<Exc>),
    /// `task.__wakeup(future)`.
    Wakeup(Rc<Object>, Rc<Object>),
    /// A `Handle`/`TimerHandle` (script callback with arguments).
    Handle(Rc<Object>),
    /// An inbox message turned into a callback (taken when it runs).
    Message(Rc<RefCell<Option<Msg>>>),
    /// The timer of `sleep(d > 0)`: resolve it unless cancelled, waking its task.
    SleepDone(super::sleep::SleepTimer),
    /// The timer of a task parked on it by `sleep(d > 0)` with no sleep object (see
    /// `sleep::park_on_timer`).
    SleepTask(Rc<Object>),
    /// `loop.create_task(agen.aclose())` for an async generator dropped unfinished (the
    /// finalizer hook's `call_soon_threadsafe`).
    FinalizeAsyncGen(Rc<Object>),
    /// `gather`'s done callback for a child: (gather state, child).
    Gather(Rc<Object>, Rc<Object>),
}

impl From<Msg> for Cb {
    fn from(m: Msg) -> Cb {
        Cb::Message(Rc::new(RefCell::new(Some(m))))
    }
}

/// The loop object's state.
#[derive(Debug)]
pub struct LoopObj {
    /// The runtime loop: ready queue, timers, reactor.
    pub el: RefCell<EventLoop<Cb, Msg>>,
    /// The asyncio classes, at hand while this loop runs (`Aio::classes` would otherwise
    /// hash its way to them on every task step).
    pub aio: Rc<super::Aio>,
    /// The task being stepped (`current_task()`).
    pub current_task: RefCell<Value>,
    /// Every task created on this loop (weakly; pruned when they finish).
    pub tasks: RefCell<super::registry::TaskRegistry>,
    /// True inside `run_forever`.
    pub running: Cell<bool>,
    /// True after `close()`.
    pub closed: Cell<bool>,
    /// Set by `stop()`.
    pub stopping: Cell<bool>,
    /// KeyboardInterrupt/SystemExit raised by a task: re-raised out of the loop.
    pub fatal: RefCell<Option<Exc>>,
    /// The custom exception handler, or None.
    pub exception_handler: RefCell<Value>,
    /// Rust futures scripts await on this loop (see `host`).
    pub host: RefCell<super::host::HostFutures>,
    /// Sockets' reader/writer handles, blocking jobs and the shared receive buffer.
    pub net: crate::net::LoopNet,
    /// Async generators started on this loop, and those dropped unfinished (PEP 525 hooks).
    pub asyncgen_hooks: AsyncGenHooks,
    /// Futures dropped with an exception nobody retrieved, to report.
    pub unretrieved: RefCell<Vec<super::future::FutureObj>>,
    /// Work done off the loop thread: continuations by token, the blocking pool.
    pub external: super::external::ExternalWork,
    /// Tasks finished since freed memory was last returned to the OS.
    pub finished_since_trim: Cell<usize>,
}

/// After this many tasks finished, the loop returns free memory to the OS when it next goes
/// idle: a burst of a million tasks then leaves no resident pages behind, while the cost of
/// a trim (a walk over the allocator's free lists) stays negligible per task.
const TRIM_AFTER_FINISHED_TASKS: usize = 1 << 16;

impl Ext for LoopObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn repr(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        let _ = vm;
        Ok(Some(format!(
            "<_UnixSelectorEventLoop running={} closed={} debug=False at {:#x}>",
            if self.running.get() { "True" } else { "False" },
            if self.closed.get() { "True" } else { "False" },
            this.id()
        )))
    }
}

/// The loop state behind a loop value.
pub fn loop_of(v: &Value) -> Option<&LoopObj> {
    match v.payload()? {
        Payload::Ext(e) => e.as_any().downcast_ref::<LoopObj>(),
        _ => None,
    }
}

/// Creates a loop object.
pub fn new_loop(vm: &mut Vm) -> PyResult<Value> {
    let clock = match vm.virtual_clock {
        Some(now) => Clock::virtual_at(now),
        // `time.monotonic()` counts from the VM's start: so does `loop.time()`, as in CPython
        // where both read the same clock (`timeout_at(time.monotonic() + d)` works).
        None => Clock::Real { origin: std::time::Instant::now(), start: vm.monotonic() },
    };
    let el = EventLoop::new(clock).map_err(|e| vm.new_error("OSError", &e.to_string()))?;
    let aio = super::Aio::classes(vm);
    let obj = LoopObj {
        el: RefCell::new(el),
        aio: aio.clone(),
        current_task: RefCell::new(Value::None),
        tasks: RefCell::new(super::registry::TaskRegistry::default()),
        running: Cell::new(false),
        closed: Cell::new(false),
        stopping: Cell::new(false),
        fatal: RefCell::new(None),
        exception_handler: RefCell::new(Value::None),
        host: RefCell::default(),
        net: crate::net::LoopNet::default(),
        asyncgen_hooks: AsyncGenHooks::default(),
        unretrieved: RefCell::new(Vec::new()),
        external: Default::default(),
        finished_since_trim: Cell::new(0),
    };
    let lp = Value::Obj(Object::with_dict(aio.event_loop.clone(), Payload::Ext(Box::new(obj))));
    log_selector(vm)?;
    Ok(lp)
}

/// CPython's selector loop logs `Using selector: EpollSelector` at DEBUG on the `asyncio`
/// logger when it is made; a script that configured logging sees that line. Nothing to do
/// while `logging` is not imported (no handler could show it).
fn log_selector(vm: &mut Vm) -> PyResult<()> {
    let Some(logging) = vm.module_get("logging") else { return Ok(()) };
    let logger = vm.call_method(&logging, "getLogger", vec![Value::str("asyncio")])?;
    let debug_on = vm.call_method(&logger, "isEnabledFor", vec![Value::Int(10)])?;
    if vm.truthy(&debug_on)? {
        vm.call_method(
            &logger,
            "debug",
            vec![Value::str("Using selector: %s"), Value::str("EpollSelector")],
        )?;
    }
    Ok(())
}

/// A scheduled callback with its arguments (`asyncio.Handle` / `TimerHandle`).
#[derive(Debug)]
pub struct HandleObj {
    /// The callable.
    pub callback: Value,
    /// Its arguments.
    pub args: Vec<Value>,
    /// Set by `cancel()`.
    pub cancelled: Cell<bool>,
    /// The deadline, for timer handles.
    pub when: Option<f64>,
    /// The timer, for timer handles.
    pub timer: Cell<Option<TimerId>>,
    /// The loop (for cancelling timers).
    pub loop_obj: RefCell<Value>,
    /// The context the callback runs in: a copy of the one current when the handle was
    /// made, or the `context=` given to `call_soon`/`call_later`/`call_at`.
    pub context: RefCell<Value>,
}

impl Ext for HandleObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    /// The callback may hold the handle (a closure that cancels it): the collector breaks
    /// such cycles at the closure's cells.
    fn gc_traverse(&self, tracer: &mut crate::vm::gc::Tracer<'_>) -> bool {
        tracer.value(&self.callback);
        self.args.iter().for_each(|a| tracer.value(a));
        tracer.value(&self.context.borrow());
        true
    }

    /// `Handle._repr_info`: a cancelled handle has forgotten its callback.
    fn repr(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        let mut info = vec![vm.type_name(this)];
        if self.cancelled.get() {
            info.push("cancelled".into());
        }
        if let Some(w) = self.when {
            info.push(format!("when={}", crate::text::float_repr::repr_f64(w)));
        }
        if !self.cancelled.get() {
            info.push(super::format::callback_source(vm, &self.callback, &self.args)?);
        }
        Ok(Some(format!("<{}>", info.join(" "))))
    }
}

/// The handle state behind a value.
pub fn handle_of(v: &Value) -> Option<&HandleObj> {
    match v.payload()? {
        Payload::Ext(e) => e.as_any().downcast_ref::<HandleObj>(),
        _ => None,
    }
}

/// What a new handle runs in: a copy of the current context, or None (the empty context)
/// when no variable is set in it, which needs no copy.
fn handle_context(current: &Value) -> Value {
    let Value::Obj(ctx) = current else { return Value::None };
    match ctx.get_attr("_data") {
        Some(Value::Dict(d)) if d.map.borrow().is_empty() => Value::None,
        _ => super::future::copy_context(current),
    }
}

/// Makes a Handle (or a TimerHandle when `when` is given).
pub fn new_handle(vm: &mut Vm, callback: Value, args: Vec<Value>, when: Option<f64>) -> Rc<Object> {
    let classes = Aio::classes(vm);
    let cls = if when.is_some() { classes.timer_handle.clone() } else { classes.handle.clone() };
    let h = HandleObj {
        callback,
        args,
        cancelled: Cell::new(false),
        when,
        timer: Cell::new(None),
        loop_obj: RefCell::new(Value::None),
        context: RefCell::new(handle_context(&vm.context)),
    };
    Object::new(cls, Payload::Ext(Box::new(h)))
}

/// `loop.call_soon(callback, *args)`.
pub fn call_soon(vm: &mut Vm, lp: &LoopObj, callback: Value, args: Vec<Value>) -> Rc<Object> {
    finalize_dropped_asyncgens(vm, lp);
    let h = new_handle(vm, callback, args, None);
    lp.el.borrow_mut().call_soon(Cb::Handle(h.clone()));
    h
}

/// `loop.call_at(when, callback, *args)`.
pub fn call_at(vm: &mut Vm, loop_obj: &Value, when: f64, callback: Value, args: Vec<Value>) -> Rc<Object> {
    let h = new_handle(vm, callback, args, Some(when));
    if let (Some(lp), Some(ho)) = (loop_of(loop_obj), handle_of(&Value::Obj(h.clone()))) {
        let id = lp.el.borrow_mut().call_at(when, Cb::Handle(h.clone()));
        ho.timer.set(Some(id));
        *ho.loop_obj.borrow_mut() = loop_obj.clone();
    }
    h
}

/// `handle.cancel()`.
pub fn cancel_handle(h: &HandleObj) {
    if h.cancelled.replace(true) {
        return;
    }
    if let Some(id) = h.timer.get() {
        if let Some(lp) = loop_of(&h.loop_obj.borrow()) {
            lp.el.borrow_mut().cancel_timer(id);
        }
    }
}

/// Runs one callback.
fn run_callback(vm: &mut Vm, loop_obj: &Value, cb: Cb) {
    match cb {
        Cb::Step(task, exc) => task_step(vm, &task, exc),
        Cb::Wakeup(task, fut) => task_wakeup(vm, &task, fut),
        Cb::Handle(h) => {
            let hv = Value::Obj(h.clone());
            let Some(ho) = handle_of(&hv) else { return };
            if ho.cancelled.get() {
                return;
            }
            // Most handles have no arguments (a bound method): no `Vec` clone for them.
            let args = if ho.args.is_empty() { Vec::new() } else { ho.args.clone() };
            let f = ho.callback.clone();
            let prev_context = std::mem::replace(&mut vm.context, ho.context.borrow().clone());
            let result = vm.call(&f, args);
            vm.context = prev_context;
            if let Err(e) = result {
                if super::handler::fatal(vm, &e) {
                    set_fatal(loop_obj, e);
                    return;
                }
                let args = ho.args.clone();
                let cb = super::format::callback_source(vm, &f, &args).unwrap_or_default();
                let ctx = context(
                    vm,
                    vec![
                        ("message", Value::string(format!("Exception in callback {cb}"))),
                        ("exception", Value::Obj(e)),
                        ("handle", hv),
                    ],
                );
                handle_report(vm, loop_obj, ctx);
            }
        }
        Cb::SleepDone(timer) => super::sleep::sleep_done(timer),
        Cb::SleepTask(task) => super::future::sleep_timer_fired(vm, task),
        Cb::Gather(state, fut) => super::gather::child_done(vm, &state, &fut),
        Cb::Message(m) => {
            let msg = m.borrow_mut().take();
            match (msg, loop_of(loop_obj)) {
                (Some(Msg::Job(id, out)), _) => crate::net::jobs::finish(vm, loop_obj, id, out),
                (Some(Msg::PollHost(id)), Some(lp)) => super::host::poll(vm, lp, id),
                (Some(msg), Some(lp)) => lp.complete_external(vm, msg),
                _ => {}
            }
        }
        Cb::FinalizeAsyncGen(agen) => {
            let close = vm.async_gen_op(&agen, crate::vm::object::AsyncGenOpKind::Close);
            if let Err(e) = new_task(vm, loop_obj, close, Value::None) {
                let ctx = context(
                    vm,
                    vec![
                        ("message", Value::str("Exception in callback finalizing an async generator")),
                        ("exception", Value::Obj(e)),
                    ],
                );
                handle_report(vm, loop_obj, ctx);
            }
        }
    }
}

/// Queues the closing of async generators dropped unfinished since the last call, as
/// CPython's finalizer hook does with `call_soon_threadsafe` at the moment of the drop.
#[inline]
pub(crate) fn finalize_dropped_asyncgens(vm: &mut Vm, lp: &LoopObj) {
    if !lp.asyncgen_hooks.graveyard.borrow().is_empty() {
        queue_dropped_asyncgens(vm, lp);
    }
}

#[cold]
fn queue_dropped_asyncgens(vm: &mut Vm, lp: &LoopObj) {
    let dropped = std::mem::take(&mut *lp.asyncgen_hooks.graveyard.borrow_mut());
    for g in dropped {
        let agen = Object::new(vm.types.async_generator.clone(), Payload::Generator(g));
        lp.el.borrow_mut().call_soon(Cb::FinalizeAsyncGen(agen));
    }
}

/// Runs the exception handler; a SystemExit/KeyboardInterrupt it raises stops the loop.
fn handle_report(vm: &mut Vm, loop_obj: &Value, ctx: Value) {
    if let Err(e) = call_exception_handler(vm, loop_obj, ctx) {
        set_fatal(loop_obj, e);
    }
}

/// Stops the loop with an exception to propagate out of `run_forever`.
fn set_fatal(loop_obj: &Value, e: Exc) {
    if let Some(lp) = loop_of(loop_obj) {
        *lp.fatal.borrow_mut() = Some(e);
    }
}

/// What callbacks left behind: async generators to finalize, exceptions never retrieved.
pub(crate) fn after_callback(vm: &mut Vm, loop_obj: &Value, lp: &LoopObj) {
    finalize_dropped_asyncgens(vm, lp);
    if let Err(e) = report_unretrieved(vm, loop_obj, lp) {
        set_fatal(loop_obj, e);
    }
}

/// One `_run_once` iteration. Returns a fatal exception to propagate, if any.
fn run_once(vm: &mut Vm, loop_obj: &Value, lp: &LoopObj) -> PyResult<()> {
    after_callback(vm, loop_obj, lp);
    if lp.finished_since_trim.get() >= TRIM_AFTER_FINISHED_TASKS && lp.el.borrow().ready_len() == 0 {
        lp.finished_since_trim.set(0);
        lp.el.borrow_mut().shrink_storage();
        lp.tasks.borrow_mut().shrink();
        vm.gc.prune_dead();
        crate::runtime::memory::release_free_memory();
    }
    crate::net::coalesce::flush(vm, lp);
    let n = lp.el.borrow_mut().tick().map_err(|e| vm.new_error("OSError", &e.to_string()))?;
    run_ready(vm, loop_obj, lp, n)
}

/// Runs the `n` callbacks a tick made ready. Returns a fatal exception to propagate, if any.
pub(crate) fn run_ready(vm: &mut Vm, loop_obj: &Value, lp: &LoopObj, n: usize) -> PyResult<()> {
    for _ in 0..n {
        let cb = lp.el.borrow_mut().pop_ready();
        let Some(cb) = cb else { break };
        run_callback(vm, loop_obj, cb);
        after_callback(vm, loop_obj, lp);
        if let Some(e) = lp.fatal.borrow_mut().take() {
            return Err(e);
        }
    }
    Ok(())
}

/// `loop.run_forever()`.
pub fn run_forever(vm: &mut Vm, loop_obj: &Value, until: Option<&Rc<Object>>) -> PyResult<()> {
    let Some(lp) = loop_of(loop_obj) else { return Ok(()) };
    if lp.closed.get() {
        return Err(vm.new_error("RuntimeError", "Event loop is closed"));
    }
    if lp.running.get() {
        return Err(vm.new_error("RuntimeError", "This event loop is already running"));
    }
    if !vm.running_loop.is_none() {
        return Err(vm.new_error("RuntimeError", "Cannot run the event loop while another loop is running"));
    }
    lp.running.set(true);
    vm.running_loop = loop_obj.clone();
    super::host::attach(vm, lp);
    let old_hooks = vm.asyncgen_hooks.replace(lp.asyncgen_hooks.clone());
    let result = loop {
        if let Err(e) = vm.check_limits() {
            break Err(e);
        }
        if is_deadlocked(lp) {
            break Err(super::deadlock::deadlock_error(vm, lp, until));
        }
        if let Err(e) = run_once(vm, loop_obj, lp) {
            break Err(e);
        }
        #[cfg(target_os = "linux")]
        if let Err(e) = crate::net::signals::run_pending(vm) {
            break Err(e);
        }
        if lp.stopping.get() {
            break Ok(());
        }
    };
    // Writes of the last iteration go out before the loop stops being driven.
    crate::net::coalesce::flush(vm, lp);
    super::host::detach(vm, lp);
    lp.stopping.set(false);
    lp.running.set(false);
    vm.running_loop = Value::None;
    vm.asyncgen_hooks = old_hooks;
    result
}

/// Whether nothing can ever happen again: no callback, timer, I/O, blocking job or host
/// future, and no `stop()` pending.
pub(crate) fn is_deadlocked(lp: &LoopObj) -> bool {
    lp.el.borrow().is_idle()
        && !lp.has_external_work()
        && !lp.stopping.get()
        && !lp.has_external_work()
        && lp.net.pending_jobs() == 0
        && lp.host.borrow().is_empty()
}

/// Runs loop iterations until `done(vm)` holds, checking it before each iteration. For a host
/// that waits on the loop and on something else at once (the REPL waits for a statement's task
/// *or* a line from its reader thread): unlike `run_forever`, an idle loop blocks in its poll
/// rather than reporting a deadlock, and whatever the host waits for must wake the poll by
/// posting to the loop's inbox. The caller marks the loop running (`LoopObj::running` and
/// `Vm::running_loop`) for as long as it drives it this way.
pub fn run_until(vm: &mut Vm, loop_obj: &Value, done: &mut dyn FnMut(&mut Vm) -> bool) -> PyResult<()> {
    let Some(lp) = loop_of(loop_obj) else { return Ok(()) };
    while !done(vm) {
        vm.check_limits()?;
        run_once(vm, loop_obj, lp)?;
    }
    crate::net::coalesce::flush(vm, lp);
    Ok(())
}

/// `loop.run_until_complete(future_or_coroutine)`.
pub fn run_until_complete(vm: &mut Vm, loop_obj: &Value, fut: &Value) -> PyResult<Value> {
    if let Some(lp) = loop_of(loop_obj) {
        if lp.closed.get() {
            return Err(vm.new_error("RuntimeError", "Event loop is closed"));
        }
    }
    let future = ensure_future(vm, loop_obj, fut)?;
    let fv = Value::Obj(future.clone());
    let Some(f) = future_of(&fv) else {
        return Err(vm.new_error("TypeError", "An asyncio.Future, a coroutine or an awaitable is required"));
    };
    let stopper = Aio::classes(vm).stop_callback.clone();
    f.add_done_callback(vm, &future, DoneCallback::Py(stopper.clone()));
    let r = run_forever(vm, loop_obj, Some(&future));
    f.st.borrow_mut().callbacks.retain(|c| !matches!(c, DoneCallback::Py(p) if p.is(&stopper)));
    r?;
    if !f.done() {
        return Err(vm.new_error("RuntimeError", "Event loop stopped before Future completed."));
    }
    f.result(vm)
}

/// `ensure_future` for the loop: coroutines become tasks, futures pass through.
pub fn ensure_future(vm: &mut Vm, loop_obj: &Value, v: &Value) -> PyResult<Rc<Object>> {
    if super::future::is_future(v) {
        if let Value::Obj(o) = v {
            return Ok(o.clone());
        }
    }
    if super::future::is_coroutine(v) {
        return new_task(vm, loop_obj, v.clone(), Value::None);
    }
    let r = vm.repr(v)?;
    Err(vm.new_error(
        "TypeError",
        &format!("An asyncio.Future, a coroutine or an awaitable is required, not {r}")
            .replace(&format!(", not {r}"), ""),
    ))
}
