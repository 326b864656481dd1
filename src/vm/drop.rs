//! Dropping deeply nested values without recursing on the Rust stack (CPython's "trashcan").
//!
//! A list nested a million levels deep, a long linked list of objects or a long exception
//! chain would otherwise be freed by a million nested `Drop` calls. The containers' `Drop`
//! impls hand their contents to [`drop_values`], which frees them with an explicit work list:
//! a child whose reference count is about to reach zero has its own contents moved onto the
//! list before it is freed, so its `Drop` finds nothing left to recurse into.

use std::rc::Rc;

use super::object::{Object, Payload};
use super::value::Value;

/// Drops `values` (and everything they uniquely own) iteratively.
pub fn drop_values(values: Vec<Value>) {
    let mut work = values;
    while let Some(v) = work.pop() {
        match v {
            Value::List(l) => {
                if let Ok(mut list) = Rc::try_unwrap(l) {
                    work.append(list.items.get_mut());
                }
            }
            Value::Tuple(t) => {
                if let Ok(mut tuple) = Rc::try_unwrap(t) {
                    work.extend(std::mem::take(&mut tuple.items).into_vec());
                }
            }
            Value::Dict(d) => {
                if let Ok(mut dict) = Rc::try_unwrap(d) {
                    std::mem::take(dict.map.get_mut()).drain_into(&mut work);
                }
            }
            Value::Obj(o) => {
                if let Ok(mut obj) = Rc::try_unwrap(o) {
                    take_object(&mut obj, &mut work);
                }
            }
            other => drop(other),
        }
    }
}

/// Queues `v` when dropping it could recurse (a container we hold the last reference to);
/// anything else is dropped on the spot, so common drops never allocate a work list.
fn defer(work: &mut Vec<Value>, v: Value) {
    let last = match &v {
        Value::List(r) => Rc::strong_count(r) == 1,
        Value::Tuple(r) => Rc::strong_count(r) == 1,
        Value::Dict(r) => Rc::strong_count(r) == 1,
        Value::Obj(r) => Rc::strong_count(r) == 1,
        _ => false,
    };
    if last {
        work.push(v);
    }
}

/// Drops an object's contents iteratively (called by `Object`'s `Drop`).
pub fn drop_object(obj: &mut Object) {
    let mut work = Vec::new();
    take_object(obj, &mut work);
    if !work.is_empty() {
        drop_values(work);
    }
}

/// Moves what an object owns onto the work list (the common deep shapes: instance
/// attributes, subclass payloads, cells, bound methods, iterator chains, suspended
/// generators and exception chains).
fn take_object(obj: &mut Object, work: &mut Vec<Value>) {
    if let Some(d) = obj.dict.take() {
        defer(work, Value::Dict(d));
    }
    let payload = std::mem::replace(&mut obj.payload, Payload::Plain);
    match payload {
        Payload::ListData(l) => defer(work, Value::List(l)),
        Payload::DictData(d) => defer(work, Value::Dict(d)),
        Payload::Boxed(v) | Payload::StaticMethod(v) | Payload::ClassMethod(v) => defer(work, v),
        Payload::Cell(c) => defer(work, c.into_inner()),
        Payload::BoundMethod(f, s) => {
            defer(work, f);
            defer(work, s);
        }
        Payload::Generator(mut g) => {
            // An async generator its loop will finalize keeps its frame: `Generator`'s own
            // `Drop` hands it to the loop whole.
            if g.finalizer.get_mut().is_none() {
                if let super::object::GenState::Suspended(fiber) = g.state.get_mut() {
                    for v in std::mem::take(&mut fiber.stack) {
                        defer(work, v);
                    }
                }
            }
        }
        Payload::Iter(it) => match it.into_inner() {
            super::object::Iter::Enumerate(a, b) | super::object::Iter::Filter(a, b) => {
                defer(work, a);
                defer(work, b);
            }
            super::object::Iter::Map(f, its) => {
                defer(work, f);
                for v in its {
                    defer(work, v);
                }
            }
            super::object::Iter::Zip(mut its, _) => work.append(&mut its),
            other => drop(other),
        },
        Payload::Exception(e) => {
            defer(work, e.args.into_inner());
            defer(work, e.cause.into_inner());
            defer(work, e.context.into_inner());
        }
        other => drop(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_list_drops_without_overflow() {
        let mut v = Value::list(vec![]);
        for _ in 0..1_000_000 {
            v = Value::list(vec![v]);
        }
        drop(v);
    }

    #[test]
    fn deep_tuple_drops_without_overflow() {
        let mut v = Value::tuple(vec![]);
        for _ in 0..1_000_000 {
            v = Value::tuple(vec![v, Value::Int(1)]);
        }
        drop(v);
    }
}
