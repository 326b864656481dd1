//! `exec`, `eval` and `compile`: source text (or a code object made by `compile`) run in a
//! namespace, by default the caller's.
//!
//! Module-level code reads and writes its globals directly (`LoadGlobal`/`StoreGlobal`), so a
//! separate locals mapping (a function's locals, or `exec(src, g, l)` with `l is not g`) is
//! run in a namespace holding the globals overlaid with the locals; afterwards `exec` writes
//! the names the code bound or rebound back into the locals mapping, as CPython's code would
//! have stored them there. Functions defined by such code see that merged namespace as their
//! globals (COMPATIBILITY.md).

use std::rc::Rc;

use super::{native, native_with_frame, set_builtin};
use crate::vm::object::{Args, CodeObj, Dict, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// The file name of code given as a string.
const STRING_FILENAME: &str = "<string>";

/// What the source is compiled as.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Exec,
    Eval,
    Single,
}

pub fn install(vm: &mut Vm) {
    let f = native_with_frame(vm, "exec", exec);
    set_builtin(vm, "exec", f);
    let f = native_with_frame(vm, "eval", eval);
    set_builtin(vm, "eval", f);
    let f = native(vm, "compile", compile);
    set_builtin(vm, "compile", f);
}

fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = code_arg(vm, &args, "exec", Mode::Exec)?;
    let (globals, locals) = namespaces(vm, &args, "exec")?;
    run_in(vm, &code, &globals, locals.as_ref(), true)?;
    Ok(Value::None)
}

fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = code_arg(vm, &args, "eval", Mode::Eval)?;
    let (globals, locals) = namespaces(vm, &args, "eval")?;
    run_in(vm, &code, &globals, locals.as_ref(), false)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let arg = |i: usize, name: &str| args.pos.get(i).or(args.kwarg(name)).cloned();
    let (Some(source), Some(filename), Some(mode)) = (arg(0, "source"), arg(1, "filename"), arg(2, "mode"))
    else {
        return Err(vm.new_error("TypeError", "compile() missing required argument 'source' (pos 1)"));
    };
    let mode = match mode.as_str() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.new_error("ValueError", "compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let filename = vm.str_of(&filename)?;
    let Some(text) = source_text(vm, &source)? else {
        return Err(vm.new_error("TypeError", "compile() arg 1 must be a string, bytes or AST object"));
    };
    let code = compile_text(vm, &text, &filename, mode)?;
    Ok(Value::Obj(Object::new(vm.types.code.clone(), Payload::Code(code))))
}

/// The code of the first argument: a code object as it is, a str or bytes compiled.
fn code_arg(vm: &mut Vm, args: &Args, name: &str, mode: Mode) -> PyResult<Rc<CodeObj>> {
    let Some(source) = args.pos.first().or(args.kwarg("source")) else {
        return Err(vm.new_error("TypeError", &format!("{name} expected at least 1 argument, got 0")));
    };
    if let Some(Payload::Code(code)) = source.payload() {
        return Ok(code.clone());
    }
    let Some(text) = source_text(vm, source)? else {
        return Err(
            vm.new_error("TypeError", &format!("{name}() arg 1 must be a string, bytes or code object"))
        );
    };
    // As CPython, eval ignores leading spaces and tabs.
    let text = if mode == Mode::Eval { text.trim_start_matches([' ', '\t']).to_string() } else { text };
    compile_text(vm, &text, STRING_FILENAME, mode)
}

/// The text of a str or bytes source (bytes are UTF-8); `None` for anything else.
fn source_text(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    if let Some(s) = v.as_str() {
        return Ok(Some(s.to_string()));
    }
    match vm.bytes_of(v) {
        Some(b) => match String::from_utf8(b) {
            Ok(s) => Ok(Some(s)),
            Err(_) => Err(vm.new_error("SyntaxError", "source code is not valid UTF-8")),
        },
        None => Ok(None),
    }
}

fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: Mode) -> PyResult<Rc<CodeObj>> {
    match mode {
        Mode::Exec => vm.compile_source(text, filename, false),
        Mode::Single => vm.compile_source(text, filename, true),
        Mode::Eval => vm.compile_eval_source(text, filename),
    }
}

/// The globals and (when different from them) the locals the code runs with.
fn namespaces(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Rc<Dict>, Option<Rc<Dict>>)> {
    let given = |i: usize, key: &str| args.pos.get(i).or(args.kwarg(key)).filter(|v| !v.is_none()).cloned();
    let (globals, locals) = (given(1, "globals"), given(2, "locals"));
    let locals = match &locals {
        None => None,
        Some(v) => match vm.dict_of(v) {
            Some(d) => Some(d),
            None if name == "exec" => {
                let t = vm.type_name(v);
                return Err(vm.new_error("TypeError", &format!("locals must be a mapping or None, not {t}")));
            }
            None => return Err(vm.new_error("TypeError", "locals must be a mapping")),
        },
    };
    let Some(globals) = globals else {
        let (g, l) = match &vm.caller {
            Some(c) => (c.globals.clone(), c.locals.clone()),
            None => return Err(vm.new_error("SystemError", &format!("{name}(): no caller frame"))),
        };
        return Ok((g, Some(locals.unwrap_or(l))));
    };
    match vm.dict_of(&globals) {
        Some(g) => Ok((g, locals)),
        None if name == "exec" => {
            let t = vm.type_name(&globals);
            Err(vm.new_error("TypeError", &format!("exec() globals must be a dict, not {t}")))
        }
        None => Err(vm.new_error("TypeError", "globals must be a dict")),
    }
}

/// Runs `code` with `globals`, overlaid with `locals` when they are a different mapping; with
/// `write_back`, names the code bound go to `locals` afterwards.
fn run_in(
    vm: &mut Vm,
    code: &Rc<CodeObj>,
    globals: &Rc<Dict>,
    locals: Option<&Rc<Dict>>,
    write_back: bool,
) -> PyResult<Value> {
    let Some(locals) = locals.filter(|l| !Rc::ptr_eq(l, globals)) else {
        return vm.run_code(code, globals);
    };
    let merged = Rc::new(Dict::default());
    let pairs: Vec<(Value, Value)> = {
        let g = globals.map.borrow();
        let l = locals.map.borrow();
        g.iter().chain(l.iter()).map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    for (k, v) in pairs {
        vm.dict_set(&merged, k, v)?;
    }
    let result = vm.run_code(code, &merged);
    if write_back {
        let after: Vec<(Value, Value)> =
            merged.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in after {
            let before = match vm.dict_get(locals, &k)? {
                Some(old) => Some(old),
                None => vm.dict_get(globals, &k)?,
            };
            if !before.is_some_and(|old| old.is(&v)) {
                vm.dict_set(locals, k, v)?;
            }
        }
    }
    result
}
