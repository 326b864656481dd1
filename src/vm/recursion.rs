//! Bounds on native (Rust-stack) recursion: re-entry from native code into scripts
//! (`sorted(key=...)`, `__repr__`, `__eq__` from dict lookups) and the recursive walks of
//! nested containers (`repr`, `==`, `hash`).
//!
//! Script-to-script calls never use the Rust stack, so they are bounded only by the frame
//! limit (`sys.setrecursionlimit`). Native recursion is bounded twice: by a logical depth
//! (CPython counts these levels against the same recursion limit) and by the Rust stack
//! actually used since the outermost entry, measured from stack addresses. Whichever is hit
//! first raises RecursionError instead of overflowing the thread's stack.

use super::{PyResult, Vm};

/// Rust stack the VM may use below its outermost entry before native recursion raises
/// RecursionError. Chosen to fit comfortably in a 2 MiB thread (Rust's default for spawned
/// threads and tokio workers) with room left for the host's own frames.
pub const NATIVE_STACK_BUDGET: usize = 1536 * 1024;

/// How many levels native code may nest into the VM (each holds Rust frames).
pub const MAX_NATIVE_DEPTH: usize = 1000;

/// The address of a local: an approximation of the current stack pointer.
#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

impl Vm {
    /// Enters one level of native recursion ("while getting the repr of an object" and the
    /// like are added to the RecursionError message by `what`). Pair with [`Vm::leave_native`].
    pub fn enter_native(&mut self, what: &str) -> PyResult<()> {
        let sp = stack_pointer();
        if self.native_depth == 0 {
            // The outermost entry: measure the budget from here.
            self.stack_base = sp;
        }
        let used = self.stack_base.saturating_sub(sp);
        if self.native_depth >= MAX_NATIVE_DEPTH
            || used > self.stack_budget
            || self.depth >= self.recursion_limit
        {
            return Err(self.new_error("RecursionError", &format!("maximum recursion depth exceeded{what}")));
        }
        self.native_depth += 1;
        self.depth += 1;
        Ok(())
    }

    /// Leaves a level entered with [`Vm::enter_native`].
    pub fn leave_native(&mut self) {
        self.native_depth -= 1;
        self.depth -= 1;
    }
}
