//! The dispatch loop's borrowed view of what the running frame owns (its code object).
//!
//! The running frame's `Frame::code` is an `Rc<CodeObj>`, but the loop cannot hold a `&CodeObj`
//! borrowed from it: it mutates the fiber (pushing and popping frames) while it runs that code.
//! Cloning the `Rc` into a loop local instead cost two reference-count updates per call and
//! two per return (`fib` makes 1.6 M calls). A [`FrameRef`] is the pointer without the count:
//! the frame it was taken from keeps the object alive.
//!
//! Invariant (upheld by `interp::Vm::run`, the only user): a `FrameRef` taken from a frame is
//! used only while that frame is on its fiber's frame stack with the same `Rc` in it. The loop
//! re-takes its `FrameRef` from the top frame whenever a frame is pushed or popped (the fast
//! call and return paths, and every path back through its `'frames` loop), and frames are
//! only pushed or popped by the fiber's own dispatch loop (a native call that runs script code
//! runs it on another fiber), so the frame outlives every use. Moving the `Rc` (the frame
//! vector reallocating) does not move the object it points to.
//!
//! The crate's other `unsafe` modules are `runtime::memory` and `vm::regs`.

#![allow(unsafe_code)]

use std::ops::Deref;
use std::ptr::NonNull;
use std::rc::Rc;

/// A pointer to an object a frame of the running fiber owns through an `Rc` (see the module
/// docs for when it may be dereferenced).
pub(crate) struct FrameRef<T>(NonNull<T>);

impl<T> Clone for FrameRef<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for FrameRef<T> {}

impl<T> FrameRef<T> {
    /// The object `owner` points to; `owner` must be (or be moved into) a frame's field that
    /// outlives every use of the result.
    #[inline(always)]
    pub(crate) fn new(owner: &Rc<T>) -> Self {
        FrameRef(NonNull::from(&**owner))
    }

    /// True when this points at `owner`'s object (the loop's debug check of the invariant).
    #[inline(always)]
    pub(crate) fn is(&self, owner: &Rc<T>) -> bool {
        std::ptr::eq(self.0.as_ptr(), Rc::as_ptr(owner))
    }
}

impl<T> Deref for FrameRef<T> {
    type Target = T;

    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: the pointer came from a live `Rc<T>` held by a frame of the running fiber,
        // and per the module invariant that frame is still on the fiber with that `Rc`
        // whenever the loop dereferences it, so the object is alive; the `Rc` only ever
        // gives out shared references, so no `&mut T` can alias this one.
        unsafe { self.0.as_ref() }
    }
}
