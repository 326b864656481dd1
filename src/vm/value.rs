//! `Value`: the 16-byte handle for every script value.
//!
//! Small immutable values (`None`, `bool`, `int` that fits in `i64`, `float`) are stored inline
//! and never allocate. Everything else is a thin `Rc` pointer. The most common container and
//! callable types get their own variants so the dispatch loop can match on them directly;
//! every other kind of object is an [`Object`] whose [`Payload`] says what it is.
//!
//! `Undef` is internal: it marks an unbound local, an empty register or "no value" in the
//! method-call protocol, and is never visible to scripts.

use std::rc::Rc;

use num_bigint::BigInt;

use super::object::{Class, Function, List, Object, Payload, PyStr, Tuple};
use super::DictRef;

/// A script value. Cloning is cheap (a copy or an `Rc` increment).
// An 8-byte tag puts every payload at offset 8, so moving a value is two aligned words
// whatever its variant (a byte tag left a `bool` at offset 1, and moves of values of unknown
// variant became odd-sized partial copies that stall store forwarding).
#[derive(Debug, Default)]
#[repr(u64)]
pub enum Value {
    /// Internal "no value" marker (unbound local, empty slot). Never visible to scripts.
    #[default]
    Undef,
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// A `float`.
    Float(f64),
    /// An `int` outside the `i64` range (always normalised: never fits in `i64`).
    BigInt(Rc<BigInt>),
    /// A `str`.
    Str(Rc<PyStr>),
    /// A `list`.
    List(Rc<List>),
    /// A `tuple`.
    Tuple(Rc<Tuple>),
    /// A `dict`.
    Dict(DictRef),
    /// A function defined in a script.
    Func(Rc<Function>),
    /// A class (builtin or defined in a script).
    Class(Rc<Class>),
    /// Any other object.
    Obj(Rc<Object>),
}

impl Clone for Value {
    /// Inline so copying a scalar (the common register move) is a plain copy rather than a
    /// call; every heap variant is one reference-count increment.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Undef => Value::Undef,
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::BigInt(r) => Value::BigInt(r.clone()),
            Value::Str(r) => Value::Str(r.clone()),
            Value::List(r) => Value::List(r.clone()),
            Value::Tuple(r) => Value::Tuple(r.clone()),
            Value::Dict(r) => Value::Dict(r.clone()),
            Value::Func(r) => Value::Func(r.clone()),
            Value::Class(r) => Value::Class(r.clone()),
            Value::Obj(r) => Value::Obj(r.clone()),
        }
    }

    /// Inline too: the register writes of the attribute and global caches use it.
    #[inline(always)]
    fn clone_from(&mut self, source: &Value) {
        if self.is_inline() {
            std::mem::forget(std::mem::replace(self, source.clone()));
        } else {
            *self = source.clone();
        }
    }
}

impl Value {
    /// Makes an int, demoting a big integer that fits in `i64`.
    pub fn from_bigint(b: BigInt) -> Value {
        match i64::try_from(&b) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(Rc::new(b)),
        }
    }

    /// Makes a `str` value.
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }

    /// Makes a `str` value from an owned string.
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }

    /// Makes a tuple.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(Tuple::new(items)))
    }

    /// Makes a list.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(List::new(items)))
    }

    /// True for the internal unbound marker.
    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }

    /// True for `None`.
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The object payload, if this is an `Obj`.
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }

    /// Identity (`is`): same inline value or same heap object.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Undef, Value::Undef) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Str(a), Value::Str(b)) => {
                Rc::ptr_eq(a, b) || (a.as_str().is_empty() && b.as_str().is_empty())
            }
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => {
                Rc::ptr_eq(a, b) || (a.items.is_empty() && b.items.is_empty())
            }
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Func(a), Value::Func(b)) => Rc::ptr_eq(a, b),
            (Value::Class(a), Value::Class(b)) => Rc::ptr_eq(a, b),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// An address-like identity number for `id()` and default reprs.
    pub fn id(&self) -> u64 {
        match self {
            Value::Undef => 0,
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + *b as u64,
            Value::Int(i) => *i as u64,
            Value::Float(f) => f.to_bits(),
            Value::BigInt(r) => Rc::as_ptr(r) as u64,
            Value::Str(r) => Rc::as_ptr(r) as u64,
            Value::List(r) => Rc::as_ptr(r) as u64,
            Value::Tuple(r) => Rc::as_ptr(r) as u64,
            Value::Dict(r) => Rc::as_ptr(r) as u64,
            Value::Func(r) => Rc::as_ptr(r) as u64,
            Value::Class(r) => Rc::as_ptr(r) as u64,
            Value::Obj(r) => Rc::as_ptr(r) as *const u8 as u64,
        }
    }

    /// Stores `v` in `slot`. Replacing an inline value (None, bool, int, float) needs no
    /// destructor, so the hot register writes of the dispatch loop skip the drop call.
    #[inline(always)]
    pub fn put(slot: &mut Value, v: Value) {
        // Rebuilding the scalar variants here lets the compiler store tag and payload
        // directly instead of staging the whole value on the stack and copying it (which
        // stalls on store forwarding in the dispatch loop's hottest writes).
        // `v` itself is forgotten in the scalar arms: left to the end of the scope, its drop
        // would be an out-of-line call of the whole drop glue.
        let old = match v {
            Value::Int(i) => {
                std::mem::forget(v);
                std::mem::replace(slot, Value::Int(i))
            }
            Value::Float(f) => {
                std::mem::forget(v);
                std::mem::replace(slot, Value::Float(f))
            }
            Value::Bool(b) => {
                std::mem::forget(v);
                std::mem::replace(slot, Value::Bool(b))
            }
            v => std::mem::replace(slot, v),
        };
        old.release();
    }

    /// Stores an int in `slot`: a register that already holds an int (a loop counter, an
    /// accumulator) gets only its payload rewritten, with no tag store and no drop test.
    #[inline(always)]
    pub fn put_int(slot: &mut Value, i: i64) {
        match slot {
            Value::Int(x) => *x = i,
            _ => std::mem::replace(slot, Value::Int(i)).release(),
        }
    }

    /// [`Value::put_int`] for a float.
    #[inline(always)]
    pub fn put_float(slot: &mut Value, f: f64) {
        match slot {
            Value::Float(x) => *x = f,
            _ => std::mem::replace(slot, Value::Float(f)).release(),
        }
    }

    /// Stores a bool (a comparison result) in `slot`, tag and payload directly. Over a scalar
    /// (what a comparison's register usually held: its last result, or nothing yet) it is
    /// only the store: [`Value::release`]'s jump table on the old tag was a dependent load and
    /// an indirect branch before every compare-and-branch (`fib`'s `n < 2`).
    #[inline(always)]
    pub fn put_bool(slot: &mut Value, b: bool) {
        if slot.is_inline() {
            std::mem::forget(std::mem::replace(slot, Value::Bool(b)));
        } else {
            std::mem::replace(slot, Value::Bool(b)).release();
        }
    }

    /// Drops a value, with the test for the inline variants done here rather than in an
    /// out-of-line call of the whole drop glue (which `if is_inline() { forget }` still
    /// compiled to for every register write).
    #[inline(always)]
    pub fn release(self) {
        match self {
            Value::BigInt(r) => drop(r),
            Value::Str(r) => drop(r),
            Value::List(r) => drop(r),
            Value::Tuple(r) => drop(r),
            Value::Dict(r) => drop(r),
            Value::Func(r) => drop(r),
            Value::Class(r) => drop(r),
            Value::Obj(r) => Object::release(r),
            inline @ (Value::Undef | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_)) => {
                std::mem::forget(inline)
            }
        }
    }

    /// True for the variants stored without a heap object.
    #[inline(always)]
    pub fn is_inline(&self) -> bool {
        matches!(self, Value::Undef | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_))
    }

    /// True for a value that holds no references to other values (no cycle can pass
    /// through it): None, bools, numbers and strs.
    #[inline(always)]
    pub fn is_atom(&self) -> bool {
        matches!(
            self,
            Value::Undef
                | Value::None
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Str(_)
                | Value::BigInt(_)
        )
    }

    /// The string slice, if this is a `str`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        // The tag's unused values are the niche: results and options of values stay small.
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }
}
