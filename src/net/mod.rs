//! Networking: native sockets, transports and stream buffers on the event loop's reactor, the
//! blocking-job bridge to the thread pool, and the `_net` and `socket` native modules.
//!
//! Owns, one module per concern:
//! - [`errors`]: `io::Error` -> CPython's OSError subclasses (errno, strerror), `socket.gaierror`;
//! - [`addr`]: socket addresses <-> Python tuples and paths;
//! - [`sock`]: the `socket.socket` object, raw (socket2) until a loop adopts it into its reactor;
//! - [`io`]: reader/writer registration on a loop (`loop._add_reader`, `loop._add_writer`), as
//!   CPython's selector loop does it: one `Handle` per direction, cancelled on removal;
//! - [`transport`]: the stream transport (`_SelectorSocketTransport`'s algorithm);
//! - [`coalesce`]: small writes of one loop iteration sent together before the next poll;
//! - [`datagram`]: the datagram transport (`_SelectorDatagramTransport`'s algorithm);
//! - [`feed`]: the read path's fast route from a transport's recv into a native StreamReader;
//! - [`reader`]: the buffer half of `asyncio.StreamReader` and each read's non-blocking step;
//! - [`read_op`]: the awaitables of `StreamReader.read`/`readline`/`readuntil`/`readexactly`;
//! - [`class_checks`]: the class-level answers of the writer's fast checks, kept per epoch;
//! - [`drain`]: `StreamWriter.drain()`'s check that the protocol's drain helper has nothing to do;
//! - [`writer`]: `StreamWriter.write` and the `StreamWriter.drain` awaitable, native;
//! - [`files`]: files whose blocking I/O runs on the pool (the native half of `aiofiles`);
//! - [`jobs`]: blocking work on the thread pool (getaddrinfo, `run_in_executor` of native
//!   functions, file I/O for aiofiles), finished on the loop thread;
//! - [`process`]: child processes for `asyncio.subprocess` (Linux): spawning with socket-pair
//!   pipes, and a waiting thread per child;
//! - [`signals`]: `loop.add_signal_handler`/`remove_signal_handler` over signal-hook, and
//!   `os.kill` (Linux);
//! - [`module`]: the `_net` and `socket` modules and the loop methods installed from here.
//!
//! Invariants: only `runtime::reactor` touches mio; sockets registered in a loop are used only
//! through that loop's reactor, so level-triggered readiness stays exact (every `WouldBlock`
//! clears the flag). Script values never cross threads: jobs carry plain data both ways.

/// The `Ext` methods the stream coroutines (`HandDriven` awaitables) share: the repr and the
/// `__name__`/`__qualname__` of a coroutine, awaitable, and their own iterator.
macro_rules! coroutine_ext_methods {
    () => {
        fn repr(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
            Ok(Some($crate::vm::ext::hand_repr(self, this)))
        }

        fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
            Ok($crate::vm::ext::hand_attr(self, name))
        }

        fn is_awaitable(&self) -> bool {
            true
        }

        fn iter(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
            Ok(Some(this.clone()))
        }
    };
}

pub mod addr;
pub mod class_checks;
pub mod coalesce;
pub mod datagram;
pub mod drain;
pub mod errors;
pub mod feed;
pub mod files;
pub mod io;
pub mod jobs;
pub mod module;
#[cfg(target_os = "linux")]
pub mod process;
pub mod read_op;
pub mod reader;
#[cfg(target_os = "linux")]
pub mod signals;
pub mod sock;
pub mod spare;
pub mod transport;
pub mod writer;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::runtime::reactor::SourceId;
use crate::vm::object::Object;
use crate::vm::Value;

pub use jobs::JobOutput;

/// CPython's `_SelectorTransport.max_size`: the most one `recv` reads (256 KiB).
pub const MAX_RECV: usize = 256 * 1024;

/// The reader and writer `Handle`s registered for one socket.
#[derive(Debug, Default)]
pub struct IoHandles {
    /// The reader handle, if any.
    pub reader: Option<Rc<Object>>,
    /// The writer handle, if any.
    pub writer: Option<Rc<Object>>,
}

/// Per-loop networking state, kept on the loop object.
#[derive(Default)]
pub struct LoopNet {
    /// Reader/writer handles per registered socket.
    pub handles: RefCell<HashMap<SourceId, IoHandles>>,
    /// The receive buffer every transport of this loop reads into (allocated once, reused).
    pub recv_buf: RefCell<Vec<u8>>,
    /// Blocking jobs in flight: the pool and their completions.
    pub jobs: jobs::Jobs,
    /// Counts `write()` calls on lost connections, for CPython's one-time warning.
    pub lost_writes_warned: Cell<bool>,
    /// Stream transports holding written bytes to send before the next poll
    /// ([`coalesce`]).
    pub unsent: RefCell<Vec<Value>>,
    /// The signals this loop handles ([`signals`]).
    #[cfg(target_os = "linux")]
    pub signals: RefCell<signals::Watches>,
    /// The reader whose read has just yielded its new waiter, for the task step it yields
    /// to (taken by the next task that parks: [`reader::park_task`]).
    pub read_wait: RefCell<Option<Rc<Object>>>,
}

impl std::fmt::Debug for LoopNet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoopNet").field("sockets", &self.handles.borrow().len()).finish()
    }
}

impl LoopNet {
    /// Blocking jobs whose completion has not run yet (the loop is not idle while any is).
    pub fn pending_jobs(&self) -> usize {
        self.jobs.pending()
    }
}
