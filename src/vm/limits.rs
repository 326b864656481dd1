//! Resource limits and capabilities of one VM: the fuel budget, the wall-clock deadline, the
//! interrupt flag another thread may raise, and the capability switches (net, fs, env).
//!
//! Owns: [`Limits`] (checked from [`Vm::tick`], which the dispatch loop calls on every
//! back-edge and every call) and [`Capabilities`] (checked by [`Vm::require`] at each site
//! that reaches outside the process: `open()`, sockets, environment variables).
//!
//! Invariants:
//! - The hot path of [`Vm::tick`] is one compare and one decrement: a countdown of ticks
//!   until the next *slow check*. The slow check accounts fuel, reads the interrupt flag and
//!   the clock, and grants the next countdown (at most [`CHECK_INTERVAL`] ticks, never more
//!   than the fuel left), so a limit is noticed within that many ticks.
//! - A tripped fuel, deadline or interrupt limit is *sticky*: every later tick raises again,
//!   so a script that catches the exception cannot carry on looping. The embedder clears it
//!   with [`Limits::end_run`] when the run is over (the host sees the limit as an error).
//! - A tripped memory limit is not sticky: scripts may catch MemoryError and free memory.
//!   A second MemoryError before use is back under the limit (see `src/vm/memory.rs`) makes
//!   it sticky for the rest of the run, like the others.
//! - No global state: the interrupt flag is shared only with the `InterruptHandle`s made from
//!   this VM.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::{Exc, PyResult, Vm};

/// Ticks between two checks of the interrupt flag and the deadline. At roughly 10 ns per
/// tick this notices an interrupt within about 0.1 ms, while the clock read costs nothing
/// measurable.
pub const CHECK_INTERVAL: u64 = 10_000;

/// Which limit stopped a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// The instruction budget (fuel) ran out.
    Fuel,
    /// An allocation would have gone over the memory limit.
    Memory,
    /// The wall-clock deadline passed.
    Deadline,
    /// Another thread asked the script to stop.
    Interrupt,
}

/// What a script may reach outside the interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capability {
    /// Sockets: connecting, listening, name resolution.
    Net,
    /// Files: `open()` and filesystem functions.
    Fs,
    /// Environment variables.
    Env,
    /// Starting child processes.
    Process,
    /// Catching OS signals (`loop.add_signal_handler`).
    Signals,
}

impl Capability {
    /// The name used in messages and configuration: `net`, `fs`, `env`, `process`.
    pub fn name(self) -> &'static str {
        match self {
            Capability::Net => "net",
            Capability::Fs => "fs",
            Capability::Env => "env",
            Capability::Process => "process",
            Capability::Signals => "signals",
        }
    }
}

/// The capability switches; all off by default (the CLI turns them all on).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// Sockets allowed.
    pub net: bool,
    /// Filesystem allowed.
    pub fs: bool,
    /// Environment allowed.
    pub env: bool,
    /// Child processes allowed.
    pub process: bool,
    /// OS signal handlers allowed.
    pub signals: bool,
}

impl Capabilities {
    /// Everything allowed (the CLI's setting).
    pub fn all() -> Capabilities {
        Capabilities { net: true, fs: true, env: true, process: true, signals: true }
    }

    /// Whether `cap` is granted.
    pub fn allows(&self, cap: Capability) -> bool {
        match cap {
            Capability::Net => self.net,
            Capability::Fs => self.fs,
            Capability::Env => self.env,
            Capability::Process => self.process,
            Capability::Signals => self.signals,
        }
    }
}

/// The flag behind an interrupt handle, plus a way to wake an event loop blocked in its poll.
#[derive(Default)]
pub struct Interrupt {
    flag: AtomicBool,
    waker: Mutex<Option<Box<dyn Fn() + Send>>>,
}

impl std::fmt::Debug for Interrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Interrupt({})", self.flag.load(Ordering::Relaxed))
    }
}

impl Interrupt {
    /// Asks the VM to stop, waking its event loop if it is blocked.
    pub fn raise(&self) {
        self.flag.store(true, Ordering::SeqCst);
        if let Ok(waker) = self.waker.lock() {
            if let Some(wake) = waker.as_ref() {
                wake();
            }
        }
    }

    /// Whether a stop was asked and not yet acted upon.
    pub fn is_raised(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }

    /// Sets (or clears) the function that wakes the running event loop.
    pub fn set_waker(&self, wake: Option<Box<dyn Fn() + Send>>) {
        if let Ok(mut w) = self.waker.lock() {
            *w = wake;
        }
    }

    fn clear(&self) {
        self.flag.store(false, Ordering::SeqCst);
    }
}

/// The limits of one VM.
#[derive(Debug)]
pub struct Limits {
    /// Ticks left before the next slow check.
    countdown: u64,
    /// How many ticks the current countdown started with.
    granted: u64,
    /// Fuel left *outside* the current grant; `None` means unlimited.
    fuel: Option<u64>,
    /// When the current run must stop.
    deadline: Option<Instant>,
    /// Shared with interrupt handles.
    interrupt: Arc<Interrupt>,
    /// The limit that stopped the current run, if any.
    tripped: Option<Limit>,
    /// A tripped memory limit is final (sticky) for the rest of the run.
    memory_final: bool,
    /// The frame limit the host allows; `sys.setrecursionlimit` cannot go above it.
    pub max_recursion: usize,
}

/// The most frames a script may ask for with `sys.setrecursionlimit` when the host sets no
/// bound: frames live on the VM's heap stacks, so this only bounds memory.
pub const MAX_RECURSION: usize = 1_000_000;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            countdown: CHECK_INTERVAL,
            granted: CHECK_INTERVAL,
            fuel: None,
            deadline: None,
            interrupt: Arc::default(),
            tripped: None,
            memory_final: false,
            max_recursion: MAX_RECURSION,
        }
    }
}

impl Limits {
    /// The instruction budget left (`None`: unlimited).
    pub fn fuel(&self) -> Option<u64> {
        self.fuel.map(|f| f + self.countdown.min(self.granted))
    }

    /// Sets the instruction budget (`None`: unlimited), clearing a tripped fuel limit.
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        self.fuel = fuel;
        (self.countdown, self.granted) = (0, 0);
        if self.tripped == Some(Limit::Fuel) {
            self.tripped = None;
        }
        self.regrant();
    }

    /// The wall-clock deadline of the current run.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Sets the wall-clock deadline (`None`: none).
    pub fn set_deadline(&mut self, deadline: Option<Instant>) {
        self.deadline = deadline;
        if deadline.is_none() && self.tripped == Some(Limit::Deadline) {
            self.tripped = None;
        }
    }

    /// The interrupt flag, to share with another thread.
    pub fn interrupt(&self) -> Arc<Interrupt> {
        self.interrupt.clone()
    }

    /// Makes the next tick do the slow check (a run starts: a pending interrupt or a past
    /// deadline is noticed at once). Fuel is unaffected.
    pub fn check_soon(&mut self) {
        if let Some(f) = self.fuel.as_mut() {
            *f += self.countdown.min(self.granted);
        }
        (self.countdown, self.granted) = (0, 0);
    }

    /// The limit that stopped the current run, if any.
    pub fn tripped(&self) -> Option<Limit> {
        self.tripped
    }

    /// Records that a limit was hit (memory limits are reported this way by the allocator
    /// checks; the others by the slow check).
    pub fn trip(&mut self, limit: Limit) {
        self.tripped = Some(limit);
        if limit != Limit::Memory {
            self.countdown = 0;
        }
    }

    /// Records that the memory limit was hit for good: every later check raises MemoryError
    /// until the run ends, as with the other limits.
    pub fn trip_final_memory(&mut self) {
        self.tripped = Some(Limit::Memory);
        self.memory_final = true;
        self.countdown = 0;
    }

    /// The limit that stops the current run for good (whatever the script catches), if any:
    /// any tripped limit but a memory limit that is not final.
    pub fn sticky(&self) -> Option<Limit> {
        self.tripped.filter(|t| *t != Limit::Memory || self.memory_final)
    }

    /// Ends a run: returns the limit that stopped it and clears it (and a pending interrupt
    /// it acted upon), so the next run starts clean. Fuel stays exhausted until refilled.
    pub fn end_run(&mut self) -> Option<Limit> {
        self.memory_final = false;
        let tripped = self.tripped.take();
        if tripped == Some(Limit::Interrupt) {
            self.interrupt.clear();
        }
        // Exhausted fuel stays exhausted (the next tick trips again) until the host refuels.
        self.regrant();
        tripped
    }

    /// Forgets an interrupt, whether or not the VM has acted on it yet (a REPL whose Ctrl-C
    /// was handled by cancelling the statement's task, not by a tick).
    pub fn clear_interrupt(&mut self) {
        self.interrupt.clear();
        if self.tripped == Some(Limit::Interrupt) {
            self.tripped = None;
            self.regrant();
        }
    }

    /// Starts a new countdown from the fuel left.
    fn regrant(&mut self) {
        let left = self.fuel.map(|f| f + self.countdown.min(self.granted));
        let grant = match left {
            Some(f) => f.min(CHECK_INTERVAL),
            None => CHECK_INTERVAL,
        };
        if let Some(f) = left {
            self.fuel = Some(f - grant);
        }
        self.countdown = grant;
        self.granted = grant;
    }

    /// The slow check: which limit, if any, stops the script now.
    fn check(&mut self) -> Option<Limit> {
        if let Some(t) = self.sticky() {
            return Some(t);
        }
        if self.interrupt.is_raised() {
            return Some(Limit::Interrupt);
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Some(Limit::Deadline);
        }
        if self.countdown == 0 && self.fuel == Some(0) {
            return Some(Limit::Fuel);
        }
        None
    }
}

impl Vm {
    /// Spends one unit of fuel (the dispatch loop calls this on back-edges and calls); raises
    /// when a limit stops the script.
    #[inline]
    pub fn tick(&mut self) -> PyResult<()> {
        if self.tick_fast() {
            return Ok(());
        }
        self.tick_slow()
    }

    /// The hot half of [`Vm::tick`]: spends a unit of the current countdown and returns true,
    /// or returns false when the countdown is spent and [`Vm::tick_slow`] must run (the
    /// dispatch loop saves its program counter only then).
    #[inline(always)]
    pub(crate) fn tick_fast(&mut self) -> bool {
        if self.limits.countdown > 0 {
            self.limits.countdown -= 1;
            return true;
        }
        false
    }

    /// The cold half of [`Vm::tick`]: checks the limits and grants the next countdown.
    #[cold]
    pub(crate) fn tick_slow(&mut self) -> PyResult<()> {
        self.check_limits()?;
        self.charge_containers()?;
        self.limits.regrant();
        // This tick spends the first unit of the new grant.
        self.limits.countdown = self.limits.countdown.saturating_sub(1);
        Ok(())
    }

    /// Raises the exception of a limit that stops the script now (interrupt, deadline, fuel
    /// or an earlier trip). Event loops call this between callbacks, since a loop blocked in
    /// its poll does not tick.
    pub fn check_limits(&mut self) -> PyResult<()> {
        match self.limits.check() {
            Some(limit) => {
                self.limits.trip(limit);
                Err(self.limit_exception(limit))
            }
            None => Ok(()),
        }
    }

    /// The exception a script sees when `limit` stops it.
    pub fn limit_exception(&mut self, limit: Limit) -> Exc {
        match limit {
            Limit::Fuel => self.new_error("RuntimeError", "instruction budget exhausted"),
            Limit::Memory => self.new_error("MemoryError", "memory limit exceeded"),
            Limit::Deadline => self.new_error("TimeoutError", "execution deadline exceeded"),
            Limit::Interrupt => {
                let cls = self.exc_class("KeyboardInterrupt");
                self.new_exception(&cls, vec![])
            }
        }
    }

    /// Checks that the interpreter grants `cap`; otherwise raises PermissionError naming the
    /// operation (`what`, e.g. `"open"`) and the capability. Call it at every site that
    /// reaches outside the process.
    pub fn require(&mut self, cap: Capability, what: &str) -> PyResult<()> {
        if self.capabilities.allows(cap) {
            return Ok(());
        }
        let msg =
            format!("{what}: access denied: the '{}' capability is off in this interpreter", cap.name());
        Err(self.new_error("PermissionError", &msg))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(vm: &mut Vm, ticks: u64) -> Option<u64> {
        (0..ticks).find(|_| vm.tick().is_err())
    }

    #[test]
    fn fuel_runs_out_after_exactly_the_budget() {
        let mut vm = Vm::new();
        vm.limits.set_fuel(Some(25_000));
        assert_eq!(drain(&mut vm, 100_000), Some(25_000));
        assert_eq!(vm.limits.tripped(), Some(Limit::Fuel));
        assert!(vm.tick().is_err(), "sticky");
        assert_eq!(vm.limits.end_run(), Some(Limit::Fuel));
        assert!(vm.tick().is_err(), "still no fuel");
        vm.limits.set_fuel(Some(10));
        assert_eq!(drain(&mut vm, 100), Some(10));
    }

    #[test]
    fn fuel_left_is_reported() {
        let mut vm = Vm::new();
        assert_eq!(vm.limits.fuel(), None);
        vm.limits.set_fuel(Some(50_000));
        drain(&mut vm, 12_345);
        assert_eq!(vm.limits.fuel(), Some(50_000 - 12_345));
    }

    #[test]
    fn interrupt_is_seen_within_the_check_interval() {
        let mut vm = Vm::new();
        vm.limits.interrupt().raise();
        let n = drain(&mut vm, 3 * CHECK_INTERVAL).expect("interrupted");
        assert!(n <= CHECK_INTERVAL);
        assert_eq!(vm.limits.end_run(), Some(Limit::Interrupt));
        assert_eq!(drain(&mut vm, 3 * CHECK_INTERVAL), None, "cleared once acted upon");
    }

    #[test]
    fn a_past_deadline_stops_the_script() {
        let mut vm = Vm::new();
        vm.limits.set_deadline(Some(Instant::now()));
        assert!(drain(&mut vm, 3 * CHECK_INTERVAL).is_some());
        assert_eq!(vm.limits.end_run(), Some(Limit::Deadline));
    }

    #[test]
    fn require_names_the_operation_and_capability() {
        let mut vm = Vm::new();
        vm.capabilities = Capabilities::default();
        let e = vm.require(Capability::Fs, "open").unwrap_err();
        assert_eq!(e.class.name(), "PermissionError");
        let msg = vm.exc_summary(&e);
        assert!(msg.contains("open") && msg.contains("'fs' capability"), "{msg}");
        vm.capabilities.fs = true;
        assert!(vm.require(Capability::Fs, "open").is_ok());
    }
}
