//! [`CompactVec`]: the growable arrays a fiber keeps (its register stack and its frames), with
//! a 16-byte header instead of `Vec`'s 24.
//!
//! Every suspended coroutine owns a fiber, so the fiber's header is part of every parked
//! task's bytes (PERFORMANCE.md, the `mem10` round): two `Vec` headers were 48 of its 88 bytes.
//! A `CompactVec` keeps the pointer and `u32` length and capacity.
//!
//! Invariant: `ptr`, `len` and `cap` are always the parts of a live `Vec<T>` (one this type
//! took apart with [`CompactVec::from_vec`], or `Vec::new()`'s), so every allocation, growth
//! and release is `Vec`'s own: the growing operations put the `Vec` back together, call its
//! method and take it apart again. Only the hot operations (indexing through the slice, a push
//! into spare room, a pop, a truncate) touch the memory here, each as `Vec` does it. The
//! element type is never zero-sized (register values and frames), so a capacity always fits
//! `u32` unless a fiber held more than 4 G registers, which no memory limit allows; the
//! conversion still checks it.
//!
//! The other `unsafe` modules are `runtime::memory`, `vm::regs`, `vm::swap` and `vm::frame_ref`.

#![allow(unsafe_code)]

use std::fmt;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut, Index, IndexMut};
use std::ptr::NonNull;
use std::slice::SliceIndex;

/// A `Vec<T>` whose length and capacity are `u32`s (see the module docs).
pub struct CompactVec<T> {
    /// The `Vec`'s buffer (dangling while the capacity is 0).
    ptr: NonNull<T>,
    /// Initialised elements at the start of the buffer.
    len: u32,
    /// Elements the buffer has room for.
    cap: u32,
    /// The vector owns its `T`s (for drop checking).
    _owns: PhantomData<T>,
}

impl<T> CompactVec<T> {
    /// An empty vector (no allocation).
    pub const fn new() -> CompactVec<T> {
        CompactVec { ptr: NonNull::dangling(), len: 0, cap: 0, _owns: PhantomData }
    }

    /// An empty vector with room for `n` elements.
    pub fn with_capacity(n: usize) -> CompactVec<T> {
        CompactVec::from_vec(Vec::with_capacity(n))
    }

    /// Takes `vec` apart into a compact header.
    fn from_vec(vec: Vec<T>) -> CompactVec<T> {
        assert!(std::mem::size_of::<T>() != 0, "CompactVec of a zero-sized type");
        let mut vec = ManuallyDrop::new(vec);
        let len = u32::try_from(vec.len()).expect("CompactVec length beyond u32");
        let cap = u32::try_from(vec.capacity()).expect("CompactVec capacity beyond u32");
        // A `Vec`'s pointer is never null (dangling and aligned when it has not allocated).
        let ptr = NonNull::new(vec.as_mut_ptr()).unwrap_or(NonNull::dangling());
        CompactVec { ptr, len, cap, _owns: PhantomData }
    }

    /// Puts the `Vec` back together, leaving this one empty.
    fn take_vec(&mut self) -> Vec<T> {
        let this = ManuallyDrop::new(std::mem::take(self));
        // SAFETY: the parts are those of a live `Vec<T>` (module invariant), and `this` is
        // never used or dropped again, so the `Vec` made here is their only owner.
        unsafe { Vec::from_raw_parts(this.ptr.as_ptr(), this.len as usize, this.cap as usize) }
    }

    /// Runs `f` on the vector as a `Vec` (the growing operations). If `f` panics the
    /// elements are dropped and this vector is left empty, never pointing at a freed buffer.
    fn with_vec<R>(&mut self, f: impl FnOnce(&mut Vec<T>) -> R) -> R {
        let mut vec = self.take_vec();
        let r = f(&mut vec);
        *self = CompactVec::from_vec(vec);
        r
    }

    /// Number of elements.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// True when there are no elements.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Elements the buffer has room for.
    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.cap as usize
    }

    /// The buffer's start, for writing spare room (see [`CompactVec::set_len`]).
    #[inline(always)]
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr.as_ptr()
    }

    /// Sets the length without touching the elements.
    ///
    /// # Safety
    /// As `Vec::set_len`: `new_len <= capacity()`, and the elements below `new_len` are
    /// initialised.
    #[inline(always)]
    pub unsafe fn set_len(&mut self, new_len: usize) {
        debug_assert!(new_len <= self.capacity());
        // `new_len <= cap`, a `u32`, so the cast keeps it.
        self.len = new_len as u32;
    }

    /// Makes room for at least `extra` more elements.
    #[inline]
    pub fn reserve(&mut self, extra: usize) {
        if self.capacity() - self.len() < extra {
            self.with_vec(|v| v.reserve(extra));
        }
    }

    /// Appends `value`.
    #[inline(always)]
    pub fn push(&mut self, value: T) {
        if self.len == self.cap {
            self.grow_one();
        }
        // SAFETY: `len < cap` now, so the slot at `len` is allocated spare room; writing it
        // and counting it is what `Vec::push` does.
        unsafe {
            self.ptr.as_ptr().add(self.len()).write(value);
        }
        self.len += 1;
    }

    /// The rare half of [`CompactVec::push`]: doubles the room, as `Vec` does.
    #[cold]
    #[inline(never)]
    fn grow_one(&mut self) {
        self.with_vec(|v| v.reserve(1));
    }

    /// Removes and returns the last element.
    #[inline(always)]
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the element at the old last index is initialised, and is no longer counted
        // in the length, so it is moved out exactly once (what `Vec::pop` does).
        Some(unsafe { self.ptr.as_ptr().add(self.len()).read() })
    }

    /// Drops the elements from `new_len` on (nothing if there are not more than that).
    #[inline]
    pub fn truncate(&mut self, new_len: usize) {
        if new_len >= self.len() {
            return;
        }
        let tail: *mut [T] = &mut self[new_len..];
        // Shorten first: if a drop panics, the rest of the tail leaks instead of being dropped
        // twice (as `Vec::truncate`).
        self.len = new_len as u32;
        // SAFETY: the tail's elements are initialised and no longer counted in the length,
        // so they are dropped exactly once.
        unsafe { std::ptr::drop_in_place(tail) }
    }

    /// Moves every element to the end of `out`, freeing the buffer.
    pub fn move_into(&mut self, out: &mut Vec<T>) {
        out.append(&mut self.take_vec());
    }

    /// Drops every element (the buffer stays).
    #[inline]
    pub fn clear(&mut self) {
        self.truncate(0);
    }
}

impl<T: Clone> CompactVec<T> {
    /// Grows to `new_len` elements with clones of `value`, or truncates to it.
    #[inline]
    pub fn resize(&mut self, new_len: usize, value: T) {
        if new_len <= self.len() {
            self.truncate(new_len);
        } else {
            self.with_vec(|v| v.resize(new_len, value));
        }
    }
}

impl<T> Default for CompactVec<T> {
    fn default() -> CompactVec<T> {
        CompactVec::new()
    }
}

impl<T> Drop for CompactVec<T> {
    fn drop(&mut self) {
        drop(self.take_vec());
    }
}

impl<T> Deref for CompactVec<T> {
    type Target = [T];

    #[inline(always)]
    fn deref(&self) -> &[T] {
        // SAFETY: the first `len` elements of the buffer are initialised (module invariant),
        // and the shared borrow of `self` keeps them from changing.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len()) }
    }
}

impl<T> DerefMut for CompactVec<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as for `deref`, with the unique borrow of `self` making the slice the only
        // access to them.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len()) }
    }
}

/// Indexing as a slice's (register indexing by `vm::regs::Slot` is implemented there too:
/// without this impl the compiler would not look through `Deref` for the others).
impl<T, I: SliceIndex<[T]>> Index<I> for CompactVec<T> {
    type Output = I::Output;

    #[inline(always)]
    fn index(&self, i: I) -> &I::Output {
        Index::index(&**self, i)
    }
}

impl<T, I: SliceIndex<[T]>> IndexMut<I> for CompactVec<T> {
    #[inline(always)]
    fn index_mut(&mut self, i: I) -> &mut I::Output {
        IndexMut::index_mut(&mut **self, i)
    }
}

impl<T: fmt::Debug> fmt::Debug for CompactVec<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The header is the point of the type.
const _: () = assert!(std::mem::size_of::<CompactVec<u64>>() == 16);

#[cfg(test)]
mod tests {
    use super::CompactVec;
    use std::rc::Rc;

    #[test]
    fn push_pop_grow_and_truncate_keep_every_count() {
        let rc = Rc::new(());
        let mut v: CompactVec<Rc<()>> = CompactVec::with_capacity(1);
        for _ in 0..100 {
            v.push(Rc::clone(&rc));
        }
        assert_eq!(v.len(), 100);
        assert!(v.capacity() >= 100);
        assert_eq!(Rc::strong_count(&rc), 101);
        drop(v.pop());
        v.truncate(10);
        assert_eq!(Rc::strong_count(&rc), 11);
        v.resize(40, Rc::clone(&rc));
        assert_eq!((v.len(), Rc::strong_count(&rc)), (40, 41));
        v.resize(5, Rc::clone(&rc));
        assert_eq!((v.len(), Rc::strong_count(&rc)), (5, 6));
        v.clear();
        assert!(v.is_empty());
        v.reserve(1000);
        assert!(v.capacity() >= 1000);
        v.push(Rc::clone(&rc));
        drop(v);
        assert_eq!(Rc::strong_count(&rc), 1);
    }

    #[test]
    fn an_empty_vector_never_allocates_and_slices_empty() {
        let mut v: CompactVec<String> = CompactVec::new();
        assert_eq!(v.capacity(), 0);
        assert!(v.pop().is_none());
        assert!(v.is_empty());
        v.truncate(3);
        v.push("a".to_string());
        v[0].push('b');
        assert_eq!(&v[..], ["ab".to_string()]);
    }
}
