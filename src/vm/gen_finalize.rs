//! Closing generators that were dropped while suspended (CPython's generator finalizer).
//!
//! CPython closes a generator when its last reference goes away, so the `finally` clauses
//! and `with` exits around its current `yield` run right then. A Rust `Drop` cannot run
//! script code, so a dropped plain generator that would notice the close (one suspended in
//! a `try` or `with`, see `Generator::needs_close`) moves its state to the VM's graveyard,
//! and the VM closes it at the next call it makes: every visible effect (output, a method
//! call on a shared object) goes through a call, so the cleanup still comes before what
//! the script does next. Errors of a close are reported as CPython reports exceptions it
//! cannot raise ("Exception ignored in: ..." on stderr). At exit, [`Vm::finalize_main`]
//! clears `__main__` as CPython's shutdown does, so generators still held by globals close
//! too.

use super::object::{Object, Payload};
use super::value::Value;
use super::Vm;

impl Vm {
    /// True when dropped generators wait to be closed.
    #[inline(always)]
    pub fn has_dropped_generators(&self) -> bool {
        self.gen_graveyard.try_borrow().is_ok_and(|q| !q.is_empty())
    }

    /// Closes every generator in the graveyard, oldest first (also those dropped meanwhile).
    #[cold]
    pub fn close_dropped_generators(&mut self) {
        if self.finalizing_gens {
            return;
        }
        self.finalizing_gens = true;
        loop {
            let next = {
                let mut q = self.gen_graveyard.borrow_mut();
                if q.is_empty() {
                    None
                } else {
                    Some(q.remove(0))
                }
            };
            let Some(g) = next else { break };
            let gen = Object::new(self.types.generator.clone(), Payload::Generator(g));
            if let Err(e) = self.gen_close(&gen) {
                self.report_unraisable(&e, &Value::Obj(gen));
            }
        }
        self.finalizing_gens = false;
    }

    /// Writes an exception nothing can catch to stderr, as CPython's default
    /// `sys.unraisablehook` does: "Exception ignored in: <obj repr>" and the traceback.
    pub fn report_unraisable(&mut self, e: &super::Exc, obj: &Value) {
        let what = self.repr(obj).unwrap_or_else(|_| String::from("<object>"));
        let tb = self.format_exception_unchained(e);
        self.write_stderr(&format!("Exception ignored in: {what}\n{tb}"));
    }
}

impl Vm {
    /// Interpreter shutdown for `__main__`: replaces its globals by None in CPython's order
    /// (`_PyModule_ClearDict`: names with a single leading underscore first, then all but
    /// `__builtins__`), closing the generators each release drops.
    pub fn finalize_main(&mut self) {
        let Some(Value::Obj(m)) = self.module_get("__main__") else { return };
        let Payload::Module(module) = &m.payload else { return };
        let dict = module.dict.clone();
        for pass in 0..2 {
            let keys: Vec<Value> = dict.map.borrow().iter().map(|(k, _)| k.clone()).collect();
            for key in keys {
                let Value::Str(k) = &key else { continue };
                let name = k.as_str();
                let clear = match pass {
                    0 => name.starts_with('_') && !name.starts_with("__"),
                    _ => name != "__builtins__",
                };
                if !clear {
                    continue;
                }
                let old = {
                    let mut map = dict.map.borrow_mut();
                    match map.index_of_str(k.hash(), name) {
                        Some(i) if !map.entry(i).value.is_none() => Some(map.set_value(i, Value::None)),
                        _ => None,
                    }
                };
                drop(old);
                if self.has_dropped_generators() {
                    self.close_dropped_generators();
                }
            }
        }
        // CPython collects once more after clearing modules, so generators that only cycles
        // kept alive are closed at exit too.
        self.gc.collect_full();
        if self.has_dropped_generators() {
            self.close_dropped_generators();
        }
    }
}
