//! The `socket.socket` object.
//!
//! A socket starts *raw* (a socket2 socket the script configures: options, bind, listen,
//! connect) and becomes *registered* when an event loop adopts it (a transport, a reader or
//! writer callback, or `accept` on a registered listener). From then on every operation goes
//! through that loop's reactor, so a `WouldBlock` always clears the reactor's readiness flag.

use std::cell::{Cell, RefCell};
use std::io;
use std::net::Shutdown;

use socket2::{Domain, Protocol, SockRef, Socket, Type};

use super::addr::{self, AF_INET, AF_INET6, AF_UNIX};
use super::errors::{errno_error, os_error, EBADF};
use super::module::classes;
use crate::asyncio::event_loop::{loop_of, Msg};
use crate::builtins::opt_arg;
use crate::runtime::reactor::{Reactor, SourceId};
use crate::vm::ext::Ext;
use crate::vm::limits::Capability;
use crate::vm::object::{Args, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// `SOCK_STREAM`.
pub const SOCK_STREAM: i32 = 1;
/// `SOCK_DGRAM`.
pub const SOCK_DGRAM: i32 = 2;
/// `SOL_SOCKET`.
pub const SOL_SOCKET: i32 = 1;
/// `SO_REUSEADDR`.
pub const SO_REUSEADDR: i32 = 2;
/// `SO_TYPE`.
pub const SO_TYPE: i32 = 3;
/// `SO_ERROR`.
pub const SO_ERROR: i32 = 4;
/// `SO_BROADCAST`.
pub const SO_BROADCAST: i32 = 6;
/// `SO_SNDBUF`.
pub const SO_SNDBUF: i32 = 7;
/// `SO_RCVBUF`.
pub const SO_RCVBUF: i32 = 8;
/// `SO_KEEPALIVE`.
pub const SO_KEEPALIVE: i32 = 9;
/// `SO_REUSEPORT`.
pub const SO_REUSEPORT: i32 = 15;
/// `IPPROTO_TCP`.
pub const IPPROTO_TCP: i32 = 6;
/// `IPPROTO_UDP`.
pub const IPPROTO_UDP: i32 = 17;
/// `IPPROTO_IPV6`.
pub const IPPROTO_IPV6: i32 = 41;
/// `TCP_NODELAY`.
pub const TCP_NODELAY: i32 = 1;
/// `IPV6_V6ONLY`.
pub const IPV6_V6ONLY: i32 = 26;
/// `SOMAXCONN` on Linux 5.4+.
pub const SOMAXCONN: i32 = 4096;

/// Where a socket lives.
#[derive(Debug)]
pub enum SockState {
    /// Not yet adopted by a loop.
    Raw(Socket),
    /// Registered in `loop_obj`'s reactor under `id`.
    Loop {
        /// The loop object.
        loop_obj: Value,
        /// The reactor source.
        id: SourceId,
    },
    /// Closed.
    Closed,
}

/// A `socket.socket`.
#[derive(Debug)]
pub struct SocketObj {
    /// `AF_INET`, `AF_INET6` or `AF_UNIX`.
    pub family: i32,
    /// `SOCK_STREAM` or `SOCK_DGRAM`.
    pub kind: i32,
    /// The protocol number.
    pub proto: i32,
    /// Raw, registered or closed.
    pub state: RefCell<SockState>,
    listening: Cell<bool>,
    fd: Cell<i64>,
}

impl Ext for SocketObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn repr(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<String>> {
        let mut s = format!(
            "<socket.socket fd={}, family={}, type={}, proto={}",
            self.fd.get(),
            self.family,
            self.kind,
            self.proto
        );
        if self.fd.get() >= 0 {
            if let Ok(name) = self.local(vm) {
                if !matches!(&name, Value::Str(p) if p.as_str().is_empty()) {
                    s.push_str(&format!(", laddr={}", vm.repr(&name)?));
                }
            }
            if let Ok(peer) = self.peer(vm) {
                s.push_str(&format!(", raddr={}", vm.repr(&peer)?));
            }
        }
        s.push('>');
        Ok(Some(s))
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "family" => Some(Value::Int(i64::from(self.family))),
            "type" => Some(Value::Int(i64::from(self.kind))),
            "proto" => Some(Value::Int(i64::from(self.proto))),
            _ => None,
        })
    }
}

/// The socket behind a value.
pub fn socket_of(v: &Value) -> Option<&SocketObj> {
    match v.payload()? {
        Payload::Ext(e) => e.as_any().downcast_ref::<SocketObj>(),
        _ => None,
    }
}

/// A socket value, or TypeError.
pub fn expect_socket<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<&'a SocketObj> {
    match v.and_then(socket_of) {
        Some(s) => Ok(s),
        None => Err(vm.new_error("TypeError", "a socket object is required")),
    }
}

/// Runs `f` on a loop's reactor.
pub fn with_reactor<T>(
    vm: &mut Vm,
    loop_obj: &Value,
    f: impl FnOnce(&mut Reactor<Msg>) -> io::Result<T>,
) -> PyResult<T> {
    let Some(lp) = loop_of(loop_obj) else {
        return Err(vm.new_error("RuntimeError", "Event loop is closed"));
    };
    let r = f(lp.el.borrow_mut().reactor_mut());
    r.map_err(|e| os_error(vm, &e))
}

impl SocketObj {
    fn new(family: i32, kind: i32, proto: i32, state: SockState, fd: i64) -> SocketObj {
        SocketObj {
            family,
            kind,
            proto,
            state: RefCell::new(state),
            listening: Cell::new(false),
            fd: Cell::new(fd),
        }
    }

    /// Wraps a raw socket2 socket.
    pub fn from_raw(socket: Socket, family: i32, kind: i32, proto: i32) -> SocketObj {
        use std::os::fd::AsRawFd;
        let fd = i64::from(socket.as_raw_fd());
        SocketObj::new(family, kind, proto, SockState::Raw(socket), fd)
    }

    /// A socket already registered in `loop_obj`'s reactor.
    pub fn registered(
        vm: &mut Vm,
        loop_obj: &Value,
        id: SourceId,
        family: i32,
        kind: i32,
        proto: i32,
    ) -> SocketObj {
        use std::os::fd::AsRawFd;
        let fd = with_reactor(vm, loop_obj, |r| r.with_fd(id, |fd| i64::from(fd.as_raw_fd()))).unwrap_or(-1);
        SocketObj::new(family, kind, proto, SockState::Loop { loop_obj: loop_obj.clone(), id }, fd)
    }

    /// The reactor source, if registered.
    pub fn source(&self) -> Option<(Value, SourceId)> {
        match &*self.state.borrow() {
            SockState::Loop { loop_obj, id } => Some((loop_obj.clone(), *id)),
            _ => None,
        }
    }

    /// `fileno()`: -1 once closed.
    pub fn fileno(&self) -> i64 {
        self.fd.get()
    }

    /// Adopts a raw socket into `loop_obj`'s reactor (no-op if already there); returns its id.
    pub fn register(&self, vm: &mut Vm, loop_obj: &Value) -> PyResult<SourceId> {
        let raw = {
            let mut state = self.state.borrow_mut();
            match &*state {
                SockState::Loop { loop_obj: owner, id } => {
                    if !owner.is(loop_obj) {
                        return Err(
                            vm.new_error("RuntimeError", "socket is registered with another event loop")
                        );
                    }
                    return Ok(*id);
                }
                SockState::Closed => return Err(errno_error(vm, EBADF, "Bad file descriptor")),
                SockState::Raw(_) => {}
            }
            let SockState::Raw(raw) = std::mem::replace(&mut *state, SockState::Closed) else {
                unreachable!()
            };
            raw
        };
        let (listening, family, kind) = (self.listening.get(), self.family, self.kind);
        let id = with_reactor(vm, loop_obj, |r| adopt(r, raw, family, kind, listening))?;
        *self.state.borrow_mut() = SockState::Loop { loop_obj: loop_obj.clone(), id };
        Ok(id)
    }

    /// Closes the socket (deregistering it and cancelling its loop handles).
    pub fn close(&self, vm: &mut Vm) {
        let old = std::mem::replace(&mut *self.state.borrow_mut(), SockState::Closed);
        self.fd.set(-1);
        if let SockState::Loop { loop_obj, id } = old {
            super::io::forget(vm, &loop_obj, id);
            if let Some(lp) = loop_of(&loop_obj) {
                lp.el.borrow_mut().close_source(id);
            }
        }
    }

    /// Runs `raw` on a raw socket or `reg` on the registered one.
    fn op<T>(
        &self,
        vm: &mut Vm,
        raw: impl FnOnce(&Socket) -> io::Result<T>,
        reg: impl FnOnce(&mut Reactor<Msg>, SourceId) -> io::Result<T>,
    ) -> PyResult<T> {
        let target = match &*self.state.borrow() {
            SockState::Raw(s) => return raw(s).map_err(|e| os_error(vm, &e)),
            SockState::Loop { loop_obj, id } => (loop_obj.clone(), *id),
            SockState::Closed => return Err(errno_error(vm, EBADF, "Bad file descriptor")),
        };
        with_reactor(vm, &target.0, |r| reg(r, target.1))
    }

    /// Runs `f` on the socket's fd as a socket2 reference (options, raw or registered).
    fn with_ref<T>(&self, vm: &mut Vm, f: impl FnOnce(SockRef<'_>) -> io::Result<T>) -> PyResult<T> {
        let target = match &*self.state.borrow() {
            SockState::Raw(s) => return f(SockRef::from(s)).map_err(|e| os_error(vm, &e)),
            SockState::Loop { loop_obj, id } => (loop_obj.clone(), *id),
            SockState::Closed => return Err(errno_error(vm, EBADF, "Bad file descriptor")),
        };
        let r = with_reactor(vm, &target.0, |r| r.with_fd(target.1, |fd| f(SockRef::from(&fd))))?;
        r.map_err(|e| os_error(vm, &e))
    }

    /// `getsockname()`.
    pub fn local(&self, vm: &mut Vm) -> PyResult<Value> {
        let family = self.family;
        self.op(
            vm,
            |s| Ok(unix_or(family, s.local_addr().map(|a| addr::sockaddr_to_py(&a)))),
            |r, id| r.local_addr(id).map(|a| addr::peer_to_py(&a)),
        )
    }

    /// `getpeername()`.
    pub fn peer(&self, vm: &mut Vm) -> PyResult<Value> {
        self.op(
            vm,
            |s| s.peer_addr().map(|a| addr::sockaddr_to_py(&a)),
            |r, id| r.peer_addr(id).map(|a| addr::peer_to_py(&a)),
        )
    }

    /// `getsockopt(SOL_SOCKET, SO_ERROR)`: the pending error number (0 if none).
    pub fn so_error(&self, vm: &mut Vm) -> PyResult<i64> {
        let e = self.op(vm, |s| s.take_error(), |r, id| r.take_error(id))?;
        Ok(e.and_then(|e| e.raw_os_error()).map_or(0, i64::from))
    }
}

/// For Unix sockets an unnamed address is `''`; errors pass through.
fn unix_or(_family: i32, v: io::Result<Value>) -> Value {
    v.unwrap_or(Value::str(""))
}

/// Registers a raw socket with the reactor as the mio kind its state calls for.
fn adopt(r: &mut Reactor<Msg>, raw: Socket, family: i32, kind: i32, listening: bool) -> io::Result<SourceId> {
    raw.set_nonblocking(true)?;
    #[cfg(unix)]
    if family == AF_UNIX {
        return if listening { r.adopt_unix_listener(raw.into()) } else { r.adopt_unix_stream(raw.into()) };
    }
    let _ = family;
    if kind == SOCK_DGRAM {
        r.adopt_udp(raw.into())
    } else if listening {
        r.adopt_tcp_listener(raw.into())
    } else {
        r.adopt_tcp_stream(raw.into())
    }
}

/// Makes a socket value.
pub fn new_socket_value(vm: &mut Vm, obj: SocketObj) -> Value {
    let cls = classes(vm).socket.clone();
    Value::Obj(Object::with_dict(cls, Payload::Ext(Box::new(obj))))
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64, what: &str) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(other) => {
            let t = vm.type_name(other);
            Err(vm.new_error("TypeError", &format!("{what}: an integer is required, not {t}")))
        }
    }
}

/// `socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0)`.
pub fn sock_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.require(Capability::Net, "socket")?;
    let family = int_arg(vm, opt_arg(&args, 1, "family"), i64::from(AF_INET), "family")? as i32;
    let kind = int_arg(vm, opt_arg(&args, 2, "type"), i64::from(SOCK_STREAM), "type")? as i32;
    let proto = int_arg(vm, opt_arg(&args, 3, "proto"), 0, "proto")? as i32;
    let domain = match family {
        AF_INET => Domain::IPV4,
        AF_INET6 => Domain::IPV6,
        #[cfg(unix)]
        AF_UNIX => Domain::UNIX,
        _ => return Err(errno_error(vm, 97, "Address family not supported by protocol")),
    };
    let ty = match kind {
        SOCK_STREAM => Type::STREAM,
        SOCK_DGRAM => Type::DGRAM,
        _ => return Err(errno_error(vm, 94, "Socket type not supported")),
    };
    let protocol = if proto == 0 { None } else { Some(Protocol::from(proto)) };
    let socket = Socket::new(domain, ty, protocol).map_err(|e| os_error(vm, &e))?;
    let proto = if proto == 0 && family != AF_UNIX {
        if kind == SOCK_STREAM {
            IPPROTO_TCP
        } else {
            IPPROTO_UDP
        }
    } else {
        proto
    };
    let mut obj = SocketObj::from_raw(socket, family, kind, proto);
    if let Some(Value::Class(cls)) = args.pos.first() {
        let _ = &mut obj;
        return Ok(Value::Obj(Object::with_dict(cls.clone(), Payload::Ext(Box::new(obj)))));
    }
    Ok(new_socket_value(vm, obj))
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a SocketObj> {
    expect_socket(vm, args.pos.first())
}

fn raw_only<T>(vm: &mut Vm, s: &SocketObj, f: impl FnOnce(&Socket) -> io::Result<T>) -> PyResult<T> {
    match &*s.state.borrow() {
        SockState::Raw(raw) => f(raw).map_err(|e| os_error(vm, &e)),
        SockState::Closed => Err(errno_error(vm, EBADF, "Bad file descriptor")),
        SockState::Loop { .. } => Err(vm.new_error("OSError", "the socket is in use by an event loop")),
    }
}

/// `bind(address)`.
pub fn sock_bind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let Some(a) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "bind() takes exactly one argument (0 given)"));
    };
    let target = addr::py_to_sockaddr(vm, a, s.family, "bind")?;
    raw_only(vm, s, |raw| raw.bind(&target))?;
    Ok(Value::None)
}

/// `listen(backlog=SOMAXCONN)`.
pub fn sock_listen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let backlog = int_arg(vm, args.pos.get(1), i64::from(SOMAXCONN.min(128)), "listen")?;
    let backlog = backlog.clamp(0, i64::from(i32::MAX)) as i32;
    raw_only(vm, s, |raw| raw.listen(backlog))?;
    s.listening.set(true);
    Ok(Value::None)
}

/// `connect(address)`: on a non-blocking socket raises BlockingIOError while in progress.
pub fn sock_connect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let Some(a) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "connect() takes exactly one argument (0 given)"));
    };
    let target = addr::py_to_sockaddr(vm, a, s.family, "connect")?;
    raw_only(vm, s, |raw| raw.connect(&target))?;
    Ok(Value::None)
}

/// `connect_ex(address)`: the errno instead of an exception.
pub fn sock_connect_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let Some(a) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "connect_ex() takes exactly one argument (0 given)"));
    };
    let target = addr::py_to_sockaddr(vm, a, s.family, "connect_ex")?;
    let r = match &*s.state.borrow() {
        SockState::Raw(raw) => raw.connect(&target),
        _ => return Ok(Value::Int(i64::from(EBADF))),
    };
    Ok(Value::Int(r.err().and_then(|e| e.raw_os_error()).map_or(0, i64::from)))
}

/// `accept()`: `(socket, address)`.
pub fn sock_accept(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let (family, kind, proto) = (s.family, s.kind, s.proto);
    if let Some((loop_obj, id)) = s.source() {
        let (new_id, peer) = with_reactor(vm, &loop_obj, |r| r.accept(id))?;
        let obj = SocketObj::registered(vm, &loop_obj, new_id, family, kind, proto);
        let sv = new_socket_value(vm, obj);
        return Ok(Value::tuple(vec![sv, addr::peer_to_py(&peer)]));
    }
    let (conn, peer) = raw_only(vm, s, |raw| raw.accept())?;
    let obj = SocketObj::from_raw(conn, family, kind, proto);
    let sv = new_socket_value(vm, obj);
    Ok(Value::tuple(vec![sv, addr::sockaddr_to_py(&peer)]))
}

/// `recv(bufsize)`.
pub fn sock_recv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let n = int_arg(vm, args.pos.get(1), 0, "recv")?;
    if n < 0 {
        return Err(vm.new_error("ValueError", "negative buffersize in recv"));
    }
    let mut buf = vec![0u8; n as usize];
    let got = match s.source() {
        Some((loop_obj, id)) => with_reactor(vm, &loop_obj, |r| r.recv(id, &mut buf))?,
        None => raw_only(vm, s, |raw| {
            use std::io::Read;
            let mut r: &Socket = raw;
            r.read(&mut buf)
        })?,
    };
    buf.truncate(got);
    Ok(vm.new_bytes(buf))
}

/// The bytes of a bytes-like argument.
pub fn bytes_arg(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<Vec<u8>> {
    match v.and_then(|v| vm.bytes_of(v)) {
        Some(b) => Ok(b),
        None => {
            let t = v.map(|v| vm.type_name(v)).unwrap_or_else(|| "NoneType".into());
            Err(vm.new_error("TypeError", &format!("{what}a bytes-like object is required, not '{t}'")))
        }
    }
}

/// `send(data)`.
pub fn sock_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let data = bytes_arg(vm, args.pos.get(1), "")?;
    let n = s.op(
        vm,
        |raw| {
            use std::io::Write;
            let mut w: &Socket = raw;
            w.write(&data)
        },
        |r, id| r.send(id, &data),
    )?;
    Ok(Value::Int(n as i64))
}

/// `sendall(data)` (a raw blocking socket only; the loop uses transports).
pub fn sock_sendall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let data = bytes_arg(vm, args.pos.get(1), "")?;
    raw_only(vm, s, |raw| {
        use std::io::Write;
        let mut w: &Socket = raw;
        w.write_all(&data)
    })?;
    Ok(Value::None)
}

/// `sendto(data, address)`.
pub fn sock_sendto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let data = bytes_arg(vm, args.pos.get(1), "")?;
    let Some(a) = args.pos.get(2) else {
        return Err(vm.new_error("TypeError", "sendto() takes 2 or 3 arguments (1 given)"));
    };
    let target = addr::py_to_inet(vm, a, s.family, "sendto")?;
    let n = s.op(vm, |raw| raw.send_to(&data, &target.into()), |r, id| r.send_to(id, &data, target))?;
    Ok(Value::Int(n as i64))
}

/// `recvfrom(bufsize)`.
pub fn sock_recvfrom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let n = int_arg(vm, args.pos.get(1), 0, "recvfrom")?.max(0) as usize;
    let mut buf = vec![0u8; n];
    let (got, from) = match s.source() {
        Some((loop_obj, id)) => with_reactor(vm, &loop_obj, |r| r.recv_from(id, &mut buf))?,
        // A raw socket reads through a std view of a duplicate of its fd.
        None => raw_only(vm, s, |raw| std::net::UdpSocket::from(raw.try_clone()?).recv_from(&mut buf))?,
    };
    buf.truncate(got);
    let data = vm.new_bytes(buf);
    Ok(Value::tuple(vec![data, addr::inet_to_py(&from)]))
}

/// `shutdown(how)`.
pub fn sock_shutdown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let how = match int_arg(vm, args.pos.get(1), 2, "shutdown")? {
        0 => Shutdown::Read,
        1 => Shutdown::Write,
        _ => Shutdown::Both,
    };
    s.op(vm, |raw| raw.shutdown(how), |r, id| r.shutdown(id, how))?;
    Ok(Value::None)
}

/// `setsockopt(level, option, value)` for the options asyncio and servers use.
pub fn sock_setsockopt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let level = int_arg(vm, args.pos.get(1), 0, "setsockopt")? as i32;
    let opt = int_arg(vm, args.pos.get(2), 0, "setsockopt")? as i32;
    let value = int_arg(vm, args.pos.get(3), 0, "setsockopt")?;
    let on = value != 0;
    s.with_ref(vm, |r| match (level, opt) {
        (SOL_SOCKET, SO_REUSEADDR) => r.set_reuse_address(on),
        (SOL_SOCKET, SO_REUSEPORT) => r.set_reuse_port(on),
        (SOL_SOCKET, SO_KEEPALIVE) => r.set_keepalive(on),
        (SOL_SOCKET, SO_BROADCAST) => r.set_broadcast(on),
        (SOL_SOCKET, SO_SNDBUF) => r.set_send_buffer_size(value.max(0) as usize),
        (SOL_SOCKET, SO_RCVBUF) => r.set_recv_buffer_size(value.max(0) as usize),
        (IPPROTO_TCP, TCP_NODELAY) => r.set_nodelay(on),
        (IPPROTO_IPV6, IPV6_V6ONLY) => r.set_only_v6(on),
        _ => Err(io::Error::from_raw_os_error(92)), // ENOPROTOOPT
    })?;
    Ok(Value::None)
}

/// `getsockopt(level, option)`.
pub fn sock_getsockopt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let level = int_arg(vm, args.pos.get(1), 0, "getsockopt")? as i32;
    let opt = int_arg(vm, args.pos.get(2), 0, "getsockopt")? as i32;
    if (level, opt) == (SOL_SOCKET, SO_ERROR) {
        return Ok(Value::Int(s.so_error(vm)?));
    }
    let kind = s.kind;
    let v = s.with_ref(vm, |r| {
        Ok(match (level, opt) {
            (SOL_SOCKET, SO_REUSEADDR) => i64::from(r.reuse_address()?),
            (SOL_SOCKET, SO_REUSEPORT) => i64::from(r.reuse_port()?),
            (SOL_SOCKET, SO_KEEPALIVE) => i64::from(r.keepalive()?),
            (SOL_SOCKET, SO_BROADCAST) => i64::from(r.broadcast()?),
            (SOL_SOCKET, SO_SNDBUF) => r.send_buffer_size()? as i64,
            (SOL_SOCKET, SO_RCVBUF) => r.recv_buffer_size()? as i64,
            (SOL_SOCKET, SO_TYPE) => i64::from(kind),
            (IPPROTO_TCP, TCP_NODELAY) => i64::from(r.nodelay()?),
            (IPPROTO_IPV6, IPV6_V6ONLY) => i64::from(r.only_v6()?),
            _ => return Err(io::Error::from_raw_os_error(92)),
        })
    })?;
    Ok(Value::Int(v))
}

/// `getsockname()`.
pub fn sock_getsockname(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    s.local(vm)
}

/// `getpeername()`.
pub fn sock_getpeername(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    s.peer(vm)
}

/// `fileno()`.
pub fn sock_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    Ok(Value::Int(s.fileno()))
}

/// `close()`.
pub fn sock_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    s.close(vm);
    Ok(Value::None)
}

/// `setblocking(flag)`: registered sockets stay non-blocking.
pub fn sock_setblocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::Bool(true));
    let blocking = vm.truthy(&v)?;
    if let SockState::Raw(raw) = &*s.state.borrow() {
        raw.set_nonblocking(!blocking).map_err(|e| os_error(vm, &e))?;
    }
    Ok(Value::None)
}

/// `settimeout(None | 0.0)`: `None` is blocking, `0` non-blocking; others are not supported.
pub fn sock_settimeout(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let blocking = match args.pos.get(1) {
        None | Some(Value::None) => true,
        Some(Value::Int(0)) => false,
        Some(Value::Float(f)) if *f == 0.0 => false,
        Some(_) => return Err(vm.new_error("ValueError", "gyre sockets support only timeouts None and 0")),
    };
    if let SockState::Raw(raw) = &*s.state.borrow() {
        raw.set_nonblocking(!blocking).map_err(|e| os_error(vm, &e))?;
    }
    Ok(Value::None)
}

/// `gettimeout()`: `None` for raw blocking sockets, `0.0` once non-blocking.
pub fn sock_gettimeout(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    Ok(match &*s.state.borrow() {
        SockState::Raw(raw) if !raw.nonblocking().unwrap_or(false) => Value::None,
        _ => Value::Float(0.0),
    })
}

/// `__enter__`: the socket itself.
pub fn sock_enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

/// `__exit__`: closes it.
pub fn sock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args)?;
    s.close(vm);
    Ok(Value::None)
}

/// `socket.socketpair()`: a connected pair of Unix stream sockets.
#[cfg(unix)]
pub fn socketpair(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.require(Capability::Net, "socketpair")?;
    let (a, b) = Socket::pair(Domain::UNIX, Type::STREAM, None).map_err(|e| os_error(vm, &e))?;
    let a = new_socket_value(vm, SocketObj::from_raw(a, AF_UNIX, SOCK_STREAM, 0));
    let b = new_socket_value(vm, SocketObj::from_raw(b, AF_UNIX, SOCK_STREAM, 0));
    Ok(Value::tuple(vec![a, b]))
}
