//! The dispatch loop's borrowed view of what the running frame owns (its code object), and
//! frames that borrow their code and globals.
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
//! in place; [`discard_top`] is the fast return's pop, which gives a borrowing frame's slot up
//! without moving the frame out or running its drop glue.
//!
//! **Borrowing frames.** A [`Frame`] made by [`Frame::new`] owns its code and globals; one made
//! by [`Frame::borrowing`] (the dispatch loop's fast call path, a plain function called from a
//! register) holds copies of the function's two `Rc`s without counts of their own: the
//! function in the frame's return slot (the caller's register `ret`) keeps both alive. That
//! saved two count increments per call and two decrements per return (PERFORMANCE.md, the
//! `calls6` round). Invariant (upheld by `interp::Vm::run`): while a borrowing frame is on its
//! fiber, its return slot holds the function it was made from. The slot is a register of the
//! caller's window, and only the caller's own instructions write it (the callee's window
//! starts above it), so it holds until the frame returns; the fast return reads what it
//! needs from the frame (its register count) *before* it moves the result into the return
//! slot, which releases the function. The other ways a frame leaves its fiber (unwinding,
//! `Vm::return_from`) read the frame before the slot is written, and a fiber dropped with its
//! frames (its stack is dropped first) does not read them: dropping a borrowing frame releases
//! nothing. `Init` frames (the slot holds the new instance) and every frame the slow paths
//! push own their counts. A borrowing frame never suspends (only a generator's base frame,
//! which owns, yields), so the collector never sees one on a suspended fiber.
//!
//! [`GlobalSlot`] is the `LoadGlobal` cache: a global's value copied without a count, read
//! while the dicts' versions show it is still there, and the versions read without a
//! `RefCell` borrow.
//!
//! The crate's other `unsafe` modules are `runtime::memory`, `vm::regs`, `vm::swap` and
//! `vm::fiber_alloc`.

#![allow(unsafe_code)]

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::ptr::NonNull;
use std::rc::Rc;

use super::dict::DictMap;
use super::fiber_alloc::CompactVec;
use super::frame::{Frame, FrameKind};
use super::object::{CodeObj, Dict, Function};
use super::value::Value;

/// A pointer to an object a frame of the running fiber owns through an `Rc` (see the module
/// docs for when it may be dereferenced), or, in the loop's fast call path, to the function
/// a register of the running frame holds (the call reads it only while the register is
/// untouched, and the frame it pushes then borrows from that register: [`Frame::borrowing`]).
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
pub(crate) struct Room<'a, T>(&'a mut CompactVec<T>);

/// Makes room for one more element at the end of `vec` (growing it by doubling when full).
#[inline(always)]
pub(crate) fn room<T>(vec: &mut CompactVec<T>) -> Room<'_, T> {
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

/// The fast return's pop: removes the top frame of `frames` (there must be one). A borrowing
/// frame holds nothing to release (no counts, and no `locals`: only owning frames run class
/// bodies), so its slot is just given up, without moving the 40-byte frame out through the
/// stack and calling the drop glue (which `Vec::pop` did on every return: about 3 % of `fib`'s
/// time); an owning frame is popped and dropped as usual.
#[inline(always)]
pub(crate) fn discard_top(frames: &mut CompactVec<Frame>) {
    let Some(top) = frames.last() else { return };
    if top.owns {
        drop(frames.pop());
        return;
    }
    debug_assert!(top.locals.is_none(), "a borrowing frame with a class namespace");
    // SAFETY: the vector has at least one element, so `len - 1` is within its capacity and
    // the elements below it stay initialised. The given-up frame is never dropped, which
    // only leaks what its drop would release: for a borrowing frame that is nothing (its
    // `code` and `globals` are `ManuallyDrop` copies without counts of their own, released
    // only for owning frames, and `locals` is `None`).
    unsafe { frames.set_len(frames.len() - 1) }
}

/// The rare half of [`room`]: makes room for at least one more element.
#[cold]
#[inline(never)]
fn grow<T>(vec: &mut CompactVec<T>) {
    vec.reserve(vec.len().max(4));
}

impl Frame {
    /// A frame that owns `code` and `globals`, about to run `code` from its start with
    /// register 0 at stack index `base`, returning to stack index `ret`.
    #[inline(always)]
    pub fn new(
        code: Rc<CodeObj>,
        globals: Rc<Dict>,
        locals: Option<Rc<Dict>>,
        base: usize,
        ret: usize,
        kind: FrameKind,
    ) -> Frame {
        let (code, globals) = (ManuallyDrop::new(code), ManuallyDrop::new(globals));
        Frame { code, globals, locals, pc: 0, base: base as u32, ret: ret as u32, kind, owns: true }
    }

    /// A `Normal` frame running `f`'s code that borrows `f`'s code and globals (no count
    /// updates): `f` must be the function in stack slot `ret` of the same fiber, and stay
    /// there while the frame is on the fiber (the module docs say why the loop's fast call
    /// path can promise that).
    #[inline(always)]
    pub(crate) fn borrowing(f: &Function, base: usize, ret: usize) -> Frame {
        // SAFETY: bitwise copies of two live `Rc`s, kept in `ManuallyDrop` and released by
        // `Frame`'s drop only when `owns` is set (never for these), so no count is given back
        // that was not taken. Their objects are alive while `f` is (the invariant above keeps
        // `f` in the return slot for the frame's life), and an `Rc` only gives out shared
        // references; a clone of a copy takes a count of its own, as any `Rc` clone.
        let (code, globals) = unsafe { (std::ptr::read(&f.code), std::ptr::read(&f.globals)) };
        Frame {
            code: ManuallyDrop::new(code),
            globals: ManuallyDrop::new(globals),
            locals: None,
            pc: 0,
            base: base as u32,
            ret: ret as u32,
            kind: FrameKind::Normal,
            owns: false,
        }
    }
}

impl Drop for Frame {
    #[inline(always)]
    fn drop(&mut self) {
        if self.owns {
            // SAFETY: an owning frame took a count for each (`Frame::new`), and this is the
            // frame's drop: neither is used again.
            unsafe {
                ManuallyDrop::drop(&mut self.code);
                ManuallyDrop::drop(&mut self.globals);
            }
        }
    }
}

/// One `LoadGlobal` cache slot: a copy of the global's value without a count of its own,
/// valid while the globals dict (and, for a builtin, the builtins dict) still has the version
/// recorded with it. The `LoadGlobal` hit is then two version compares and a clone of the
/// slot's own bits: the value no longer waits on the chain frame → globals → map → entries →
/// entry (PERFORMANCE.md, the `globals10` round).
///
/// Why the bits stay valid: a slot records [`DictMap::watch_version`] of the map it read, and
/// a watched map takes a new version at every change of a key or a value, in-place stores
/// included; versions are unique across every map of the thread (a clone takes a new one), so
/// a map with the recorded version is the map the value was read from, unchanged since, and
/// it holds the value's count. The slot holds none: it must not keep a deleted or rebound
/// global alive (CPython's cache does not either).
#[derive(Clone, Copy)]
pub struct GlobalSlot {
    /// The watched version of the globals dict the lookup ran in ([`NO_VERSION`] when empty).
    globals_version: u64,
    /// The builtins dict's watched version for a builtin, 0 for a value of the globals.
    builtins_version: u64,
    /// The value's bits (the value itself is held by the dict).
    bits: ValueBits,
}

/// A version no map ever has (the counter would need 2^63 - 1 versions): an empty slot's.
const NO_VERSION: u64 = u64::MAX;

/// The bits of a [`Value`], copied without a count (any bytes, padding included).
#[derive(Clone, Copy)]
#[repr(C, align(8))]
struct ValueBits(std::mem::MaybeUninit<[u64; 2]>);

const _: () = assert!(
    std::mem::size_of::<Value>() == std::mem::size_of::<ValueBits>()
        && std::mem::align_of::<Value>() <= std::mem::align_of::<ValueBits>()
);

impl ValueBits {
    /// `v`'s bits.
    #[inline(always)]
    fn of(v: &Value) -> ValueBits {
        // SAFETY: same size, and `ValueBits` is a `MaybeUninit` of plain words with at least
        // `Value`'s alignment: any 16 bytes (a padding byte included) are a valid `ValueBits`.
        unsafe { std::ptr::read((v as *const Value).cast::<ValueBits>()) }
    }
}

impl Default for GlobalSlot {
    fn default() -> GlobalSlot {
        GlobalSlot { globals_version: NO_VERSION, builtins_version: 0, bits: ValueBits::of(&Value::Undef) }
    }
}

impl std::fmt::Debug for GlobalSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GlobalSlot")
            .field("globals_version", &self.globals_version)
            .field("builtins_version", &self.builtins_version)
            .finish_non_exhaustive()
    }
}

impl GlobalSlot {
    /// A slot for the value of entry `i` of `globals` (there must be one), marking the map as
    /// watched.
    pub fn global(globals: &DictMap, i: usize) -> GlobalSlot {
        let bits = ValueBits::of(&globals.entry(i).value);
        GlobalSlot { globals_version: globals.watch_version(), builtins_version: 0, bits }
    }

    /// A slot for the value of entry `i` of `builtins` (there must be one) while `globals` does
    /// not shadow it, marking both maps as watched.
    pub fn builtin(globals: &DictMap, builtins: &DictMap, i: usize) -> GlobalSlot {
        let bits = ValueBits::of(&builtins.entry(i).value);
        GlobalSlot {
            globals_version: globals.watch_version(),
            builtins_version: builtins.watch_version(),
            bits,
        }
    }

    /// The hit: a counted copy of the cached value if `globals` (the running frame's) and, for
    /// a builtin, `builtins` still have the recorded versions; `None` otherwise, or while either
    /// map is mutably borrowed.
    #[inline(always)]
    pub fn load(&self, globals: &RefCell<DictMap>, builtins: &RefCell<DictMap>) -> Option<Value> {
        if !has_version(globals, self.globals_version) {
            return None;
        }
        if self.builtins_version != 0 && !has_version(builtins, self.builtins_version) {
            return None;
        }
        // SAFETY: the versions matched, so (see the type's docs) the map the bits were copied
        // from is alive, unchanged since, and holds a count of the value: the bits are a live
        // `Value`, read here without taking it over (`ManuallyDrop`).
        let v =
            unsafe { ManuallyDrop::new(std::ptr::read((&self.bits as *const ValueBits).cast::<Value>())) };
        // A scalar owns nothing: its bits are a copy of their own. Every other kind is one
        // count increment at the same place, so the clone is one test and no jump table on
        // the tag.
        Some(if v.is_inline() { ManuallyDrop::into_inner(v) } else { Value::clone(&v) })
    }
}

/// Whether `map` has version `version` (false while it is mutably borrowed), read without
/// taking and releasing a `RefCell` borrow (a borrow-flag check, increment and decrement per
/// global read).
#[inline(always)]
fn has_version(map: &RefCell<DictMap>, version: u64) -> bool {
    // SAFETY: `try_borrow_unguarded` fails while the map is mutably borrowed, and the shared
    // reference it gives is only used for one version read, before anything could borrow the
    // map mutably.
    unsafe { map.try_borrow_unguarded() }.is_ok_and(|m| m.version() == version)
}
