//! Blocking work on the loop's thread pool, finished on the loop thread.
//!
//! A job is a `Send` closure over plain data; its output comes back through the reactor's inbox
//! as `Msg::Job(id, output)` and the loop runs the job's completion (which may touch script
//! values, so it never leaves the loop thread) as one callback, as CPython's
//! `call_soon_threadsafe` does for executor futures. A job that panics completes with an error
//! instead of leaving its future pending.
//!
//! What runs in a thread: under `run_in_executor`/`to_thread`, the native blocking functions
//! listed in [`offload`]; everything else (script functions included) runs on the loop thread,
//! because script values never cross threads. `loop.getaddrinfo` and the file operations
//! behind aiofiles (`super::files`) are jobs too.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::rc::Rc;

use crate::asyncio::event_loop::{loop_of, LoopObj, Msg};
use crate::asyncio::future::{future_of, new_future};
use crate::runtime::threads::{default_max_threads, ThreadPool};
use crate::vm::object::{Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// A job's output, boxed to cross the inbox.
pub type JobOutput = Box<dyn Any + Send>;

/// What runs on the loop thread when a job finishes: gets the output (or the panic message).
type Completion = Box<dyn FnOnce(&mut Vm, &Value, JobOutput)>;

/// The loop's jobs: the pool (started on first use) and the completions still waiting.
#[derive(Default)]
pub struct Jobs {
    pool: RefCell<Option<ThreadPool<Msg>>>,
    waiting: RefCell<HashMap<u64, Completion>>,
    next_id: Cell<u64>,
}

impl Jobs {
    /// Jobs submitted whose completion has not run.
    pub fn pending(&self) -> usize {
        self.waiting.borrow().len()
    }
}

/// Runs `work` on the pool and then `done(vm, result)` on the loop thread; `Err` carries a
/// panic message.
pub fn submit<T: Send + 'static>(
    vm: &mut Vm,
    loop_obj: &Value,
    work: impl FnOnce() -> T + Send + 'static,
    done: impl FnOnce(&mut Vm, Result<T, String>) + 'static,
) -> PyResult<()> {
    submit_to(vm, loop_obj, Worker::Pool, work, done)
}

/// Where a job runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Worker {
    /// The loop's thread pool.
    Pool,
    /// A thread of its own: for a wait that lasts as long as something outside the process
    /// (a child's exit), which must not hold one of the pool's few workers.
    Own,
}

/// [`submit`] with the choice of worker.
pub fn submit_to<T: Send + 'static>(
    vm: &mut Vm,
    loop_obj: &Value,
    worker: Worker,
    work: impl FnOnce() -> T + Send + 'static,
    done: impl FnOnce(&mut Vm, Result<T, String>) + 'static,
) -> PyResult<()> {
    let (lp, id) = enqueue(vm, loop_obj, done)?;
    let jobs = &lp.net.jobs;
    let started = match worker {
        Worker::Pool => {
            let mut pool = jobs.pool.borrow_mut();
            let pool =
                pool.get_or_insert_with(|| ThreadPool::new(lp.el.borrow().inbox(), default_max_threads()));
            pool.submit(move || guarded(id, work))
        }
        Worker::Own => {
            let inbox = lp.el.borrow().inbox();
            std::thread::Builder::new()
                .name("gyre-wait".into())
                .spawn(move || {
                    // A loop closed meanwhile has no inbox to post to; the result is dropped.
                    let _ = inbox.post(guarded(id, work));
                })
                .map(drop)
        }
    };
    if let Err(e) = started {
        jobs.waiting.borrow_mut().remove(&id);
        return Err(super::errors::os_error(vm, &e));
    }
    Ok(())
}

/// Files `done` as the completion of a new job; returns the loop and the job's id.
fn enqueue<'a, T: 'static>(
    vm: &mut Vm,
    loop_obj: &'a Value,
    done: impl FnOnce(&mut Vm, Result<T, String>) + 'static,
) -> PyResult<(&'a LoopObj, u64)> {
    let Some(lp) = loop_of(loop_obj) else {
        return Err(vm.new_error("RuntimeError", "Event loop is closed"));
    };
    let jobs = &lp.net.jobs;
    let id = jobs.next_id.get();
    jobs.next_id.set(id + 1);
    let completion: Completion = Box::new(move |vm, _loop_obj, out| {
        let result = match out.downcast::<Result<T, String>>() {
            Ok(r) => *r,
            Err(_) => Err("job output of an unexpected type".to_string()),
        };
        done(vm, result);
    });
    jobs.waiting.borrow_mut().insert(id, completion);
    Ok((lp, id))
}

/// Runs `work`, turning a panic into an error message, as the message for job `id`.
fn guarded<T: Send + 'static>(id: u64, work: impl FnOnce() -> T) -> Msg {
    let result = panic::catch_unwind(AssertUnwindSafe(work)).map_err(|p| panic_text(p.as_ref()));
    Msg::Job(id, Box::new(result))
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "blocking job panicked".to_string()
    }
}

/// Runs the completion of job `id` (called by the loop for `Cb::Job`).
pub fn finish(vm: &mut Vm, loop_obj: &Value, id: u64, out: JobOutput) {
    let Some(lp) = loop_of(loop_obj) else { return };
    let completion = lp.net.jobs.waiting.borrow_mut().remove(&id);
    if let Some(completion) = completion {
        completion(vm, loop_obj, out);
    }
}

/// A job whose result resolves a new future: `convert` turns the output into a value (or an
/// exception) on the loop thread. A cancelled future just drops the result.
pub fn future_job<T: Send + 'static>(
    vm: &mut Vm,
    loop_obj: &Value,
    work: impl FnOnce() -> T + Send + 'static,
    convert: impl FnOnce(&mut Vm, T) -> PyResult<Value> + 'static,
) -> PyResult<Value> {
    let fut = new_future(vm, loop_obj.clone());
    let target = fut.clone();
    submit(vm, loop_obj, work, move |vm, result| {
        let value = match result {
            Ok(out) => convert(vm, out),
            Err(msg) => Err(vm.new_error("RuntimeError", &format!("blocking job panicked: {msg}"))),
        };
        resolve(vm, &target, value);
    })?;
    Ok(Value::Obj(fut))
}

/// Sets a future's result or exception unless it was cancelled meanwhile.
pub fn resolve(vm: &mut Vm, fut: &Rc<Object>, value: PyResult<Value>) {
    let fv = Value::Obj(fut.clone());
    let Some(f) = future_of(&fv) else { return };
    if f.done() {
        return;
    }
    let _ = match value {
        Ok(v) => f.set_result(vm, fut, v),
        Err(e) => f.set_exception(vm, fut, Value::Obj(e)),
    };
}

/// A blocking call ready for a worker: produces its output as plain data.
pub type Work = Box<dyn FnOnce() -> JobOutput + Send>;

/// Turns a finished [`Work`]'s output into the future's value, on the loop thread.
pub type Convert = Box<dyn FnOnce(&mut Vm, JobOutput) -> PyResult<Value>>;

/// The native functions that run on a worker thread under `run_in_executor`/`to_thread`:
///
/// - `time.sleep(secs)`;
/// - `socket.getaddrinfo(host, port, family, type, proto, flags)`.
///
/// Their arguments are converted to plain data here, on the loop thread (an argument error
/// is raised by the `run_in_executor` call). `Ok(None)`: `func` is not one of them, and
/// `asyncio::external::run_in_executor` runs it on the loop thread instead (script values
/// never cross threads). Keep COMPATIBILITY.md's list in step with this one.
pub fn offload(vm: &mut Vm, func: &Value, args: &[Value]) -> PyResult<Option<(Work, Convert)>> {
    let native = match func.payload() {
        Some(Payload::Native(n)) if !n.is_method => n.name,
        _ => return Ok(None),
    };
    if native == "sleep" && is_module_attr(vm, "time", "sleep", func) {
        let [arg] = args else {
            let msg = format!("time.sleep() takes exactly one argument ({} given)", args.len());
            return Err(vm.new_error("TypeError", &msg));
        };
        let secs = crate::builtins::to_float(vm, arg)?;
        if secs.is_nan() || secs < 0.0 {
            return Err(vm.new_error("ValueError", "sleep length must be non-negative"));
        }
        let dur = std::time::Duration::from_secs_f64(secs.min(1e9));
        let work: Work = Box::new(move || {
            std::thread::sleep(dur);
            Box::new(())
        });
        return Ok(Some((work, Box::new(|_, _| Ok(Value::None)))));
    }
    if native == "getaddrinfo" && is_module_attr(vm, "socket", "getaddrinfo", func) {
        let lookup = super::module::Lookup::parse(vm, &crate::vm::object::Args::new(args), 0)?;
        let query = lookup.clone();
        let work: Work = Box::new(move || Box::new(query.run()));
        let convert: Convert = Box::new(move |vm, out| match out.downcast() {
            Ok(found) => lookup.to_py(vm, *found),
            Err(_) => Err(vm.new_error("RuntimeError", "getaddrinfo job output of an unexpected type")),
        });
        return Ok(Some((work, convert)));
    }
    Ok(None)
}

/// Whether `func` is `module.name`.
fn is_module_attr(vm: &mut Vm, module: &str, name: &str, func: &Value) -> bool {
    let Ok(m) = vm.load_module(module) else { return false };
    let Ok(attr) = vm.get_attr(&m, &Value::str(name)) else { return false };
    attr.is(func)
}
