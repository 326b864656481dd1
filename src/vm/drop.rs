//! Dropping deeply nested values without overflowing the Rust stack (CPython's "trashcan").
//!
//! Containers (lists, tuples, dicts, sets, slices, objects) free their contents with ordinary recursive
//! drops while the nesting stays shallow, which costs one counter update per container. Past
//! `TRASHCAN_DEPTH` nested drops, a container parks its contents on a deferred list instead;
//! the outermost drop then frees that list iteratively, so a list nested a million levels
//! deep, a long linked list of objects or a long exception chain frees in bounded stack.
//!
//! The depth counter and the deferred list are thread-local: values never cross threads.

use std::cell::{Cell, RefCell};

use super::object::{GenState, Iter, Object, Payload};
use super::value::Value;
use crate::compiler::bytecode::CodeKind;

/// Nested container drops handled recursively before contents are deferred.
const TRASHCAN_DEPTH: usize = 200;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Starts freeing a container's contents; false when drops are nested too deeply, and the
/// contents must go to [`defer`] instead. Pair a true result with [`leave`].
#[inline]
pub fn enter() -> bool {
    DEPTH.with(|d| {
        let depth = d.get();
        if depth >= TRASHCAN_DEPTH {
            return false;
        }
        d.set(depth + 1);
        true
    })
}

/// Ends a drop started with [`enter`]; the outermost one frees what was deferred.
#[inline]
pub fn leave() {
    let depth = DEPTH.with(|d| {
        let depth = d.get() - 1;
        d.set(depth);
        depth
    });
    if depth == 0 {
        drain_deferred();
    }
}

/// Parks values whose drop would nest too deeply.
pub fn defer(values: impl IntoIterator<Item = Value>) {
    DEFERRED.with(|d| d.borrow_mut().extend(values));
}

/// Frees a vector of values (a list's or tuple's items) under the trashcan, last item first
/// as CPython's list and tuple deallocation does (the order `__del__` methods observe).
pub fn release_vec(mut items: Vec<Value>) {
    if enter() {
        while let Some(v) = items.pop() {
            // A str (the pieces of a split, the words of a joined list) is one count
            // decrement, inline, instead of a call of the whole drop glue.
            match v {
                Value::Str(s) => drop(s),
                v => drop(v),
            }
        }
        leave();
    } else {
        defer(items);
    }
}

/// The outermost drop: frees everything parked on the deferred list, one value at a time.
fn drain_deferred() {
    loop {
        let Some(v) = DEFERRED.with(|d| d.borrow_mut().pop()) else { break };
        DEPTH.with(|d| d.set(1));
        drop(v);
        DEPTH.with(|d| d.set(0));
    }
}

/// Moves what an object owns into `out` (its instance dict and the payload values that can
/// nest: subclass payloads, cells, bound methods, iterator chains, suspended generators and
/// exception chains).
pub fn take_object(obj: &mut Object, out: &mut Vec<Value>) {
    if let Some(d) = obj.dict.take() {
        out.push(Value::Dict(d));
    }
    match std::mem::replace(&mut obj.payload, Payload::Plain) {
        Payload::ListData(l) => out.push(Value::List(l)),
        Payload::DictData(d) => out.push(Value::Dict(d)),
        Payload::Boxed(v) | Payload::StaticMethod(v) | Payload::ClassMethod(v) => out.push(v),
        Payload::Cell(c) => out.push(c.into_inner()),
        Payload::BoundMethod(f, s) => out.extend([f, s]),
        Payload::Generator(mut g) => {
            // An async generator its loop will finalize keeps its frame: `Generator`'s own
            // `Drop` hands it to the loop whole.
            if g.finalizer.get_mut().is_none() || (g.kind == CodeKind::Generator && !g.needs_close()) {
                if let GenState::Suspended(fiber) = g.state.get_mut() {
                    fiber.stack.move_into(out);
                }
            }
        }
        Payload::Iter(it) => match it.into_inner() {
            Iter::Enumerate(a, b) | Iter::Filter(a, b) => out.extend([a, b]),
            Iter::Map(f, its) => {
                out.push(f);
                out.extend(its);
            }
            Iter::Zip(its, _) => out.extend(its),
            Iter::Bytes(v, _) | Iter::Set(v, ..) | Iter::Reversed(v, _) | Iter::SeqIter(v, _) => out.push(v),
            Iter::Callable(f, sentinel) => out.extend([f, sentinel]),
            Iter::List(l, _) => out.push(Value::List(l)),
            Iter::Tuple(t, _) => out.push(Value::Tuple(t)),
            other => drop(other),
        },
        Payload::Exception(e) => {
            out.extend([e.args.into_inner(), e.cause.into_inner(), e.context.into_inner()]);
        }
        Payload::Slice(a, b, c) => out.extend([a, b, c]),
        Payload::Super(_, v) | Payload::AsyncYield(v) => out.push(v),
        Payload::Set(t) => t.into_inner().drain_into(out),
        Payload::FrozenSet(t) => t.drain_into(out),
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
