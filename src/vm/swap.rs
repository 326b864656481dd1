//! [`Swap`]: an object field that hot paths read through a plain reference (no borrow flag,
//! no reference count, no extra indirection) and that two rare script operations replace:
//! `obj.__class__ = C` (the instance's class) and `obj.__dict__ = d` (its attribute dict).
//!
//! One of the crate's `unsafe` modules (with `runtime::memory`, `vm::frame_ref` and
//! `vm::regs`): `Object::class` was an immutable `Rc<Class>` read at some 200 sites, and a
//! `Cell`/`RefCell` around it cost every read a take-and-put-back or a borrow flag (+10 %
//! instructions on the `methods` and `nbody` benchmarks in the `lang-wip` attempt).
//!
//! Contract of [`Swap::replace`] (upheld by its two callers in `vm::attr`): the value taken out
//! is kept alive for the rest of the VM's life (`Vm::swapped_out`), so a reference a caller
//! took before the replacement (`&o.class`, `o.dict()`) still points at a live value, and
//! the replacement happens on the VM's thread (`Swap` is neither `Send` nor `Sync`, as its
//! contents are `Rc`s).

#![allow(unsafe_code)]

use std::cell::UnsafeCell;
use std::fmt;
use std::ops::{Deref, DerefMut};

/// A field read by reference and replaced only by [`Swap::replace`].
pub struct Swap<T>(UnsafeCell<T>);

impl<T> Swap<T> {
    /// A field holding `v`.
    pub fn new(v: T) -> Self {
        Swap(UnsafeCell::new(v))
    }

    /// Puts `v` in the field and returns the old value, which the caller must keep alive for
    /// the VM's life (module docs): an associated function, so that it does not shadow the
    /// methods of `T` reached through `Deref`.
    pub fn replace(this: &Self, v: T) -> T {
        // SAFETY: the VM is single-threaded (`T` holds `Rc`s, so `Swap<T>` is not `Sync`), no
        // `&mut T` to the contents exists while `&self` does (`DerefMut` needs `&mut self`),
        // and the shared references `Deref` handed out before stay valid: the field's memory
        // lives as long as the object, and the value they saw is kept alive by the caller.
        unsafe { std::ptr::replace(this.0.get(), v) }
    }
}

impl<T> Deref for Swap<T> {
    type Target = T;

    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: the only write through a shared `Swap` is `replace` (see there).
        unsafe { &*self.0.get() }
    }
}

impl<T> DerefMut for Swap<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        self.0.get_mut()
    }
}

impl<T: fmt::Debug> fmt::Debug for Swap<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}
