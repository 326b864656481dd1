//! The native `sys` module: argv, exit, the standard streams, the import path and module
//! table, version information, limits (recursion, int string digits) and platform facts.
//!
//! `version_info`, `float_info` and `int_info` are struct sequences: tuples whose fields are
//! also attributes, with CPython's `sys.version_info(major=3, ...)` repr.

use std::io::{BufRead, Read, Write};
use std::rc::Rc;

use super::{arity, module};
use crate::vm::object::{Args, BaseKind, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// The CPython version gyre follows.
const VERSION: (i64, i64, i64) = (3, 11, 7);

/// The smallest accepted `sys.set_int_max_str_digits()` value other than 0 (CPython's).
const MIN_INT_MAX_STR_DIGITS: i64 = 640;

/// Builds the `sys` module.
pub fn sys_module(vm: &mut Vm) -> PyResult<Value> {
    let m = module(
        vm,
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("intern", sys_intern),
            ("getdefaultencoding", getdefaultencoding),
            ("exc_info", exc_info),
            ("exception", exception),
            ("getsizeof", getsizeof),
        ],
    );
    let getframe = super::native_with_frame(vm, "_getframe", getframe);
    vm.module_set(&m, "_getframe", getframe);
    let argv = Value::list(vm.argv.iter().map(|a| Value::str(a)).collect());
    vm.module_set(&m, "argv", argv);
    let path = Value::list(vm.search_paths.iter().map(|p| Value::string(p.display().to_string())).collect());
    vm.module_set(&m, "path", path);
    let (major, minor, micro) = VERSION;
    vm.module_set(&m, "version", Value::string(format!("{major}.{minor}.{micro} (gyre {})", crate::VERSION)));
    vm.module_set(&m, "hexversion", Value::Int((major << 24) | (minor << 16) | (micro << 8) | 0xf0));
    let version_info = struct_seq(
        vm,
        "sys.version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![Value::Int(major), Value::Int(minor), Value::Int(micro), Value::str("final"), Value::Int(0)],
    );
    vm.module_set(&m, "version_info", version_info);
    let float_info = float_info(vm);
    vm.module_set(&m, "float_info", float_info);
    let int_info = struct_seq(
        vm,
        "sys.int_info",
        &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
        vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(MIN_INT_MAX_STR_DIGITS)],
    );
    vm.module_set(&m, "int_info", int_info);
    vm.module_set(&m, "maxsize", Value::Int(i64::MAX));
    vm.module_set(&m, "maxunicode", Value::Int(0x10ffff));
    vm.module_set(&m, "platform", Value::str(std::env::consts::OS));
    vm.module_set(&m, "byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    vm.module_set(&m, "executable", Value::str(""));
    let implementation = Object::with_dict(vm.types.object.clone(), Payload::Plain);
    implementation.set_attr("name", Value::str("gyre"));
    vm.module_set(&m, "implementation", Value::Obj(implementation));
    let stdin = stream_object(vm, 0);
    let stdout = stream_object(vm, 1);
    let stderr = stream_object(vm, 2);
    vm.streams.set_originals(stdout.clone(), stderr.clone());
    vm.module_set(&m, "stdin", stdin.clone());
    vm.module_set(&m, "stdout", stdout.clone());
    vm.module_set(&m, "stderr", stderr.clone());
    vm.module_set(&m, "__stdin__", stdin);
    vm.module_set(&m, "__stdout__", stdout);
    vm.module_set(&m, "__stderr__", stderr);
    let modules = Value::Dict(vm.modules.clone());
    vm.module_set(&m, "modules", modules);
    Ok(m)
}

/// A struct sequence value: a tuple subclass instance whose fields are attributes too.
pub fn struct_seq(vm: &mut Vm, name: &str, fields: &[&str], values: Vec<Value>) -> Value {
    let cls = crate::vm::types::builtin_class(name, std::slice::from_ref(&vm.types.tuple), BaseKind::Tuple);
    let names = Value::tuple(fields.iter().map(|f| Value::str(f)).collect());
    cls.set_attr("_fields", names);
    cls.set_attr("n_fields", Value::Int(fields.len() as i64));
    let obj = Object::with_dict(cls, Payload::Boxed(Value::tuple(values.clone())));
    for (f, v) in fields.iter().zip(values) {
        obj.set_attr(f, v);
    }
    Value::Obj(obj)
}

fn float_info(vm: &mut Vm) -> Value {
    struct_seq(
        vm,
        "sys.float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(f64::RADIX as i64),
            Value::Int(1),
        ],
    )
}

/// The class shared by `sys.stdin`, `sys.stdout` and `sys.stderr`.
fn stream_class(vm: &mut Vm) -> Rc<crate::vm::object::Class> {
    if let Some(c) = vm
        .ext_state
        .get("sys.TextIOWrapper")
        .and_then(|c| c.clone().downcast::<crate::vm::object::Class>().ok())
    {
        return c;
    }
    let cls = crate::vm::types::builtin_class(
        "TextIOWrapper",
        std::slice::from_ref(&vm.types.object),
        BaseKind::Native,
    );
    for (name, f) in [
        ("write", stream_write as crate::vm::object::NativeFn),
        ("flush", stream_flush),
        ("readline", stream_readline),
        ("read", stream_read),
        ("fileno", stream_fileno),
        ("isatty", stream_isatty),
    ] {
        super::method(vm, &cls, name, f);
    }
    vm.ext_state.insert("sys.TextIOWrapper", cls.clone());
    cls
}

/// A standard stream object for file descriptor `fd` (0, 1 or 2).
fn stream_object(vm: &mut Vm, fd: i64) -> Value {
    let cls = stream_class(vm);
    let obj = Object::new(cls, Payload::Boxed(Value::Int(fd)));
    Value::Obj(obj)
}

fn stream_fd(args: &Args) -> i64 {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Boxed(Value::Int(fd))) => *fd,
        _ => 1,
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "write", &args, 2, 2)?;
    let fd = stream_fd(&args);
    let s = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        v => {
            let t = vm.type_name(v);
            return Err(vm.new_error("TypeError", &format!("write() argument must be str, not {t}")));
        }
    };
    if fd == 2 {
        vm.write_stderr(s.as_str());
    } else {
        vm.write_stdout(s.as_str());
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if stream_fd(&args) == 2 {
        let _ = vm.stderr.flush();
    } else {
        let _ = vm.stdout.flush();
    }
    Ok(Value::None)
}

fn stream_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "readline", &args, 1, 2)?;
    let _ = vm.stdout.flush();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(_) => Ok(Value::string(line)),
        Err(e) => Err(vm.new_error("OSError", &e.to_string())),
    }
}

fn stream_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "read", &args, 1, 2)?;
    let _ = vm.stdout.flush();
    let mut text = String::new();
    match std::io::stdin().lock().read_to_string(&mut text) {
        Ok(_) => Ok(Value::string(text)),
        Err(e) => Err(vm.new_error("OSError", &e.to_string())),
    }
}

fn stream_fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(stream_fd(&args)))
}

fn stream_isatty(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "exit", &args, 0, 1)?;
    let cls = vm.exc_class("SystemExit");
    Err(vm.new_exception(&cls, args.pos.to_vec()))
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "getrecursionlimit", &args, 0, 0)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "setrecursionlimit", &args, 1, 1)?;
    if matches!(args.pos[0], Value::Float(_)) {
        return Err(vm.new_error("TypeError", "'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_of(&args.pos[0])?;
    if n < 1 {
        return Err(vm.new_error("ValueError", "recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = (n as usize).min(vm.limits.max_recursion);
    Ok(Value::None)
}

fn get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "get_int_max_str_digits", &args, 0, 0)?;
    Ok(Value::Int(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(v) = super::opt_arg(&args, 0, "maxdigits") else {
        return Err(vm.new_error(
            "TypeError",
            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
        ));
    };
    let n = vm.index_of(v)?;
    if n != 0 && n < MIN_INT_MAX_STR_DIGITS {
        return Err(vm.new_error(
            "ValueError",
            &format!("maxdigits must be 0 or larger than {MIN_INT_MAX_STR_DIGITS}"),
        ));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

fn sys_intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "intern", &args, 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) => Ok(vm.intern(s.as_str())),
        v => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("intern() argument must be str, not {t}")))
        }
    }
}

fn getdefaultencoding(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

fn exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(match vm.handled.clone() {
        Value::Obj(o) if o.exc().is_some() => {
            let tb = vm.exc_traceback_value(&o);
            Value::tuple(vec![Value::Class(o.class.clone()), Value::Obj(o), tb])
        }
        _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(match vm.handled.clone() {
        v @ Value::Obj(_) => v,
        _ => Value::None,
    })
}

/// A rough `sys.getsizeof`: CPython's sizes for the common small objects.
fn getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "getsizeof", &args, 1, 2)?;
    let n = match &args.pos[0] {
        Value::None | Value::Bool(_) => 28,
        Value::Int(_) => 28,
        Value::Float(_) => 24,
        Value::Str(s) => 49 + s.as_str().len(),
        Value::List(l) => 56 + 8 * l.items.borrow().len(),
        Value::Tuple(t) => 40 + 8 * t.items.len(),
        Value::Dict(d) => 64 + 24 * d.map.borrow().len(),
        _ => 48,
    };
    Ok(Value::Int(n as i64))
}

/// `sys._getframe(depth=0)`: a snapshot of the caller's frame (or one `depth` calls further
/// out), linked through `f_back` to the outermost frame of the running coroutine or thread.
fn getframe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arity(vm, "_getframe", &args, 0, 1)?;
    let depth = match args.pos.first() {
        None => 0,
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        Some(other) => {
            let t = vm.type_name(other);
            return Err(
                vm.new_error("TypeError", &format!("'{t}' object cannot be interpreted as an integer"))
            );
        }
    };
    let Some(caller) = vm.caller.take() else {
        return Err(vm.new_error("ValueError", "call stack is not deep enough"));
    };
    let result = frame_chain(vm, &caller, depth);
    vm.caller = Some(caller);
    result
}

fn frame_chain(vm: &mut Vm, caller: &crate::vm::CallerFrame, depth: i64) -> PyResult<Value> {
    let n = caller.stack.len() as i64;
    if depth < 0 || depth >= n {
        return Err(vm.new_error("ValueError", "call stack is not deep enough"));
    }
    let target = (n - 1 - depth) as usize;
    let mut back = Value::None;
    for (i, (code, pc, globals)) in caller.stack[..=target].iter().enumerate() {
        let line = Value::Int(code.code.line_of(*pc as usize) as i64);
        // Only the caller's own frame has its locals at hand.
        let locals = if i + 1 == caller.stack.len() {
            Value::Dict(caller.locals.clone())
        } else {
            Value::Dict(std::rc::Rc::new(crate::vm::object::Dict::default()))
        };
        back = vm.frame_snapshot(code.clone(), *pc, line, Value::Dict(globals.clone()), locals, back);
    }
    Ok(back)
}
