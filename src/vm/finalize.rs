//! Finishing drops that need script code: `__del__` finalizers and closing generators.
//!
//! CPython runs an instance's `__del__` when its last reference goes away, and closes a
//! generator it frees, so the `finally` clauses and `with` exits around its current `yield`
//! run right then. A Rust `Drop` cannot run script code, so the drop moves the value's state
//! to the VM's graveyard (see [`Dead`]): an instance whose class has `__del__` is resurrected
//! as a new object already marked finalized (PEP 442: a finalizer runs at most once), and a
//! plain generator that would notice the close (one suspended in a `try` or `with`, see
//! `Generator::needs_close`) moves there too. The VM drains the graveyard at the next call
//! it makes: every visible effect (output, a method call on a shared object) goes through a
//! call, so the finalizer still comes before what the script does next. Errors are reported
//! as CPython reports exceptions it cannot raise ("Exception ignored in: ..." on stderr) and
//! never propagate. A finalizer that stores `self` somewhere resurrects the object; it is
//! then freed normally, without a second `__del__`. At exit, [`Vm::finalize_main`] clears
//! `__main__` as CPython's shutdown does, so what its globals still hold is finalized too.

use std::rc::Rc;

use super::object::{Dead, Object, Payload};
use super::value::Value;
use super::Vm;

impl Vm {
    /// True when dropped values wait to be finalized.
    #[inline(always)]
    pub fn has_pending_finalizers(&self) -> bool {
        self.graveyard.is_pending()
    }

    /// Runs what the graveyard holds, if anything: the dispatch loop calls it where a drop is
    /// likely (`del`, module-level rebinding, leaving a frame) so that the finalizer runs
    /// before the next instruction can observe the difference.
    #[inline(always)]
    pub fn finalize_pending(&mut self) {
        if self.has_pending_finalizers() {
            self.run_finalizers();
        }
    }

    /// `del name` removed `old`. Inside a loop body the register machine keeps the last value
    /// of an expression in its temporary register until the register is reused (codegen
    /// clears a statement's temporaries only outside loops), so a deleted object may still
    /// be held there, dead: when only the frame's `temps` hold it, its finalizer runs now, as
    /// CPython's decref would run it (it is marked finalized, so the final release of the
    /// stale register does not run it again).
    #[cold]
    pub(crate) fn finalize_deleted(&mut self, old: Value, temps: &[Value]) {
        if let Value::Obj(o) = &old {
            if o.class.has_del.get() && !o.finalized.get() {
                let held = temps.iter().filter(|v| v.is(&old)).count();
                if held > 0 && Rc::strong_count(o) == held + 1 {
                    o.finalized.set(true);
                    if let Ok(mut q) = self.graveyard.try_borrow_mut() {
                        q.push(Dead::Cyclic(o.clone()));
                    }
                }
            }
        }
        drop(old);
        self.finalize_pending();
        self.weak_sweep();
    }

    /// Finishes every drop in the graveyard, oldest first (also those queued meanwhile).
    #[cold]
    pub fn run_finalizers(&mut self) {
        if self.finalizing {
            return;
        }
        self.finalizing = true;
        loop {
            match self.graveyard.pop_front() {
                None => break,
                Some(Dead::Gen(g)) => {
                    let gen = Object::new(self.types.generator.clone(), Payload::Generator(g));
                    if let Err(e) = self.gen_close(&gen) {
                        self.report_unraisable(&e, &Value::Obj(gen));
                    }
                }
                Some(Dead::Obj(obj)) => {
                    let obj = Value::Obj(obj);
                    // A resurrected object must stay collectable if `__del__` stores it in a
                    // cycle.
                    self.gc_track(&obj);
                    self.call_del(obj);
                }
                Some(Dead::Cyclic(obj)) => self.call_del(Value::Obj(obj)),
                Some(Dead::Weak(addr)) => self.weak_cleared(addr),
            }
        }
        self.weak_sweep();
        self.finalizing = false;
    }

    /// Calls `type(obj).__del__(obj)`, reporting what it raises.
    fn call_del(&mut self, obj: Value) {
        let Value::Obj(o) = &obj else { return };
        let Some(del) = o.class.lookup("__del__") else { return };
        if let Err(e) = self.call(&del, vec![obj]) {
            self.report_unraisable(&e, &del);
        }
    }

    /// At exit: runs `__del__` on every live instance that has one, oldest first, as
    /// CPython's last collection does once the modules are gone (it finalizes all the
    /// garbage before freeing any of it).
    fn finalize_all(&mut self) {
        for o in self.gc.unfinalized() {
            if o.finalized.replace(true) {
                continue;
            }
            self.call_del(Value::Obj(o));
            self.run_finalizers();
        }
    }

    /// Writes an exception nothing can catch to stderr, as CPython's default
    /// `sys.unraisablehook` does: "Exception ignored in: <obj repr>" and the traceback.
    pub fn report_unraisable(&mut self, e: &super::Exc, obj: &Value) {
        let what = self.repr(obj).unwrap_or_else(|_| String::from("<object>"));
        let mut tb = self.format_exception_unchained(e);
        // The hook always writes "Type: message", even when the message is empty.
        let exc = Value::Obj(e.clone());
        if self.str_of(&exc).is_ok_and(|s| s.is_empty()) && tb.ends_with('\n') {
            tb.pop();
            tb.push_str(": \n");
        }
        self.write_stderr(&format!("Exception ignored in: {what}\n{tb}"));
    }
}

impl Vm {
    /// Interpreter shutdown for `__main__`: replaces its globals by None in CPython's order
    /// (`_PyModule_ClearDict`: names with a single leading underscore first, then all but
    /// `__builtins__`), finalizing what each release drops.
    pub fn finalize_main(&mut self) {
        self.run_finalizers();
        self.finalize_all();
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
                if self.has_pending_finalizers() {
                    self.run_finalizers();
                }
            }
        }
        // CPython collects once more after clearing modules, so generators and instances
        // that only cycles kept alive are finalized at exit too.
        self.gc.collect_full();
        self.finalize_pending();
    }
}
