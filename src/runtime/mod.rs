//! The event loop runtime: everything asyncio needs below Task and Future.
//!
//! Owns: time ([`clock`]), the `call_later` heap ([`timers`]), the `call_soon` queue and the
//! `_run_once` bookkeeping ([`ready`]), I/O readiness and cross-thread wakeups ([`reactor`], the
//! only file that uses mio, with [`precise_wake`] ending its polls at sub-millisecond
//! deadlines), the blocking thread pool ([`threads`]), returning freed memory to the OS
//! ([`memory`]), and their composition ([`event_loop`]).
//!
//! Invariant: nothing here knows about the VM. Callbacks are a type parameter `C` chosen by the
//! owner (the VM's Task/Future layer), and messages from other threads are a `Send` type `M`
//! that becomes a callback through `C: From<M>`.
//!
//! Intended use by the Task/Future layer:
//!
//! ```text
//! enum Callback { Step(Rc<Task>), Wakeup(Rc<Task>, Rc<Future>), Handle(Rc<Handle>), Done(Completion) }
//! impl From<Completion> for Callback { .. }            // inbox messages: thread-pool results, host wakes
//! let mut lp: EventLoop<Callback, Completion> = EventLoop::new(Clock::real())?;
//! lp.call_soon(Callback::Step(task));                   // create_task, future callbacks, sleep(0)
//! let id = lp.call_at(when, Callback::Handle(h));       // sleep(d), call_later; keep `id` in `h`
//! loop {                                                // asyncio.run
//!     if lp.is_idle() && pool.pending() == 0 { report the deadlock }
//!     let n = lp.tick()?;                               // poll + due timers
//!     for _ in 0..n { let cb = lp.pop_ready(); vm.run(cb) } // exactly n, CPython's ntodo
//! }
//! ```

pub mod clock;
pub mod due;
pub mod event_loop;
pub mod memory;
pub mod precise_wake;
pub mod reactor;
pub mod ready;
pub mod threads;
pub mod timers;
