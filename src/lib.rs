//! gyre: an embeddable coroutine scripting language (Python 3.11 with native `async`/`await`).
//!
//! This file holds the crate docs and the curated public API; the pipeline stages live in
//! their own modules (`compiler`, `vm`, `runtime`, `builtins`).

pub use gyre_grammar as grammar;

/// The gyre version string, as printed by `gyre --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod asyncio;
pub mod builtins;
pub mod compiler;
mod interpreter;
pub(crate) mod net;
#[cfg(feature = "cli")]
mod repl;
pub(crate) mod runtime;
pub(crate) mod stdlib;
pub(crate) mod text;
pub mod tools;
pub mod vm;

pub use interpreter::Interpreter;
