//! Native halves of standard-library modules (`_random`, `_json`, `_re`, `_struct`, `_sha2`, ...).
//!
//! Each submodule owns one native module: its constructor is listed in the native-module
//! table in `builtins/modules.rs`, and the user-facing module is usually a `stdlib/*.py` file
//! that imports it and adds the parts that are fast enough in the language itself.

pub mod collections;
pub mod contextvars;
pub mod digests;
pub mod json;
pub mod os;
pub mod random;
pub mod re;
pub mod structs;
pub mod subprocess;
pub mod timefmt;
pub mod traceback;
pub mod typename;
pub mod weakref;

use std::rc::Rc;

use crate::vm::object::{Dict, NativeFn};
use crate::vm::{Value, Vm};

/// Makes a module object named `name` holding the given native functions.
pub(crate) fn new_module(vm: &mut Vm, name: &str, funcs: &[(&'static str, NativeFn)]) -> Value {
    let m = vm.new_module(name, Rc::new(Dict::default()));
    for (n, f) in funcs {
        let v = crate::builtins::native(vm, n, *f);
        vm.module_set(&m, n, v);
    }
    m
}
