//! `range` objects whose bounds or length do not fit in 64 bits (`range(10**20)`).
//!
//! The common case is `Payload::Range(i64, i64, i64)`; a range needing bigger numbers is a
//! `Payload::BigRange` with the same semantics computed on big integers: length, indexing,
//! membership, iteration (CPython's `longrange_iterator`), equality and reversal.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::object::{Object, Payload};
use super::value::Value;
use super::{PyResult, Vm};

/// A range over big integers (`step` is never zero).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigRange {
    /// First element.
    pub start: BigInt,
    /// Bound (excluded).
    pub stop: BigInt,
    /// Step.
    pub step: BigInt,
}

impl BigRange {
    /// Number of elements.
    pub fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -self.step.clone())
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - BigInt::one()) / step + BigInt::one()
    }

    /// True when the range has no elements.
    pub fn is_empty(&self) -> bool {
        self.len().is_zero()
    }

    /// Element `i` (already checked to be in `0..len`).
    pub fn at(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// True when `x` is an element.
    pub fn contains(&self, x: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            x >= &self.start && x < &self.stop
        } else {
            x <= &self.start && x > &self.stop
        };
        inside && (x - &self.start).mod_floor(&self.step.abs()).is_zero()
    }

    /// The same elements in reverse order.
    pub fn reversed(&self) -> BigRange {
        let len = self.len();
        let last = &self.start + (&len - BigInt::one()) * &self.step;
        BigRange { stop: &self.start - &self.step, start: last, step: -self.step.clone() }
    }
}

/// A range value: the compact form when everything fits in 64 bits (length included).
pub fn range_value(vm: &Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let r = BigRange { start, stop, step };
    let small = (r.start.to_i64(), r.stop.to_i64(), r.step.to_i64(), r.len().to_i64());
    let payload = match small {
        (Some(a), Some(b), Some(c), Some(_)) => Payload::Range(a, b, c),
        _ => Payload::BigRange(Box::new(r)),
    };
    Value::Obj(Object::new(vm.types.range.clone(), payload))
}

impl Vm {
    /// `len(r)` of a big range: OverflowError when it does not fit, as in CPython.
    pub fn big_range_len(&mut self, r: &BigRange) -> PyResult<usize> {
        match r.len().to_i64() {
            Some(n) => Ok(n as usize),
            None => Err(self.new_error("OverflowError", "Python int too large to convert to C ssize_t")),
        }
    }

    /// `r[key]` for an integer key.
    pub fn big_range_item(&mut self, r: &BigRange, key: &Value) -> PyResult<Value> {
        let i = match super::ops::big_of(key) {
            Some(i) => i,
            None => {
                let t = self.type_name(key);
                return Err(self
                    .new_error("TypeError", &format!("range indices must be integers or slices, not {t}")));
            }
        };
        let len = r.len();
        let i = if i.is_negative() { i + &len } else { i };
        if i.is_negative() || i >= len {
            return Err(self.new_error("IndexError", "range object index out of range"));
        }
        Ok(Value::from_bigint(r.at(&i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(a: i64, b: i64, c: i64) -> BigRange {
        BigRange { start: a.into(), stop: b.into(), step: c.into() }
    }

    #[test]
    fn length_membership_and_reversal() {
        assert_eq!(r(0, 10, 3).len(), 4.into());
        assert_eq!(r(10, 0, -3).len(), 4.into());
        assert!(r(0, 10, 3).contains(&9.into()) && !r(0, 10, 3).contains(&10.into()));
        assert_eq!(r(1, 10, 3).reversed(), r(7, -2, -3));
    }
}
