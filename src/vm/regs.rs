//! Unchecked register reads and instruction fetches for the dispatch loop: the crate's one
//! module of unchecked memory access (STYLE.md rule 14; `vm/mod.rs` allows `unsafe` for this
//! module only).
//!
//! A bounds check per register access and per fetch was about a sixth of the loop's
//! instructions (PERFORMANCE.md, the `regs` round). The checks are replaced by facts proven
//! once instead of at every access:
//! 1. **Operands** (`vm::verify`, run by `Vm::load_code`, the only way to build a `CodeObj`,
//!    which carries the [`Verified`] token to show it): every register operand of every
//!    instruction, and every window above one, is below the code object's `nregs`; every
//!    jump target is an instruction index; the last instruction never falls through.
//! 2. **Windows** ([`Window`]): the loop enters a frame only through [`Window::enter`], which
//!    checks `stack.len() >= base + nregs` and `pc < instrs.len()` (one comparison each per
//!    frame switch, not per access). A fiber's stack only grows while it has frames: it is
//!    shrunk by `Vec::truncate` only when its base frame returns (`Vm::pop_frame`, after
//!    which the loop leaves `run`) and emptied only when the fiber is recycled
//!    (`Fiber::clear`), so a window checked at entry stays valid while its frame runs.
//! 3. **Fetches**: `pc` starts inside the code (checked at entry) and only moves by `+ 1`
//!    past an instruction that is not the last, or to a verified target.
//!
//! Not used by the dispatch loop at present: the unchecked loop ran 12 % faster on nbody but
//! slower on methods (a frame push went out of line), see PERFORMANCE.md, the `regs` round.
//!
//! The dispatch loop's contract, the one thing this module cannot see: a [`Slot`] is made
//! from the running frame's window and a register taken from that frame's own code. Each
//! unchecked access also has a `debug_assert!`, so the debug-build test suite checks it.

use std::ops::{Index, IndexMut};

use crate::compiler::bytecode::{Instr, Reg};

use super::object::CodeObj;
use super::value::Value;

/// Proof that a code object passed `vm::verify`: only [`verified`] makes one, and a
/// `CodeObj` cannot be built without it (nor copied from another one: it is not `Clone`).
#[derive(Debug)]
pub struct Verified(());

/// Verifies a code object's quickened instructions; the token a `CodeObj` needs.
pub fn verified(
    code: &crate::compiler::bytecode::Code,
    instrs: &[Instr],
) -> Result<Verified, super::verify::Refusal> {
    super::verify::verify(code, instrs).map(|()| Verified(()))
}

/// The register window of the frame the loop is running: its base was checked against the
/// stack's length for the frame's `nregs` when the frame was entered.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    base: usize,
}

impl Window {
    /// The window of a frame of `code` whose register 0 is `stack[base]`, about to run the
    /// instruction at `pc`; `None` when the frame invariant does not hold.
    #[inline(always)]
    pub fn enter(stack: &[Value], code: &CodeObj, base: usize, pc: usize) -> Option<Window> {
        let fits = base + code.nregs as usize <= stack.len() && pc < code.instrs.len();
        fits.then_some(Window { base })
    }

    /// Stack index of register 0.
    #[inline(always)]
    pub fn base(self) -> usize {
        self.base
    }

    /// The stack slot of register `r` of this frame.
    #[inline(always)]
    pub fn slot(self, r: Reg) -> Slot {
        Slot(self.base + r.idx())
    }

    /// The stack slot of register `r + n` (the windows some instructions use above a
    /// register, verified like the register itself).
    #[inline(always)]
    pub fn slot_above(self, r: Reg, n: usize) -> Slot {
        Slot(self.base + r.idx() + n)
    }
}

/// The stack index of a register of the running frame, indexing the fiber's stack without a
/// bounds check (see the module docs for why that is in bounds).
#[derive(Debug, Clone, Copy)]
pub struct Slot(usize);

impl Index<Slot> for Vec<Value> {
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

impl IndexMut<Slot> for Vec<Value> {
    #[inline(always)]
    fn index_mut(&mut self, s: Slot) -> &mut Value {
        debug_assert!(s.0 < self.len(), "register slot {} beyond stack {}", s.0, self.len());
        // SAFETY: as for `index` above.
        unsafe { self.get_unchecked_mut(s.0) }
    }
}

/// The instruction at `pc` of the running frame's code.
#[inline(always)]
pub fn fetch(code: &CodeObj, pc: usize) -> Instr {
    debug_assert!(pc < code.instrs.len(), "pc {pc} beyond {} instructions", code.instrs.len());
    // SAFETY: `pc` was checked at frame entry (`Window::enter`) and since then only moved to a
    // verified jump target or one past an instruction that falls through, which is never the
    // last one (module docs, point 3).
    unsafe { *code.instrs.get_unchecked(pc) }
}
