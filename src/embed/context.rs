//! [`Cx`]: what host code gets while the interpreter is busy (inside a host function or a
//! conversion): calling script values, repr/str, and converting values.
//!
//! Invariant: a `Cx` borrows the VM for its lifetime, so host code can never start a second
//! top-level run while one is in progress; nested calls made through it share the current
//! run's limits.

use super::convert::{FromValue, IntoArgs, IntoValue};
use super::error::{Error, Exception};
use super::limits::Limit;
use super::value::Value;
use crate::vm::{Exc, Value as VmValue, Vm};

/// The interpreter as host code sees it while a script runs: host functions that take a
/// `&mut Cx` first parameter get one, and so do [`FromValue`]/[`IntoValue`]
/// implementations.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// // A host function calling back into the script.
/// interp.register_fn("apply_twice", |cx: &mut gyre::Cx, f: gyre::Value, x: i64| {
///     let once: i64 = cx.call(&f, (x,))?;
///     cx.call::<i64>(&f, (once,))
/// });
/// assert_eq!(interp.eval::<i64>("apply_twice(lambda n: n * 3, 2)").unwrap(), 18);
/// ```
pub struct Cx<'a> {
    pub(crate) vm: &'a mut Vm,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(vm: &'a mut Vm) -> Cx<'a> {
        Cx { vm }
    }

    /// Calls a script value with arguments and converts the result.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_fn("call_with_ten", |cx: &mut gyre::Cx, f: gyre::Value| {
    ///     cx.call::<gyre::Value>(&f, (10,))
    /// });
    /// assert_eq!(interp.eval::<String>("call_with_ten(str)").unwrap(), "10");
    /// ```
    pub fn call<R: FromValue>(&mut self, func: &Value, args: impl IntoArgs) -> Result<R, Error> {
        let args = args.into_args(self)?;
        let out = self.vm.call(&func.0, args).map_err(|e| self.error(&e))?;
        R::from_value(Value(out), self)
    }

    /// `repr(value)`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_fn("show", |cx: &mut gyre::Cx, v: gyre::Value| cx.repr(&v));
    /// assert_eq!(interp.eval::<String>("show({1: 'a'})").unwrap(), "{1: 'a'}");
    /// ```
    pub fn repr(&mut self, value: &Value) -> Result<String, Error> {
        self.vm.repr(&value.0).map_err(|e| self.error(&e))
    }

    /// `str(value)`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_fn("text", |cx: &mut gyre::Cx, v: gyre::Value| cx.str(&v));
    /// assert_eq!(interp.eval::<String>("text(2.5)").unwrap(), "2.5");
    /// ```
    pub fn str(&mut self, value: &Value) -> Result<String, Error> {
        self.vm.str_of(&value.0).map_err(|e| self.error(&e))
    }

    /// `getattr(value, name)`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_fn("real_part", |cx: &mut gyre::Cx, v: gyre::Value| {
    ///     let r = cx.getattr(&v, "real")?;
    ///     cx.convert::<f64>(r)
    /// });
    /// assert_eq!(interp.eval::<f64>("real_part(4.5)").unwrap(), 4.5);
    /// ```
    pub fn getattr(&mut self, value: &Value, name: &str) -> Result<Value, Error> {
        let n = self.vm.intern(name);
        self.vm.get_attr(&value.0, &n).map(Value).map_err(|e| self.error(&e))
    }

    /// Converts a script value to a Rust value.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_fn("total", |cx: &mut gyre::Cx, items: gyre::Value| {
    ///     Ok::<i64, gyre::Error>(cx.convert::<Vec<i64>>(items)?.iter().sum())
    /// });
    /// assert_eq!(interp.eval::<i64>("total([1, 2, 3])").unwrap(), 6);
    /// ```
    pub fn convert<T: FromValue>(&mut self, value: Value) -> Result<T, Error> {
        T::from_value(value, self)
    }

    /// Converts a Rust value to a script value.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_fn("pair", |cx: &mut gyre::Cx| cx.value((1, "one")));
    /// assert_eq!(interp.eval::<String>("repr(pair())").unwrap(), "(1, 'one')");
    /// ```
    pub fn value<T: IntoValue>(&mut self, value: T) -> Result<Value, Error> {
        value.into_value(self)
    }

    /// Checks that scripts may use `capability`, for host functions that reach outside the
    /// process themselves: the same switches and the same `PermissionError` as gyre's own
    /// `open()` or sockets.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new(); // no capabilities
    /// interp.register_fn("read_config", |cx: &mut gyre::Cx, path: String| {
    ///     cx.require(gyre::Capability::Fs, "read_config")?;
    ///     std::fs::read_to_string(path).map_err(gyre::Error::from)
    /// });
    /// let err = interp.exec("read_config('/etc/hostname')").unwrap_err();
    /// let e = err.exception().unwrap();
    /// assert_eq!(e.type_name(), "PermissionError");
    /// assert_eq!(e.message(), "read_config: access denied: the 'fs' capability is off in this interpreter");
    /// ```
    pub fn require(&mut self, capability: super::limits::Capability, what: &str) -> Result<(), Error> {
        self.vm.require(capability.to_vm(), what).map_err(|e| self.error(&e))
    }

    /// The host error for a script exception raised during the current run.
    pub(crate) fn error(&mut self, e: &Exc) -> Error {
        match error_from_exc(self.vm, e) {
            // Host code may pass the error on: keep the object to re-raise it unchanged.
            Error::Exception(x) => Error::Exception(x.handed_out(self.vm, e)),
            other => other,
        }
    }

    /// Charges a newly made value to the memory limit.
    pub(crate) fn track(&mut self, v: &VmValue) -> Result<(), Error> {
        self.vm.mem_track_value(v).map_err(|e| self.error(&e))
    }
}

/// Classifies a script exception for the host: a limit that stopped the run, `sys.exit`, a
/// syntax error, or an ordinary exception.
pub(crate) fn error_from_exc(vm: &mut Vm, e: &Exc) -> Error {
    let is = |vm: &Vm, name: &str| e.class.is_subclass(&vm.exc_class(name));
    if let Some(limit) = vm.limits.tripped() {
        let caused = vm.limits.sticky().is_some() || is(vm, "MemoryError");
        if caused {
            let exception = Exception::from_exc(vm, e);
            return Error::Limit { limit: Limit::from_vm(limit), exception };
        }
    }
    if is(vm, "RecursionError") {
        return Error::Limit { limit: Limit::Recursion, exception: Exception::from_exc(vm, e) };
    }
    if is(vm, "SystemExit") {
        return Error::Exit(exit_code(vm, e));
    }
    if is(vm, "SyntaxError") && e.get_attr("rendered").is_some() {
        return Error::Syntax(Exception::from_exc(vm, e));
    }
    Error::Exception(Exception::from_exc(vm, e))
}

/// The exit status `sys.exit(arg)` asks for, as CPython computes it.
pub(crate) fn exit_code(vm: &Vm, e: &Exc) -> i32 {
    match vm.exc_args(e).first() {
        None | Some(VmValue::None) => 0,
        Some(VmValue::Int(i)) => *i as i32,
        Some(VmValue::Bool(b)) => *b as i32,
        Some(_) => 1,
    }
}
