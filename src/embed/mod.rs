//! The embedding API: everything a Rust host uses to run scripts, exchange values, expose
//! host functions and bound what scripts may do. `lib.rs` re-exports the public items; the
//! `Interpreter` itself lives in `interpreter.rs`.
//!
//! One file per concern: `builder` (configuration), `value` and `convert` (values and the
//! `FromValue`/`IntoValue` traits), `context` (`Cx`, the VM as host code sees it while a
//! script runs), `host_fn` (Rust closures as script functions), `error` (the one `Error`
//! type), `limits` (limits, capabilities, clock).

pub(crate) mod builder;
pub(crate) mod context;
pub(crate) mod convert;
pub(crate) mod error;
pub(crate) mod host_fn;
pub(crate) mod limits;
pub(crate) mod value;

pub use builder::Builder;
pub use context::Cx;
pub use convert::{FromValue, IntoArgs, IntoValue};
pub use error::{Error, Exception};
pub use host_fn::{HostFn, HostReturn};
pub use limits::{Capability, Clock, Limit, Limits};
pub use value::{Bytes, Value};
