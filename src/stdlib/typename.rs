//! `_typename`: lets a stdlib class written in Python stand in for one of CPython's C
//! types in error messages. CPython names a C type's instances by its dotted `tp_name`
//! (`unsupported operand type(s) for +: 'datetime.date' and 'str'`), a Python class by its
//! `__name__`; `_typename.set(cls, "datetime.date")` gives `cls` (not its subclasses) the
//! dotted name.

use crate::vm::object::Args;
use crate::vm::{PyResult, Value, Vm};

/// The `_typename` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    Ok(super::new_module(vm, "_typename", &[("set", set)]))
}

/// `_typename.set(cls, name)`.
fn set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [Value::Class(cls), Value::Str(name)] => {
            *cls.type_name.borrow_mut() = Some(name.as_str().into());
            Ok(Value::None)
        }
        _ => Err(vm.new_error("TypeError", "_typename.set(cls, name) takes a class and a str")),
    }
}
