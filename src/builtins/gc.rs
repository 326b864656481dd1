//! The `gc` module: the script-facing controls of the cycle collector (`crate::vm::gc`).

use super::modules::module;
use super::{arity, opt_arg};
use crate::vm::object::{Args, Payload};
use crate::vm::{PyResult, Value, Vm};

/// The oldest generation number (`gc.collect()`'s default).
const OLDEST_GENERATION: i64 = 2;

/// Builds the `gc` module.
pub fn gc_module(vm: &mut Vm) -> PyResult<Value> {
    let m = module(
        vm,
        "gc",
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
            ("get_threshold", gc_get_threshold),
            ("set_threshold", gc_set_threshold),
            ("get_count", gc_get_count),
            ("is_tracked", gc_is_tracked),
            ("freeze", gc_freeze),
            ("unfreeze", gc_unfreeze),
            ("get_freeze_count", gc_get_freeze_count),
        ],
    );
    // gyre never stores uncollectable objects in `garbage` and has no collection callbacks,
    // but scripts may read and append to both.
    for name in ["garbage", "callbacks"] {
        vm.module_set(&m, name, Value::list(Vec::new()));
    }
    Ok(m)
}

/// An integer argument with CPython's message for floats and other non-integers.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::Float(_)) {
        return Err(vm.new_error("TypeError", "'float' object cannot be interpreted as an integer"));
    }
    vm.index_of(v)
}

fn gc_collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "collect", &args, 0, 1)?;
    let generation = match opt_arg(&args, 0, "generation") {
        Some(v) => int_arg(vm, v)?,
        None => OLDEST_GENERATION,
    };
    if !(0..=OLDEST_GENERATION).contains(&generation) {
        return Err(vm.new_error("ValueError", "invalid generation"));
    }
    let found = vm.gc_collect(generation != 0);
    vm.weak_sweep();
    Ok(Value::Int(found as i64))
}

fn gc_enable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gc.enable", &args, 0, 0)?;
    vm.gc.enabled = true;
    Ok(Value::None)
}

fn gc_disable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gc.disable", &args, 0, 0)?;
    vm.gc.enabled = false;
    Ok(Value::None)
}

fn gc_isenabled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gc.isenabled", &args, 0, 0)?;
    Ok(Value::Bool(vm.gc.enabled))
}

fn gc_get_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gc.get_threshold", &args, 0, 0)?;
    Ok(Value::tuple(vm.gc.thresholds.iter().map(|&t| Value::Int(t)).collect()))
}

fn gc_set_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.pos.len();
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "set_threshold() takes at least 1 argument (0 given)".to_string()
        } else {
            format!("set_threshold() takes at most 3 arguments ({n} given)")
        };
        return Err(vm.new_error("TypeError", &msg));
    }
    let mut thresholds = vm.gc.thresholds;
    for (slot, v) in thresholds.iter_mut().zip(args.pos) {
        *slot = int_arg(vm, v)?;
    }
    vm.gc.thresholds = thresholds;
    Ok(Value::None)
}

fn gc_get_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gc.get_count", &args, 0, 0)?;
    let (young, runs) = (vm.gc.allocs, vm.gc.young_runs);
    Ok(Value::tuple(vec![Value::Int(young), Value::Int(runs), Value::Int(0)]))
}

/// CPython's answer for `gc.is_tracked`: atoms are never tracked, and dicts and tuples only
/// when they hold something that could be part of a cycle.
fn gc_is_tracked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "is_tracked", &args, 1, 1)?;
    Ok(Value::Bool(may_hold_cycles(&args.pos[0])))
}

fn may_hold_cycles(v: &Value) -> bool {
    match v {
        Value::Tuple(t) => t.items.iter().any(is_container),
        Value::Dict(d) => match d.map.try_borrow() {
            Ok(m) => m.iter().any(|(k, v)| is_container(k) || is_container(v)),
            Err(_) => true,
        },
        _ => is_container(v),
    }
}

/// True for values whose type takes part in collection (one level: a tuple or dict inside
/// counts as a container whatever it holds).
fn is_container(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Func(_) | Value::Class(_) | Value::Tuple(_) | Value::Dict(_) => true,
        Value::Obj(o) => !matches!(
            o.payload,
            Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::MemoryView(_)
                | Payload::Range(..)
                | Payload::BigRange(_)
                | Payload::NotImplemented
                | Payload::Ellipsis
        ),
        _ => false,
    }
}

fn gc_freeze(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gc.freeze", &args, 0, 0)?;
    vm.gc.freeze();
    Ok(Value::None)
}

fn gc_unfreeze(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gc.unfreeze", &args, 0, 0)?;
    vm.gc.unfreeze();
    Ok(Value::None)
}

fn gc_get_freeze_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "gc.get_freeze_count", &args, 0, 0)?;
    Ok(Value::Int(vm.gc.freeze_count() as i64))
}
