//! The embedding API's one error type, [`Error`], and [`Exception`], the description of a
//! Python exception that crosses to the host.
//!
//! Invariants: both types are `Send + Sync` and hold no script values, so they can travel
//! through `anyhow`, channels and other threads. Converting a script exception into an
//! [`Exception`] formats its traceback at that moment; converting an `Error` back into a
//! script exception (a host function returning it) re-raises the same exception type with
//! the same message.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::rc::Rc;

use super::limits::Limit;
use crate::vm::{Exc, Value as VmValue, Vm};

/// A Python exception as the host sees it: its type name, its message (`str(exc)`) and its
/// formatted traceback, exactly as CPython would print it.
///
/// Host functions also return it to raise a chosen exception type in the script.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// let err = interp.exec("def f():\n    raise ValueError('bad input')\nf()\n").unwrap_err();
/// let gyre::Error::Exception(e) = err else { panic!("not an exception") };
/// assert_eq!(e.type_name(), "ValueError");
/// assert_eq!(e.message(), "bad input");
/// assert!(e.traceback().starts_with("Traceback (most recent call last):"));
/// assert!(e.traceback().ends_with("ValueError: bad input\n"));
/// ```
#[derive(Clone, Debug)]
pub struct Exception {
    type_name: String,
    message: String,
    traceback: String,
    /// The script exception this was made from, when it was handed to host code during a run
    /// (see [`HandedOut`]): returning it from a host function re-raises that very object.
    origin: Option<u64>,
}

/// Two descriptions are equal when they say the same thing, wherever they came from.
impl PartialEq for Exception {
    fn eq(&self, other: &Exception) -> bool {
        (&self.type_name, &self.message, &self.traceback)
            == (&other.type_name, &other.message, &other.traceback)
    }
}

impl Eq for Exception {}

impl Exception {
    /// An exception to raise in the script from a host function. `type_name` names a builtin
    /// exception class (`"ValueError"`, `"KeyError"`, ...); an unknown name raises
    /// `RuntimeError` with the name in the message.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_fn("check", |n: i64| -> Result<i64, gyre::Exception> {
    ///     if n < 0 {
    ///         return Err(gyre::Exception::new("ValueError", "n must not be negative"));
    ///     }
    ///     Ok(n)
    /// });
    /// interp.exec("try:\n    check(-1)\nexcept ValueError as e:\n    msg = str(e)\n").unwrap();
    /// assert_eq!(interp.globals().get::<String>("msg").unwrap(), "n must not be negative");
    /// ```
    pub fn new(type_name: impl Into<String>, message: impl Into<String>) -> Exception {
        let (type_name, message) = (type_name.into(), message.into());
        let traceback = summary(&type_name, &message) + "\n";
        Exception { type_name, message, traceback, origin: None }
    }

    /// The exception's type name: `ValueError`, or `module.Name` for classes outside
    /// `builtins` and `__main__` (as the last line of a traceback shows it).
    ///
    /// ```
    /// let e = gyre::Exception::new("KeyError", "'k'");
    /// assert_eq!(e.type_name(), "KeyError");
    /// ```
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// `str(exception)`.
    ///
    /// ```
    /// let e = gyre::Exception::new("ValueError", "bad");
    /// assert_eq!(e.message(), "bad");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The traceback as CPython prints an uncaught exception (with chained exceptions), or
    /// for a syntax error the file, line, caret and message.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let err = interp.exec("x = (1,\n").unwrap_err();
    /// let gyre::Error::Syntax(e) = err else { panic!() };
    /// assert!(e.traceback().contains("SyntaxError: '(' was never closed"));
    /// ```
    pub fn traceback(&self) -> &str {
        &self.traceback
    }

    /// Describes a script exception, formatting its traceback now.
    pub(crate) fn from_exc(vm: &mut Vm, e: &Exc) -> Exception {
        let type_name = qualified_name(e);
        let message = vm.str_of(&VmValue::Obj(e.clone())).unwrap_or_default();
        let traceback = match e.get_attr("rendered") {
            Some(VmValue::Str(r)) => format!("{}\n", r.as_str()),
            _ => vm.format_exception(e),
        };
        Exception { type_name, message, traceback, origin: None }
    }

    /// Marks this description of `e` as handed to host code in the middle of a run (a failed [`Cx::call`](crate::Cx::call)): remembers the object so that
    /// a host function passing the error on re-raises it with its traceback, its class (a
    /// script-defined one too) and its attributes intact.
    pub(crate) fn handed_out(mut self, vm: &mut Vm, e: &Exc) -> Exception {
        self.origin = Some(HandedOut::remember(vm, e));
        self
    }

    /// The script exception this describes: the original object when this was handed out
    /// during the current run, else a new one (a builtin class by name, else RuntimeError).
    pub(crate) fn to_exc(&self, vm: &mut Vm) -> Exc {
        if let Some(e) = self.origin.and_then(|id| HandedOut::recall(vm, id)) {
            // An id from another interpreter could collide; the class name and message
            // must agree too before the object is reused.
            if qualified_name(&e) == self.type_name {
                return e;
            }
        }
        let builtin = vm.types.exceptions.contains_key(self.type_name.as_str());
        if builtin {
            let cls = vm.exc_class(&self.type_name);
            let args = if self.message.is_empty() { vec![] } else { vec![VmValue::str(&self.message)] };
            let e = vm.new_exception(&cls, args);
            vm.set_context(&e);
            e
        } else {
            vm.new_error("RuntimeError", &summary(&self.type_name, &self.message))
        }
    }
}

/// Script exceptions recently handed to host code during the current run, by id. A bounded
/// ring: an exception the host drops is forgotten after [`HANDED_OUT_KEPT`] more, or at the
/// end of the run, so host code can never keep script objects alive for long.
#[derive(Default)]
pub(crate) struct HandedOut {
    next_id: u64,
    recent: VecDeque<(u64, Exc)>,
}

/// How many handed-out exceptions are remembered. A host function rarely holds more than
/// one or two failed calls before returning; 16 leaves room for nesting.
const HANDED_OUT_KEPT: usize = 16;

/// The key of the [`HandedOut`] table in the VM's extension state.
const HANDED_OUT_KEY: &str = "embed.handed_out";

impl HandedOut {
    fn of(vm: &mut Vm) -> Rc<RefCell<HandedOut>> {
        if let Some(t) = vm.ext_state.get(HANDED_OUT_KEY).and_then(|t| t.clone().downcast().ok()) {
            return t;
        }
        let t = Rc::new(RefCell::new(HandedOut::default()));
        vm.ext_state.insert(HANDED_OUT_KEY, t.clone() as Rc<dyn std::any::Any>);
        t
    }

    fn remember(vm: &mut Vm, e: &Exc) -> u64 {
        let table = HandedOut::of(vm);
        let mut t = table.borrow_mut();
        t.next_id += 1;
        let id = t.next_id;
        if t.recent.len() == HANDED_OUT_KEPT {
            t.recent.pop_front();
        }
        t.recent.push_back((id, e.clone()));
        id
    }

    fn recall(vm: &mut Vm, id: u64) -> Option<Exc> {
        let table = HandedOut::of(vm);
        let t = table.borrow();
        t.recent.iter().find(|(i, _)| *i == id).map(|(_, e)| e.clone())
    }

    /// Drops every remembered exception (at the end of a top-level run).
    pub(crate) fn forget_all(vm: &mut Vm) {
        if let Some(t) =
            vm.ext_state.get(HANDED_OUT_KEY).and_then(|t| t.clone().downcast::<RefCell<HandedOut>>().ok())
        {
            // Take the list out first: dropping exceptions can run `__del__` code.
            let recent = std::mem::take(&mut t.borrow_mut().recent);
            drop(recent);
        }
    }
}

/// `Type: message`, or `Type` alone when the message is empty.
fn summary(type_name: &str, message: &str) -> String {
    if message.is_empty() {
        type_name.to_string()
    } else {
        format!("{type_name}: {message}")
    }
}

/// The class name as a traceback's last line shows it.
fn qualified_name(e: &Exc) -> String {
    let name = e.class.qualname.borrow().clone();
    match e.class.lookup("__module__") {
        Some(VmValue::Str(m)) if !matches!(m.as_str(), "__main__" | "builtins" | "") => {
            format!("{}.{name}", m.as_str())
        }
        _ => name,
    }
}

impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&summary(&self.type_name, &self.message))
    }
}

impl std::error::Error for Exception {}

/// Everything that can go wrong when the host runs scripts or converts values.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// match interp.exec("1 / 0") {
///     Err(gyre::Error::Exception(e)) => assert_eq!(e.type_name(), "ZeroDivisionError"),
///     other => panic!("{other:?}"),
/// }
/// assert!(matches!(interp.exec("def"), Err(gyre::Error::Syntax(_))));
/// assert!(matches!(interp.exec("import sys\nsys.exit(3)"), Err(gyre::Error::Exit(3))));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The source did not parse or compile (SyntaxError, IndentationError, TabError).
    Syntax(Exception),
    /// A Python exception escaped the script.
    Exception(Exception),
    /// A limit stopped the script (fuel, memory, recursion, deadline or an interrupt).
    Limit {
        /// Which limit.
        limit: Limit,
        /// The exception the script saw when the limit hit it.
        exception: Exception,
    },
    /// The script called `sys.exit(code)` (a non-integer argument gives 1, `None` gives 0).
    Exit(i32),
    /// A value could not be converted to the Rust type asked for.
    Conversion {
        /// The Python type the conversion accepts (`int`, `str`, `list`, ...).
        expected: String,
        /// The Python type of the value found.
        found: String,
    },
    /// The host asked for something that does not exist or is not allowed now (a missing
    /// global, calling a non-callable, an interpreter already running).
    Host(String),
    /// Reading a script file failed.
    Io(std::io::Error),
}

impl Error {
    /// The Python exception behind this error, if there is one.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let err = interp.exec("[][1]").unwrap_err();
    /// assert_eq!(err.exception().unwrap().message(), "list index out of range");
    /// ```
    pub fn exception(&self) -> Option<&Exception> {
        match self {
            Error::Syntax(e) | Error::Exception(e) | Error::Limit { exception: e, .. } => Some(e),
            _ => None,
        }
    }

    /// A conversion error: `expected` a Python type, found a value of type `found`.
    pub(crate) fn conversion(expected: impl Into<String>, found: impl Into<String>) -> Error {
        Error::Conversion { expected: expected.into(), found: found.into() }
    }

    /// The script exception that carries this error into a script (a host function
    /// returned it).
    pub(crate) fn to_exc(&self, vm: &mut Vm) -> Exc {
        match self {
            Error::Syntax(e) | Error::Exception(e) => e.to_exc(vm),
            Error::Limit { limit, .. } => {
                let limit = limit.to_vm().unwrap_or(crate::vm::limits::Limit::Fuel);
                vm.limit_exception(limit)
            }
            Error::Exit(code) => {
                let cls = vm.exc_class("SystemExit");
                vm.new_exception(&cls, vec![VmValue::Int(*code as i64)])
            }
            Error::Conversion { expected, found } => {
                vm.new_error("TypeError", &format!("expected {expected}, not {found}"))
            }
            Error::Host(msg) => vm.new_error("RuntimeError", msg),
            Error::Io(e) => vm.new_error("OSError", &e.to_string()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax(e) | Error::Exception(e) => write!(f, "{e}"),
            Error::Limit { limit, exception } => write!(f, "{limit} limit exceeded ({exception})"),
            Error::Exit(code) => write!(f, "the script exited with status {code}"),
            Error::Conversion { expected, found } => write!(f, "expected {expected}, found {found}"),
            Error::Host(msg) => f.write_str(msg),
            Error::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Syntax(e) | Error::Exception(e) | Error::Limit { exception: e, .. } => Some(e),
            Error::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<Exception> for Error {
    fn from(e: Exception) -> Error {
        Error::Exception(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}

/// The error type host functions may return: anything convertible to a boxed error, which
/// covers `String`, `&str`, [`Exception`], [`Error`], `std::io::Error` and any
/// `std::error::Error + Send + Sync`.
pub(crate) type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The script exception raised for an error a host function returned: an [`Exception`] or
/// [`Error`] keeps its type, an `io::Error` becomes `OSError` (`FileNotFoundError`, ...), a
/// conversion error `TypeError`, anything else `RuntimeError` with its message.
pub(crate) fn raise_host_error(vm: &mut Vm, e: BoxError) -> Exc {
    if let Some(x) = e.downcast_ref::<Exception>() {
        return x.to_exc(vm);
    }
    if let Some(x) = e.downcast_ref::<Error>() {
        return x.to_exc(vm);
    }
    if let Some(x) = e.downcast_ref::<std::io::Error>() {
        let name = match x.kind() {
            std::io::ErrorKind::NotFound => "FileNotFoundError",
            std::io::ErrorKind::PermissionDenied => "PermissionError",
            std::io::ErrorKind::AlreadyExists => "FileExistsError",
            std::io::ErrorKind::TimedOut => "TimeoutError",
            std::io::ErrorKind::ConnectionRefused => "ConnectionRefusedError",
            std::io::ErrorKind::ConnectionReset => "ConnectionResetError",
            std::io::ErrorKind::BrokenPipe => "BrokenPipeError",
            _ => "OSError",
        };
        return vm.new_error(name, &x.to_string());
    }
    vm.new_error("RuntimeError", &e.to_string())
}
