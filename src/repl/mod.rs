//! The interactive prompt (REPL): `gyre` with no arguments on a terminal, or `gyre -i FILE`.
//!
//! Threads and what crosses between them (strings and flags only, never script values):
//! - this thread runs the VM and the session's one event loop; while a prompt waits, it keeps
//!   turning the loop (`run_until`), so tasks created at the prompt run in the background;
//! - the reader thread ([`reader`]) owns rustyline and reports lines, Ctrl-C, Ctrl-D and Tab
//!   requests, posting to the loop's inbox to wake it;
//! - the SIGINT watcher turns Ctrl-C during a running input (the terminal is not in raw mode
//!   then) into the VM's interrupt flag plus a wake-up, so a computation raises
//!   KeyboardInterrupt and an `await` is cancelled.
//!
//! Input is read line by line with CPython's prompts; `gyre_grammar::parse_interactive`
//! decides when an input is complete (its "incomplete" error kind means `... `).

mod complete;
mod history;
mod output;
mod reader;
mod session;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::TryRecvError;
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::asyncio::event_loop::{loop_of, new_loop, run_until, Msg};
use crate::runtime::reactor::Inbox;
use crate::vm::limits::Interrupt;
use crate::vm::object::Dict;
use crate::vm::{Value, Vm};

use output::{Screen, Sink, Stream};
use reader::{Event, Reader};
use session::{Outcome, Session};

/// The first-line prompt (CPython's `sys.ps1`).
const PS1: &str = ">>> ";
/// The continuation prompt (CPython's `sys.ps2`).
const PS2: &str = "... ";

/// Runs the REPL on `vm`'s `__main__` (created if missing, kept if a script ran first) until
/// Ctrl-D or `exit()`; returns the exit status. stdin must be a terminal.
pub fn run(vm: &mut Vm) -> i32 {
    let globals = main_globals(vm);
    if !vm.search_paths.iter().any(|p| p.as_os_str() == ".") {
        vm.search_paths.insert(0, PathBuf::from("."));
    }
    let loop_obj = match new_loop(vm) {
        Ok(l) => l,
        Err(e) => return crate::interpreter::report(vm, &e),
    };
    let Some(inbox) = loop_of(&loop_obj).map(|lp| lp.el.borrow().inbox()) else { return 1 };
    let mut reader = match Reader::spawn(inbox.clone(), history::history_path()) {
        Ok(r) => r,
        Err(e) => {
            vm.write_stderr(&format!("gyre: cannot start the interactive prompt: {e}\n"));
            return 1;
        }
    };
    let screen = Screen::new(reader.printer.take());
    let stdout = std::mem::replace(&mut vm.stdout, Box::new(Sink::new(screen.clone(), Stream::Stdout)));
    let stderr = std::mem::replace(&mut vm.stderr, Box::new(Sink::new(screen.clone(), Stream::Stderr)));
    let interrupted = Arc::new(AtomicBool::new(false));
    let watcher = SigintWatcher::start(vm.limits.interrupt(), interrupted.clone(), inbox);
    set_loop_running(vm, &loop_obj, true);
    vm.write_stderr(&greeting());
    let session = Session { globals, loop_obj: loop_obj.clone(), interrupted };
    let status = Repl { session, reader: &mut reader, screen, queued: VecDeque::new() }.run(vm);
    set_loop_running(vm, &loop_obj, false);
    drop(watcher);
    reader.shutdown();
    vm.stdout = stdout;
    vm.stderr = stderr;
    let _ = vm.stdout.flush();
    status
}

use std::io::Write as _;

fn greeting() -> String {
    format!(
        "gyre {} (Python 3.11 language, asyncio built in; top-level await works)\n\
         Type \"exit()\" or Ctrl-D to quit.\n",
        crate::VERSION
    )
}

/// `__main__`'s namespace, creating the module (with `__builtins__`) when no script ran.
fn main_globals(vm: &mut Vm) -> Rc<Dict> {
    if let Some(d) = vm.module_get("__main__").and_then(|m| vm.module_dict(&m)) {
        return d;
    }
    let globals = Rc::new(Dict::default());
    let main = vm.new_module("__main__", globals.clone());
    vm.module_insert("__main__", main.clone());
    let bm = match vm.module_get("builtins") {
        Some(m) => m,
        None => {
            let builtins = vm.builtins.clone();
            let m = vm.new_module("builtins", builtins);
            vm.module_insert("builtins", m.clone());
            m
        }
    };
    vm.module_set(&main, "__builtins__", bm);
    globals
}

/// Marks the session loop as running (as inside `run_forever`), so that `get_running_loop()`,
/// `create_task()` and friends work at the prompt.
fn set_loop_running(vm: &mut Vm, loop_obj: &Value, running: bool) {
    if let Some(lp) = loop_of(loop_obj) {
        lp.running.set(running);
    }
    vm.running_loop = if running { loop_obj.clone() } else { Value::None };
}

/// What waiting at a prompt gave.
enum Read {
    /// Text entered (possibly several pasted lines).
    Text(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D.
    Eof,
    /// A background task raised SystemExit.
    Exit(i32),
}

/// The read-eval-print loop's state.
struct Repl<'a> {
    session: Session,
    reader: &'a mut Reader,
    screen: Rc<Screen>,
    /// Lines of a paste not processed yet.
    queued: VecDeque<String>,
}

impl Repl<'_> {
    fn run(&mut self, vm: &mut Vm) -> i32 {
        let mut buf = String::new();
        loop {
            let Some(line) = self.queued.pop_front() else {
                match self.read(vm, if buf.is_empty() { PS1 } else { PS2 }) {
                    Read::Text(text) => self.queued.extend(text.split('\n').map(str::to_string)),
                    Read::Interrupted => {
                        buf.clear();
                        vm.write_stderr("KeyboardInterrupt\n");
                    }
                    Read::Eof => {
                        vm.write_stdout("\n");
                        return 0;
                    }
                    Read::Exit(status) => return status,
                }
                continue;
            };
            buf.push_str(&line);
            buf.push('\n');
            match gyre_grammar::parse_interactive(&buf) {
                Err(e) if e.incomplete => continue,
                Err(e) => {
                    vm.write_stderr(&format!("{}\n", e.render(session::FILENAME, &buf)));
                    buf.clear();
                }
                Ok(module) => {
                    let source = std::mem::take(&mut buf);
                    if module.body.is_empty() {
                        continue;
                    }
                    if let Outcome::Exit(status) = self.session.execute(vm, &source) {
                        return status;
                    }
                }
            }
        }
    }

    /// Shows `prompt` and turns the event loop until the reader answers, serving Tab
    /// completion meanwhile. A background task's KeyboardInterrupt or exception is reported;
    /// its SystemExit ends the session once the prompt returns.
    fn read(&mut self, vm: &mut Vm, prompt: &str) -> Read {
        self.reader.request(prompt);
        self.screen.set_prompt_shown(true);
        let mut exit = None;
        let event = loop {
            let mut got = None;
            let (reader, globals) = (&*self.reader, &self.session.globals);
            let waited = run_until(vm, &self.session.loop_obj, &mut |vm| {
                got = next_event(vm, reader, globals);
                got.is_some()
            });
            match (waited, got) {
                (_, Some(ev)) => break ev,
                (Err(e), None) => {
                    let status = crate::interpreter::report(vm, &e);
                    if e.class.is_subclass(&vm.exc_class("SystemExit")) {
                        exit = Some(status);
                        break reader.events.recv().unwrap_or(Event::Eof);
                    }
                }
                (Ok(()), None) => break Event::Eof,
            }
        };
        self.screen.set_prompt_shown(false);
        if let Some(status) = exit {
            return Read::Exit(status);
        }
        match event {
            Event::Line(text) => Read::Text(text),
            Event::Interrupted => Read::Interrupted,
            Event::Eof | Event::Complete(_) => Read::Eof,
        }
    }
}

/// Takes the reader's next event, answering completion requests on the way; `None` when
/// nothing is pending yet.
fn next_event(vm: &mut Vm, reader: &Reader, globals: &Rc<Dict>) -> Option<Event> {
    loop {
        match reader.events.try_recv() {
            Ok(Event::Complete(word)) => {
                let _ = reader.replies.send(complete::candidates(vm, globals, &word));
            }
            Ok(ev) => return Some(ev),
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => return Some(Event::Eof),
        }
    }
}

/// Turns SIGINT into the VM's interrupt flag, the session's flag and a loop wake-up.
struct SigintWatcher {
    handle: signal_hook::iterator::Handle,
    thread: Option<JoinHandle<()>>,
}

impl SigintWatcher {
    fn start(
        vm_flag: Arc<Interrupt>,
        repl_flag: Arc<AtomicBool>,
        inbox: Inbox<Msg>,
    ) -> Option<SigintWatcher> {
        let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGINT]).ok()?;
        let handle = signals.handle();
        let thread = std::thread::Builder::new()
            .name("gyre-sigint".into())
            .spawn(move || {
                for _ in signals.forever() {
                    vm_flag.raise();
                    repl_flag.store(true, Ordering::SeqCst);
                    let _ = inbox.post(Msg::Wake);
                }
            })
            .ok()?;
        Some(SigintWatcher { handle, thread: Some(thread) })
    }
}

impl Drop for SigintWatcher {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
