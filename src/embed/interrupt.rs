//! [`InterruptHandle`]: stops a running script from another thread.
//!
//! The handle shares one flag with its interpreter's VM (no global state). The VM reads the
//! flag every few thousand instructions and between event loop callbacks; an event loop
//! blocked in its poll is woken at once.

use std::sync::Arc;

use crate::vm::limits::Interrupt;

/// Stops a running script from any thread: the script sees `KeyboardInterrupt` at its next
/// check (within about 0.1 ms of running code, or at once if it is waiting in the event
/// loop), and the host's call returns [`Error::Limit`](crate::Error::Limit) with
/// [`Limit::Interrupt`](crate::Limit::Interrupt). An interrupt raised while nothing runs
/// stops the next run. `Send + Sync + Clone`.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// let handle = interp.interrupt_handle();
/// std::thread::spawn(move || {
///     std::thread::sleep(std::time::Duration::from_millis(20));
///     handle.interrupt();
/// });
/// let err = interp.exec("while True:\n    pass").unwrap_err();
/// assert!(matches!(err, gyre::Error::Limit { limit: gyre::Limit::Interrupt, .. }));
/// interp.exec("x = 1").unwrap(); // the interpreter carries on
/// ```
#[derive(Clone, Debug)]
pub struct InterruptHandle {
    flag: Arc<Interrupt>,
}

impl InterruptHandle {
    pub(crate) fn new(flag: Arc<Interrupt>) -> InterruptHandle {
        InterruptHandle { flag }
    }

    /// Asks the interpreter to stop what it runs.
    ///
    /// ```
    /// let interp = gyre::Interpreter::new();
    /// let handle = interp.interrupt_handle();
    /// handle.interrupt();
    /// assert!(handle.is_pending());
    /// ```
    pub fn interrupt(&self) {
        self.flag.raise();
    }

    /// Whether an interrupt was asked for and the interpreter has not acted on it yet.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let handle = interp.interrupt_handle();
    /// assert!(!handle.is_pending());
    /// handle.interrupt();
    /// assert!(interp.exec("pass\nfor i in range(100000): pass").is_err());
    /// assert!(!handle.is_pending());
    /// ```
    pub fn is_pending(&self) -> bool {
        self.flag.is_raised()
    }
}
