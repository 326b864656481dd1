//! gyre: an embeddable coroutine scripting language. Its language is Python 3.11 (a
//! practical subset) with native `async`/`await`, run by a stackless register VM and a
//! built-in event loop.
//!
//! Embedding in ten lines:
//!
//! ```
//! let mut interp = gyre::Interpreter::new();
//! interp.register_fn("shout", |s: String| s.to_uppercase());
//! interp.exec("def greet(name):\n    return shout('hello, ') + name").unwrap();
//! let greeting: String = interp.call("greet", ("world",)).unwrap();
//! assert_eq!(greeting, "HELLO, world");
//! ```
//!
//! Start at [`Interpreter`]: [`Interpreter::builder`] sets [`Limits`], [`Capability`]
//! switches, output sinks and the [`Clock`]; values cross with [`FromValue`] and
//! [`IntoValue`]; every failure is one [`Error`].
//!
//! This file holds the crate docs and the curated public API. The pipeline stages live in
//! crate-private modules (`compiler`, `vm`, `runtime`, `asyncio`, `builtins`).

// `unsafe` is denied crate-wide; the allowed sites are `runtime::memory` (one foreign call),
// `vm::frame_ref` (the dispatch loop's uncounted pointer to the running frame's code) and
// `vm::regs` (the loop's unchecked register access and fetch, on the bytecode verifier's proof)
// and `vm::swap` (an object's class and dict, read by reference, replaced by `obj.__class__ =`
// and `obj.__dict__ =`).
#![deny(unsafe_code)]

/// The front end (parser and `SyntaxError`), re-exported for tools such as the REPL.
#[doc(hidden)]
pub use gyre_grammar as grammar;

/// The gyre version string, as printed by `gyre --version`.
///
/// ```
/// assert!(!gyre::VERSION.is_empty());
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

// Internal stages. They are crate-private so the public API stays what is listed below;
// dead-code lints are relaxed for them because their helpers are written ahead of use.
#[allow(dead_code)]
pub(crate) mod asyncio;
#[allow(dead_code)]
pub(crate) mod builtins;
#[allow(dead_code)]
pub(crate) mod compiler;
mod embed;
mod interpreter;
#[allow(dead_code)]
pub(crate) mod net;
#[cfg(feature = "cli")]
mod repl;
#[allow(dead_code)]
pub(crate) mod runtime;
#[allow(dead_code)]
pub(crate) mod stdlib;
#[allow(dead_code)]
pub(crate) mod text;
#[doc(hidden)]
pub mod tools;
#[allow(dead_code)]
pub(crate) mod vm;

pub use embed::{
    AsyncCall, AsyncHostFn, Builder, Bytes, Capability, Class, Clock, Cx, Error, Exception, FromValue,
    HostFn, HostReturn, InterruptHandle, IntoArgs, IntoValue, Limit, Limits, Method, Module, Step, Task,
    UserData, Value,
};
#[doc(hidden)]
pub use interpreter::STATUS_KEYBOARD_INTERRUPT;
pub use interpreter::{Callee, Globals, Interpreter};

#[cfg(feature = "serde")]
pub use embed::{Serde, SerdeError, SERDE_MAX_NESTING};
