//! Public configuration of what a script may use: [`Limits`] (fuel, memory, recursion, time),
//! the [`Limit`] that stopped a script, [`Capability`] switches, and the [`Clock`].
//!
//! These are plain data; the VM enforces them (`vm::limits`, `vm::memory`). The mapping
//! between the public and the VM types lives here so neither side leaks into the other.

use std::fmt;
use std::time::Duration;

use crate::vm::limits::Limit as VmLimit;

/// Resource limits for an interpreter. `None` means unlimited; [`Limits::default`] limits
/// nothing except recursion (1000 frames, CPython's default).
///
/// - `fuel`: instructions the interpreter may run in total (counted on loop back-edges and
///   calls), across every run until the host refills it with
///   [`Interpreter::set_fuel`](crate::Interpreter::set_fuel).
/// - `memory`: bytes of script data alive at once; an allocation that would exceed it raises
///   `MemoryError`. Counted: the storage of strings, bytes, bytearrays, lists, tuples, dicts,
///   sets and big ints of 256 bytes or more, each on its own; and smaller objects (short
///   strings, small lists, tuples, dicts, instances with their `__dict__`) in bulk, charged
///   to the container that alone holds them whenever its storage grows. Not counted: small
///   objects outside any large container or shared by several (a linked chain of small
///   tuples or instances, `[x] * n` counts `x` once), objects two levels down inside small
///   ones, frames and registers (bounded by `recursion`), compiled code, classes, functions,
///   modules, and the interpreter's own tables. Treat it as a bound on the data a script
///   builds, within a small factor, not on the process's resident size.
/// - `recursion`: the most nested script frames (RecursionError beyond); scripts may lower
///   it with `sys.setrecursionlimit` but not raise it above this.
/// - `time`: wall-clock time each run (each `exec`, `eval`, `call`, ...) may take.
///
/// ```
/// use std::time::Duration;
/// let limits = gyre::Limits {
///     fuel: Some(1_000_000),
///     memory: Some(64 << 20),
///     recursion: Some(200),
///     time: Some(Duration::from_secs(2)),
/// };
/// let mut interp = gyre::Interpreter::builder().limits(limits).build();
/// assert!(interp.exec("while True: pass").is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// Instruction budget, in total.
    pub fuel: Option<u64>,
    /// Bytes of live script data.
    pub memory: Option<usize>,
    /// Nested frames (default 1000).
    pub recursion: Option<usize>,
    /// Wall-clock time per run.
    pub time: Option<Duration>,
}

/// Which limit stopped a script (in [`Error::Limit`](crate::Error::Limit)).
///
/// ```
/// let mut interp = gyre::Interpreter::builder().fuel(10_000).build();
/// match interp.exec("while True: pass") {
///     Err(gyre::Error::Limit { limit, .. }) => assert_eq!(limit, gyre::Limit::Fuel),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// The instruction budget ran out (the script saw `RuntimeError`).
    Fuel,
    /// An allocation would have exceeded the memory limit (`MemoryError`).
    Memory,
    /// Frames nested deeper than the recursion limit (`RecursionError`).
    Recursion,
    /// The run took longer than its time limit (`TimeoutError`).
    Deadline,
    /// An [`InterruptHandle`](crate::InterruptHandle) stopped it (`KeyboardInterrupt`).
    Interrupt,
}

impl Limit {
    pub(crate) fn from_vm(l: VmLimit) -> Limit {
        match l {
            VmLimit::Fuel => Limit::Fuel,
            VmLimit::Memory => Limit::Memory,
            VmLimit::Deadline => Limit::Deadline,
            VmLimit::Interrupt => Limit::Interrupt,
        }
    }

    pub(crate) fn to_vm(self) -> Option<VmLimit> {
        Some(match self {
            Limit::Fuel => VmLimit::Fuel,
            Limit::Memory => VmLimit::Memory,
            Limit::Deadline => VmLimit::Deadline,
            Limit::Interrupt => VmLimit::Interrupt,
            Limit::Recursion => return None,
        })
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Limit::Fuel => "instruction budget exhausted",
            Limit::Memory => "memory limit exceeded",
            Limit::Recursion => "recursion limit exceeded",
            Limit::Deadline => "time limit exceeded",
            Limit::Interrupt => "interrupted",
        })
    }
}

/// Something a script may reach outside the interpreter. Embedded interpreters grant none
/// by default; the `gyre` command line grants all. A denied operation raises
/// `PermissionError` naming the operation and the capability.
///
/// ```
/// let mut interp = gyre::Interpreter::builder().allow(gyre::Capability::Env).build();
/// assert!(interp.allows(gyre::Capability::Env));
/// assert!(!interp.allows(gyre::Capability::Net));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Capability {
    /// Sockets: connecting, listening, name resolution.
    Net,
    /// Files: `open()` and filesystem functions.
    Fs,
    /// Environment variables.
    Env,
    /// Starting child processes (`asyncio.create_subprocess_exec`/`_shell`).
    Process,
    /// Catching OS signals (`loop.add_signal_handler`); without it, `add_signal_handler` and
    /// `remove_signal_handler` raise `NotImplementedError` as on a platform without signals.
    Signals,
}

impl Capability {
    pub(crate) fn to_vm(self) -> crate::vm::limits::Capability {
        match self {
            Capability::Net => crate::vm::limits::Capability::Net,
            Capability::Fs => crate::vm::limits::Capability::Fs,
            Capability::Env => crate::vm::limits::Capability::Env,
            Capability::Process => crate::vm::limits::Capability::Process,
            Capability::Signals => crate::vm::limits::Capability::Signals,
        }
    }
}

/// Where the event loop's time comes from.
///
/// With [`Clock::Virtual`], time stands still while callbacks run and jumps straight to the
/// next timer whenever the loop would wait: a script that sleeps for an hour finishes at
/// once, printing what it would print in real time. Only the event loop's clock
/// (`loop.time()`, `asyncio.sleep`, timeouts) is virtual; `time.time()` stays real.
///
/// ```
/// let mut interp = gyre::Interpreter::builder().clock(gyre::Clock::Virtual).build();
/// let started = std::time::Instant::now();
/// interp.exec("import asyncio\nasyncio.run(asyncio.sleep(3600))").unwrap();
/// assert!(started.elapsed().as_secs() < 60);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Clock {
    /// Real monotonic time (the default).
    #[default]
    Real,
    /// Virtual time starting at 0.0 that jumps to the next timer when the loop is idle.
    Virtual,
}
