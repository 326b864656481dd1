//! Running one REPL input: compile it as interactive code (expression results are printed and
//! stored in `_`; top-level `await` allowed), run it inside the session's event loop, and show
//! what it raised the way CPython's interactive loop does.
//!
//! Code without `await` runs directly while the loop counts as running, so
//! `asyncio.create_task(...)` at the prompt works and the task carries on in the background.
//! Code with top-level `await` is a coroutine; it runs as a task, and the loop turns until that
//! task is done or Ctrl-C cancels it. Ctrl-C in code that computes without awaiting raises
//! KeyboardInterrupt inside the VM (the VM's interrupt flag).

use std::io::Write as _;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::asyncio::event_loop::run_until;
use crate::asyncio::future::{future_of, new_task, task_cancel};
use crate::vm::object::{Dict, Object};
use crate::vm::{Exc, PyResult, Value, Vm};

/// The file name of REPL input in tracebacks and SyntaxErrors, as in CPython.
pub const FILENAME: &str = "<stdin>";

/// What running an input asks of the REPL.
pub enum Outcome {
    /// Show the next prompt.
    Continue,
    /// `exit()`, `quit()` or `sys.exit(n)`: leave with this status.
    Exit(i32),
}

/// The pieces of the session that running an input needs.
pub struct Session {
    /// `__main__`'s namespace.
    pub globals: Rc<Dict>,
    /// The session's event loop.
    pub loop_obj: Value,
    /// Set by the SIGINT watcher (Ctrl-C while an input runs).
    pub interrupted: Arc<AtomicBool>,
}

impl Session {
    /// Compiles and runs one complete input.
    pub fn execute(&self, vm: &mut Vm, source: &str) -> Outcome {
        self.clear_interrupt(vm);
        let result = vm.compile_source(source, FILENAME, true).and_then(|code| {
            let value = vm.run_code(&code, &self.globals)?;
            if crate::asyncio::future::is_coroutine(&value) {
                return self.await_in_loop(vm, value);
            }
            Ok(Some(value))
        });
        let outcome = match result {
            Ok(_) => Outcome::Continue,
            Err(e) => self.show_error(vm, &e),
        };
        let _ = vm.stdout.flush();
        let _ = vm.stderr.flush();
        self.clear_interrupt(vm);
        outcome
    }

    /// Runs a coroutine as a task until it is done. `Ok(None)` means Ctrl-C cancelled it.
    fn await_in_loop(&self, vm: &mut Vm, coro: Value) -> PyResult<Option<Value>> {
        let task = new_task(vm, &self.loop_obj, coro, Value::None)?;
        let interrupted = self.interrupted.clone();
        let done = |t: &Rc<Object>| future_of(&Value::Obj(t.clone())).is_none_or(|f| f.done());
        let waited =
            run_until(vm, &self.loop_obj, &mut |_| done(&task) || interrupted.load(Ordering::SeqCst));
        if !done(&task) {
            // Ctrl-C (seen by this loop, or raised as KeyboardInterrupt by a callback): cancel
            // the statement, as CPython's asyncio REPL does, and let the cancellation run; a
            // second Ctrl-C leaves the task to the background.
            self.clear_interrupt(vm);
            task_cancel(vm, &task, Value::None)?;
            let _ = run_until(vm, &self.loop_obj, &mut |_| done(&task) || interrupted.load(Ordering::SeqCst));
            vm.write_stderr("\nKeyboardInterrupt\n");
            return Ok(None);
        }
        waited?;
        let f = future_of(&Value::Obj(task.clone())).map(|f| f.result(vm));
        f.unwrap_or(Ok(Value::None)).map(Some)
    }

    /// Prints an exception as CPython's REPL does; SystemExit ends the session.
    fn show_error(&self, vm: &mut Vm, e: &Exc) -> Outcome {
        if e.class.is_subclass(&vm.exc_class("SystemExit")) {
            return Outcome::Exit(crate::interpreter::report(vm, e));
        }
        crate::interpreter::report(vm, e);
        Outcome::Continue
    }

    /// Forgets a Ctrl-C that was acted upon (or that came too late to matter), so that the next
    /// input starts clean.
    fn clear_interrupt(&self, vm: &mut Vm) {
        self.interrupted.store(false, Ordering::SeqCst);
        vm.limits.clear_interrupt();
    }
}
