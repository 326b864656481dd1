//! Modules: `import` resolution (script directory first, then the embedded `stdlib/`),
//! native modules, running source code in a module namespace, and turning front-end
//! `SyntaxError`s into Python exceptions.

use std::rc::Rc;

use super::frame::Fiber;
use super::object::{str_hash, Dict, Module, Object, Payload};
use super::value::Value;
use super::{Exc, PyResult, Vm};
use crate::compiler;

/// A native module constructor.
pub type NativeModule = fn(&mut Vm) -> PyResult<Value>;

/// Standard modules that are packages in CPython but single files in gyre's `stdlib/`: a
/// missing submodule of one is reported as CPython reports it, without "is not a package".
const PACKAGES_IN_CPYTHON: &[&str] = &["json", "logging", "re"];

impl Vm {
    /// A new module object whose namespace is `dict`.
    pub fn new_module(&mut self, name: &str, dict: Rc<Dict>) -> Value {
        let n = self.intern("__name__");
        self.store_global(&dict, &n, Value::str(name));
        // A module without a docstring has `__doc__ = None`; its code stores a docstring.
        let doc = self.intern("__doc__");
        if dict.map.borrow().get_str(str_hash("__doc__"), "__doc__").is_none() {
            self.store_global(&dict, &doc, Value::None);
        }
        Value::Obj(Object::new(
            self.types.module.clone(),
            Payload::Module(Module { name: name.to_string(), dict }),
        ))
    }

    /// The namespace dict of a module value.
    pub fn module_dict(&self, m: &Value) -> Option<Rc<Dict>> {
        match m.payload()? {
            Payload::Module(m) => Some(m.dict.clone()),
            _ => None,
        }
    }

    /// Sets `module.name = value` on a module value.
    pub fn module_set(&mut self, m: &Value, name: &str, value: Value) {
        if let Some(d) = self.module_dict(m) {
            let n = self.intern(name);
            self.store_global(&d, &n, value);
        }
    }

    /// The `import` instruction.
    pub fn import(&mut self, name: &str, level: usize, top: bool, globals: &Rc<Dict>) -> PyResult<Value> {
        let full = if level > 0 { self.resolve_relative(name, level, globals)? } else { name.to_string() };
        if full.is_empty() {
            return Err(self.new_error("ValueError", "Empty module name"));
        }
        let mut parts = full.split('.');
        let first = parts.next().unwrap_or("").to_string();
        let top_module = self.load_module(&first)?;
        let mut path = first;
        let mut leaf = top_module.clone();
        for part in parts {
            path = format!("{path}.{part}");
            leaf = self.load_module(&path)?;
        }
        Ok(if top && level == 0 { top_module } else { leaf })
    }

    fn resolve_relative(&mut self, name: &str, level: usize, globals: &Rc<Dict>) -> PyResult<String> {
        let package = match globals.map.borrow().get_str(str_hash("__package__"), "__package__") {
            Some(Value::Str(p)) => p.as_str().to_string(),
            _ => String::new(),
        };
        if package.is_empty() {
            return Err(
                self.new_error("ImportError", "attempted relative import with no known parent package")
            );
        }
        let mut parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(self.new_error("ImportError", "attempted relative import beyond top-level package"));
        }
        parts.truncate(parts.len() + 1 - level);
        let base = parts.join(".");
        Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
    }

    /// CPython's addition to the message for `import a.b` when `a` is a plain module:
    /// `; 'a' is not a package` (a package's `__package__` is its own name).
    fn not_a_package(&self, full: &str) -> String {
        let Some((parent, _)) = full.rsplit_once('.') else { return String::new() };
        if PACKAGES_IN_CPYTHON.contains(&parent) {
            return String::new();
        }
        let Some(m) = self.module_get(parent) else { return String::new() };
        let is_package = self.module_dict(&m).is_some_and(|d| {
            matches!(d.map.borrow().get_str(str_hash("__package__"), "__package__"), Some(Value::Str(p)) if p.as_str() == parent)
        });
        if is_package {
            String::new()
        } else {
            format!("; '{parent}' is not a package")
        }
    }

    /// Imports one module by its full dotted name (its parent is already imported).
    pub fn load_module(&mut self, full: &str) -> PyResult<Value> {
        if let Some(m) = self.module_get(full) {
            return Ok(m);
        }
        if full == "os.path" {
            // CPython's `os` registers its path module under this name: `import os.path as p`
            // binds the same module as `from os import path`.
            let m = self.load_module("posixpath")?;
            self.module_insert(full, m.clone());
            return Ok(m);
        }
        if let Some(ctor) = crate::builtins::native_module(full) {
            let m = ctor(self)?;
            self.module_insert(full, m.clone());
            return Ok(m);
        }
        let Some((source, filename, is_package)) = self.find_source(full) else {
            let why = self.not_a_package(full);
            let e = self.new_error("ModuleNotFoundError", &format!("No module named '{full}'{why}"));
            e.set_attr("name", Value::str(full));
            return Err(e);
        };
        let dict = Rc::new(Dict::default());
        let m = self.new_module(full, dict.clone());
        let package = if is_package || PACKAGES_IN_CPYTHON.contains(&full) {
            full.to_string()
        } else {
            full.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
        };
        self.module_set(&m, "__file__", Value::str(&filename));
        self.module_set(&m, "__package__", Value::string(package));
        self.module_insert(full, m.clone());
        if let Err(e) = self.exec_source(&source, &filename, &dict) {
            self.module_remove(full);
            return Err(e);
        }
        if let Some((parent, child)) = full.rsplit_once('.') {
            if let Some(p) = self.module_get(parent) {
                self.module_set(&p, child, m.clone());
            }
        }
        Ok(m)
    }

    /// Finds a module's source: `(text, file name, is_package)`.
    pub(crate) fn find_source(&mut self, full: &str) -> Option<(String, String, bool)> {
        let rel = full.replace('.', "/");
        for dir in self.search_paths.clone() {
            let file = dir.join(format!("{rel}.py"));
            if let Ok(text) = std::fs::read_to_string(&file) {
                return Some((text, file.display().to_string(), false));
            }
            let init = dir.join(&rel).join("__init__.py");
            if let Ok(text) = std::fs::read_to_string(&init) {
                return Some((text, init.display().to_string(), true));
            }
        }
        crate::builtins::stdlib_source(full).map(|(text, is_pkg)| {
            let file =
                if is_pkg { format!("<stdlib>/{rel}/__init__.py") } else { format!("<stdlib>/{rel}.py") };
            (text.to_string(), file, is_pkg)
        })
    }

    /// Parses, compiles and runs `source` in the namespace `globals`.
    pub fn exec_source(&mut self, source: &str, filename: &str, globals: &Rc<Dict>) -> PyResult<Value> {
        let code = self.compile_source(source, filename, false)?;
        self.run_code(&code, globals)
    }

    /// Parses and compiles source text into a runtime code object.
    pub fn compile_source(
        &mut self,
        source: &str,
        filename: &str,
        interactive: bool,
    ) -> PyResult<Rc<super::object::CodeObj>> {
        let mode = if interactive { gyre_grammar::Mode::Interactive } else { gyre_grammar::Mode::Module };
        let module =
            gyre_grammar::parse(source, mode).map_err(|e| self.syntax_error(&e, filename, source))?;
        let src = compiler::source(filename, source);
        let code = compiler::compile(&module, src, interactive)
            .map_err(|e| self.syntax_error(&e, filename, source))?;
        self.load_code(&code)
    }

    /// Parses and compiles one expression for `eval`: the code returns its value.
    pub fn compile_eval_source(
        &mut self,
        expr: &str,
        filename: &str,
    ) -> PyResult<Rc<super::object::CodeObj>> {
        let module = gyre_grammar::parse(expr, gyre_grammar::Mode::Module)
            .map_err(|e| self.syntax_error(&e, filename, expr))?;
        let src = compiler::source(filename, expr);
        let code = compiler::compile_eval(&module, src).map_err(|e| self.syntax_error(&e, filename, expr))?;
        self.load_code(&code)
    }

    /// Runs a module-level code object in `globals`. Interactive code that uses top-level
    /// `await` (its kind is `Coroutine`) is not run: the result is a coroutine object that
    /// runs it when awaited, as CPython's `eval` of such code gives.
    pub fn run_code(&mut self, code: &Rc<super::object::CodeObj>, globals: &Rc<Dict>) -> PyResult<Value> {
        let fiber = Fiber::new(code.clone(), globals.clone(), vec![]);
        if code.code.kind == crate::compiler::bytecode::CodeKind::Coroutine {
            return Ok(self.module_coroutine(code, fiber));
        }
        self.run_nested(fiber)
    }

    /// A Python SyntaxError (or IndentationError/TabError) from a front-end error.
    pub fn syntax_error(&mut self, e: &gyre_grammar::SyntaxError, filename: &str, source: &str) -> Exc {
        let cls = self.exc_class(e.class_name());
        let index = gyre_grammar::LineIndex::new(source);
        let (line, col) = index.line_col(e.span.start as usize);
        let (end_line, end_col) = index.line_col(e.span.end.max(e.span.start) as usize);
        // As CPython: the source line with its newline, and the location also in `args`.
        let text = Value::string(format!("{}\n", index.line_text(source, line)));
        let details = Value::tuple(vec![
            Value::str(filename),
            Value::Int(line as i64),
            Value::Int(col as i64 + 1),
            text,
            Value::Int(end_line as i64),
            Value::Int(end_col as i64 + 1),
        ]);
        let exc = self.new_exception(&cls, vec![Value::str(&e.msg), details]);
        exc.set_attr("rendered", Value::string(e.render(filename, source)));
        exc
    }

    /// `from module import name`.
    pub fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        match self.get_attr(m, &n) {
            Ok(v) => Ok(v),
            Err(_) => {
                let mname = match m.payload() {
                    Some(Payload::Module(md)) => md.name.clone(),
                    _ => "?".into(),
                };
                let full = format!("{mname}.{name}");
                match self.load_module(&full) {
                    Ok(sub) => return Ok(sub),
                    // The submodule exists but failed: report its own error, as CPython does.
                    Err(e) if e.class.name() != "ModuleNotFoundError" => return Err(e),
                    Err(_) => {}
                }
                let file = self.module_dict(m).and_then(|d| self.dict_get_str(&d, &Value::str("__file__")));
                let msg = match &file {
                    Some(Value::Str(f)) => {
                        format!("cannot import name '{name}' from '{mname}' ({})", f.as_str())
                    }
                    _ => format!("cannot import name '{name}' from '{mname}' (unknown location)"),
                };
                let e = self.new_error("ImportError", &msg);
                e.set_attr("name", Value::str(&mname));
                e.set_attr("path", file.unwrap_or(Value::None));
                Err(e)
            }
        }
    }

    /// `from module import *`.
    pub fn import_star(&mut self, m: &Value, ns: &Rc<Dict>) -> PyResult<()> {
        let Some(d) = self.module_dict(m) else { return Ok(()) };
        let all = d.map.borrow().get_str(str_hash("__all__"), "__all__").cloned();
        let names: Vec<Value> = match all {
            Some(list) => self.collect(&list)?,
            None => d
                .map
                .borrow()
                .iter()
                .map(|(k, _)| k.clone())
                .filter(|k| !k.as_str().unwrap_or("_").starts_with('_'))
                .collect(),
        };
        for n in names {
            let v = self.get_attr(m, &n)?;
            self.store_global(ns, &n, v);
        }
        Ok(())
    }

    /// The REPL's echo of an expression statement.
    pub fn print_expr(&mut self, v: &Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let r = self.repr(v)?;
        self.write_stdout(&r);
        self.write_stdout("\n");
        let n = self.intern("_");
        let b = self.builtins.clone();
        self.store_global(&b, &n, v.clone());
        Ok(())
    }
}
