//! [`Builder`]: configures an [`Interpreter`] before it exists: limits, capabilities,
//! output sinks, module search paths, `sys.argv` and the clock.

use std::io::Write;
use std::path::PathBuf;

use super::limits::{Capability, Clock, Limits};
use crate::interpreter::Interpreter;
use crate::vm::limits::Capabilities;
use crate::vm::{Sink, Vm};

/// Builds an [`Interpreter`]. Start from [`Interpreter::builder`].
///
/// ```
/// use std::time::Duration;
/// let out = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
/// let sink = out.clone();
/// let mut interp = gyre::Interpreter::builder()
///     .fuel(10_000_000)
///     .memory_limit(64 << 20)
///     .recursion_limit(500)
///     .time_limit(Duration::from_secs(5))
///     .allow(gyre::Capability::Env)
///     .stdout_fn(move |text| sink.borrow_mut().push_str(text))
///     .build();
/// interp.exec("print('hi')").unwrap();
/// assert_eq!(*out.borrow(), "hi\n");
/// ```
pub struct Builder {
    limits: Limits,
    capabilities: Capabilities,
    stdout: Option<Sink>,
    stderr: Option<Sink>,
    search_paths: Vec<PathBuf>,
    argv: Vec<String>,
    clock: Clock,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder {
            limits: Limits::default(),
            capabilities: Capabilities::default(),
            stdout: None,
            stderr: None,
            search_paths: Vec::new(),
            argv: vec![String::new()],
            clock: Clock::Real,
        }
    }
}

/// Adapts a text callback to `Write` (print writes whole strings, so chunks are UTF-8).
struct CallbackSink<F: FnMut(&str)>(F);

impl<F: FnMut(&str)> Write for CallbackSink<F> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        (self.0)(&String::from_utf8_lossy(buf));
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Builder {
    /// Sets every limit at once (see [`Limits`]).
    ///
    /// ```
    /// let limits = gyre::Limits { fuel: Some(1000), ..Default::default() };
    /// let mut interp = gyre::Interpreter::builder().limits(limits).build();
    /// assert_eq!(interp.fuel(), Some(1000));
    /// ```
    pub fn limits(mut self, limits: Limits) -> Builder {
        self.limits = limits;
        self
    }

    /// The instruction budget (see [`Limits::fuel`]).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().fuel(100).build();
    /// assert!(interp.exec("for i in range(1000): pass").is_err());
    /// ```
    pub fn fuel(mut self, fuel: u64) -> Builder {
        self.limits.fuel = Some(fuel);
        self
    }

    /// The memory limit in bytes (see [`Limits::memory`]).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().memory_limit(1 << 20).build();
    /// assert!(interp.exec("x = 'a' * 10**7").is_err());
    /// ```
    pub fn memory_limit(mut self, bytes: usize) -> Builder {
        self.limits.memory = Some(bytes);
        self
    }

    /// The most nested script frames (see [`Limits::recursion`]).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().recursion_limit(50).build();
    /// interp.exec("def f(n):\n    return 0 if n == 0 else f(n - 1)").unwrap();
    /// assert!(interp.call::<i64>("f", (30,)).is_ok());
    /// assert!(interp.call::<i64>("f", (100,)).is_err());
    /// ```
    pub fn recursion_limit(mut self, frames: usize) -> Builder {
        self.limits.recursion = Some(frames);
        self
    }

    /// The wall-clock time each run may take (see [`Limits::time`]).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder()
    ///     .time_limit(std::time::Duration::from_millis(50))
    ///     .build();
    /// assert!(interp.exec("while True: pass").is_err());
    /// ```
    pub fn time_limit(mut self, time: std::time::Duration) -> Builder {
        self.limits.time = Some(time);
        self
    }

    /// Grants a capability (all are off by default).
    ///
    /// ```
    /// let interp = gyre::Interpreter::builder().allow(gyre::Capability::Fs).build();
    /// assert!(interp.allows(gyre::Capability::Fs));
    /// ```
    pub fn allow(mut self, capability: Capability) -> Builder {
        self.set_capability(capability, true);
        self
    }

    /// Grants every capability (what the `gyre` command line does).
    ///
    /// ```
    /// let interp = gyre::Interpreter::builder().allow_all().build();
    /// assert!(interp.allows(gyre::Capability::Net));
    /// ```
    pub fn allow_all(mut self) -> Builder {
        self.capabilities = Capabilities::all();
        self
    }

    fn set_capability(&mut self, capability: Capability, on: bool) {
        let c = &mut self.capabilities;
        match capability {
            Capability::Net => c.net = on,
            Capability::Fs => c.fs = on,
            Capability::Env => c.env = on,
            Capability::Process => c.process = on,
            Capability::Signals => c.signals = on,
        }
    }

    /// Sends `print()` and `sys.stdout` output to `sink` instead of the process's stdout.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().stdout(std::io::sink()).build();
    /// interp.exec("print('discarded')").unwrap();
    /// ```
    pub fn stdout(mut self, sink: impl Write + 'static) -> Builder {
        self.stdout = Some(Box::new(sink));
        self
    }

    /// Sends `print()` and `sys.stdout` output to a callback, as text.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().stdout_fn(|text| assert_eq!(text, "4\n")).build();
    /// interp.exec("print(2 + 2)").unwrap();
    /// ```
    pub fn stdout_fn(self, callback: impl FnMut(&str) + 'static) -> Builder {
        self.stdout(CallbackSink(callback))
    }

    /// Sends `sys.stderr` output (and the loop's reports of unhandled task errors) to
    /// `sink` instead of the process's stderr.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().stderr(std::io::sink()).build();
    /// interp.exec("import sys\nsys.stderr.write('quiet')").unwrap();
    /// ```
    pub fn stderr(mut self, sink: impl Write + 'static) -> Builder {
        self.stderr = Some(Box::new(sink));
        self
    }

    /// Sends `sys.stderr` output to a callback, as text.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().stderr_fn(|text| assert_eq!(text, "oops")).build();
    /// interp.exec("import sys\nsys.stderr.write('oops')").unwrap();
    /// ```
    pub fn stderr_fn(self, callback: impl FnMut(&str) + 'static) -> Builder {
        self.stderr(CallbackSink(callback))
    }

    /// Adds a directory where `import` looks for `.py` modules (searched in the order
    /// added, before the embedded standard library).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("gyre_doc_module_path");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("helper_mod.py"), "ANSWER = 42\n").unwrap();
    /// let mut interp = gyre::Interpreter::builder().module_path(&dir).build();
    /// interp.exec("from helper_mod import ANSWER").unwrap();
    /// assert_eq!(interp.globals().get::<i64>("ANSWER").unwrap(), 42);
    /// ```
    pub fn module_path(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.search_paths.push(dir.into());
        self
    }

    /// Sets `sys.argv` (by default `['']`).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().argv(["app.py", "--fast"]).build();
    /// assert_eq!(interp.eval::<Vec<String>>("__import__('sys').argv").unwrap(), ["app.py", "--fast"]);
    /// ```
    pub fn argv<S: Into<String>>(mut self, argv: impl IntoIterator<Item = S>) -> Builder {
        self.argv = argv.into_iter().map(Into::into).collect();
        self
    }

    /// Chooses the event loop's clock (see [`Clock`]).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().clock(gyre::Clock::Virtual).build();
    /// interp.exec("import asyncio\nasync def main():\n    await asyncio.sleep(60)\n    return asyncio.get_running_loop().time()").unwrap();
    /// let now = interp.eval::<f64>("asyncio.run(main())").unwrap();
    /// assert!((now - 60.0).abs() < 1e-6); // a virtual minute, at once
    /// ```
    pub fn clock(mut self, clock: Clock) -> Builder {
        self.clock = clock;
        self
    }

    /// Creates the interpreter.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::builder().build();
    /// assert_eq!(interp.eval::<i64>("6 * 7").unwrap(), 42);
    /// ```
    pub fn build(self) -> Interpreter {
        let stdout = self.stdout.unwrap_or_else(|| Box::new(std::io::stdout()));
        let stderr = self.stderr.unwrap_or_else(|| Box::new(std::io::stderr()));
        let mut vm = Vm::with_sinks(stdout, stderr);
        vm.capabilities = self.capabilities;
        vm.search_paths = self.search_paths;
        vm.argv = self.argv;
        vm.limits.set_fuel(self.limits.fuel);
        vm.memory.set_limit(self.limits.memory);
        if let Some(frames) = self.limits.recursion {
            vm.recursion_limit = frames;
            vm.limits.max_recursion = frames;
        }
        if self.clock == Clock::Virtual {
            vm.virtual_clock = Some(0.0);
        }
        Interpreter::from_vm(vm, self.limits.time)
    }
}
