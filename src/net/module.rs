//! The `_net` and `socket` native modules, the networking classes cached per VM, and the loop
//! methods installed on the event loop class (`_add_reader`, `add_writer`, ...).

use std::cell::RefCell;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::rc::Rc;

use super::addr::{inet_to_py, AF_INET, AF_INET6, AF_UNIX};
use super::class_checks::ClassChecks;
use super::errors::{gai_code, gai_error, gai_message};
use super::io::Dir;
use super::sock::{self, expect_socket, SOCK_DGRAM, SOCK_STREAM};
use super::spare::Spares;
use super::{datagram, drain, jobs, read_op, reader, transport, writer};
use crate::asyncio::Aio;
use crate::builtins::{method, native, opt_arg, static_fn};
use crate::vm::ext::{hand_send, hand_throw};
use crate::vm::limits::Capability;
use crate::vm::object::{Args, BaseKind, Class, Dict, NativeFn};
use crate::vm::types::builtin_class;
use crate::vm::{Exc, PyResult, Value, Vm};

/// `SOCK_RAW`.
const SOCK_RAW: i32 = 3;
/// `AI_PASSIVE`.
const AI_PASSIVE: i64 = 1;

/// Classes and native callables the networking code needs, cached on the VM.
pub struct NetClasses {
    /// `socket.socket`.
    pub socket: Rc<Class>,
    /// `_SelectorSocketTransport`.
    pub stream_transport: Rc<Class>,
    /// `_SelectorDatagramTransport`.
    pub datagram_transport: Rc<Class>,
    /// The native base of `asyncio.StreamReader`.
    pub reader_base: Rc<Class>,
    /// The awaitables of `StreamReader.read` and friends ([`super::read_op`]).
    pub read_op: Rc<Class>,
    /// The awaitable of `StreamWriter.drain` ([`super::writer`]).
    pub drain_op: Rc<Class>,
    /// `asyncio.StreamWriter`, registered by `streams.py` ([`super::writer`]).
    pub stream_writer: RefCell<Option<Rc<Class>>>,
    /// `socket.gaierror`.
    pub gaierror: Rc<Class>,
    /// Stream transport `_read_ready`.
    pub read_ready: Value,
    /// Stream transport `_write_ready`.
    pub write_ready: Value,
    /// Datagram transport `_read_ready`.
    pub dgram_read_ready: Value,
    /// Datagram transport `_sendto_ready`.
    pub dgram_write_ready: Value,
    /// The reader registration a transport schedules at creation.
    pub add_reader_cb: Value,
    /// `_call_connection_lost`.
    pub call_connection_lost: Value,
    /// `futures._set_result_unless_cancelled`.
    pub set_result_unless_cancelled: Value,
    /// `asyncio.IncompleteReadError`, registered by `streams.py`.
    pub incomplete_read_error: RefCell<Option<Rc<Class>>>,
    /// `asyncio.LimitOverrunError`, registered by `streams.py`.
    pub limit_overrun_error: RefCell<Option<Rc<Class>>>,
    /// `StreamReaderProtocol.data_received`, registered by `streams.py`: transports of
    /// protocols that use it unchanged feed their reader natively ([`super::feed`]).
    pub stream_data_received: RefCell<Option<Value>>,
    /// `FlowControlMixin._drain_helper`, registered by `streams.py` ([`super::drain`]).
    pub drain_helper: RefCell<Option<Value>>,
    /// The writer's fast checks' class-level answers ([`super::class_checks`]).
    pub checks: ClassChecks,
    /// The writer's attribute names, interned ([`super::writer`]).
    pub writer_names: writer::WriterNames,
    /// Finished read awaitables kept for reuse ([`super::spare`]).
    pub spare_reads: Spares,
    /// Finished `drain()` awaitables kept for reuse.
    pub spare_drains: Spares,
}

/// The cached classes (created, and the loop methods installed, on first use). Inlined:
/// a stream request fetches them about five times.
#[inline]
pub fn classes(vm: &mut Vm) -> Rc<NetClasses> {
    match &vm.net_classes {
        Some(c) => c.clone(),
        None => first_classes(vm),
    }
}

#[cold]
fn first_classes(vm: &mut Vm) -> Rc<NetClasses> {
    let c = Rc::new(create(vm));
    vm.net_classes = Some(c.clone());
    install_loop_methods(vm);
    c
}

fn native_class(vm: &mut Vm, name: &str, module: &str) -> Rc<Class> {
    let object = vm.types.object.clone();
    let cls = builtin_class(name, std::slice::from_ref(&object), BaseKind::Native);
    cls.set_attr("__module__", Value::str(module));
    cls
}

fn create(vm: &mut Vm) -> NetClasses {
    let socket = native_class(vm, "socket", "socket");
    install(vm, &socket, SOCKET_METHODS);
    static_fn(vm, &socket, "__new__", sock::sock_new);
    let stream_transport = native_class(vm, "_SelectorSocketTransport", "asyncio.selector_events");
    install(vm, &stream_transport, TRANSPORT_METHODS);
    install(vm, &stream_transport, STREAM_METHODS);
    let datagram_transport = native_class(vm, "_SelectorDatagramTransport", "asyncio.selector_events");
    install(vm, &datagram_transport, TRANSPORT_METHODS);
    method(vm, &datagram_transport, "sendto", datagram::m_sendto);
    method(vm, &datagram_transport, "_read_ready", datagram::m_read_ready);
    method(vm, &datagram_transport, "_sendto_ready", datagram::m_write_ready);
    let reader_base = native_class(vm, "StreamReader", "asyncio.streams");
    install(vm, &reader_base, READER_METHODS);
    static_fn(vm, &reader_base, "__new__", reader::reader_new);
    let read_op =
        builtin_class("coroutine", std::slice::from_ref(&vm.types.object.clone()), BaseKind::Native);
    install(vm, &read_op, READ_OP_METHODS);
    let drain_op =
        builtin_class("coroutine", std::slice::from_ref(&vm.types.object.clone()), BaseKind::Native);
    install(vm, &drain_op, DRAIN_OP_METHODS);
    let oserror = vm.exc_class("OSError");
    let gaierror = builtin_class("gaierror", &[oserror], BaseKind::Exception);
    gaierror.set_attr("__module__", Value::str("socket"));
    NetClasses {
        socket,
        stream_transport,
        datagram_transport,
        reader_base,
        read_op,
        drain_op,
        stream_writer: RefCell::new(None),
        gaierror,
        read_ready: native(vm, "_read_ready", transport::m_read_ready),
        write_ready: native(vm, "_write_ready", transport::m_write_ready),
        dgram_read_ready: native(vm, "_read_ready", datagram::m_read_ready),
        dgram_write_ready: native(vm, "_sendto_ready", datagram::m_write_ready),
        add_reader_cb: native(vm, "_add_reader", transport::m_add_reader_cb),
        call_connection_lost: native(vm, "_call_connection_lost", transport::m_call_connection_lost),
        set_result_unless_cancelled: native(vm, "_set_result_unless_cancelled", set_result_unless_cancelled),
        incomplete_read_error: RefCell::new(None),
        limit_overrun_error: RefCell::new(None),
        stream_data_received: RefCell::new(None),
        drain_helper: RefCell::new(None),
        checks: ClassChecks::default(),
        spare_reads: Spares::default(),
        spare_drains: Spares::default(),
        writer_names: writer::WriterNames::new(vm),
    }
}

fn install(vm: &mut Vm, cls: &Rc<Class>, methods: &[(&'static str, NativeFn)]) {
    for (name, f) in methods {
        method(vm, cls, name, *f);
    }
}

const SOCKET_METHODS: &[(&str, NativeFn)] = &[
    ("bind", sock::sock_bind),
    ("listen", sock::sock_listen),
    ("connect", sock::sock_connect),
    ("connect_ex", sock::sock_connect_ex),
    ("accept", sock::sock_accept),
    ("recv", sock::sock_recv),
    ("send", sock::sock_send),
    ("sendall", sock::sock_sendall),
    ("sendto", sock::sock_sendto),
    ("recvfrom", sock::sock_recvfrom),
    ("shutdown", sock::sock_shutdown),
    ("setsockopt", sock::sock_setsockopt),
    ("getsockopt", sock::sock_getsockopt),
    ("getsockname", sock::sock_getsockname),
    ("getpeername", sock::sock_getpeername),
    ("fileno", sock::sock_fileno),
    ("close", sock::sock_close),
    ("setblocking", sock::sock_setblocking),
    ("settimeout", sock::sock_settimeout),
    ("gettimeout", sock::sock_gettimeout),
    ("__enter__", sock::sock_enter),
    ("__exit__", sock::sock_exit),
];

const TRANSPORT_METHODS: &[(&str, NativeFn)] = &[
    ("close", transport::m_close),
    ("abort", transport::m_abort),
    ("is_closing", transport::m_is_closing),
    ("is_reading", transport::m_is_reading),
    ("pause_reading", transport::m_pause_reading),
    ("resume_reading", transport::m_resume_reading),
    ("get_write_buffer_size", transport::m_get_write_buffer_size),
    ("get_write_buffer_limits", transport::m_get_write_buffer_limits),
    ("set_write_buffer_limits", transport::m_set_write_buffer_limits),
    ("get_extra_info", transport::m_get_extra_info),
    ("get_protocol", transport::m_get_protocol),
    ("set_protocol", transport::m_set_protocol),
    ("_call_connection_lost", transport::m_call_connection_lost),
];

const STREAM_METHODS: &[(&str, NativeFn)] = &[
    ("write", transport::m_write),
    ("writelines", transport::m_writelines),
    ("write_eof", transport::m_write_eof),
    ("can_write_eof", transport::m_can_write_eof),
    ("_read_ready", transport::m_read_ready),
    ("_write_ready", transport::m_write_ready),
];

const READER_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", reader::m_init),
    ("exception", reader::m_exception),
    ("set_exception", reader::m_set_exception),
    ("_wakeup_waiter", reader::m_wakeup_waiter),
    ("set_transport", reader::m_set_transport),
    ("_maybe_resume_transport", reader::m_maybe_resume_transport),
    ("feed_eof", reader::m_feed_eof),
    ("at_eof", reader::m_at_eof),
    ("feed_data", reader::m_feed_data),
    ("_new_waiter", reader::m_new_waiter),
    ("_clear_waiter", reader::m_clear_waiter),
    ("_discard_overrun", reader::m_discard_overrun),
    ("_readuntil_nowait", reader::m_readuntil_nowait),
    ("_readline_nowait", reader::m_readline_nowait),
    ("_read_nowait", reader::m_read_nowait),
    ("_readexactly_nowait", reader::m_readexactly_nowait),
    ("read", read_op::m_read),
    ("readline", read_op::m_readline),
    ("readuntil", read_op::m_readuntil),
    ("readexactly", read_op::m_readexactly),
];

const READ_OP_METHODS: &[(&str, NativeFn)] = &[
    ("send", hand_send::<read_op::ReadOp>),
    ("throw", hand_throw::<read_op::ReadOp>),
    ("close", read_op::op_close),
    ("__await__", read_op::op_await),
    ("__iter__", read_op::op_await),
    ("__next__", hand_send::<read_op::ReadOp>),
];

const DRAIN_OP_METHODS: &[(&str, NativeFn)] = &[
    ("send", hand_send::<writer::DrainOp>),
    ("throw", hand_throw::<writer::DrainOp>),
    ("close", writer::op_close),
    ("__await__", read_op::op_await),
    ("__iter__", read_op::op_await),
    ("__next__", hand_send::<writer::DrainOp>),
];

const LOOP_METHODS: &[(&str, NativeFn)] = &[
    ("_add_reader", loop_add_reader),
    ("_remove_reader", loop_remove_reader),
    ("_add_writer", loop_add_writer),
    ("_remove_writer", loop_remove_writer),
    ("add_reader", loop_add_reader),
    ("remove_reader", loop_remove_reader),
    ("add_writer", loop_add_writer),
    ("remove_writer", loop_remove_writer),
];

fn install_loop_methods(vm: &mut Vm) {
    let cls = Aio::classes(vm).event_loop.clone();
    install(vm, &cls, LOOP_METHODS);
    #[cfg(target_os = "linux")]
    install(
        vm,
        &cls,
        &[
            ("add_signal_handler", super::signals::add_signal_handler),
            ("remove_signal_handler", super::signals::remove_signal_handler),
        ],
    );
}

/// `futures._set_result_unless_cancelled(fut, result)`.
fn set_result_unless_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Value::Obj(f)) = args.pos.first() {
        if let Some(fo) = crate::asyncio::future::future_of(&Value::Obj(f.clone())) {
            if fo.st.borrow().state == crate::asyncio::future::State::Cancelled {
                return Ok(Value::None);
            }
            fo.set_result(vm, f, args.pos.get(1).cloned().unwrap_or(Value::None))?;
        }
    }
    Ok(Value::None)
}

fn loop_arg<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a Value> {
    match args.pos.first() {
        Some(l) if crate::asyncio::event_loop::loop_of(l).is_some() => Ok(l),
        _ => Err(vm.new_error("TypeError", "descriptor requires an event loop")),
    }
}

fn io_add(vm: &mut Vm, args: Args, dir: Dir) -> PyResult<Value> {
    let loop_obj = loop_arg(vm, &args)?;
    let s = expect_socket(vm, args.pos.get(1))?;
    let id = s.register(vm, loop_obj)?;
    let callback = args.pos.get(2).cloned().unwrap_or(Value::None);
    let rest = args.pos.get(3..).unwrap_or(&[]).to_vec();
    match super::io::add(vm, loop_obj, id, dir, callback, rest) {
        Some(h) => Ok(Value::Obj(h)),
        None => Err(vm.new_error("RuntimeError", "Event loop is closed")),
    }
}

fn io_remove(vm: &mut Vm, args: Args, dir: Dir) -> PyResult<Value> {
    let loop_obj = loop_arg(vm, &args)?;
    let s = expect_socket(vm, args.pos.get(1))?;
    let Some((_, id)) = s.source() else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(super::io::remove(loop_obj, id, dir)))
}

fn loop_add_reader(vm: &mut Vm, args: Args) -> PyResult<Value> {
    io_add(vm, args, Dir::Read)
}

fn loop_remove_reader(vm: &mut Vm, args: Args) -> PyResult<Value> {
    io_remove(vm, args, Dir::Read)
}

fn loop_add_writer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    io_add(vm, args, Dir::Write)
}

fn loop_remove_writer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    io_remove(vm, args, Dir::Write)
}

// ---- getaddrinfo ----

/// A getaddrinfo request as plain data.
#[derive(Clone, Debug)]
pub(super) struct Lookup {
    host: Option<String>,
    port: u16,
    family: i32,
    kind: i32,
    proto: i32,
    passive: bool,
}

/// What a lookup found, or glibc's error (code, message).
pub(super) type Found = Result<Vec<SocketAddr>, (i32, String)>;

impl Lookup {
    pub(super) fn parse(vm: &mut Vm, args: &Args, first: usize) -> PyResult<Lookup> {
        let host = match opt_arg(args, first, "host") {
            None | Some(Value::None) => None,
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            Some(v) => match vm.bytes_of(v) {
                Some(b) => Some(String::from_utf8_lossy(&b).into_owned()),
                None => {
                    let t = vm.type_name(v);
                    return Err(vm.new_error(
                        "TypeError",
                        &format!("getaddrinfo() argument 1 must be string or None, not {t}"),
                    ));
                }
            },
        };
        let port = match opt_arg(args, first + 1, "port") {
            None | Some(Value::None) => 0,
            Some(Value::Int(p)) => u16::try_from(*p)
                .map_err(|_| vm.new_error("OverflowError", "getaddrinfo(): port must be 0-65535."))?,
            Some(Value::Str(s)) => match s.as_str().parse::<u16>() {
                Ok(p) => p,
                Err(_) => {
                    let gaierror = classes(vm).gaierror.clone();
                    return Err(gai_error(vm, &gaierror, -8, "Servname not supported for ai_socktype"));
                }
            },
            Some(_) => return Err(vm.new_error("OSError", "Int or String expected")),
        };
        let int = |vm: &mut Vm, i: usize, name: &str| -> PyResult<i64> {
            match opt_arg(args, i, name) {
                None | Some(Value::None) => Ok(0),
                Some(v) => vm.index_of(v),
            }
        };
        Ok(Lookup {
            host,
            port,
            family: int(vm, first + 2, "family")? as i32,
            kind: int(vm, first + 3, "type")? as i32,
            proto: int(vm, first + 4, "proto")? as i32,
            passive: int(vm, first + 5, "flags")? & AI_PASSIVE != 0,
        })
    }

    /// Whether the answer needs no resolver (numeric, wildcard or loopback name).
    fn is_fast(&self) -> bool {
        match &self.host {
            None => true,
            Some(h) => h.parse::<IpAddr>().is_ok() || h.eq_ignore_ascii_case("localhost"),
        }
    }

    /// Resolves (blocking for real names).
    pub(super) fn run(&self) -> Found {
        let addrs: Vec<SocketAddr> = match &self.host {
            None if self.passive => vec![
                SocketAddr::from(([0, 0, 0, 0], self.port)),
                SocketAddr::from((std::net::Ipv6Addr::UNSPECIFIED, self.port)),
            ],
            None => vec![
                SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, self.port)),
                SocketAddr::from(([127, 0, 0, 1], self.port)),
            ],
            Some(h) => match h.parse::<IpAddr>() {
                Ok(ip) => vec![SocketAddr::new(ip, self.port)],
                Err(_) => match (h.as_str(), self.port).to_socket_addrs() {
                    Ok(found) => found.collect(),
                    Err(e) => {
                        let msg = gai_message(&e);
                        return Err((gai_code(&msg), msg));
                    }
                },
            },
        };
        let wanted: Vec<SocketAddr> = addrs
            .into_iter()
            .filter(|a| match self.family {
                AF_INET => a.is_ipv4(),
                AF_INET6 => a.is_ipv6(),
                _ => true,
            })
            .collect();
        if wanted.is_empty() {
            return Err((-9, "Address family for hostname not supported".into()));
        }
        Ok(wanted)
    }

    /// The 5-tuples, as glibc orders them (each address: stream, dgram, raw when type is 0).
    pub(super) fn to_py(&self, vm: &mut Vm, found: Found) -> PyResult<Value> {
        let addrs = match found {
            Ok(a) => a,
            Err((code, msg)) => {
                let gaierror = classes(vm).gaierror.clone();
                return Err(gai_error(vm, &gaierror, code, &msg));
            }
        };
        let kinds: Vec<(i32, i32)> = match self.kind {
            0 => vec![(SOCK_STREAM, 6), (SOCK_DGRAM, 17), (SOCK_RAW, 0)],
            k => vec![(
                k,
                if self.proto != 0 {
                    self.proto
                } else if k == SOCK_DGRAM {
                    17
                } else {
                    6
                },
            )],
        };
        let mut out = Vec::new();
        for a in &addrs {
            let family = if a.is_ipv4() { AF_INET } else { AF_INET6 };
            for (k, p) in &kinds {
                out.push(Value::tuple(vec![
                    Value::Int(i64::from(family)),
                    Value::Int(i64::from(*k)),
                    Value::Int(i64::from(*p)),
                    Value::str(""),
                    inet_to_py(a),
                ]));
            }
        }
        Ok(Value::list(out))
    }
}

/// `_net.getaddrinfo(loop, host, port, family, type, proto, flags)`: a future. Numeric hosts,
/// `None` and `localhost` resolve on the loop thread; other names on the thread pool.
fn net_getaddrinfo(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.require(Capability::Net, "getaddrinfo")?;
    let loop_obj = args.pos.first().cloned().unwrap_or(Value::None);
    let lookup = Lookup::parse(vm, &args, 1)?;
    if lookup.is_fast() {
        let found = lookup.run();
        let value = lookup.to_py(vm, found);
        let fut = crate::asyncio::future::new_future(vm, loop_obj.clone());
        jobs::resolve(vm, &fut, value);
        return Ok(Value::Obj(fut));
    }
    let work = lookup.clone();
    jobs::future_job(vm, &loop_obj, move || work.run(), move |vm, found| lookup.to_py(vm, found))
}

/// `socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: blocking, as in
/// CPython (the event loop's `getaddrinfo` runs it on the thread pool instead).
fn socket_getaddrinfo(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.require(Capability::Net, "getaddrinfo")?;
    let lookup = Lookup::parse(vm, &args, 0)?;
    let found = lookup.run();
    lookup.to_py(vm, found)
}

fn socket_gethostname(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match std::fs::read_to_string("/proc/sys/kernel/hostname") {
        Ok(name) => Ok(Value::string(name.trim().to_string())),
        Err(e) => Err(super::errors::os_error(vm, &e)),
    }
}

/// `_net._set_stream_errors(IncompleteReadError, LimitOverrunError)`.
fn set_stream_errors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = classes(vm);
    if let (Some(Value::Class(a)), Some(Value::Class(b))) = (args.pos.first(), args.pos.get(1)) {
        *c.incomplete_read_error.borrow_mut() = Some(a.clone());
        *c.limit_overrun_error.borrow_mut() = Some(b.clone());
    }
    Ok(Value::None)
}

/// `_net._set_stream_protocol(StreamReaderProtocol.data_received)`.
fn set_stream_protocol(vm: &mut Vm, args: Args) -> PyResult<Value> {
    *classes(vm).stream_data_received.borrow_mut() = args.pos.first().cloned();
    Ok(Value::None)
}

/// `_net.wrap_oserror(errno, message)`: OSError of errno's subclass (used by the Python layer).
fn errno_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let errno = match args.pos.first() {
        Some(v) => vm.index_of(v)? as i32,
        None => 0,
    };
    let msg = match args.pos.get(1) {
        Some(v) => vm.str_of(v)?,
        None => String::new(),
    };
    let e: Exc = super::errors::errno_error(vm, errno, &msg);
    Ok(Value::Obj(e))
}

/// `_net.install_loop_methods(*functions)`: puts the networking methods written in
/// `stdlib/asyncio/net_events.py` on the (otherwise immutable) native loop class.
fn install_script_loop_methods(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = Aio::classes(vm).event_loop.clone();
    for f in args.pos {
        let name = vm.get_attr(f, &Value::str("__name__"))?;
        let Some(name) = name.as_str() else {
            return Err(vm.new_error("TypeError", "install_loop_methods() needs named functions"));
        };
        cls.set_attr(name, f.clone());
    }
    Ok(Value::None)
}

/// `_net.is_numeric_host(family, host)`: what `socket.inet_pton(family, host)` accepts.
fn is_numeric_host(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let family = match args.pos.first() {
        Some(Value::Int(f)) => *f as i32,
        _ => 0,
    };
    let Some(host) = args.pos.get(1).and_then(Value::as_str) else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(match family {
        AF_INET => host.parse::<std::net::Ipv4Addr>().is_ok(),
        AF_INET6 => host.parse::<std::net::Ipv6Addr>().is_ok(),
        _ => false,
    }))
}

/// `_net.remove_stale_unix_socket(path)`: removes a leftover socket file at `path` (not other
/// kinds of files), as `create_unix_server` does before binding.
fn remove_stale_unix_socket(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(p) = args.pos.first() else { return Ok(Value::None) };
    let path = super::addr::py_to_path(vm, p)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if let Ok(meta) = std::fs::metadata(&path) {
            if meta.file_type().is_socket() {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    Ok(Value::None)
}

fn module_with(vm: &mut Vm, name: &str, funcs: &[(&'static str, NativeFn)]) -> Value {
    let m = vm.new_module(name, Rc::new(Dict::default()));
    for (n, f) in funcs {
        let v = native(vm, n, *f);
        vm.module_set(&m, n, v);
    }
    m
}

/// The `_net` module: what `stdlib/asyncio` builds its networking on.
pub fn net_module(vm: &mut Vm) -> PyResult<Value> {
    let c = classes(vm);
    let m = module_with(
        vm,
        "_net",
        &[
            ("SocketTransport", transport::new_stream_transport),
            ("DatagramTransport", datagram::new_datagram_transport),
            ("getaddrinfo", net_getaddrinfo),
            ("file_open", super::files::file_open),
            ("_set_stream_errors", set_stream_errors),
            ("_set_stream_protocol", set_stream_protocol),
            ("_set_drain_helper", drain::m_set_drain_helper),
            ("_drain_clear", drain::m_drain_clear),
            ("_set_stream_writer", writer::m_set_stream_writer),
            ("errno_error", errno_error),
            ("is_numeric_host", is_numeric_host),
            ("install_loop_methods", install_script_loop_methods),
            ("remove_stale_unix_socket", remove_stale_unix_socket),
        ],
    );
    #[cfg(target_os = "linux")]
    for (n, f) in [("spawn", super::process::spawn as NativeFn), ("send_signal", super::process::send_signal)]
    {
        let v = native(vm, n, f);
        vm.module_set(&m, n, v);
    }
    vm.module_set(&m, "StreamReaderBase", Value::Class(c.reader_base.clone()));
    vm.module_set(&m, "socket", Value::Class(c.socket.clone()));
    vm.module_set(&m, "_SelectorSocketTransport", Value::Class(c.stream_transport.clone()));
    vm.module_set(&m, "_SelectorDatagramTransport", Value::Class(c.datagram_transport.clone()));
    vm.module_set(&m, "set_result_unless_cancelled", c.set_result_unless_cancelled.clone());
    Ok(m)
}

/// The `socket` module subset: the socket class, constants, errors, getaddrinfo.
pub fn socket_module(vm: &mut Vm) -> PyResult<Value> {
    let c = classes(vm);
    #[cfg(unix)]
    let m = module_with(
        vm,
        "socket",
        &[
            ("getaddrinfo", socket_getaddrinfo),
            ("gethostname", socket_gethostname),
            ("socketpair", sock::socketpair),
        ],
    );
    #[cfg(not(unix))]
    let m = module_with(
        vm,
        "socket",
        &[("getaddrinfo", socket_getaddrinfo), ("gethostname", socket_gethostname)],
    );
    vm.module_set(&m, "socket", Value::Class(c.socket.clone()));
    vm.module_set(&m, "SocketType", Value::Class(c.socket.clone()));
    vm.module_set(&m, "gaierror", Value::Class(c.gaierror.clone()));
    let oserror = Value::Class(vm.exc_class("OSError"));
    vm.module_set(&m, "error", oserror.clone());
    vm.module_set(&m, "herror", oserror);
    let timeout = Value::Class(vm.exc_class("TimeoutError"));
    vm.module_set(&m, "timeout", timeout);
    vm.module_set(&m, "has_ipv6", Value::Bool(true));
    for (name, v) in CONSTANTS {
        vm.module_set(&m, name, Value::Int(i64::from(*v)));
    }
    Ok(m)
}

/// Linux values of the constants scripts and asyncio use.
const CONSTANTS: &[(&str, i32)] = &[
    ("AF_UNSPEC", 0),
    ("AF_UNIX", AF_UNIX),
    ("AF_INET", AF_INET),
    ("AF_INET6", AF_INET6),
    ("SOCK_STREAM", SOCK_STREAM),
    ("SOCK_DGRAM", SOCK_DGRAM),
    ("SOCK_RAW", SOCK_RAW),
    ("SOL_SOCKET", sock::SOL_SOCKET),
    ("SO_REUSEADDR", sock::SO_REUSEADDR),
    ("SO_REUSEPORT", sock::SO_REUSEPORT),
    ("SO_TYPE", sock::SO_TYPE),
    ("SO_ERROR", sock::SO_ERROR),
    ("SO_BROADCAST", sock::SO_BROADCAST),
    ("SO_SNDBUF", sock::SO_SNDBUF),
    ("SO_RCVBUF", sock::SO_RCVBUF),
    ("SO_KEEPALIVE", sock::SO_KEEPALIVE),
    ("IPPROTO_IP", 0),
    ("IPPROTO_TCP", sock::IPPROTO_TCP),
    ("IPPROTO_UDP", sock::IPPROTO_UDP),
    ("IPPROTO_IPV6", sock::IPPROTO_IPV6),
    ("IPV6_V6ONLY", sock::IPV6_V6ONLY),
    ("TCP_NODELAY", sock::TCP_NODELAY),
    ("SOMAXCONN", sock::SOMAXCONN),
    ("SHUT_RD", 0),
    ("SHUT_WR", 1),
    ("SHUT_RDWR", 2),
    ("AI_PASSIVE", 1),
    ("AI_CANONNAME", 2),
    ("AI_NUMERICHOST", 4),
    ("AI_V4MAPPED", 8),
    ("AI_ALL", 16),
    ("AI_ADDRCONFIG", 32),
    ("AI_NUMERICSERV", 1024),
    ("NI_NUMERICHOST", 1),
    ("NI_NUMERICSERV", 2),
    ("EAI_NONAME", -2),
    ("EAI_AGAIN", -3),
];
