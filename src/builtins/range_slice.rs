//! Methods of `range` (`index`, `count` and the sequence dunders) and `slice` (`indices`).

use crate::vm::object::{Args, Payload};
use crate::vm::ops::{int_of, range_len};
use crate::vm::{PyResult, Value, Vm};

use super::{arity, method};

pub(super) fn install(vm: &mut Vm) {
    let range = vm.types.range.clone();
    for (name, f) in [
        ("index", range_index as crate::vm::object::NativeFn),
        ("count", range_count),
        ("__len__", super::methods::seq_len),
        ("__getitem__", super::methods::seq_getitem),
        ("__contains__", super::methods::seq_contains),
        ("__iter__", super::methods::seq_iter),
    ] {
        method(vm, &range, name, f);
    }
    let slice = vm.types.slice.clone();
    method(vm, &slice, "indices", slice_indices);
}

/// `(start, stop, step)` of a range receiver.
fn this_range(vm: &mut Vm, args: &Args) -> PyResult<(i64, i64, i64)> {
    match args.pos.first().and_then(Value::payload) {
        Some(Payload::Range(a, b, c)) => Ok((*a, *b, *c)),
        _ => Err(vm.new_error("TypeError", "descriptor requires a 'range' object")),
    }
}

/// The position of the int `i` in the range, if it is an element.
fn position(i: i64, (a, b, c): (i64, i64, i64)) -> Option<i64> {
    let inside = if c > 0 { i >= a && i < b } else { i <= a && i > b };
    let offset = i as i128 - a as i128;
    (inside && offset % c as i128 == 0).then(|| (offset / c as i128) as i64)
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "index", &args, 2, 2)?;
    let r = this_range(vm, &args)?;
    let x = &args.pos[1];
    if let Some(i) = int_of(x) {
        if let Some(p) = position(i, r) {
            return Ok(Value::Int(p));
        }
    } else {
        for k in 0..range_len(r.0, r.1, r.2) {
            if vm.eq(&Value::Int(r.0 + k * r.2), x)? {
                return Ok(Value::Int(k));
            }
        }
    }
    let shown = vm.repr(x)?;
    Err(vm.new_error("ValueError", &format!("{shown} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "count", &args, 2, 2)?;
    let r = this_range(vm, &args)?;
    let x = &args.pos[1];
    if let Some(i) = int_of(x) {
        return Ok(Value::Int(position(i, r).is_some() as i64));
    }
    let mut n = 0;
    for k in 0..range_len(r.0, r.1, r.2) {
        if vm.eq(&Value::Int(r.0 + k * r.2), x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "indices", &args, 2, 2)?;
    if !matches!(args.pos[0].payload(), Some(Payload::Slice(..))) {
        return Err(vm.new_error("TypeError", "descriptor 'indices' requires a 'slice' object"));
    }
    let len = vm.index_of(&args.pos[1])?;
    if len < 0 {
        return Err(vm.new_error("ValueError", "length should not be negative"));
    }
    let s = vm.slice_indices(&args.pos[0], len as usize)?;
    Ok(Value::tuple(vec![Value::Int(s.start), Value::Int(s.stop), Value::Int(s.step)]))
}
