//! The loop's exception handler (`call_exception_handler`, `default_exception_handler`) and
//! the "exception was never retrieved" reports of futures dropped with an unread exception.
//!
//! The default handler writes what CPython's logger writes: the message, one `key: repr`
//! line per other context entry in sorted order, then the exception's traceback.

use std::rc::Rc;

use super::event_loop::{loop_of, LoopObj};
use super::future::FutureObj;
use super::Aio;
use crate::vm::object::{Object, Payload};
use crate::vm::{Exc, PyResult, Value, Vm};

/// A context dict for `call_exception_handler`.
pub fn context(vm: &mut Vm, entries: Vec<(&str, Value)>) -> Value {
    let ctx = vm.new_dict();
    for (k, v) in entries {
        // Setting a str key on a fresh dict cannot fail.
        let _ = vm.set_item(&ctx, Value::str(k), v);
    }
    ctx
}

/// SystemExit and KeyboardInterrupt: what the loop re-raises to its caller instead of
/// reporting (CPython's `(SystemExit, KeyboardInterrupt)` clauses).
pub fn fatal(vm: &mut Vm, e: &Exc) -> bool {
    e.class.is_subclass(&vm.exc_class("SystemExit"))
        || e.class.is_subclass(&vm.exc_class("KeyboardInterrupt"))
}

/// `loop.call_exception_handler(context)`: the custom handler if set, else the default one;
/// an error in either is reported by the default handler, never raised.
pub fn call_exception_handler(vm: &mut Vm, loop_obj: &Value, ctx: Value) -> PyResult<()> {
    let handler = loop_of(loop_obj).map(|l| l.exception_handler.borrow().clone()).unwrap_or(Value::None);
    if handler.is_none() {
        if let Err(e) = default_exception_handler(vm, &ctx) {
            if fatal(vm, &e) {
                return Err(e);
            }
            write_report(vm, "Exception in default exception handler", &[], Some(&e));
        }
        return Ok(());
    }
    if let Err(e) = vm.call(&handler, vec![loop_obj.clone(), ctx.clone()]) {
        if fatal(vm, &e) {
            return Err(e);
        }
        let inner = context(
            vm,
            vec![
                ("message", Value::str("Unhandled error in exception handler")),
                ("exception", Value::Obj(e)),
                ("context", ctx),
            ],
        );
        default_exception_handler(vm, &inner)?;
    }
    Ok(())
}

/// `loop.default_exception_handler(context)`.
pub fn default_exception_handler(vm: &mut Vm, ctx: &Value) -> PyResult<()> {
    let message = match vm.get_item(ctx, &Value::str("message")) {
        Ok(m) if vm.truthy(&m)? => vm.str_of(&m)?,
        _ => "Unhandled exception in event loop".to_string(),
    };
    let exception = match vm.get_item(ctx, &Value::str("exception")) {
        Ok(Value::Obj(e)) if e.exc().is_some() => Some(e),
        _ => None,
    };
    let mut keys = Vec::new();
    for k in vm.collect(ctx)? {
        let name = vm.str_of(&k)?;
        if name != "message" && name != "exception" {
            keys.push((name, k));
        }
    }
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    let mut lines = Vec::new();
    for (name, k) in keys {
        let v = vm.get_item(ctx, &k)?;
        lines.push(format!("{name}: {}", vm.repr(&v)?));
    }
    write_report(vm, &message, &lines, exception.as_ref());
    Ok(())
}

fn write_report(vm: &mut Vm, message: &str, lines: &[String], exception: Option<&Exc>) {
    let mut out = String::from(message);
    for l in lines {
        out.push('\n');
        out.push_str(l);
    }
    out.push('\n');
    if let Some(e) = exception {
        out.push_str(&vm.format_exception(e));
    }
    vm.write_stderr(&out);
}

/// Reports the futures dropped since the last call with an exception nobody retrieved
/// (CPython's `Future.__del__`), through the loop's exception handler. Runs after every
/// callback: the usual answer (nothing dropped) is one inlined test.
#[inline]
pub fn report_unretrieved(vm: &mut Vm, loop_obj: &Value, lp: &LoopObj) -> PyResult<()> {
    if lp.unretrieved.borrow().is_empty() {
        return Ok(());
    }
    report_dropped(vm, loop_obj, lp)
}

/// [`report_unretrieved`] once something was dropped.
#[cold]
#[inline(never)]
fn report_dropped(vm: &mut Vm, loop_obj: &Value, lp: &LoopObj) -> PyResult<()> {
    let dropped = std::mem::take(&mut *lp.unretrieved.borrow_mut());
    for fut in dropped {
        let is_task = fut.task().is_some();
        let exc = fut.st.borrow().exception();
        let Some(exc) = exc else { continue };
        let classes = Aio::classes(vm);
        let cls = if is_task { classes.task.clone() } else { classes.future.clone() };
        let obj: Rc<Object> = Object::new(cls, Payload::Future(fut));
        let what = if is_task { "Task" } else { "Future" };
        let ctx = context(
            vm,
            vec![
                ("message", Value::string(format!("{what} exception was never retrieved"))),
                ("exception", Value::Obj(exc)),
                ("future", Value::Obj(obj)),
            ],
        );
        call_exception_handler(vm, loop_obj, ctx)?;
    }
    Ok(())
}

/// Where a future dropped with an unretrieved exception goes: its loop's report queue.
pub(super) fn queue_unretrieved(fut: FutureObj) {
    let loop_obj = fut.loop_obj();
    if let Some(lp) = loop_of(&loop_obj) {
        if let Ok(mut q) = lp.unretrieved.try_borrow_mut() {
            q.push(fut);
        }
    }
}
