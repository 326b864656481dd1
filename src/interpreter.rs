//! `Interpreter`: the public entry point for running scripts (used by the CLI and embedders).

use std::path::Path;
use std::rc::Rc;

use crate::vm::object::Dict;
use crate::vm::{Exc, Value, Vm};

/// A gyre interpreter: one VM with its modules and output sinks.
///
/// ```
/// let mut it = gyre::Interpreter::new();
/// assert_eq!(it.run_source("x = 1 + 2\n", "<example>"), 0);
/// ```
pub struct Interpreter {
    vm: Vm,
}

impl Default for Interpreter {
    fn default() -> Interpreter {
        Interpreter::new()
    }
}

impl Interpreter {
    /// An interpreter printing to the process's stdout and stderr.
    pub fn new() -> Interpreter {
        Interpreter { vm: Vm::new() }
    }

    /// Interpreter shutdown: clears `__main__` as CPython does at exit, so generators its
    /// globals still hold are closed (their `finally` clauses run), then flushes the output.
    pub fn shutdown(&mut self) {
        self.vm.finalize_main();
        let _ = self.vm.stdout.flush();
        let _ = self.vm.stderr.flush();
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.argv = argv;
    }

    /// Runs a script file as `__main__`; returns the process exit status.
    pub fn run_file(&mut self, path: &Path) -> i32 {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let msg = format!(
                    "gyre: can't open file '{}': [Errno {}] {}\n",
                    path.display(),
                    e.raw_os_error().unwrap_or(0),
                    e
                );
                self.vm.write_stderr(&msg);
                return 2;
            }
        };
        let dir = path
            .parent()
            .map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p })
            .unwrap_or(Path::new("."));
        self.vm.search_paths.insert(0, dir.to_path_buf());
        let name = path.display().to_string();
        match gyre_grammar::decode_source(&bytes) {
            Ok(text) => {
                let text = text.to_string();
                self.run_source(&text, &name)
            }
            Err(e) => {
                let msg = format!("SyntaxError: {} in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n", e.msg, name, e.line(&String::from_utf8_lossy(&bytes)));
                self.vm.write_stderr(&msg);
                1
            }
        }
    }

    /// Runs the interactive prompt on `__main__` (kept from a script run before, as with
    /// `gyre -i FILE`) until Ctrl-D or `exit()`; returns the exit status. stdin must be a
    /// terminal. `$GYRE_HISTORY` overrides the history file (`~/.gyre_history`).
    #[cfg(feature = "cli")]
    pub fn run_repl(&mut self) -> i32 {
        crate::repl::run(&mut self.vm)
    }

    /// Runs module `name`, found on the search path (the current directory first) or in the
    /// embedded stdlib, as `__main__` (`gyre -m NAME`); a package runs its `__main__`
    /// submodule. Returns the exit status.
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

    /// Runs source text as `__main__`; returns the process exit status.
    pub fn run_source(&mut self, source: &str, filename: &str) -> i32 {
        let globals = Rc::new(Dict::default());
        let main = self.vm.new_module("__main__", globals.clone());
        self.vm.module_insert("__main__", main.clone());
        let builtins = self.vm.builtins.clone();
        let bm = self.vm.new_module("builtins", builtins);
        self.vm.module_set(&main, "__builtins__", bm);
        self.vm.module_set(&main, "__file__", Value::str(filename));
        let result = self.vm.exec_source(source, filename, &globals);
        let status = match result {
            Ok(_) => 0,
            Err(e) => report(&mut self.vm, &e),
        };
        let _ = self.vm.stdout.flush();
        let _ = self.vm.stderr.flush();
        status
    }
}

/// Prints an uncaught exception (or handles SystemExit) and returns the exit status.
pub(crate) fn report(vm: &mut Vm, e: &Exc) -> i32 {
    if e.class.is_subclass(&vm.exc_class("SystemExit")) {
        let args = vm.exc_args(e);
        return match args.first() {
            None | Some(Value::None) => 0,
            Some(Value::Int(i)) => *i as i32,
            Some(Value::Bool(b)) => *b as i32,
            Some(other) => {
                let s = vm.str_of(other).unwrap_or_default();
                let _ = vm.stdout.flush();
                vm.write_stderr(&format!("{s}\n"));
                1
            }
        };
    }
    let _ = vm.stdout.flush();
    if let Some(Value::Str(r)) = e.get_attr("rendered") {
        let text = r.as_str().to_string();
        vm.write_stderr(&text);
        vm.write_stderr("\n");
        return 1;
    }
    let text = vm.format_exception(e);
    vm.write_stderr(&text);
    1
}

use std::io::Write as _;
