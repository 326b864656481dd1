//! Unchecked register access and instruction fetch for the dispatch loop (`interp::Vm::run`).
//!
//! A bounds check per register access and per fetch was about a sixth of the loop's
//! instructions (PERFORMANCE.md, the `regs` and `runloop` rounds). The checks are replaced by
//! facts proven once instead of at every access:
//! 1. **Operands** (`vm::verify`, run by `Vm::load_code`, the only way to build a `CodeObj`:
//!    its `verified` field holds the [`Verified`](super::verify::Verified) token only the
//!    verifier makes): every register operand of every instruction, and every window above
//!    one, is below the code object's `nregs`; every jump target is an instruction index; the
//!    last instruction never falls through.
//! 2. **Windows** ([`Window`]): the loop enters a frame only through [`Window::enter`], which
//!    checks `stack.len() >= base + nregs` and `pc < instrs.len()` (one comparison each per
//!    frame switch, not per access). A fiber's stack only grows while it has frames: it is
//!    shrunk by `Vec::truncate` only when its base frame returns (`Vm::pop_frame`, after
//!    which the loop leaves `run`) and emptied only when a finished fiber is recycled
//!    (`Fiber::clear`), so a window checked at entry stays valid while its frame runs.
//! 3. **Fetches**: `pc` starts inside the code (checked at entry) and only moves by `+ 1`
//!    past an instruction that is not the last, or to a verified target.
//!
//! 4. **Fast frame switches** ([`Window::entered_before`]): the loop's fast call and return
//!    paths skip the entry check (it was about 2 % of `fib`'s instructions). A callee pushed
//!    by `Vm::push_window` has its window sized by the push itself (the stack is resized to
//!    at least `base + nregs`, and `pc` is 0 in a verified, hence non-empty, code object); the
//!    caller a fast return goes back to was entered before its callee was pushed, the stack
//!    has not shrunk since (point 2), and its `pc` moves one past its call instruction, which
//!    is not the last (point 3).
//!
//! The dispatch loop's contract, the one thing this module cannot see: a [`Slot`] is made
//! from the running frame's window and a register operand of the instruction being run (or a
//! register of a window above one, which the verifier covers too), a [`Pc`] is made for the
//! running frame's code and moves as point 3 says, and
//! [`Window::entered_before`] is used only as point 4 says. Each unchecked access and
//! each unchecked window also has a `debug_assert!`, so the debug-build test suite checks it.

#![allow(unsafe_code)]

use std::ops::{Index, IndexMut};

use crate::compiler::bytecode::{Instr, Reg};

use super::frame::Stack;
use super::object::CodeObj;
use super::value::Value;

/// The register window of the frame the loop is running: its base was checked against the
/// stack's length for the frame's `nregs` when the frame was entered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    base: usize,
}

impl Window {
    /// The window of a frame of `code` whose register 0 is `stack[base]`, about to run the
    /// instruction at `pc`; `None` when the frame invariant does not hold.
    #[inline(always)]
    pub(crate) fn enter(stack: &[Value], code: &CodeObj, base: usize, pc: usize) -> Option<Window> {
        let _proof: &super::verify::Verified = &code.verified;
        let fits = base + code.nregs as usize <= stack.len() && pc < code.instrs.len();
        fits.then_some(Window { base })
    }

    /// The window of a frame switched to by the loop's fast call or return path, without the
    /// check of [`Window::enter`] (module docs, point 4; debug builds still check).
    #[inline(always)]
    pub(crate) fn entered_before(stack: &[Value], code: &CodeObj, base: usize, pc: Pc) -> Window {
        debug_assert!(
            Self::enter(stack, code, base, pc.index(code)).is_some(),
            "fast frame switch outside its window"
        );
        let _ = (stack, code, pc);
        Window { base }
    }

    /// The stack slot of register `r` of this frame.
    #[inline(always)]
    pub(crate) fn slot(self, r: Reg) -> Slot {
        Slot(self.base + r.idx())
    }
}

/// The stack index of a register of the running frame, indexing the fiber's stack without a
/// bounds check (see the module docs for why that is in bounds).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot(usize);

impl Index<Slot> for Stack {
    type Output = Value;

    #[inline(always)]
    fn index(&self, s: Slot) -> &Value {
        debug_assert!(s.0 < self.len(), "register slot {} beyond stack {}", s.0, self.len());
        // SAFETY: `s` is the slot of a register of the running frame's verified code in the
        // window `Window::enter` checked against this stack, which has not shrunk since
        // (module docs, points 1 and 2), so `s.0 < self.len()`.
        unsafe { self.get_unchecked(s.0) }
    }
}

impl IndexMut<Slot> for Stack {
    #[inline(always)]
    fn index_mut(&mut self, s: Slot) -> &mut Value {
        debug_assert!(s.0 < self.len(), "register slot {} beyond stack {}", s.0, self.len());
        // SAFETY: as for `index` above.
        unsafe { self.get_unchecked_mut(s.0) }
    }
}

/// The running frame's program counter, kept as a pointer to its next instruction: a fetch is
/// one load through it, where an index needed the counter, the code object and its
/// instruction vector loaded first, one after the other (the loop's locals live in stack
/// slots, so that was a chain of three dependent loads per instruction: PERFORMANCE.md, the
/// `calls6` round). The frame still records an index (`Frame::pc`): [`Pc::index`] converts.
///
/// A `Pc` made by [`Pc::at`] for the running frame's code moves only as the module docs,
/// point 3, say for `pc` ([`Pc::fetch`] past an instruction, [`Pc::skip`] past a fused one that
/// falls through, [`Pc::at`] a verified target), and is dereferenced only while that code is
/// the running frame's (the frame keeps it alive: `vm::frame_ref`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pc(*const Instr);

impl Pc {
    /// The counter at instruction index `pc` of `code` (not read until fetched, so any index
    /// may be made; only one inside the code is fetched from).
    #[inline(always)]
    pub(crate) fn at(code: &CodeObj, pc: usize) -> Pc {
        Pc(code.instrs.as_ptr().wrapping_add(pc))
    }

    /// The counter's instruction index in `code` (the code it was made for).
    #[inline(always)]
    pub(crate) fn index(self, code: &CodeObj) -> usize {
        (self.0 as usize).wrapping_sub(code.instrs.as_ptr() as usize) / std::mem::size_of::<Instr>()
    }

    /// True when instruction `target` of `code` comes before the counter (a back edge).
    #[inline(always)]
    pub(crate) fn is_past(self, code: &CodeObj, target: u32) -> bool {
        Pc::at(code, target as usize).0 < self.0
    }

    /// The instruction at the counter (the second of a fused pair, before [`Pc::skip`]).
    #[inline(always)]
    pub(crate) fn peek(self, code: &CodeObj) -> Instr {
        debug_assert!(self.index(code) < code.instrs.len(), "pc beyond {} instructions", code.instrs.len());
        let _ = code;
        // SAFETY: the counter was checked at frame entry (`Window::enter`) and since then only
        // moved to a verified jump target or one past an instruction that falls through, which
        // is never the last one (module docs, point 3), in `code`, which the running frame
        // keeps alive.
        unsafe { *self.0 }
    }

    /// The instruction at the counter, by reference, moving past it: a `match` on it loads
    /// only the operands its arm uses, where a copy was decoded whole first.
    #[inline(always)]
    pub(crate) fn fetch<'a>(&mut self, code: &'a CodeObj) -> &'a Instr {
        debug_assert!(self.index(code) < code.instrs.len(), "pc beyond {} instructions", code.instrs.len());
        let _ = code;
        // SAFETY: as for `peek` (the counter is inside `code`, which outlives the reference).
        let instr = unsafe { &*self.0 };
        self.skip();
        instr
    }

    /// Moves past the instruction at the counter.
    #[inline(always)]
    pub(crate) fn skip(&mut self) {
        self.0 = self.0.wrapping_add(1);
    }
}
