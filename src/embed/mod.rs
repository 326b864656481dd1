//! The embedding API: everything a Rust host uses to run scripts, exchange values, expose
//! host functions and bound what scripts may do. `lib.rs` re-exports the public items; the
//! `Interpreter` itself lives in `interpreter.rs`.
//!
//! One file per concern: `builder` (configuration), `value` and `convert` (values and the
//! `FromValue`/`IntoValue` traits), `context` (`Cx`, the VM as host code sees it while a
//! script runs), `host_fn` (Rust closures as script functions), `async_fn` (Rust futures as
//! script coroutines), `module` and `userdata` (native modules and host classes), `driver`
//! (running async calls, host-driven or not), `interrupt` (stopping a script from another
//! thread), `error` (the one `Error` type), `limits` (limits, capabilities, clock), and
//! `serde_value` (the optional `serde` feature's `Serde<T>`).

pub(crate) mod async_fn;
pub(crate) mod builder;
pub(crate) mod context;
pub(crate) mod convert;
pub(crate) mod driver;
pub(crate) mod error;
pub(crate) mod host_fn;
pub(crate) mod interrupt;
pub(crate) mod limits;
pub(crate) mod module;
#[cfg(feature = "serde")]
pub(crate) mod serde_value;
pub(crate) mod userdata;
pub(crate) mod value;

pub use async_fn::AsyncHostFn;
pub use builder::Builder;
pub use context::Cx;
pub use convert::{FromValue, IntoArgs, IntoValue};
pub use driver::{AsyncCall, Step, Task};
pub use error::{Error, Exception};
pub use host_fn::{HostFn, HostReturn};
pub use interrupt::InterruptHandle;
pub use limits::{Capability, Clock, Limit, Limits};
pub use module::Module;
#[cfg(feature = "serde")]
pub use serde_value::{Serde, SerdeError, MAX_NESTING as SERDE_MAX_NESTING};
pub use userdata::{Class, Method, UserData};
pub use value::{Bytes, Value};
