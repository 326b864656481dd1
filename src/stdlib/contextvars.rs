//! `_contextvars`: the VM's current-context slot (`Vm::context`) for `stdlib/contextvars.py`.
//! Tasks swap it around each step (`asyncio::future::task_step`), so a variable set inside a
//! task stays inside that task, as with CPython's per-task contexts.

use crate::vm::object::Args;
use crate::vm::{PyResult, Value, Vm};

/// The `_contextvars` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    Ok(super::new_module(vm, "_contextvars", &[("current", current), ("set_current", set_current)]))
}

/// `current()`: the current Context, or None for the empty initial context.
fn current(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.context.clone())
}

/// `set_current(ctx)`: makes `ctx` (a Context or None) current.
fn set_current(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.context = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::None)
}
