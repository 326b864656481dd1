//! Builtin methods run in place by the dispatch loop's `CallMethod`: `d.get(k)` and
//! `l.append(x)` on an exact `dict` or `list` receiver, without the general call path (no
//! finaliser check of the call, no arity helper, no receiver conversion, no result tracking).
//!
//! A method qualifies by the [`Quick`] mark its `Native` carries (set where the builtin type
//! installs it), so a subclass's override, a rebound name or a function stored on an instance
//! never reaches here: `LoadMethod` put whatever the lookup found in the callee register, and
//! only the builtin's own method object carries the mark. Anything unusual (a subclass
//! receiver, the wrong number of arguments) returns `None` and takes the general path, which
//! raises CPython's errors.

use crate::vm::object::{Payload, Quick};
use crate::vm::{PyResult, Value, Vm};

/// Runs the method in `stack[at]` on the receiver `stack[at + 1]` with the `argc` arguments
/// after it, when both qualify: the result goes to `stack[at]` and the receiver and argument
/// registers are released, as the general path leaves them. `None` when the call does not
/// qualify (nothing was touched).
#[inline(always)]
pub(crate) fn call_method(vm: &mut Vm, stack: &mut [Value], at: usize, argc: usize) -> Option<PyResult<()>> {
    let Some(Value::Obj(o)) = stack.get(at) else { return None };
    let Payload::Native(nf) = &o.payload else { return None };
    if nf.quick == Quick::No || vm.has_pending_finalizers() {
        // Finalizers due run first, at the call, as the general path runs them.
        return None;
    }
    match nf.quick {
        Quick::No => None,
        Quick::DictGet => dict_get(vm, stack, at, argc),
        Quick::ListAppend => list_append(vm, stack, at, argc),
    }
}

/// `d.get(key)` / `d.get(key, default)` for an exact dict `d`.
#[inline(never)]
fn dict_get(vm: &mut Vm, stack: &mut [Value], at: usize, argc: usize) -> Option<PyResult<()>> {
    if !(argc == 1 || argc == 2) {
        return None;
    }
    let args = stack.get(at + 1..at + 2 + argc)?;
    let Value::Dict(d) = &args[0] else { return None };
    // A str key is decided by one probe under one borrow, without `Vm::hash`'s dispatch.
    let by_str = d.map.try_borrow().ok().and_then(|m| m.lookup_str_key(&args[1]).map(|v| v.cloned()));
    let found = match by_str {
        Some(found) => found,
        None => match vm.dict_get(d, &args[1]) {
            Ok(found) => found,
            Err(e) => return Some(Err(e)),
        },
    };
    let v = match found {
        Some(v) => v,
        None if argc == 2 => std::mem::take(&mut stack[at + 3]),
        None => Value::None,
    };
    finish(stack, at, argc, v);
    Some(Ok(()))
}

/// `l.append(x)` for an exact list `l`: `x` moves from its register into the list.
#[inline(never)]
fn list_append(vm: &mut Vm, stack: &mut [Value], at: usize, argc: usize) -> Option<PyResult<()>> {
    if argc != 1 || at + 2 >= stack.len() {
        return None;
    }
    let [Value::List(l), item] = &mut stack[at + 1..at + 3] else { return None };
    vm.gc_note_store(l, item);
    l.items.borrow_mut().push(std::mem::take(item));
    if vm.memory.limited() {
        if let Err(e) = vm.mem_track_value(&stack[at + 1]) {
            return Some(Err(e));
        }
    }
    finish(stack, at, argc, Value::None);
    Some(Ok(()))
}

/// Stores the result in `stack[at]` and unbinds the receiver and argument registers.
#[inline(always)]
fn finish(stack: &mut [Value], at: usize, argc: usize, result: Value) {
    for slot in &mut stack[at + 1..at + 2 + argc] {
        Value::put(slot, Value::Undef);
    }
    Value::put(&mut stack[at], result);
}
