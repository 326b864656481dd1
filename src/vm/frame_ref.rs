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
//! [`room`] and [`Room::push`] are the frame stack's push: a `Vec::push` that writes the frame
//! in place.
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

/// Room for one more element at the end of a vector, made by [`room`]: [`Room::push`] writes
/// the value straight into it.
///
/// The frame stack's push. `Vec::push` is not inlined into the dispatch loop (it calls an
/// out-of-line `push_mut`), and a value built before the room is made lives across the growth
/// call: either way every script call built its frame on the stack with narrow stores and
/// copied it with wide loads, which stall on store forwarding. With the room made first, the
/// value built after it has its fields stored straight into place.
pub(crate) struct Room<'a, T>(&'a mut Vec<T>);

/// Makes room for one more element at the end of `vec` (growing it by doubling when full).
#[inline(always)]
pub(crate) fn room<T>(vec: &mut Vec<T>) -> Room<'_, T> {
    if vec.len() == vec.capacity() {
        grow(vec);
    }
    Room(vec)
}

impl<T> Room<'_, T> {
    /// Pushes `value` into the room.
    #[inline(always)]
    pub(crate) fn push(self, value: T) {
        let len = self.0.len();
        debug_assert!(len < self.0.capacity());
        // SAFETY: `room` left `len < capacity`, and the vector has been borrowed mutably by
        // this `Room` since, so the slot at `len` is still allocated, uninitialised spare
        // room; writing it and then counting it in the length is what `Vec::push` does.
        unsafe {
            self.0.as_mut_ptr().add(len).write(value);
            self.0.set_len(len + 1);
        }
    }
}

/// The rare half of [`room`]: makes room for at least one more element.
#[cold]
#[inline(never)]
fn grow<T>(vec: &mut Vec<T>) {
    vec.reserve(vec.len().max(4));
}
