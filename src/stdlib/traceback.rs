//! `_traceback`: the native half of `traceback`. It formats exceptions exactly as the
//! interpreter prints an uncaught one (chains, exception groups, carets, notes), and one
//! traceback entry from a frame's code and last instruction; `stdlib/traceback.py` builds
//! CPython's API (`print_exc`, `format_exception`, `extract_tb`, ...) on these.

use std::rc::Rc;

use crate::vm::object::{Args, Payload, TbEntry};
use crate::vm::{Exc, PyResult, Value, Vm};

/// The `_traceback` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    Ok(super::new_module(
        vm,
        "_traceback",
        &[
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
            ("format_frame", format_frame),
            ("source_line", source_line),
        ],
    ))
}

fn exception_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Exc> {
    match v {
        Some(Value::Obj(o)) if o.exc().is_some() => Ok(o.clone()),
        Some(other) => {
            let t = vm.type_name(other);
            Err(vm.new_error("TypeError", &format!("expected an exception instance, not '{t}'")))
        }
        None => Err(vm.new_error("TypeError", "missing exception argument")),
    }
}

/// `format_exception(exc, chain[, limit])`: the whole report as one string (with `limit`,
/// at most that many entries of each traceback, as `traceback.format_exception`).
fn format_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = exception_arg(vm, args.pos.first())?;
    let chain = match args.pos.get(1) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let text = match args.pos.get(2) {
        Some(Value::Int(limit)) => vm.format_exception_limited(&exc, chain, *limit as isize),
        _ if chain => vm.format_exception(&exc),
        _ => vm.format_exception_unchained(&exc),
    };
    Ok(Value::string(text))
}

/// `format_exception_only(exc)`: the `Type: message` line(s), with suggestions and notes.
fn format_exception_only(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = exception_arg(vm, args.pos.first())?;
    Ok(Value::string(vm.format_exception_only(&exc)))
}

fn code_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Rc<crate::compiler::bytecode::Code>> {
    match v {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Code(c) => Ok(c.code.clone()),
            _ => Err(vm.new_error("TypeError", "expected a code object")),
        },
        _ => Err(vm.new_error("TypeError", "expected a code object")),
    }
}

/// `format_frame(code, lasti)`: one `  File ..., line N, in f` entry with its source line and
/// position markers, as in a traceback.
fn format_frame(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = code_arg(vm, args.pos.first())?;
    let lasti = match args.pos.get(1) {
        Some(Value::Int(i)) if *i >= 0 => (*i / 2) as u32,
        _ => 0,
    };
    let entry = TbEntry { code, pc: lasti, globals: None };
    Ok(Value::string(crate::vm::traceback::format_entry(&entry)))
}

/// `source_line(code, lineno)`: the stripped text of a line of the code's source ('' when
/// there is none, as `linecache` gives for pseudo-files).
fn source_line(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = code_arg(vm, args.pos.first())?;
    let line = match args.pos.get(1) {
        Some(Value::Int(i)) if *i > 0 => *i as usize,
        _ => return Ok(Value::str("")),
    };
    let src = &code.source;
    if crate::vm::traceback::is_pseudo_file(&src.filename) {
        return Ok(Value::str(""));
    }
    Ok(Value::str(src.lines.line_text(&src.text, line).trim()))
}
