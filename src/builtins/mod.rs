//! Builtins and native modules: the `builtins` namespace (functions, type constructors,
//! exception classes), the methods of builtin types, `sys`, `math` and `time`, and the
//! registry of `stdlib/` modules embedded in the binary.
//!
//! Native functions have the signature [`NativeFn`]; `arg`/`kwarg` helpers check arity and
//! produce CPython's TypeError messages.

mod bytes_methods;
mod constructors;
mod descriptors;
mod exec;
mod functions;
mod gc;
pub(crate) mod io;
mod math;
mod memoryview;
mod methods;
mod modules;
mod num_methods;
mod op_dunders;
mod percent;
pub(crate) mod quick;
mod range_slice;
mod str_methods;
mod sys;
mod time;
mod union_type;

use std::rc::Rc;

use crate::vm::object::{Args, Class, Native, NativeFn, Object, Payload, Quick};
use crate::vm::{PyResult, Value, Vm};

pub use constructors::{dict_fill, to_float};
pub use descriptors::{alias_eq, alias_hash, class_getitem};
pub use functions::{is_instance, length};
pub use methods::throw_exc;
pub use modules::{module, native_module, stdlib_source};
pub use union_type::{union_eq, union_members, union_or};

/// Creates a builtin function value.
pub fn native(vm: &mut Vm, name: &'static str, f: NativeFn) -> Value {
    Value::Obj(Object::new(
        vm.types.builtin_function.clone(),
        Payload::Native(Native {
            name,
            f,
            is_method: false,
            frame: false,
            kwargs: None,
            owner: None,
            quick: Quick::No,
        }),
    ))
}

/// Creates a builtin function that accepts exactly these keyword arguments (`&[]`: none).
pub fn native_kw(vm: &mut Vm, name: &'static str, f: NativeFn, kwargs: &'static [&'static str]) -> Value {
    Value::Obj(Object::new(
        vm.types.builtin_function.clone(),
        Payload::Native(Native {
            name,
            f,
            is_method: false,
            frame: false,
            kwargs: Some(kwargs),
            owner: None,
            quick: Quick::No,
        }),
    ))
}

/// Creates a builtin function that sees its caller's frame through `Vm::caller`.
pub fn native_with_frame(vm: &mut Vm, name: &'static str, f: NativeFn) -> Value {
    Value::Obj(Object::new(
        vm.types.builtin_function.clone(),
        Payload::Native(Native {
            name,
            f,
            is_method: false,
            frame: true,
            kwargs: None,
            owner: None,
            quick: Quick::No,
        }),
    ))
}

/// A native function defined by builtin class `cls` (named `cls.name` in its `__qualname__`
/// and its errors); `is_method` makes attribute lookup on an instance bind `self`.
fn owned_native(vm: &Vm, cls: &Rc<Class>, name: &'static str, f: NativeFn, is_method: bool) -> Value {
    owned_native_quick(vm, cls, name, f, is_method, Quick::No)
}

/// [`owned_native`] marked as one of the methods `CallMethod` runs in place.
fn owned_native_quick(
    vm: &Vm,
    cls: &Rc<Class>,
    name: &'static str,
    f: NativeFn,
    is_method: bool,
    quick: Quick,
) -> Value {
    let owner = Some(Rc::downgrade(cls));
    let native = Native { name, f, is_method, frame: false, kwargs: None, owner, quick };
    Value::Obj(Object::new(vm.types.builtin_function.clone(), Payload::Native(native)))
}

/// Adds a method to a builtin class.
pub fn method(vm: &mut Vm, cls: &Rc<Class>, name: &'static str, f: NativeFn) {
    set_interned(vm, cls, name, owned_native(vm, cls, name, f, true));
}

/// Adds a method that `CallMethod` runs in place for an exact receiver (see [`quick`]).
pub fn quick_method(vm: &mut Vm, cls: &Rc<Class>, name: &'static str, f: NativeFn, quick: Quick) {
    set_interned(vm, cls, name, owned_native_quick(vm, cls, name, f, true, quick));
}

/// Adds a static native function (like `__new__`) to a builtin class.
pub fn static_fn(vm: &mut Vm, cls: &Rc<Class>, name: &'static str, f: NativeFn) {
    set_interned(vm, cls, name, owned_native(vm, cls, name, f, false));
}

/// Adds a native classmethod to a builtin class (`dict.fromkeys`, `int.from_bytes`): looked
/// up on the class, a subclass or an instance, it is called with that class first.
pub fn class_fn(vm: &mut Vm, cls: &Rc<Class>, name: &'static str, f: NativeFn) {
    let native = owned_native(vm, cls, name, f, false);
    let wrapped = Value::Obj(Object::new(vm.types.classmethod.clone(), Payload::ClassMethod(native)));
    set_interned(vm, cls, name, wrapped);
}

/// Sets `cls.<name>` under the interned name: the code that calls the method names it with
/// the same interned `str`, so the method caches match the key by address, not by text.
fn set_interned(vm: &mut Vm, cls: &Rc<Class>, name: &'static str, value: Value) {
    match vm.intern(name) {
        Value::Str(key) => cls.set_attr_key(key, value),
        _ => cls.set_attr(name, value),
    }
}

/// Splits a native classmethod's arguments into the class it was called on and the rest.
pub fn class_and_rest<'a>(args: &Args<'a>) -> (Option<Rc<Class>>, &'a [Value]) {
    match args.pos.split_first() {
        Some((Value::Class(c), rest)) => (Some(c.clone()), rest),
        _ => (None, args.pos),
    }
}

/// What a builtin classmethod returns when called on a subclass of `builtin`: CPython
/// passes the builtin result to the subclass (`MyInt.from_bytes(...)` is `MyInt(int)`).
pub fn for_subclass(vm: &mut Vm, cls: Option<Rc<Class>>, builtin: &Rc<Class>, v: Value) -> PyResult<Value> {
    match cls {
        Some(c) if !Rc::ptr_eq(&c, builtin) => vm.call(&Value::Class(c), vec![v]),
        _ => Ok(v),
    }
}

/// Puts a value into the builtins namespace.
pub fn set_builtin(vm: &mut Vm, name: &str, v: Value) {
    let n = vm.intern(name);
    let b = vm.builtins.clone();
    vm.store_global(&b, &n, v);
}

/// Installs every builtin into a fresh VM.
pub fn install(vm: &mut Vm) {
    constructors::install(vm);
    functions::install(vm);
    exec::install(vm);
    methods::install(vm);
    range_slice::install(vm);
    descriptors::install(vm);
    bytes_methods::install(vm);
    memoryview::install(vm);
    str_methods::install(vm);
    num_methods::install(vm);
    op_dunders::install(vm);
    io::install(vm);
    let names: Vec<(&'static str, Rc<Class>)> =
        vm.types.exceptions.iter().map(|(k, v)| (*k, v.clone())).collect();
    for (name, cls) in names {
        set_builtin(vm, name, Value::Class(cls));
    }
    set_builtin(vm, "EnvironmentError", Value::Class(vm.exc_class("OSError")));
    set_builtin(vm, "IOError", Value::Class(vm.exc_class("OSError")));
    set_builtin(vm, "__name__", Value::str("builtins"));
}

/// Checks the positional argument count of a native function: `min..=max`.
pub fn arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            // CPython's _PyArg_CheckPositional wording (argument-clinic functions).
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    };
    Err(vm.new_error("TypeError", &msg))
}

/// [`arity`] for a method: `min..=max` positional arguments after the receiver (which the
/// VM guarantees is present).
pub fn method_arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    arity(vm, name, &Args::new(args.pos.get(1..).unwrap_or(&[])), min, max)
}

/// Rejects keyword arguments for functions that take none.
pub fn no_kwargs(vm: &mut Vm, name: &str, args: &Args) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.new_error("TypeError", &format!("{name}() takes no keyword arguments")))
    }
}

/// Positional argument `i`, or a keyword argument `name`, or None.
pub fn opt_arg<'a>(args: &Args<'a>, i: usize, name: &str) -> Option<&'a Value> {
    args.pos.get(i).or_else(|| args.kwarg(name))
}

/// A `str` argument or TypeError.
pub fn str_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        _ => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("{what} must be str, not {t}")))
        }
    }
}
