//! [`Interpreter`]: the public entry point for running scripts, used by embedders and the
//! CLI. It owns one VM, its `__main__` module, and the bookkeeping of a *run* (one top-level
//! `exec`, `eval`, `call`, ...): the per-run deadline, and turning what escaped the script
//! (or a limit that stopped it) into one [`Error`].
//!
//! Host functions, modules, classes and the async driver are in `embed/`; this file keeps
//! the synchronous core.

use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::embed::async_fn::{async_fn_value, AsyncHostFn};
use crate::embed::context::{error_from_exc, exit_code, Cx};
use crate::embed::driver::WaiterThread;
use crate::embed::host_fn::{closure_value, HostFn};
use crate::embed::{
    Builder, Capability, Class, Error, Exception, FromValue, InterruptHandle, IntoArgs, IntoValue, Limit,
    Module, UserData, Value,
};
use crate::vm::object::Dict;
use crate::vm::{Exc, PyResult, Value as VmValue, Vm};

/// `builtins.__doc__`, CPython 3.11's text.
const BUILTINS_DOC: &str = "Built-in functions, types, exceptions, and other objects.\n\nThis module \
provides direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\nthe \
full name for the built-in function len().\n\nThis module is not normally accessed explicitly by \
most\napplications, but can be useful in modules that provide\nobjects with the same name as a \
built-in value, but in\nwhich the built-in of that name is also needed.";

/// A gyre interpreter: one VM with its modules, globals, limits and output sinks.
///
/// Interpreters are independent (no global state): run several in one process, one per
/// thread if you like. An `Interpreter` is neither `Send` nor `Sync`; to use it from
/// another thread, create it there.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// interp.exec("def greet(name):\n    return f'hello, {name}'").unwrap();
/// let s: String = interp.call("greet", ("world",)).unwrap();
/// assert_eq!(s, "hello, world");
/// ```
///
/// ```compile_fail
/// fn needs_send<T: Send>(_: T) {}
/// needs_send(gyre::Interpreter::new()); // an Interpreter cannot move to another thread
/// ```
pub struct Interpreter {
    pub(crate) vm: Vm,
    main: Rc<Dict>,
    time_limit: Option<Duration>,
    /// The event loop of async calls and tasks (created on first use; see `embed::driver`).
    pub(crate) host_loop: Option<VmValue>,
    /// Wakes a host's task when that loop has work (created on first use).
    pub(crate) waiter: Option<WaiterThread>,
}

impl Default for Interpreter {
    fn default() -> Interpreter {
        Interpreter::new()
    }
}

impl Interpreter {
    /// An interpreter with the defaults for embedding: no limits but a recursion limit of
    /// 1000, no capabilities (no network, files or environment), output to the process's
    /// stdout and stderr, real time.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// assert_eq!(interp.eval::<i64>("2 ** 10").unwrap(), 1024);
    /// ```
    pub fn new() -> Interpreter {
        Builder::default().build()
    }

    /// A [`Builder`] to configure limits, capabilities, sinks, search paths and the clock.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().fuel(1_000_000).build();
    /// interp.exec("x = sum(range(100))").unwrap();
    /// ```
    pub fn builder() -> Builder {
        Builder::default()
    }

    pub(crate) fn from_vm(mut vm: Vm, time_limit: Option<Duration>) -> Interpreter {
        let main = Rc::new(Dict::default());
        let module = vm.new_module("__main__", main.clone());
        vm.module_insert("__main__", module.clone());
        let builtins = vm.builtins.clone();
        let doc = vm.intern("__doc__");
        vm.store_global(&builtins, &doc, VmValue::str(BUILTINS_DOC));
        let builtins = vm.new_module("builtins", builtins);
        // The same module object as `import builtins`, as in CPython.
        vm.module_insert("builtins", builtins.clone());
        vm.module_set(&module, "__builtins__", builtins);
        // A script's `__main__` has no package and no import spec, as in CPython.
        vm.module_set(&module, "__package__", VmValue::None);
        vm.module_set(&module, "__spec__", VmValue::None);
        Interpreter { vm, main, time_limit, host_loop: None, waiter: None }
    }

    // ----- running code -----

    /// Runs source code in the `__main__` namespace (globals persist between calls).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("counter = 1").unwrap();
    /// interp.exec("counter += 1").unwrap();
    /// assert_eq!(interp.globals().get::<i64>("counter").unwrap(), 2);
    /// ```
    pub fn exec(&mut self, source: &str) -> Result<(), Error> {
        self.exec_as(source, "<string>")
    }

    /// Like [`exec`](Interpreter::exec), naming the source `filename` in tracebacks.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let err = interp.exec_as("1/0", "config.py").unwrap_err();
    /// assert!(err.exception().unwrap().traceback().contains("File \"config.py\", line 1"));
    /// ```
    pub fn exec_as(&mut self, source: &str, filename: &str) -> Result<(), Error> {
        let globals = self.main.clone();
        self.run_top(|vm| vm.exec_source(source, filename, &globals).map(drop))
    }

    /// Evaluates one expression in the `__main__` namespace and converts its value.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("xs = [3, 1, 2]").unwrap();
    /// let sorted: Vec<i64> = interp.eval("sorted(xs)").unwrap();
    /// assert_eq!(sorted, [1, 2, 3]);
    /// assert!(matches!(interp.eval::<i64>("x = 1"), Err(gyre::Error::Syntax(_))));
    /// ```
    pub fn eval<T: FromValue>(&mut self, expr: &str) -> Result<T, Error> {
        let globals = self.main.clone();
        let v = self.run_top(|vm| eval_source(vm, expr, &globals))?;
        self.convert(Value(v))
    }

    /// Runs a script file in the `__main__` namespace, with `__file__` set and the file's
    /// directory searched first by `import` (as `python FILE` does).
    ///
    /// ```
    /// let path = std::env::temp_dir().join("gyre_doc_run_file.py");
    /// std::fs::write(&path, "result = 'ran'\n").unwrap();
    /// let mut interp = gyre::Interpreter::new();
    /// interp.run_file(&path).unwrap();
    /// assert_eq!(interp.globals().get::<String>("result").unwrap(), "ran");
    /// assert!(matches!(interp.run_file("/no/such/file.py"), Err(gyre::Error::Io(_))));
    /// ```
    pub fn run_file(&mut self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path)?;
        let name = path.display().to_string();
        self.vm.search_paths.insert(0, script_dir(path));
        let text = match gyre_grammar::decode_source(&bytes) {
            Ok(text) => text.to_string(),
            Err(e) => {
                let msg = decode_error_message(&e, &name, &bytes);
                return Err(Error::Syntax(Exception::new("SyntaxError", msg)));
            }
        };
        let file = self.vm.intern("__file__");
        let globals = self.main.clone();
        self.vm.store_global(&globals, &file, VmValue::str(&name));
        self.exec_as(&text, &name)
    }

    /// Imports a module (a registered native module, a `.py` file on the search path, or
    /// the embedded standard library) and returns the module object.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let math = interp.import("math").unwrap();
    /// let floor = interp.getattr(&math, "floor").unwrap();
    /// assert_eq!(interp.call::<i64>(&floor, (2.5,)).unwrap(), 2);
    /// assert!(interp.import("no_such_module").is_err());
    /// ```
    pub fn import(&mut self, module: &str) -> Result<Value, Error> {
        let globals = self.main.clone();
        self.run_top(|vm| vm.import(module, 0, false, &globals)).map(Value)
    }

    /// Calls a function: a global's name (looked up in `__main__`, then the builtins) or a
    /// callable [`Value`], with arguments (see [`IntoArgs`]), and converts the result.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("def area(w, h):\n    return w * h").unwrap();
    /// assert_eq!(interp.call::<i64>("area", (3, 4)).unwrap(), 12);
    /// let max = interp.eval::<gyre::Value>("max").unwrap();
    /// assert_eq!(interp.call::<i64>(&max, (3, 9, 4)).unwrap(), 9);
    /// ```
    pub fn call<R: FromValue>(&mut self, func: impl Callee, args: impl IntoArgs) -> Result<R, Error> {
        let f = func.resolve(self)?;
        let args = args.into_args(&mut Cx::new(&mut self.vm))?;
        let v = self.run_top(|vm| vm.call(&f, args))?;
        self.convert(Value(v))
    }

    // ----- values -----

    /// The `__main__` namespace: read and write global variables.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.globals().set("limit", 10).unwrap();
    /// interp.exec("doubled = limit * 2").unwrap();
    /// assert_eq!(interp.globals().get::<i64>("doubled").unwrap(), 20);
    /// ```
    pub fn globals(&mut self) -> Globals<'_> {
        Globals { interp: self }
    }

    /// Converts a script value into a Rust value.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let v: gyre::Value = interp.eval("(1, 2)").unwrap();
    /// assert_eq!(interp.convert::<(i64, i64)>(v).unwrap(), (1, 2));
    /// ```
    pub fn convert<T: FromValue>(&mut self, value: Value) -> Result<T, Error> {
        T::from_value(value, &mut Cx::new(&mut self.vm))
    }

    /// Converts a Rust value into a script value of this interpreter.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let v = interp.value(vec![1.5, 2.5]).unwrap();
    /// assert_eq!(interp.repr(&v).unwrap(), "[1.5, 2.5]");
    /// ```
    pub fn value<T: IntoValue>(&mut self, value: T) -> Result<Value, Error> {
        value.into_value(&mut Cx::new(&mut self.vm))
    }

    /// `repr(value)`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let v = interp.value("it's").unwrap();
    /// assert_eq!(interp.repr(&v).unwrap(), "\"it's\"");
    /// ```
    pub fn repr(&mut self, value: &Value) -> Result<String, Error> {
        let v = value.0.clone();
        self.run_top(|vm| vm.repr(&v))
    }

    /// `str(value)`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let v = interp.value(0.1 + 0.2).unwrap();
    /// assert_eq!(interp.str(&v).unwrap(), "0.30000000000000004");
    /// ```
    pub fn str(&mut self, value: &Value) -> Result<String, Error> {
        let v = value.0.clone();
        self.run_top(|vm| vm.str_of(&v))
    }

    /// `getattr(value, name)`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let s = interp.value("abc").unwrap();
    /// let upper = interp.getattr(&s, "upper").unwrap();
    /// assert_eq!(interp.call::<String>(&upper, ()).unwrap(), "ABC");
    /// ```
    pub fn getattr(&mut self, value: &Value, name: &str) -> Result<Value, Error> {
        let v = value.0.clone();
        let n = self.vm.intern(name);
        self.run_top(|vm| vm.get_attr(&v, &n)).map(Value)
    }

    // ----- host functions -----

    /// Makes a Rust closure callable from scripts as a builtin named `name` (visible in
    /// every module). Arguments convert with [`FromValue`]; a wrong count or type raises
    /// `TypeError` with CPython's message for builtins. See [`HostFn`] and
    /// [`HostReturn`](crate::HostReturn).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_fn("clamp", |x: f64, lo: f64, hi: f64| x.max(lo).min(hi));
    /// assert_eq!(interp.eval::<f64>("clamp(7, 0, 5)").unwrap(), 5.0);
    /// let err = interp.eval::<f64>("clamp(1, 2)").unwrap_err();
    /// assert_eq!(err.to_string(), "TypeError: clamp() takes exactly 3 arguments (2 given)");
    /// ```
    pub fn register_fn<M: 'static, F: HostFn<M>>(&mut self, name: &str, f: F) {
        let v = closure_value(&mut self.vm, name, f, false);
        crate::builtins::set_builtin(&mut self.vm, name, v);
    }

    /// Makes a Rust async closure callable from scripts as a builtin named `name`: calling
    /// it returns a coroutine; awaiting it polls the Rust future on the event loop,
    /// concurrently with other tasks. Its output converts like a host function's; an error
    /// is raised in the awaiting task; cancelling the task drops the future. See
    /// [`AsyncHostFn`].
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_async_fn("fetch", |key: String| async move {
    ///     if key.is_empty() { Err("empty key") } else { Ok(format!("value of {key}")) }
    /// });
    /// interp.exec("async def main():\n    return await fetch('a')").unwrap();
    /// assert_eq!(interp.run::<String>("main", ()).unwrap(), "value of a");
    /// interp.exec("async def bad():\n    return await fetch('')").unwrap();
    /// assert_eq!(interp.run::<String>("bad", ()).unwrap_err().to_string(), "RuntimeError: empty key");
    /// ```
    pub fn register_async_fn<M: 'static, F: AsyncHostFn<M>>(&mut self, name: &str, f: F) {
        match async_fn_value(&mut self.vm, name, f) {
            Ok(v) => crate::builtins::set_builtin(&mut self.vm, name, v),
            Err(e) => crate::builtins::set_builtin(&mut self.vm, name, VmValue::Obj(e)),
        }
    }

    /// Creates a native module that scripts can `import` and returns it to fill in with
    /// functions, values and classes (see [`Module`]).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_module("units").function("km", |miles: f64| miles * 1.609344).set("VERSION", "1.0").unwrap();
    /// interp.exec("from units import km, VERSION").unwrap();
    /// assert_eq!(interp.eval::<f64>("round(km(10), 3)").unwrap(), 16.093);
    /// ```
    pub fn register_module(&mut self, name: &str) -> Module<'_> {
        Module::create(&mut self.vm, name)
    }

    /// Creates a host class named `name` (a builtin, visible in every module) whose objects
    /// hold a `T`, and returns it to add a constructor, methods and properties (see
    /// [`Class`] and [`UserData`]).
    ///
    /// ```
    /// struct Counter { n: i64 }
    /// impl gyre::UserData for Counter {}
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_class::<Counter>("Counter")
    ///     .constructor(|start: i64| Counter { n: start })
    ///     .method("incr", |c: &mut Counter, by: i64| { c.n += by; c.n });
    /// assert_eq!(interp.eval::<i64>("Counter(10).incr(5)").unwrap(), 15);
    /// ```
    pub fn register_class<T: UserData>(&mut self, name: &str) -> Class<'_, T> {
        let (mut class, value) = Class::create(&mut self.vm, name);
        crate::builtins::set_builtin(class.vm_mut(), name, value);
        class
    }

    /// A handle that stops this interpreter's running script from another thread.
    ///
    /// ```
    /// let interp = gyre::Interpreter::new();
    /// let handle = interp.interrupt_handle();
    /// std::thread::spawn(move || handle.interrupt()).join().unwrap();
    /// ```
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle::new(self.vm.limits.interrupt())
    }

    // ----- limits and capabilities -----

    /// The instruction budget left (`None`: unlimited).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().fuel(1_000_000).build();
    /// interp.exec("for i in range(100): pass").unwrap();
    /// let left = interp.fuel().unwrap();
    /// assert!(left < 1_000_000 && left > 999_000);
    /// ```
    pub fn fuel(&self) -> Option<u64> {
        self.vm.limits.fuel()
    }

    /// Sets the instruction budget (`None`: unlimited), e.g. to refuel after a script ran
    /// out.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().fuel(10).build();
    /// assert!(interp.exec("for i in range(100): pass").is_err());
    /// interp.set_fuel(None);
    /// interp.exec("for i in range(100): pass").unwrap();
    /// ```
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        self.vm.limits.set_fuel(fuel);
    }

    /// Sets the wall-clock time each run may take (`None`: no limit).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.set_time_limit(Some(std::time::Duration::from_millis(20)));
    /// let err = interp.exec("while True: pass").unwrap_err();
    /// assert!(matches!(err, gyre::Error::Limit { limit: gyre::Limit::Deadline, .. }));
    /// ```
    pub fn set_time_limit(&mut self, time: Option<Duration>) {
        self.time_limit = time;
    }

    /// Sets the memory limit in bytes (`None`: unlimited; see [`Limits`](crate::Limits)).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.set_memory_limit(Some(1 << 20));
    /// assert!(interp.exec("big = [0] * 10**6").is_err());
    /// interp.set_memory_limit(None);
    /// interp.exec("big = [0] * 10**6").unwrap();
    /// ```
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        self.vm.memory.set_limit(bytes);
    }

    /// Bytes of script data currently counted against the memory limit (0 without a limit).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().memory_limit(64 << 20).build();
    /// interp.exec("data = 'x' * 100000").unwrap();
    /// assert!(interp.memory_used() >= 100_000);
    /// interp.exec("del data").unwrap();
    /// assert!(interp.memory_used() < 100_000);
    /// ```
    pub fn memory_used(&mut self) -> usize {
        self.vm.memory_used()
    }

    /// Whether scripts may use `capability`.
    ///
    /// ```
    /// let interp = gyre::Interpreter::new();
    /// assert!(!interp.allows(gyre::Capability::Fs));
    /// ```
    pub fn allows(&self, capability: Capability) -> bool {
        self.vm.capabilities.allows(capability.to_vm())
    }

    /// Grants or revokes a capability.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.set_capability(gyre::Capability::Net, true);
    /// assert!(interp.allows(gyre::Capability::Net));
    /// ```
    pub fn set_capability(&mut self, capability: Capability, allowed: bool) {
        let c = &mut self.vm.capabilities;
        match capability {
            Capability::Net => c.net = allowed,
            Capability::Fs => c.fs = allowed,
            Capability::Env => c.env = allowed,
            Capability::Process => c.process = allowed,
            Capability::Signals => c.signals = allowed,
        }
    }

    // ----- runs -----

    /// Runs `body` as one top-level run: starts the deadline, and turns an escaped exception
    /// or a limit that stopped the script into an [`Error`].
    pub(crate) fn run_top<T>(&mut self, body: impl FnOnce(&mut Vm) -> PyResult<T>) -> Result<T, Error> {
        self.begin_run();
        let result = body(&mut self.vm);
        self.finish_run(result)
    }

    /// Clears the run's limits; after a limit stopped the run for good (deadline, fuel, a
    /// final memory limit...), also frees what the script's cut-short `asyncio.run` left (see
    /// [`crate::asyncio::close_abandoned_loop`]): nothing can resume it, and its tasks would
    /// otherwise hold their memory against the next run's limit.
    fn end_limits_run(&mut self) {
        if self.vm.limits.sticky().is_some() && crate::asyncio::close_abandoned_loop(&mut self.vm) {
            self.vm.gc_collect(true);
        }
        self.vm.limits.end_run();
        self.vm.memory.end_run();
    }

    pub(crate) fn begin_run(&mut self) {
        self.vm.limits.check_soon();
        if let Some(t) = self.time_limit {
            self.vm.limits.set_deadline(Some(Instant::now() + t));
        }
    }

    pub(crate) fn finish_run<T>(&mut self, result: PyResult<T>) -> Result<T, Error> {
        let out = match result {
            Err(e) => Err(error_from_exc(&mut self.vm, &e)),
            Ok(v) => match self.vm.limits.sticky() {
                // The script swallowed the limit's exception; the host still hears of it.
                Some(limit) => {
                    let e = self.vm.limit_exception(limit);
                    let exception = Exception::from_exc(&mut self.vm, &e);
                    Err(Error::Limit { limit: Limit::from_vm(limit), exception })
                }
                None => Ok(v),
            },
        };
        self.end_limits_run();
        self.vm.limits.set_deadline(None);
        self.vm.handled = VmValue::None;
        crate::embed::error::HandedOut::forget_all(&mut self.vm);
        let _ = self.vm.stdout.flush();
        let _ = self.vm.stderr.flush();
        out
    }

    // ----- the command line -----

    /// Sets `sys.argv` (the command line's arguments).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.set_argv(vec!["tool".into(), "-v".into()]);
    /// assert_eq!(interp.eval::<Vec<String>>("__import__('sys').argv").unwrap(), ["tool", "-v"]);
    /// ```
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.argv = argv;
    }

    /// The command line's `gyre FILE`: runs the file as `__main__`, prints an uncaught
    /// exception's traceback to stderr, and returns the process exit status.
    #[doc(hidden)]
    pub fn run_main(&mut self, path: &Path) -> i32 {
        // As CPython 3.9+: the main script's name (in `__file__`, tracebacks and the error
        // below) is the current directory joined to it, not normalised.
        let absolute = match std::env::current_dir() {
            Ok(cwd) if path.is_relative() => cwd.join(path),
            _ => path.to_path_buf(),
        };
        let path = absolute.as_path();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let msg = format!(
                    "gyre: can't open file '{}': [Errno {}] {}\n",
                    path.display(),
                    e.raw_os_error().unwrap_or(0),
                    crate::net::errors::io_strerror(&e)
                );
                self.vm.write_stderr(&msg);
                return 2;
            }
        };
        self.vm.search_paths.insert(0, script_dir(path));
        let name = path.display().to_string();
        match gyre_grammar::decode_source(&bytes) {
            Ok(text) => {
                let text = text.to_string();
                self.run_source(&text, &name)
            }
            Err(e) => {
                let msg = decode_error_message(&e, &name, &bytes);
                self.vm.write_stderr(&format!("{msg}\n"));
                1
            }
        }
    }

    /// Runs the interactive prompt on `__main__` (kept from a script run before, as with
    /// `gyre -i FILE`) until Ctrl-D or `exit()`; returns the exit status. stdin must be a
    /// terminal. `$GYRE_HISTORY` overrides the history file (`~/.gyre_history`).
    #[cfg(feature = "cli")]
    #[doc(hidden)]
    pub fn run_repl(&mut self) -> i32 {
        crate::repl::run(&mut self.vm)
    }

    /// The command line's `gyre -m NAME`: runs module `name`, found on the search path (the
    /// current directory first) or in the embedded stdlib, as `__main__`; a package runs its
    /// `__main__` submodule. Returns the exit status.
    #[doc(hidden)]
    pub fn run_module(&mut self, name: &str) -> i32 {
        self.vm.search_paths.insert(0, std::path::PathBuf::from("."));
        let found = match self.vm.find_source(name) {
            Some((_, _, true)) => self.vm.find_source(&format!("{name}.__main__")).ok_or_else(|| {
                format!(
                    "No module named {name}.__main__; '{name}' is a package and cannot be directly executed"
                )
            }),
            Some(found) => Ok(found),
            None => Err(format!("No module named {name}")),
        };
        let (source, filename) = match found {
            Ok((source, filename, _)) => (source, filename),
            Err(msg) => {
                self.vm.write_stderr(&format!("gyre: {msg}\n"));
                return 1;
            }
        };
        if let Some(first) = self.vm.argv.first_mut() {
            first.clone_from(&filename);
        }
        self.run_source(&source, &filename)
    }

    /// The command line's `gyre -c CODE`: runs source as `__main__`, prints an uncaught
    /// exception's traceback to stderr, and returns the process exit status.
    #[doc(hidden)]
    pub fn run_source(&mut self, source: &str, filename: &str) -> i32 {
        let file = self.vm.intern("__file__");
        let globals = self.main.clone();
        self.vm.store_global(&globals, &file, VmValue::str(filename));
        self.begin_run();
        let result = self.vm.exec_source(source, filename, &globals);
        let status = match result {
            Ok(_) => 0,
            Err(e) => report(&mut self.vm, &e),
        };
        self.end_limits_run();
        self.vm.limits.set_deadline(None);
        let _ = self.vm.stdout.flush();
        let _ = self.vm.stderr.flush();
        status
    }

    /// The command line's exit: runs the `atexit` handlers, then clears `__main__` as CPython
    /// does at shutdown, so generators its globals still hold are closed (their `finally`
    /// clauses run), then flushes. Embedders call it when they are done with the interpreter.
    #[doc(hidden)]
    pub fn shutdown(&mut self) {
        self.run_exit_handlers();
        self.vm.finalize_main();
        let _ = self.vm.stdout.flush();
        let _ = self.vm.stderr.flush();
    }
}

impl Interpreter {
    /// Runs the functions registered with `atexit` (if the script imported it), under the
    /// run's limits. `atexit._run_exitfuncs` reports each handler's exception itself; what
    /// escapes it (the module was tampered with) is reported as an uncaught exception.
    fn run_exit_handlers(&mut self) {
        let Some(module) = self.vm.module_get("atexit") else { return };
        self.begin_run();
        let name = VmValue::str("_run_exitfuncs");
        let result = match self.vm.get_attr(&module, &name) {
            Ok(run) => self.vm.call(&run, Vec::new()),
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            report(&mut self.vm, &e);
        }
        self.vm.limits.end_run();
        self.vm.limits.set_deadline(None);
    }
}

use std::io::Write as _;

/// The status [`Interpreter::run_main`] and its siblings return when the program ended with
/// an uncaught KeyboardInterrupt (after printing its traceback): CPython then ends itself with
/// SIGINT, which the command line does too (a shell sees status 130).
#[doc(hidden)]
pub const STATUS_KEYBOARD_INTERRUPT: i32 = -2;

/// Prints an uncaught exception to stderr as CPython does (or handles SystemExit) and returns
/// the exit status (the command line and the REPL).
pub(crate) fn report(vm: &mut Vm, e: &Exc) -> i32 {
    if e.class.is_subclass(&vm.exc_class("SystemExit")) {
        let code = exit_code(vm, e);
        let printed = vm
            .exc_args(e)
            .first()
            .cloned()
            .filter(|a| !matches!(a, VmValue::Int(_) | VmValue::Bool(_) | VmValue::None));
        if let Some(arg) = printed {
            let s = vm.str_of(&arg).unwrap_or_default();
            let _ = vm.stdout.flush();
            vm.write_stderr(&format!("{s}\n"));
        }
        return code;
    }
    let _ = vm.stdout.flush();
    if let Some(VmValue::Str(r)) = e.get_attr("rendered") {
        let text = r.as_str().to_string();
        vm.write_stderr(&text);
        vm.write_stderr("\n");
        return 1;
    }
    let text = vm.format_exception(e);
    vm.write_stderr(&text);
    if e.class.is_subclass(&vm.exc_class("KeyboardInterrupt")) {
        return STATUS_KEYBOARD_INTERRUPT;
    }
    1
}

/// The directory of a script, searched first by its imports (`.` for a bare file name).
fn script_dir(path: &Path) -> std::path::PathBuf {
    path.parent()
        .map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p })
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// CPython's message for a source file that is not valid UTF-8.
fn decode_error_message(e: &gyre_grammar::SyntaxError, name: &str, bytes: &[u8]) -> String {
    format!(
        "SyntaxError: {} in file {name} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
        e.msg,
        e.line(&String::from_utf8_lossy(bytes))
    )
}

/// Parses and compiles one expression and evaluates it in `globals`.
fn eval_source(vm: &mut Vm, expr: &str, globals: &Rc<Dict>) -> PyResult<VmValue> {
    let code = vm.compile_eval_source(expr, "<string>")?;
    vm.run_code(&code, globals)
}

/// Something [`Interpreter::call`] can call: a global's name, or a callable [`Value`].
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// let abs = interp.eval::<gyre::Value>("abs").unwrap();
/// assert_eq!(interp.call::<i64>("abs", (-3,)).unwrap(), 3);
/// assert_eq!(interp.call::<i64>(&abs, (-4,)).unwrap(), 4);
/// assert_eq!(interp.call::<i64>(abs, (-5,)).unwrap(), 5);
/// ```
pub trait Callee {
    /// The script value to call.
    #[doc(hidden)]
    fn resolve(self, interp: &mut Interpreter) -> Result<VmValue, Error>;
}

impl Callee for &str {
    fn resolve(self, interp: &mut Interpreter) -> Result<VmValue, Error> {
        interp.globals().lookup(self)
    }
}

impl Callee for &Value {
    fn resolve(self, _interp: &mut Interpreter) -> Result<VmValue, Error> {
        Ok(self.0.clone())
    }
}

impl Callee for Value {
    fn resolve(self, _interp: &mut Interpreter) -> Result<VmValue, Error> {
        Ok(self.0)
    }
}

/// The global variables of `__main__` (from [`Interpreter::globals`]).
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// let mut g = interp.globals();
/// g.set("name", "gyre").unwrap();
/// assert!(g.contains("name"));
/// assert_eq!(g.get::<String>("name").unwrap(), "gyre");
/// assert!(g.remove("name"));
/// assert!(g.get::<String>("name").is_err());
/// ```
pub struct Globals<'a> {
    interp: &'a mut Interpreter,
}

impl Globals<'_> {
    /// The global `name` converted to `T`; a missing name is `NameError`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("point = (1.5, -2.0)").unwrap();
    /// let p: (f64, f64) = interp.globals().get("point").unwrap();
    /// assert_eq!(p, (1.5, -2.0));
    /// ```
    pub fn get<T: FromValue>(&mut self, name: &str) -> Result<T, Error> {
        let v = self.lookup_main(name)?;
        self.interp.convert(Value(v))
    }

    /// Sets the global `name`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.globals().set("config", vec![("debug", true)]).unwrap();
    /// assert_eq!(interp.eval::<String>("repr(config)").unwrap(), "[('debug', True)]");
    /// ```
    pub fn set(&mut self, name: &str, value: impl IntoValue) -> Result<(), Error> {
        let v = self.interp.value(value)?;
        let vm = &mut self.interp.vm;
        let n = vm.intern(name);
        vm.store_global(&self.interp.main, &n, v.0);
        Ok(())
    }

    /// Whether the global `name` exists.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// assert!(!interp.globals().contains("x"));
    /// interp.exec("x = 1").unwrap();
    /// assert!(interp.globals().contains("x"));
    /// ```
    pub fn contains(&self, name: &str) -> bool {
        self.interp.vm.dict_get_str(&self.interp.main, &VmValue::str(name)).is_some()
    }

    /// Deletes the global `name`; returns whether it existed.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("x = 1").unwrap();
    /// assert!(interp.globals().remove("x"));
    /// assert!(!interp.globals().remove("x"));
    /// ```
    pub fn remove(&mut self, name: &str) -> bool {
        let vm = &mut self.interp.vm;
        let n = vm.intern(name);
        vm.delete_global(&self.interp.main, &n).is_ok()
    }

    /// The names of all globals, in definition order.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("a = 1\nb = 2").unwrap();
    /// let names = interp.globals().names();
    /// assert!(names.ends_with(&["a".to_string(), "b".to_string()]));
    /// ```
    pub fn names(&self) -> Vec<String> {
        let map = self.interp.main.map.borrow();
        map.iter().filter_map(|(k, _)| k.as_str().map(str::to_string)).collect()
    }

    fn lookup_main(&mut self, name: &str) -> Result<VmValue, Error> {
        match self.interp.vm.dict_get_str(&self.interp.main, &VmValue::str(name)) {
            Some(v) => Ok(v),
            None => Err(name_error(name)),
        }
    }

    /// A global of `__main__`, else a builtin (how a call by name resolves).
    fn lookup(&mut self, name: &str) -> Result<VmValue, Error> {
        if let Ok(v) = self.lookup_main(name) {
            return Ok(v);
        }
        let b = self.interp.vm.builtins.clone();
        self.interp.vm.dict_get_str(&b, &VmValue::str(name)).ok_or_else(|| name_error(name))
    }
}

fn name_error(name: &str) -> Error {
    Error::Exception(Exception::new("NameError", format!("name '{name}' is not defined")))
}
