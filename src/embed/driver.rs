//! Running async script code from the host: two drivers over one scheduler.
//!
//! - gyre owns the loop: [`Interpreter::run`] (and [`AsyncCall::wait`]) block in the event
//!   loop's poll until the call finishes, exactly like `asyncio.run`.
//! - the host drives: [`AsyncCall`] is a `Future` any executor can await (tokio, smol, a
//!   simple `block_on`); each poll steps the loop without blocking, and a small waiter thread
//!   wakes the host's task when the loop has I/O, an inbox message or a due timer. Hosts that
//!   integrate at a lower level use [`Interpreter::spawn`], [`Interpreter::step`] and
//!   [`Interpreter::poll_fd`].
//!
//! Owns: the interpreter's own event loop (created on first use and kept, so tasks survive
//! between calls), the waiter thread, and [`Task`] handles.
//!
//! Invariants: the loop only runs inside a call on the interpreter's thread (a poll of an
//! `AsyncCall`, `step`, `run`); the waiter thread never touches the VM, it only watches the
//! loop's poll descriptor and calls a `Waker`.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Condvar, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use super::context::Cx;
use super::convert::{FromValue, IntoArgs};
use super::error::Error;
use super::value::Value;
use crate::asyncio::event_loop::{loop_of, new_loop, run_until_complete};
use crate::asyncio::future::{future_of, new_task, task_cancel};
use crate::asyncio::host::{run_until_stalled, Stalled};
use crate::interpreter::{Callee, Interpreter};
use crate::runtime::reactor::{ReadinessWaiter, Woke};
use crate::vm::object::Object;
use crate::vm::{PyResult, Value as VmValue, Vm};

/// The longest single wait for a timer (a day), like the loop's own poll timeout cap.
const MAX_WAIT_SECS: f64 = 86_400.0;

/// A script task running on the interpreter's event loop (from [`Interpreter::spawn`]).
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// interp.exec("import asyncio\nasync def job(n):\n    await asyncio.sleep(0)\n    return n * 2").unwrap();
/// let task = interp.spawn("job", (21,)).unwrap();
/// while interp.task_result::<i64>(&task).is_none() {
///     interp.step().unwrap();
/// }
/// assert_eq!(interp.task_result::<i64>(&task).unwrap().unwrap(), 42);
/// ```
#[derive(Clone)]
pub struct Task {
    obj: Rc<Object>,
}

impl std::fmt::Debug for Task {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Task({})", if self.is_done() { "done" } else { "pending" })
    }
}

impl Task {
    /// Whether the task has finished (returned, raised or been cancelled).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("async def nothing():\n    pass").unwrap();
    /// let task = interp.spawn("nothing", ()).unwrap();
    /// assert!(!task.is_done());
    /// interp.step().unwrap();
    /// assert!(task.is_done());
    /// ```
    pub fn is_done(&self) -> bool {
        future_of(&VmValue::Obj(self.obj.clone())).is_some_and(|f| f.done())
    }
}

/// What [`Interpreter::step`] left behind.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// interp.exec("import asyncio\nasync def nap():\n    await asyncio.sleep(0.01)").unwrap();
/// let task = interp.spawn("nap", ()).unwrap();
/// match interp.step().unwrap() {
///     gyre::Step::Idle { next_timer } => assert!(next_timer.is_some()),
///     gyre::Step::Busy => unreachable!("one sleep leaves nothing ready"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Nothing is ready: step again when [`Interpreter::poll_fd`] is readable or at
    /// `next_timer`, whichever comes first.
    Idle {
        /// When the earliest timer is due, if any.
        next_timer: Option<Instant>,
    },
    /// Callbacks are still ready (the step's budget ran out): step again soon, after letting
    /// the host's other work run.
    Busy,
}

/// An async call driven by the host: a `Future` that steps the interpreter's event loop each
/// time it is polled (from [`Interpreter::call_async`]).
///
/// Await it on the interpreter's thread, in any executor; futures of host async functions
/// are polled inside it, so they see the executor's context (tokio timers and sockets work
/// when it runs inside tokio). Or call [`wait`](AsyncCall::wait) to let gyre own the loop.
/// Dropping it before it finishes cancels the script task.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// interp.exec("import asyncio\nasync def add(a, b):\n    await asyncio.sleep(0.001)\n    return a + b").unwrap();
/// let call = interp.call_async::<i64>("add", (2, 3));
/// assert_eq!(call.wait().unwrap(), 5);
/// ```
pub struct AsyncCall<'a, R> {
    interp: &'a mut Interpreter,
    task: Result<Rc<Object>, Option<Error>>,
    started: bool,
    finished: bool,
    _result: PhantomData<fn() -> R>,
}

impl<R> Unpin for AsyncCall<'_, R> {}

impl<R: FromValue> AsyncCall<'_, R> {
    /// Runs the call to completion with gyre owning the loop (blocking this thread), like
    /// `asyncio.run` without closing the loop.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("async def hello():\n    return 'hi'").unwrap();
    /// assert_eq!(interp.call_async::<String>("hello", ()).wait().unwrap(), "hi");
    /// ```
    pub fn wait(mut self) -> Result<R, Error> {
        let task = match std::mem::replace(&mut self.task, Err(None)) {
            Ok(t) => t,
            Err(e) => return Err(e.unwrap_or_else(|| Error::Host("the call already finished".into()))),
        };
        self.finished = true;
        let interp = &mut *self.interp;
        if !self.started {
            interp.begin_run();
        }
        let loop_obj = interp.host_loop_value();
        let result = run_until_complete(&mut interp.vm, &loop_obj, &VmValue::Obj(task));
        let v = interp.finish_run(result)?;
        interp.convert(Value(v))
    }
}

impl<R: FromValue> Future for AsyncCall<'_, R> {
    type Output = Result<R, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<R, Error>> {
        let this = self.get_mut();
        let task = match &mut this.task {
            Ok(t) => t.clone(),
            Err(e) => {
                this.finished = true;
                return Poll::Ready(Err(e
                    .take()
                    .unwrap_or_else(|| Error::Host("polled after completion".into()))));
            }
        };
        if !this.started {
            this.started = true;
            this.interp.begin_run();
        }
        let loop_obj = this.interp.host_loop_value();
        let stalled = run_until_stalled(&mut this.interp.vm, &loop_obj, Some(&task));
        let result = match stalled {
            Ok(Stalled::Done) => {
                future_of(&VmValue::Obj(task.clone())).map(|f| f.result(&mut this.interp.vm))
            }
            Ok(Stalled::Waiting(next)) => {
                let wake_at = this.interp.wake_time(next);
                this.interp.arm_waiter(cx.waker().clone(), wake_at);
                return Poll::Pending;
            }
            Ok(Stalled::Busy) => {
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
            Err(e) => Some(Err(e)),
        };
        this.finished = true;
        this.task = Err(None);
        let result = result.unwrap_or(Ok(VmValue::None));
        Poll::Ready(this.interp.finish_run(result).and_then(|v| this.interp.convert(Value(v))))
    }
}

impl<R> Drop for AsyncCall<'_, R> {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        if let Ok(task) = &self.task {
            // The host gave up on the call: cancel the script task (it sees CancelledError
            // the next time the loop runs).
            let _ = task_cancel(&mut self.interp.vm, task, VmValue::None);
        }
        if self.started {
            let _ = self.interp.finish_run(Ok(()));
        }
    }
}

/// Wakes the host's task when the loop has something to do. One per interpreter, created on
/// first use; it sleeps on the loop's poll descriptor in a second poll (see
/// `runtime::reactor::ReadinessWaiter`).
pub(crate) struct WaiterThread {
    shared: Arc<Shared>,
    interrupt: Arc<mio::Waker>,
}

#[derive(Default)]
struct Shared {
    state: Mutex<Request>,
    changed: Condvar,
}

#[derive(Default)]
struct Request {
    waker: Option<Waker>,
    deadline: Option<Instant>,
    shutdown: bool,
}

impl WaiterThread {
    fn start(vm_loop: &VmValue) -> std::io::Result<WaiterThread> {
        let lp = loop_of(vm_loop).ok_or_else(|| std::io::Error::other("no event loop"))?;
        let mut waiter = ReadinessWaiter::new(lp.el.borrow().reactor())?;
        let interrupt = waiter.waker();
        let shared = Arc::new(Shared::default());
        let theirs = shared.clone();
        std::thread::Builder::new()
            .name("gyre-waiter".into())
            .spawn(move || waiter_main(&mut waiter, &theirs))?;
        Ok(WaiterThread { shared, interrupt })
    }

    /// Wakes `waker` when the loop has events or at `deadline`. Replaces an earlier request;
    /// interrupts the current wait only if the new deadline is sooner.
    fn arm(&self, waker: Waker, deadline: Option<Instant>) {
        let sooner = {
            let mut req = self.shared.state.lock().unwrap_or_else(|p| p.into_inner());
            let sooner = match (req.deadline, deadline) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some(old), Some(new)) => new < old,
            };
            req.waker = Some(waker);
            req.deadline = deadline;
            sooner
        };
        self.shared.changed.notify_one();
        if sooner {
            let _ = self.interrupt.wake();
        }
    }
}

impl Drop for WaiterThread {
    fn drop(&mut self) {
        self.shared.state.lock().unwrap_or_else(|p| p.into_inner()).shutdown = true;
        self.shared.changed.notify_one();
        let _ = self.interrupt.wake();
    }
}

fn waiter_main(waiter: &mut ReadinessWaiter, shared: &Shared) {
    loop {
        let deadline = {
            let mut req = shared.state.lock().unwrap_or_else(|p| p.into_inner());
            while req.waker.is_none() && !req.shutdown {
                req = shared.changed.wait(req).unwrap_or_else(|p| p.into_inner());
            }
            if req.shutdown {
                return;
            }
            req.deadline
        };
        let timeout = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        match waiter.wait(timeout) {
            Ok(Woke::Interrupted) => continue,
            Ok(_) => {}
            Err(_) => std::thread::sleep(Duration::from_millis(1)),
        }
        let waker = shared.state.lock().unwrap_or_else(|p| p.into_inner()).waker.take();
        if let Some(w) = waker {
            w.wake();
        }
    }
}

impl Interpreter {
    /// The interpreter's own event loop (created on first use).
    pub(crate) fn host_loop_value(&mut self) -> VmValue {
        if self.host_loop.is_none() {
            match new_loop(&mut self.vm) {
                Ok(l) => self.host_loop = Some(l),
                Err(_) => return VmValue::None,
            }
        }
        self.host_loop.clone().unwrap_or_default()
    }

    /// The wall-clock instant of a timer due at loop time `next_timer`.
    fn timer_instant(&mut self, next_timer: Option<f64>) -> Option<Instant> {
        let loop_obj = self.host_loop_value();
        next_timer.and_then(|t| {
            let now = loop_of(&loop_obj)?.el.borrow().time();
            Some(Instant::now() + Duration::from_secs_f64((t - now).clamp(0.0, MAX_WAIT_SECS)))
        })
    }

    /// The wall-clock instant to wake at: the next timer or the run's deadline.
    fn wake_time(&mut self, next_timer: Option<f64>) -> Option<Instant> {
        let timer = self.timer_instant(next_timer);
        match (timer, self.vm.limits.deadline()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn arm_waiter(&mut self, waker: Waker, deadline: Option<Instant>) {
        if self.waiter.is_none() {
            let loop_obj = self.host_loop_value();
            match WaiterThread::start(&loop_obj) {
                Ok(w) => self.waiter = Some(w),
                Err(_) => {
                    // No waiter: fall back to polling again soon rather than never.
                    waker.wake();
                    return;
                }
            }
        }
        if let Some(w) = &self.waiter {
            w.arm(waker, deadline);
        }
    }

    /// Calls an `async def` function and returns the call as a [`Future`] driven by the host
    /// (see [`AsyncCall`]). The task starts on the interpreter's event loop right away and
    /// progresses whenever the future is polled.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("import asyncio\nasync def slow_double(x):\n    await asyncio.sleep(0.01)\n    return 2 * x").unwrap();
    /// // Any executor works; here a minimal one: poll until ready.
    /// use std::future::Future;
    /// let mut call = std::pin::pin!(interp.call_async::<i64>("slow_double", (21,)));
    /// let waker = std::task::Waker::noop();
    /// let mut cx = std::task::Context::from_waker(&waker);
    /// let answer = loop {
    ///     if let std::task::Poll::Ready(r) = call.as_mut().poll(&mut cx) { break r.unwrap(); }
    ///     std::thread::sleep(std::time::Duration::from_millis(1));
    /// };
    /// assert_eq!(answer, 42);
    /// ```
    pub fn call_async<R: FromValue>(&mut self, func: impl Callee, args: impl IntoArgs) -> AsyncCall<'_, R> {
        let task = self.spawn_task(func, args).map_err(Some);
        AsyncCall { interp: self, task, started: false, finished: false, _result: PhantomData }
    }

    /// Calls an `async def` function and runs it to completion, gyre owning the loop (like
    /// `asyncio.run`, but the loop and its other tasks stay for later calls).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("import asyncio\nasync def main(n):\n    return sum(await asyncio.gather(*(asyncio.sleep(0, i) for i in range(n))))").unwrap();
    /// assert_eq!(interp.run::<i64>("main", (5,)).unwrap(), 10);
    /// ```
    pub fn run<R: FromValue>(&mut self, func: impl Callee, args: impl IntoArgs) -> Result<R, Error> {
        self.call_async(func, args).wait()
    }

    /// Starts an `async def` function as a task on the interpreter's event loop, without
    /// running it: [`step`](Interpreter::step) (or any async call) makes it progress.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("log = []\nasync def note(x):\n    log.append(x)").unwrap();
    /// let a = interp.spawn("note", ("a",)).unwrap();
    /// let b = interp.spawn("note", ("b",)).unwrap();
    /// interp.step().unwrap();
    /// assert!(a.is_done() && b.is_done());
    /// assert_eq!(interp.globals().get::<Vec<String>>("log").unwrap(), ["a", "b"]);
    /// ```
    pub fn spawn(&mut self, func: impl Callee, args: impl IntoArgs) -> Result<Task, Error> {
        self.spawn_task(func, args).map(|obj| Task { obj })
    }

    fn spawn_task(&mut self, func: impl Callee, args: impl IntoArgs) -> Result<Rc<Object>, Error> {
        let f = func.resolve(self)?;
        let args = args.into_args(&mut Cx::new(&mut self.vm))?;
        let loop_obj = self.host_loop_value();
        self.run_top(|vm: &mut Vm| -> PyResult<Rc<Object>> {
            let coro = vm.call(&f, args)?;
            new_task(vm, &loop_obj, coro, VmValue::None)
        })
    }

    /// Runs whatever is ready on the interpreter's event loop, without blocking, and says
    /// when to step again (host-driven mode). A task that raises keeps its exception for
    /// [`task_result`](Interpreter::task_result); a limit that stops the script is an error.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("import asyncio\nasync def tick():\n    await asyncio.sleep(0.005)").unwrap();
    /// let task = interp.spawn("tick", ()).unwrap();
    /// while !task.is_done() {
    ///     if let gyre::Step::Idle { next_timer: Some(t) } = interp.step().unwrap() {
    ///         std::thread::sleep(t.saturating_duration_since(std::time::Instant::now()));
    ///     }
    /// }
    /// ```
    pub fn step(&mut self) -> Result<Step, Error> {
        let loop_obj = self.host_loop_value();
        let stalled = self.run_top(|vm| run_until_stalled(vm, &loop_obj, None))?;
        Ok(match stalled {
            Stalled::Busy => Step::Busy,
            Stalled::Waiting(next) => Step::Idle { next_timer: self.timer_instant(next) },
            Stalled::Done => Step::Idle { next_timer: None },
        })
    }

    /// The result of a finished task, converted (`None` while it is still pending).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("async def fail():\n    raise KeyError('k')").unwrap();
    /// let task = interp.spawn("fail", ()).unwrap();
    /// assert!(interp.task_result::<()>(&task).is_none());
    /// interp.step().unwrap();
    /// let err = interp.task_result::<()>(&task).unwrap().unwrap_err();
    /// assert_eq!(err.exception().unwrap().type_name(), "KeyError");
    /// ```
    pub fn task_result<R: FromValue>(&mut self, task: &Task) -> Option<Result<R, Error>> {
        if !task.is_done() {
            return None;
        }
        let tv = VmValue::Obj(task.obj.clone());
        let f = future_of(&tv)?;
        let result = f.result(&mut self.vm);
        Some(self.finish_run(result).and_then(|v| self.convert(Value(v))))
    }

    /// The event loop's poll descriptor: readable when [`step`](Interpreter::step) has I/O
    /// or host-future wake-ups to process. Wrap it in your runtime's readiness type (for
    /// example tokio's `AsyncFd`) to step only when needed.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// assert!(interp.poll_fd() >= 0);
    /// ```
    #[cfg(unix)]
    pub fn poll_fd(&mut self) -> std::os::fd::RawFd {
        let loop_obj = self.host_loop_value();
        loop_of(&loop_obj).map(|lp| lp.el.borrow().reactor().as_raw_fd()).unwrap_or(-1)
    }
}
