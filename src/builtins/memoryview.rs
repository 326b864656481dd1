//! The `memoryview` class: its constructor and methods (`tobytes`, `tolist`, `hex`,
//! `release`, `cast`, `toreadonly`, the context manager). The view itself and its indexing
//! live in `vm::memview`.

use crate::vm::memview::MemView;
use crate::vm::object::{Args, NativeFn, Payload};
use crate::vm::{PyResult, Value, Vm};

use super::{arity, method, method_arity, opt_arg, static_fn};

pub(super) fn install(vm: &mut Vm) {
    let cls = vm.types.memoryview.clone();
    static_fn(vm, &cls, "__new__", new_memoryview);
    let methods: &[(&'static str, NativeFn)] = &[
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", super::bytes_methods::hex),
        ("release", release),
        ("toreadonly", toreadonly),
        ("cast", cast),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__len__", super::methods::seq_len),
        ("__getitem__", super::methods::seq_getitem),
        ("__iter__", super::methods::seq_iter),
    ];
    for (name, f) in methods {
        method(vm, &cls, name, *f);
    }
    super::set_builtin(vm, "memoryview", Value::Class(cls));
}

/// `memoryview(object)`.
fn new_memoryview(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.pos.get(1..).unwrap_or_default();
    let obj = match (rest, args.kwarg("object")) {
        ([obj], None) | ([], Some(obj)) => obj.clone(),
        ([], None) => {
            return Err(vm.new_error("TypeError", "memoryview() missing required argument 'object' (pos 1)"))
        }
        _ => {
            let n = rest.len() + args.kw.len();
            return Err(
                vm.new_error("TypeError", &format!("memoryview() takes at most 1 argument ({n} given)"))
            );
        }
    };
    vm.memoryview_of(&obj)
}

/// The receiver's view, checked not to be released.
fn this<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a MemView> {
    match args.pos.first().and_then(Value::payload) {
        Some(Payload::MemoryView(m)) => Ok(m),
        _ => Err(vm.new_error("TypeError", &format!("descriptor '{name}' requires a 'memoryview' object"))),
    }
}

/// The receiver's view, which must not be released.
fn live<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a MemView> {
    let m = this(vm, args, name)?;
    vm.memview_check(m)?;
    Ok(m)
}

fn tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "tobytes", &args, 0, 1)?;
    let b = live(vm, &args, "tobytes")?.to_vec();
    Ok(vm.new_bytes(b))
}

fn tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "tolist", &args, 0, 0)?;
    let b = live(vm, &args, "tolist")?.to_vec();
    Ok(Value::list(b.into_iter().map(|x| Value::Int(x as i64)).collect()))
}

fn release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "release", &args, 0, 0)?;
    this(vm, &args, "release")?.release();
    Ok(Value::None)
}

fn toreadonly(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "toreadonly", &args, 0, 0)?;
    let m = live(vm, &args, "toreadonly")?;
    let view = MemView::new(m.obj.clone(), m.start, m.len, m.step, true);
    Ok(vm.new_memview(view))
}

/// `cast(format)`: only to the byte formats, which keep the view as it is.
fn cast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "cast", &args, 1, 2)?;
    let m = live(vm, &args, "cast")?;
    let format = match opt_arg(&args, 1, "format") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.new_error("TypeError", &format!("cast() argument 'format' must be str, not {t}")));
        }
        None => return Err(vm.new_error("TypeError", "cast() missing required argument 'format' (pos 1)")),
    };
    if format.trim_start_matches('@') != "B" {
        return Err(vm.new_error(
            "ValueError",
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    }
    if m.step != 1 && m.len > 1 {
        return Err(vm.new_error("TypeError", "memoryview: casts are restricted to C-contiguous views"));
    }
    let view = MemView::new(m.obj.clone(), m.start, m.len, 1, m.readonly);
    Ok(vm.new_memview(view))
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__enter__", &args, 1, 1)?;
    live(vm, &args, "__enter__")?;
    Ok(args.pos[0].clone())
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__exit__")?.release();
    Ok(Value::None)
}
