//! The event loop runtime: everything asyncio needs below Task and Future.
//!
//! Owns: time ([`clock`]), the `call_later` heap ([`timers`]), the `call_soon` queue and the
//! `_run_once` bookkeeping ([`ready`]), I/O readiness and cross-thread wakeups ([`reactor`], the
//! only file that uses mio), the blocking thread pool ([`threads`]), and their composition
//! ([`event_loop`]).
//!
//! Invariant: nothing here knows about the VM. Callbacks are a type parameter `C` chosen by the
//! owner (the VM's Task/Future layer), and messages from other threads are a `Send` type `M`.

pub mod clock;
pub mod event_loop;
pub mod reactor;
pub mod ready;
pub mod threads;
pub mod timers;
