//! Frames and fibers: the VM's own call stack, never the Rust stack.
//!
//! A `Fiber` is one register stack plus the frames running on it. The main program, each
//! native-to-script call, and each generator/coroutine object has its own fiber. A script call
//! pushes a `Frame` on the current fiber; resuming a generator switches the dispatch loop to
//! the generator's fiber (see `interp::drive`), so neither recurses on the Rust stack.
//!
//! Register window: a frame's register `r` is `stack[base + r]`. A call places the callee's
//! arguments at the start of its window, inside the caller's temporaries, so positional
//! arguments need no copying. Slot 0 of every fiber receives the result of its base frame.

use std::mem::ManuallyDrop;
use std::rc::Rc;

use super::fiber_alloc::CompactVec;
use super::object::{CodeObj, Dict};
use super::value::Value;
use super::Exc;

/// A fiber's register stack.
pub type Stack = CompactVec<Value>;

/// What a frame does when it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// Return the value to `ret`.
    Normal,
    /// `__init__` run by a class call: must return None; the caller gets the instance, which
    /// the call stored in the return slot when it pushed the frame (so that the frame need
    /// not carry it, and a script rebinding `self` does not change the result).
    Init,
}

/// One activation of a code object.
///
/// A frame owns its code and globals (`owns`), or, when the loop's fast call path pushed it
/// for a plain function call, borrows them from the function in its return slot (the caller's
/// register `ret`, which keeps the function alive until the frame is popped): see
/// `vm::frame_ref`, which makes both kinds ([`Frame::new`], `Frame::borrowing`) and drops them.
#[derive(Debug)]
pub struct Frame {
    /// The code being run (released by the frame's drop only when it `owns` it).
    pub code: ManuallyDrop<Rc<CodeObj>>,
    /// The globals the code sees (released like `code`).
    pub globals: ManuallyDrop<Rc<Dict>>,
    /// The class namespace, for class bodies.
    pub locals: Option<Rc<Dict>>,
    /// Index of the next instruction (of the current one while it is running a call).
    pub pc: u32,
    /// Stack index of register 0. (The stack is never shrunk while a fiber has frames, so a
    /// frame needs no record of the stack length its window needs: see `vm::regs`, point 2.)
    pub base: u32,
    /// Stack index that receives the return value.
    pub ret: u32,
    /// How to return.
    pub kind: FrameKind,
    /// True when `code` and `globals` hold counts of their own (set only by the constructors
    /// in `vm::frame_ref`: a false one is sound only as that module says).
    pub(super) owns: bool,
}

/// How a suspended fiber is resumed.
#[derive(Debug, Default)]
pub enum Incoming {
    /// Resume with a sent value (`next()` sends None).
    #[default]
    Start,
    /// Resume with `send(value)`.
    Send(Value),
    /// Resume by raising this exception at the suspension point (`throw`, cancellation).
    Throw(Exc),
}

/// What a finished or suspended child fiber handed back to its parent.
#[derive(Debug)]
pub enum ChildResult {
    /// The child yielded a value.
    Yielded(Value),
    /// The child returned a value.
    Returned(Value),
    /// The child raised.
    Raised(Exc),
}

/// A register stack with the frames running on it.
///
/// Every suspended coroutine owns one (boxed), so its header is part of every parked task's
/// bytes: the two arrays have compact headers ([`CompactVec`]), and what a resumption brings
/// in (an [`Incoming`]) and what a stopped child fiber hands back (a [`ChildResult`]) share one
/// slot: a child's result is kept as the `Incoming` carrying its value (`Send` for a value,
/// `Throw` for an exception) with `child` saying which result it is. They never wait at the
/// same time: `Vm::take_fiber` sets the incoming value only on a suspended fiber, which has no
/// child result waiting (it suspended after consuming it), and a child's result goes to a
/// parent that is running, whose incoming value its first instruction (`apply_resume`, or the
/// `YieldFrom` it re-executes) already took; either setter replaces whatever waits. 56 bytes: a 64-byte malloc chunk (it was 88, a
/// 96-byte one).
#[derive(Debug, Default)]
pub struct Fiber {
    /// Registers of every frame, contiguous.
    pub stack: Stack,
    /// Active frames, innermost last.
    pub frames: CompactVec<Frame>,
    /// The waiting incoming value, or a child's result (`child` is then not `None`), read with
    /// [`Fiber::take_incoming`] and [`Fiber::take_child`].
    incoming: Incoming,
    /// Which child result `incoming` holds (`ChildKind::None`: none, it is an incoming value).
    child: ChildKind,
    /// True while suspended at a `Yield`/`YieldFrom` (false before the first run).
    pub suspended: bool,
    /// A "green thread" (`asyncio.to_thread` of a script function): `time.sleep` called
    /// straight from one of its frames suspends the fiber at the call instead of blocking
    /// (see `Vm::green_switch`).
    pub green: bool,
}

/// Which [`ChildResult`] a fiber's `incoming` holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum ChildKind {
    /// No child result is waiting.
    #[default]
    None,
    /// [`ChildResult::Yielded`] (kept as `Incoming::Send`).
    Yielded,
    /// [`ChildResult::Returned`] (kept as `Incoming::Send`).
    Returned,
    /// [`ChildResult::Raised`] (kept as `Incoming::Throw`).
    Raised,
}

/// Finished fibers kept for reuse at most (each keeps its stack's capacity).
pub const MAX_SPARE_FIBERS: usize = 16;

/// A finished fiber whose stack grew beyond this many registers is freed, not kept.
const MAX_SPARE_STACK: usize = 1024;

impl Fiber {
    /// A fiber whose base frame runs `code` with its registers initialised from `args`
    /// (already bound to parameters, in register order).
    pub fn new(code: Rc<CodeObj>, globals: Rc<Dict>, regs: impl IntoIterator<Item = Value>) -> Box<Fiber> {
        let mut fiber = Box::new(Fiber {
            stack: CompactVec::with_capacity(code.code.nregs as usize + 1),
            frames: CompactVec::with_capacity(1),
            incoming: Incoming::Start,
            child: ChildKind::None,
            suspended: false,
            green: false,
        });
        fiber.start(code, globals, regs);
        fiber
    }

    /// Sets up an empty fiber (new, or finished and cleared by [`Fiber::clear`]) to run `code`
    /// with its first registers `regs` (an argument vector, or arguments cloned from a slice).
    ///
    /// Every native-to-script call (a `key=` function, `__iter__`...) starts a fiber, so this
    /// pushes slot by slot into reserved room: `extend` and `resize` went through generic
    /// iterator and fill code several times the size of the few registers they wrote.
    #[inline]
    pub fn start(&mut self, code: Rc<CodeObj>, globals: Rc<Dict>, regs: impl IntoIterator<Item = Value>) {
        let nregs = code.code.nregs as usize;
        self.stack.reserve(nregs + 1);
        self.stack.push(Value::Undef);
        for v in regs {
            self.stack.push(v);
        }
        while self.stack.len() <= nregs {
            self.stack.push(Value::Undef);
        }
        super::frame_ref::room(&mut self.frames).push(Frame::new(
            code,
            globals,
            None,
            1,
            0,
            FrameKind::Normal,
        ));
    }

    /// Hands a stopped child fiber's result to this (its parent) fiber.
    #[inline]
    pub fn set_child(&mut self, result: ChildResult) {
        let (kind, carried) = match result {
            ChildResult::Yielded(v) => (ChildKind::Yielded, Incoming::Send(v)),
            ChildResult::Returned(v) => (ChildKind::Returned, Incoming::Send(v)),
            ChildResult::Raised(e) => (ChildKind::Raised, Incoming::Throw(e)),
        };
        self.child = kind;
        self.put(carried);
    }

    /// Takes the result a stopped child fiber handed over, if any.
    #[inline]
    pub fn take_child(&mut self) -> Option<ChildResult> {
        if self.child == ChildKind::None {
            return None;
        }
        let kind = std::mem::take(&mut self.child);
        Some(match (kind, std::mem::take(&mut self.incoming)) {
            (ChildKind::Yielded, Incoming::Send(v)) => ChildResult::Yielded(v),
            (_, Incoming::Throw(e)) => ChildResult::Raised(e),
            (_, Incoming::Send(v)) => ChildResult::Returned(v),
            (_, Incoming::Start) => ChildResult::Returned(Value::None),
        })
    }

    /// Sets what the fiber's resumption delivers at its suspension point.
    #[inline]
    pub fn set_incoming(&mut self, incoming: Incoming) {
        self.child = ChildKind::None;
        self.put(incoming);
    }

    /// Takes what the fiber's resumption delivers (`Incoming::Start` when nothing waits).
    #[inline(always)]
    pub fn take_incoming(&mut self) -> Incoming {
        if self.child != ChildKind::None {
            return Incoming::Start;
        }
        std::mem::take(&mut self.incoming)
    }

    /// Stores `incoming` over what is normally an empty slot (the slot is always taken before
    /// it is set again), without a call of the drop glue for the empty one.
    #[inline(always)]
    fn put(&mut self, incoming: Incoming) {
        let old = std::mem::replace(&mut self.incoming, incoming);
        if matches!(old, Incoming::Start) {
            std::mem::forget(old);
        } else {
            drop(old);
        }
    }

    /// Empties a finished fiber for reuse. False when it is too big to be worth keeping.
    ///
    /// Values that need no release are left to be overwritten (or dropped by `clear`'s loop
    /// without a call of the drop glue): a fiber is cleared after every native-to-script call.
    pub fn clear(&mut self) -> bool {
        if self.stack.capacity() > MAX_SPARE_STACK {
            return false;
        }
        release_values(&mut self.stack);
        self.stack.clear();
        self.frames.clear();
        if !matches!(self.incoming, Incoming::Start) {
            self.incoming = Incoming::Start;
        }
        self.child = ChildKind::None;
        self.suspended = false;
        self.green = false;
        true
    }
}

/// Releases the heap values among `slots`, leaving the scalars (which need no release) for the
/// caller to drop or overwrite without going through the drop glue.
///
/// Two slots per turn of the loop: every return runs this over the callee's registers, which
/// mostly hold scalars, and the loop's own count, compare and branch were as much as the two
/// tests of a slot's tag.
#[inline(always)]
pub(crate) fn release_values(slots: &mut [Value]) {
    let mut pairs = slots.chunks_exact_mut(2);
    for pair in &mut pairs {
        if let [a, b] = pair {
            release_value(a);
            release_value(b);
        }
    }
    if let [last] = pairs.into_remainder() {
        release_value(last);
    }
}

/// Releases what `slot` holds if it is a heap value (see [`release_values`]).
#[inline(always)]
fn release_value(slot: &mut Value) {
    if !slot.is_inline() {
        match std::mem::take(slot) {
            Value::Obj(o) => super::object::Object::release(o),
            v => drop(v),
        }
    }
}

/// Every suspended coroutine owns a boxed fiber: at most 56 bytes keeps it in a 64-byte
/// malloc chunk (the generator's exception state lives in its `Generator`, which has room).
const _: () = assert!(std::mem::size_of::<Fiber>() <= 56);
