//! The REPL's stdout and stderr sinks. While a prompt is shown, what scripts print (a
//! background task's output) goes through rustyline's external printer, which draws it above
//! the prompt and redraws the line being edited. Complete lines are sent as they arrive; a
//! partial line waits for its end, or for the prompt to close. Otherwise output goes straight
//! to the process's stdout or stderr.

use std::cell::{Cell, RefCell};
use std::io::{self, Write};
use std::rc::Rc;

use rustyline::ExternalPrinter;

/// State shared by the two sinks and the session.
pub struct Screen {
    printer: RefCell<Option<Box<dyn ExternalPrinter + Send>>>,
    prompt_shown: Cell<bool>,
    pending: RefCell<String>,
}

impl Screen {
    /// A screen printing through `printer` while a prompt is shown (directly when `None`).
    pub fn new(printer: Option<Box<dyn ExternalPrinter + Send>>) -> Rc<Screen> {
        Rc::new(Screen {
            printer: RefCell::new(printer),
            prompt_shown: Cell::new(false),
            pending: RefCell::new(String::new()),
        })
    }

    /// Marks a prompt as shown (output goes above it) or gone (output goes straight out,
    /// starting with any partial line kept back).
    pub fn set_prompt_shown(&self, shown: bool) {
        self.prompt_shown.set(shown);
        if !shown {
            let rest = std::mem::take(&mut *self.pending.borrow_mut());
            if !rest.is_empty() {
                let mut out = io::stdout();
                let _ = out.write_all(rest.as_bytes());
                let _ = out.flush();
            }
        }
    }

    fn above_prompt(&self) -> bool {
        self.prompt_shown.get() && self.printer.borrow().is_some()
    }

    /// Queues text for the printer and sends every complete line.
    fn print_above(&self, text: &str) {
        let mut pending = self.pending.borrow_mut();
        pending.push_str(text);
        let Some(end) = pending.rfind('\n') else { return };
        let lines: String = pending.drain(..=end).collect();
        if let Some(p) = self.printer.borrow_mut().as_mut() {
            let _ = p.print(lines);
        }
    }
}

/// Which stream a sink writes to when no prompt is shown.
#[derive(Clone, Copy)]
pub enum Stream {
    /// The process's stdout.
    Stdout,
    /// The process's stderr.
    Stderr,
}

/// A VM output sink (`Vm::stdout` or `Vm::stderr`) that respects the prompt.
pub struct Sink {
    screen: Rc<Screen>,
    stream: Stream,
}

impl Sink {
    /// A sink for `stream` on `screen`.
    pub fn new(screen: Rc<Screen>, stream: Stream) -> Sink {
        Sink { screen, stream }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.screen.above_prompt() {
            self.screen.print_above(&String::from_utf8_lossy(buf));
            return Ok(buf.len());
        }
        match self.stream {
            Stream::Stdout => io::stdout().write_all(buf)?,
            Stream::Stderr => io::stderr().write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.stream {
            Stream::Stdout => io::stdout().flush(),
            Stream::Stderr => io::stderr().flush(),
        }
    }
}
