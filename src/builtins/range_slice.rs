//! Methods of `range` (`index`, `count` and the sequence dunders) and `slice` (`indices`).

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::vm::bigrange::BigRange;
use crate::vm::object::{Args, Payload};
use crate::vm::ops::big_of;
use crate::vm::{PyResult, Value, Vm};

use super::{method, method_arity};

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

/// The receiver as a big range (both range forms).
fn this_range(vm: &mut Vm, args: &Args) -> PyResult<BigRange> {
    match args.pos.first().and_then(Value::payload) {
        Some(Payload::Range(a, b, c)) => {
            Ok(BigRange { start: (*a).into(), stop: (*b).into(), step: (*c).into() })
        }
        Some(Payload::BigRange(r)) => Ok((**r).clone()),
        _ => Err(vm.new_error("TypeError", "descriptor requires a 'range' object")),
    }
}

/// Positions in `r` whose element equals `x`, by integer arithmetic when `x` is an int.
fn matches(vm: &mut Vm, r: &BigRange, x: &Value, first_only: bool) -> PyResult<Vec<BigInt>> {
    if let (Some(i), Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) = (big_of(x), x) {
        if r.contains(&i) {
            return Ok(vec![(&i - &r.start) / &r.step]);
        }
        return Ok(vec![]);
    }
    let mut out = Vec::new();
    let len = r.len().to_i64().unwrap_or(i64::MAX);
    for k in 0..len {
        let k = BigInt::from(k);
        if vm.eq(&Value::from_bigint(r.at(&k)), x)? {
            out.push(k);
            if first_only {
                break;
            }
        }
    }
    Ok(out)
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "index", &args, 1, 1)?;
    let r = this_range(vm, &args)?;
    let x = &args.pos[1];
    if let Some(k) = matches(vm, &r, x, true)?.into_iter().next() {
        return Ok(Value::from_bigint(k));
    }
    let shown = vm.repr(x)?;
    Err(vm.new_error("ValueError", &format!("{shown} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "count", &args, 1, 1)?;
    let r = this_range(vm, &args)?;
    Ok(Value::Int(matches(vm, &r, &args.pos[1], false)?.len() as i64))
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "indices", &args, 1, 1)?;
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
