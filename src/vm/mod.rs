//! The virtual machine: values, objects, frames, the dispatch loop, and the protocols
//! (attributes, calls, operators, iteration, exceptions, imports) the loop relies on.
//!
//! `Vm` holds the interpreter-wide state: the builtin types, the builtins namespace, the
//! module table, the exception being handled, limits and the output sinks. There is no
//! global state: every function takes the `Vm` it works on.

pub mod agen;
pub mod attr;
pub mod attr_cache;
pub mod bigrange;
pub mod call;
pub mod complex;
pub mod containers;
pub mod coro;
pub mod dict;
pub mod drop;
pub mod exceptions;
pub mod ext;
pub(crate) mod fiber_alloc;
pub mod finalize;
pub mod frame;
pub(crate) mod frame_ref;
pub mod gc;
pub mod import;
pub mod interp;
pub mod iter;
pub mod limits;
pub mod memory;
pub mod memview;
pub mod object;
pub mod ops;
pub mod patterns;
pub mod quicken;
pub mod recursion;
pub(crate) mod regs;
pub mod set;
pub mod streams;
pub mod swap;
pub mod traceback;
pub mod types;
pub mod value;
pub mod verify;
pub mod views;
pub mod word_cache;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use object::{Dict, Object, PyStr};
pub use value::Value;

/// A raised exception: always an exception instance.
pub type Exc = Rc<Object>;

/// The result of any operation that may raise.
pub type PyResult<T> = Result<T, Exc>;

/// A shared dict.
pub type DictRef = Rc<Dict>;

/// CPython's default recursion limit.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// A sink for script output (`print`, `sys.stdout.write`).
pub type Sink = Box<dyn Write>;

/// Interpreter-wide state.
pub struct Vm {
    /// The builtin types.
    pub types: types::Types,
    /// The `builtins` namespace.
    pub builtins: DictRef,
    /// Imported modules by name: the `sys.modules` dict itself.
    pub modules: DictRef,
    /// The exception currently being handled (`None` when none).
    pub handled: Value,
    /// While a generator runs: the exception its resumer was handling, which it sees when
    /// its own exception state is empty (CPython's `exc_info` chain, one level; each
    /// resumed generator keeps the level below in its `Generator::handled`).
    pub handled_outer: Option<Rc<object::Object>>,
    /// The current `contextvars.Context` (`None`: the empty context nobody has set a
    /// variable in). Each task runs in its own, copied when the task is created.
    pub context: Value,
    /// Frames currently on the VM stacks.
    pub depth: usize,
    /// The frame limit (`sys.setrecursionlimit`).
    pub recursion_limit: usize,
    /// `sys.get_int_max_str_digits()` (0 = unlimited).
    pub int_max_str_digits: usize,
    /// Current native re-entry depth.
    pub native_depth: usize,
    /// Stack address at the outermost native entry (see `limits`).
    pub stack_base: usize,
    /// Rust stack native recursion may use (see `recursion::NATIVE_STACK_BUDGET`).
    pub stack_budget: usize,
    /// Where `print` and `sys.stdout` write.
    pub stdout: Sink,
    /// Where tracebacks and `sys.stderr` write.
    pub stderr: Sink,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Directories searched by `import` (the script's directory first).
    pub search_paths: Vec<PathBuf>,
    /// Fuel, deadline and interrupt (see `limits`).
    pub limits: limits::Limits,
    /// The memory account and limit (see `memory`).
    pub memory: memory::Memory,
    /// What scripts may reach outside the interpreter (see `Vm::require`).
    pub capabilities: limits::Capabilities,
    /// `None` for real time; otherwise the virtual time (seconds) new event loops start at:
    /// their clock then jumps to the next timer whenever they would wait.
    pub virtual_clock: Option<f64>,
    /// Shared singleton objects.
    pub singletons: Singletons,
    /// The running asyncio event loop (`None` when no loop runs).
    pub running_loop: Value,
    /// PEP 525's hooks, installed by the running loop: where async generators are
    /// registered when they first start, and where they go when dropped unfinished.
    pub asyncgen_hooks: Option<AsyncGenHooks>,
    /// The parent fibers `drive` keeps while it runs nested generators and coroutines, kept
    /// between calls so that resuming an await chain does not allocate.
    pub(crate) drive_parents: Vec<(Box<frame::Fiber>, Option<Rc<Object>>)>,
    /// Finished fibers kept for reuse (see `Vm::new_fiber`), so that a native-to-script call
    /// or a new coroutine does not allocate a fiber, its stack and its frame list.
    // Boxed on purpose: fibers are handed out and stored (generator states) as boxes, so a
    // kept box saves that allocation too.
    #[allow(clippy::vec_box)]
    pub(crate) spare_fibers: Vec<Box<frame::Fiber>>,
    /// State owned by native modules above the VM (e.g. asyncio's classes), by key. Hashed
    /// with the cheap [`gc::AddrHasher`] (FNV over the key's bytes): the keys are short
    /// constants, and the networking classes are fetched several times per request.
    pub ext_state: HashMap<&'static str, Rc<dyn std::any::Any>, BuildHasherDefault<gc::AddrHasher>>,
    /// Set by the OS handler of a signal with a `signal.signal` handler (`net::signals`):
    /// the event loop runs pending handlers after each iteration. `None` until one is set.
    pub signals_pending: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// The networking classes ([`crate::net::module::classes`]), fetched about four times per
    /// stream request: a field, not an `ext_state` entry (no hashing, no downcast).
    pub(crate) net_classes: Option<Rc<crate::net::module::NetClasses>>,
    /// CPython-style type attribute cache: MRO lookups by (class, name), direct-mapped.
    pub type_cache: Vec<object::TypeCacheEntry>,
    /// The calling frame's namespaces while a frame-inspecting builtin runs.
    pub caller: Option<CallerFrame>,
    /// Set by a native called from a green fiber that wants that fiber suspended at the
    /// call: the value the fiber yields. The native then fails, and `execute` turns the
    /// failure into the yield; resuming with `send(v)` makes `v` the call's result.
    pub green_switch: Option<Value>,
    /// Containers whose repr is being computed (to print `[...]` for cycles).
    pub repr_active: Vec<Value>,
    /// The classes and attribute dicts `obj.__class__ = C` and `obj.__dict__ = d` replaced,
    /// kept alive for the VM's life (`swap` module docs).
    pub swapped_out: Vec<Value>,
    /// Drops the VM must finish: generators dropped while suspended inside `try`/`with`
    /// (to close) and instances whose class has `__del__` (see `finalize`).
    pub graveyard: object::Graveyard,
    /// The finalizer plain generators share (`GenFinalizer::Vm` of `graveyard`).
    pub gen_finalizer: Rc<object::GenFinalizer>,
    /// Weak references and their referents (`_weakref`).
    pub weakrefs: crate::stdlib::weakref::Registry,
    /// True while the graveyard is being drained.
    pub finalizing: bool,
    /// The cycle collector (see `gc`).
    pub gc: gc::Collector,
    /// Where `print()` writes: the resolved `sys.stdout`/`sys.stderr` (see `streams`).
    pub streams: streams::StdStreams,
    start: std::time::Instant,
    interned: HashMap<Box<str>, Rc<PyStr>>,
    /// The short words `str.split()` made lately (see `word_cache`).
    pub words: word_cache::WordCache,
}

/// What the running loop learns about async generators (PEP 525's `firstiter` and
/// `finalizer` hooks, as data instead of callables).
#[derive(Clone, Debug)]
pub struct AsyncGenHooks {
    /// Every async generator started while the loop runs (for `shutdown_asyncgens`).
    pub registry: Rc<std::cell::RefCell<Vec<std::rc::Weak<Object>>>>,
    /// Where such a generator goes when dropped unfinished.
    pub graveyard: object::AsyncGenGraveyard,
    /// The finalizer such generators share (`GenFinalizer::Loop` of `graveyard`).
    pub finalizer: Rc<object::GenFinalizer>,
}

impl Default for AsyncGenHooks {
    /// Hooks with an empty registry and graveyard.
    fn default() -> AsyncGenHooks {
        let graveyard = object::AsyncGenGraveyard::default();
        AsyncGenHooks {
            registry: Rc::default(),
            finalizer: Rc::new(object::GenFinalizer::Loop(graveyard.clone())),
            graveyard,
        }
    }
}

/// What `globals()`/`locals()` see: the namespaces of the frame that made the call.
pub struct CallerFrame {
    /// The frame's module globals.
    pub globals: DictRef,
    /// `locals()`: the class namespace, the module globals, or a snapshot of a function's
    /// local variables.
    pub locals: DictRef,
    /// Every frame of the calling fiber, outermost first: code, instruction, globals (for
    /// `sys._getframe`).
    pub stack: Vec<(Rc<object::CodeObj>, u32, DictRef)>,
    /// The calling fiber is a green thread (see [`frame::Fiber::green`]).
    pub green: bool,
}

/// Singleton objects every VM has one of.
pub struct Singletons {
    /// `NotImplemented`.
    pub not_implemented: Value,
    /// `...`.
    pub ellipsis: Value,
}

impl Vm {
    /// A fresh VM writing to the process's stdout and stderr.
    pub fn new() -> Vm {
        Vm::with_sinks(Box::new(std::io::stdout()), Box::new(std::io::stderr()))
    }

    /// A fresh VM with the given output sinks.
    pub fn with_sinks(stdout: Sink, stderr: Sink) -> Vm {
        let types = types::Types::new();
        let singletons = Singletons {
            not_implemented: Value::Obj(object::Object::new(
                types.not_implemented.clone(),
                object::Payload::NotImplemented,
            )),
            ellipsis: Value::Obj(object::Object::new(types.ellipsis.clone(), object::Payload::Ellipsis)),
        };
        let graveyard = object::Graveyard::default();
        let mut vm = Vm {
            types,
            builtins: Rc::new(Dict::default()),
            modules: Rc::new(Dict::default()),
            handled: Value::None,
            handled_outer: None,
            depth: 0,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            int_max_str_digits: crate::text::number_parse::DEFAULT_MAX_STR_DIGITS,
            native_depth: 0,
            stack_base: 0,
            stack_budget: recursion::NATIVE_STACK_BUDGET,
            stdout,
            stderr,
            argv: Vec::new(),
            context: Value::None,
            search_paths: Vec::new(),
            limits: limits::Limits::default(),
            memory: memory::Memory::default(),
            capabilities: limits::Capabilities::all(),
            virtual_clock: None,
            singletons,
            running_loop: Value::None,
            asyncgen_hooks: None,
            drive_parents: Vec::new(),
            spare_fibers: Vec::new(),
            ext_state: HashMap::default(),
            signals_pending: None,
            net_classes: None,
            type_cache: Vec::new(),
            caller: None,
            green_switch: None,
            repr_active: Vec::new(),
            swapped_out: Vec::new(),
            graveyard: graveyard.clone(),
            gen_finalizer: Rc::new(object::GenFinalizer::Vm(graveyard)),
            weakrefs: Default::default(),
            finalizing: false,
            gc: gc::Collector::default(),
            streams: streams::StdStreams::default(),
            start: std::time::Instant::now(),
            interned: HashMap::new(),
            words: word_cache::WordCache::default(),
        };
        crate::builtins::install(&mut vm);
        vm
    }

    /// The module registered under `name` in `sys.modules`.
    pub fn module_get(&self, name: &str) -> Option<Value> {
        self.modules.map.borrow().get_str(object::str_hash(name), name).cloned()
    }

    /// Registers a module in `sys.modules`.
    pub fn module_insert(&mut self, name: &str, m: Value) {
        let key = self.intern(name);
        self.modules.map.borrow_mut().set_str(object::str_hash(name), key, m);
    }

    /// Removes a module from `sys.modules`.
    pub fn module_remove(&mut self, name: &str) {
        let mut map = self.modules.map.borrow_mut();
        if let dict::Probe::Found(i) = map.probe(object::str_hash(name), &Value::str(name)) {
            map.remove_at(i);
        }
    }

    /// `cls`'s MRO lookup of `name` (with its hash) through the type attribute cache.
    #[inline]
    pub fn lookup_cached(&mut self, cls: &object::Class, hash: i64, name: &str) -> Option<Value> {
        let epoch = object::class_epoch();
        let addr = cls as *const object::Class as usize;
        let slot = ((hash as u64 ^ (addr as u64 >> 4)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize;
        if let Some(e) = self.type_cache.get(slot) {
            if e.class == addr && e.epoch == epoch && e.hash == hash && &*e.name == name {
                return e.value.clone();
            }
        }
        let found = cls.lookup_hashed(hash, name);
        if self.type_cache.is_empty() {
            self.type_cache.resize_with(object::TYPE_CACHE_SIZE, Default::default);
        }
        self.type_cache[slot] =
            object::TypeCacheEntry { class: addr, epoch, hash, name: name.into(), value: found.clone() };
        found
    }

    /// An interned string value (identifiers, attribute names, constant strings).
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(p) = self.interned.get(s) {
            return Value::Str(p.clone());
        }
        let p = Rc::new(PyStr::new(s));
        self.interned.insert(s.into(), p.clone());
        Value::Str(p)
    }

    /// Seconds on the VM's monotonic clock.
    pub fn monotonic(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    /// Writes to stdout, ignoring errors (a closed pipe must not crash the VM).
    pub fn write_stdout(&mut self, s: &str) {
        let _ = self.stdout.write_all(s.as_bytes());
    }

    /// Writes to stderr, ignoring errors.
    pub fn write_stderr(&mut self, s: &str) {
        let _ = self.stderr.write_all(s.as_bytes());
    }
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}
