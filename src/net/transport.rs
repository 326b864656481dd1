//! Native transports: the state and methods shared by the stream transport
//! (`_SelectorSocketTransport`) and the datagram transport (`_SelectorDatagramTransport`,
//! whose I/O is in [`super::datagram`]), following CPython's `selector_events.py` step for
//! step so that callbacks are scheduled in the same order.
//!
//! Lifecycle: the constructor schedules `protocol.connection_made(transport)`, then the reader
//! registration, then the waiter's result, with `call_soon`; `close()` stops reading and, once
//! the write buffer is empty, schedules `_call_connection_lost`, which calls
//! `protocol.connection_lost(exc)`, closes the socket and drops the transport's references
//! (protocol, loop, server, its own bound callbacks), breaking the reference cycles.
//!
//! The read path reuses the loop's 256 KiB receive buffer; the bytes go straight into a native
//! StreamReader when the protocol is an unchanged `StreamReaderProtocol` ([`super::feed`]), and
//! only a `bytes` object handed to any other protocol is allocated.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io;
use std::net::{Shutdown, SocketAddr};

use super::coalesce::COALESCE_LIMIT;
use super::drain::DrainMemo;
use super::errors::os_error;
use super::feed::{self, Route, RouteCache};
use super::io::{self as loopio, Dir};
use super::module::{classes, NetClasses};
use super::sock::{socket_of, with_reactor, SocketObj};
use super::MAX_RECV;
use crate::asyncio::event_loop::{call_soon, loop_of};
use crate::asyncio::handler::{call_exception_handler, context};
use crate::runtime::reactor::SourceId;
use crate::vm::ext::Ext;
use crate::vm::object::{Args, Object, Payload};
use crate::vm::{Exc, PyResult, Value, Vm};

/// CPython's default high-water mark for write buffers (64 KiB); low is a quarter of high.
pub const DEFAULT_HIGH_WATER: usize = 64 * 1024;

/// CPython's `LOG_THRESHOLD_FOR_CONNLOST_WRITES`: after this many writes to a lost
/// connection, each further write logs a warning.
const LOG_THRESHOLD_FOR_CONNLOST_WRITES: u32 = 5;

/// A byte queue that sends from its front: consumed bytes are dropped lazily, so a partial
/// send costs no copy.
#[derive(Debug, Default)]
pub struct WriteBuf {
    data: Vec<u8>,
    start: usize,
}

impl WriteBuf {
    /// Bytes waiting.
    pub fn len(&self) -> usize {
        self.data.len() - self.start
    }

    /// True when nothing waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The waiting bytes.
    pub fn pending(&self) -> &[u8] {
        &self.data[self.start..]
    }

    /// Drops `n` sent bytes from the front.
    pub fn consume(&mut self, n: usize) {
        self.start = (self.start + n).min(self.data.len());
        if self.start == self.data.len() {
            self.clear();
        }
    }

    /// Appends bytes, compacting first when the consumed prefix is the larger half.
    pub fn extend(&mut self, bytes: &[u8]) {
        if self.start > 0 && self.start >= self.data.len() / 2 {
            self.data.drain(..self.start);
            self.start = 0;
        }
        self.data.extend_from_slice(bytes);
    }

    /// Empties the buffer (keeping its capacity).
    pub fn clear(&mut self) {
        self.data.clear();
        self.start = 0;
    }
}

/// Stream or datagram.
#[derive(Debug)]
pub enum Kind {
    /// A TCP or Unix stream.
    Stream {
        /// `write_eof()` was called.
        eof: Cell<bool>,
        /// Bytes not yet accepted by the kernel.
        buffer: RefCell<WriteBuf>,
        /// Bytes written with `buffer` empty during this loop iteration, sent before the loop
        /// next polls ([`super::coalesce`]); to a script they are already sent.
        unsent: RefCell<Vec<u8>>,
    },
    /// A UDP socket.
    Datagram {
        /// The connected peer (`remote_addr`), if any.
        address: Option<SocketAddr>,
        /// Datagrams not yet sent, with their targets.
        buffer: RefCell<VecDeque<(Vec<u8>, Option<SocketAddr>)>>,
        /// Total bytes in `buffer`.
        buffer_size: Cell<usize>,
    },
}

/// A transport.
#[derive(Debug)]
pub struct TransportObj {
    /// The loop (None once the connection is lost).
    pub loop_obj: RefCell<Value>,
    /// The socket value (None once closed).
    pub sock: RefCell<Value>,
    /// The reactor source.
    pub id: SourceId,
    fd: i64,
    /// The protocol (None once the connection is lost).
    pub protocol: RefCell<Value>,
    protocol_connected: Cell<bool>,
    server: RefCell<Value>,
    extra: RefCell<Vec<(String, Value)>>,
    /// Set when `_call_connection_lost` is scheduled; counts writes after that.
    pub conn_lost: Cell<u32>,
    /// Set by `close()`.
    pub closing: Cell<bool>,
    /// Reading paused by `pause_reading()`.
    pub paused: Cell<bool>,
    protocol_paused: Cell<bool>,
    high_water: Cell<usize>,
    low_water: Cell<usize>,
    /// The bound `_read_ready` and `_write_ready` (dropped with the connection).
    pub read_cb: RefCell<Value>,
    /// See `read_cb`.
    pub write_cb: RefCell<Value>,
    /// Stream or datagram state.
    pub kind: Kind,
    /// Where received bytes go (the native reader fast path), decided once and cached.
    feed_route: RefCell<RouteCache>,
    /// The last clear `StreamWriter.drain()` check of this transport's writer.
    pub drain_memo: DrainMemo,
}

impl Ext for TransportObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn repr(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        let name = vm.type_name(this);
        let mut info = vec![name];
        if self.sock.borrow().is_none() {
            info.push("closed".into());
        } else if self.closing.get() {
            info.push("closing".into());
        }
        info.push(format!("fd={}", self.fd));
        let loop_obj = self.loop_obj.borrow().clone();
        if let Some(lp) = loop_of(&loop_obj).filter(|lp| !lp.closed.get()) {
            let (reading, writing) = match lp.net.handles.borrow().get(&self.id) {
                Some(h) => (h.reader.is_some(), h.writer.is_some()),
                None => (false, false),
            };
            info.push(format!("read={}", if reading { "polling" } else { "idle" }));
            let state = if writing { "polling" } else { "idle" };
            info.push(format!("write=<{state}, bufsize={}>", self.write_buffer_size()));
        }
        Ok(Some(format!("<{}>", info.join(" "))))
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "_protocol" => Some(self.protocol.borrow().clone()),
            "_loop" => Some(self.loop_obj.borrow().clone()),
            "_sock" => Some(self.sock.borrow().clone()),
            "_closing" => Some(Value::Bool(self.closing.get())),
            "_conn_lost" => Some(Value::Int(i64::from(self.conn_lost.get()))),
            "_paused" => Some(Value::Bool(self.paused.get())),
            "_protocol_paused" => Some(Value::Bool(self.protocol_paused.get())),
            "_sock_fd" => Some(Value::Int(self.fd)),
            "max_size" => Some(Value::Int(MAX_RECV as i64)),
            _ => None,
        })
    }
}

/// The transport behind a value.
pub fn transport_of(v: &Value) -> Option<&TransportObj> {
    match v.payload()? {
        Payload::Ext(e) => e.as_any().downcast_ref::<TransportObj>(),
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(&'a TransportObj, &'a Value)> {
    match args.pos.first() {
        Some(v) => match transport_of(v) {
            Some(t) => Ok((t, v)),
            None => Err(vm.new_error("TypeError", "descriptor requires a transport")),
        },
        None => Err(vm.new_error("TypeError", "descriptor requires a transport")),
    }
}

/// Calls `obj.name(*args)`.
fn call(vm: &mut Vm, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    vm.call_method(obj, name, args)
}

/// The arguments of a transport constructor, as CPython's `_make_*_transport` take them.
pub struct NewTransport {
    /// The loop object.
    pub loop_obj: Value,
    /// The socket value.
    pub sock: Value,
    /// The protocol.
    pub protocol: Value,
    /// A future set once `connection_made` has been scheduled.
    pub waiter: Value,
    /// Extra info (e.g. `peername` from `accept`).
    pub extra: Value,
    /// The `Server` that accepted the connection, if any.
    pub server: Value,
}

impl TransportObj {
    /// Bytes (or datagram bytes) waiting to be sent.
    pub fn write_buffer_size(&self) -> usize {
        match &self.kind {
            Kind::Stream { buffer, .. } => buffer.borrow().len(),
            Kind::Datagram { buffer_size, .. } => buffer_size.get(),
        }
    }

    /// The loop object, while the connection lives.
    pub fn loop_value(&self) -> Value {
        self.loop_obj.borrow().clone()
    }

    /// `is_reading()`.
    pub fn is_reading(&self) -> bool {
        !self.closing.get() && !self.paused.get()
    }

    /// `get_extra_info(name)`.
    pub fn extra(&self, name: &str) -> Option<Value> {
        self.extra.borrow().iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }
}

/// Builds a transport and schedules what CPython's constructor schedules.
pub fn create(vm: &mut Vm, n: NewTransport, kind: Kind) -> PyResult<Value> {
    let Some(s) = socket_of(&n.sock) else {
        return Err(vm.new_error("TypeError", "a socket object is required"));
    };
    let id = s.register(vm, &n.loop_obj)?;
    let extra = initial_extra(vm, s, &n)?;
    if matches!(kind, Kind::Stream { .. }) {
        set_nodelay(vm, s);
    }
    let c = classes(vm);
    let cls = if matches!(kind, Kind::Stream { .. }) {
        c.stream_transport.clone()
    } else {
        c.datagram_transport.clone()
    };
    let obj = TransportObj {
        loop_obj: RefCell::new(n.loop_obj.clone()),
        sock: RefCell::new(n.sock.clone()),
        id,
        fd: s.fileno(),
        protocol: RefCell::new(n.protocol.clone()),
        protocol_connected: Cell::new(true),
        server: RefCell::new(n.server.clone()),
        extra: RefCell::new(extra),
        conn_lost: Cell::new(0),
        closing: Cell::new(false),
        paused: Cell::new(false),
        protocol_paused: Cell::new(false),
        high_water: Cell::new(DEFAULT_HIGH_WATER),
        low_water: Cell::new(DEFAULT_HIGH_WATER / 4),
        read_cb: RefCell::new(Value::None),
        write_cb: RefCell::new(Value::None),
        kind,
        feed_route: RefCell::default(),
        drain_memo: DrainMemo::default(),
    };
    let this = Value::Obj(Object::with_dict(cls, Payload::Ext(Box::new(obj))));
    let t = transport_of(&this).expect("just built");
    let read_fn =
        if matches!(t.kind, Kind::Stream { .. }) { c.read_ready.clone() } else { c.dgram_read_ready.clone() };
    let write_fn = if matches!(t.kind, Kind::Stream { .. }) {
        c.write_ready.clone()
    } else {
        c.dgram_write_ready.clone()
    };
    *t.read_cb.borrow_mut() = vm.bound_method(read_fn, this.clone());
    *t.write_cb.borrow_mut() = vm.bound_method(write_fn, this.clone());
    if !n.server.is_none() {
        call(vm, &n.server, "_attach", vec![])?;
    }
    schedule_start(vm, &c, &this, &n)?;
    Ok(this)
}

/// `connection_made`, reader registration, waiter: three `call_soon`s, in CPython's order.
fn schedule_start(vm: &mut Vm, c: &NetClasses, this: &Value, n: &NewTransport) -> PyResult<()> {
    let Some(lp) = loop_of(&n.loop_obj) else { return Ok(()) };
    let made = vm.get_attr(&n.protocol, &Value::str("connection_made"))?;
    call_soon(vm, lp, made, vec![this.clone()]);
    let add = vm.bound_method(c.add_reader_cb.clone(), this.clone());
    call_soon(vm, lp, add, vec![]);
    if !n.waiter.is_none() {
        call_soon(vm, lp, c.set_result_unless_cancelled.clone(), vec![n.waiter.clone(), Value::None]);
    }
    Ok(())
}

/// `socket`, `sockname` and `peername`, plus what the caller passed.
fn initial_extra(vm: &mut Vm, s: &SocketObj, n: &NewTransport) -> PyResult<Vec<(String, Value)>> {
    let mut extra: Vec<(String, Value)> = Vec::new();
    if let Some(d) = vm.dict_of(&n.extra) {
        let pairs: Vec<(Value, Value)> = d.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in pairs {
            extra.push((vm.str_of(&k)?, v));
        }
    }
    extra.push(("socket".into(), n.sock.clone()));
    let sockname = s.local(vm).unwrap_or(Value::None);
    extra.push(("sockname".into(), sockname));
    if !extra.iter().any(|(k, _)| k == "peername") {
        let peer = s.peer(vm).unwrap_or(Value::None);
        extra.push(("peername".into(), peer));
    }
    Ok(extra)
}

/// `base_events._set_nodelay`: TCP_NODELAY on TCP stream sockets.
fn set_nodelay(vm: &mut Vm, s: &SocketObj) {
    if s.family == super::addr::AF_UNIX {
        return;
    }
    if let Some((loop_obj, id)) = s.source() {
        let _ = with_reactor(vm, &loop_obj, |r| {
            r.with_fd(id, |fd| socket2::SockRef::from(&fd).set_nodelay(true))?
        });
    }
}

/// Registers the reader if the transport is reading (`_SelectorTransport._add_reader`).
pub fn add_reader(vm: &mut Vm, t: &TransportObj) {
    if !t.is_reading() {
        return;
    }
    let loop_obj = t.loop_value();
    let cb = t.read_cb.borrow().clone();
    loopio::add(vm, &loop_obj, t.id, Dir::Read, cb, vec![]);
}

fn add_writer(vm: &mut Vm, t: &TransportObj) {
    let loop_obj = t.loop_value();
    let cb = t.write_cb.borrow().clone();
    loopio::add(vm, &loop_obj, t.id, Dir::Write, cb, vec![]);
}

fn remove(t: &TransportObj, dir: Dir) {
    loopio::remove(&t.loop_value(), t.id, dir);
}

/// `loop.call_exception_handler({'message', 'exception', 'transport', 'protocol'})`.
pub fn report_exception(vm: &mut Vm, this: &Value, t: &TransportObj, message: &str, exc: &Exc) {
    let protocol = t.protocol.borrow().clone();
    let ctx = context(
        vm,
        vec![
            ("message", Value::str(message)),
            ("exception", Value::Obj(exc.clone())),
            ("transport", this.clone()),
            ("protocol", protocol),
        ],
    );
    if let Err(e) = call_exception_handler(vm, &t.loop_value(), ctx) {
        stash_fatal(t, e);
    }
}

/// `_fatal_error(exc, message)`: logs non-OSErrors, then force-closes.
pub fn fatal_error(vm: &mut Vm, this: &Value, t: &TransportObj, exc: Exc, message: &str) {
    if !exc.class.is_subclass(&vm.exc_class("OSError")) {
        report_exception(vm, this, t, message, &exc);
    }
    force_close(vm, this, t, Value::Obj(exc));
}

/// `_force_close(exc)`.
pub fn force_close(vm: &mut Vm, this: &Value, t: &TransportObj, exc: Value) {
    if t.conn_lost.get() > 0 {
        return;
    }
    // CPython's write() would have sent these already; failing, they force-close instead.
    send_unsent(vm, this, t);
    if t.conn_lost.get() > 0 {
        return;
    }
    if t.write_buffer_size() > 0 {
        clear_buffer(t);
        remove(t, Dir::Write);
    }
    if !t.closing.get() {
        t.closing.set(true);
        remove(t, Dir::Read);
    }
    t.conn_lost.set(t.conn_lost.get() + 1);
    schedule_connection_lost(vm, this, t, exc);
}

fn clear_buffer(t: &TransportObj) {
    match &t.kind {
        Kind::Stream { buffer, .. } => buffer.borrow_mut().clear(),
        Kind::Datagram { buffer, buffer_size, .. } => {
            buffer.borrow_mut().clear();
            buffer_size.set(0);
        }
    }
}

fn schedule_connection_lost(vm: &mut Vm, this: &Value, t: &TransportObj, exc: Value) {
    let loop_obj = t.loop_value();
    let Some(lp) = loop_of(&loop_obj) else { return };
    let f = classes(vm).call_connection_lost.clone();
    let cb = vm.bound_method(f, this.clone());
    call_soon(vm, lp, cb, vec![exc]);
}

/// `_call_connection_lost(exc)`: tells the protocol, closes the socket, drops references.
pub fn call_connection_lost(vm: &mut Vm, t: &TransportObj, exc: Value) -> PyResult<()> {
    let protocol = t.protocol.borrow().clone();
    let result = if t.protocol_connected.get() && !protocol.is_none() {
        call(vm, &protocol, "connection_lost", vec![exc]).map(|_| ())
    } else {
        Ok(())
    };
    let sock = std::mem::replace(&mut *t.sock.borrow_mut(), Value::None);
    if let Some(s) = socket_of(&sock) {
        s.close(vm);
    }
    *t.protocol.borrow_mut() = Value::None;
    // The cached route holds the reader, whose transport is this one: a cycle to break too.
    *t.feed_route.borrow_mut() = RouteCache::default();
    *t.loop_obj.borrow_mut() = Value::None;
    *t.read_cb.borrow_mut() = Value::None;
    *t.write_cb.borrow_mut() = Value::None;
    let server = std::mem::replace(&mut *t.server.borrow_mut(), Value::None);
    if !server.is_none() {
        call(vm, &server, "_detach", vec![])?;
    }
    result
}

/// `close()`.
pub fn close(vm: &mut Vm, this: &Value, t: &TransportObj) {
    send_unsent(vm, this, t);
    if t.closing.get() {
        return;
    }
    t.closing.set(true);
    remove(t, Dir::Read);
    if t.write_buffer_size() == 0 {
        t.conn_lost.set(t.conn_lost.get() + 1);
        remove(t, Dir::Write);
        schedule_connection_lost(vm, this, t, Value::None);
    }
}

/// `_maybe_pause_protocol()`.
pub fn maybe_pause_protocol(vm: &mut Vm, this: &Value, t: &TransportObj) {
    if t.write_buffer_size() <= t.high_water.get() || t.protocol_paused.get() {
        return;
    }
    t.protocol_paused.set(true);
    let protocol = t.protocol.borrow().clone();
    if let Err(e) = call(vm, &protocol, "pause_writing", vec![]) {
        protocol_callback_failed(vm, this, t, "protocol.pause_writing() failed", e);
    }
}

/// `_maybe_resume_protocol()`.
pub fn maybe_resume_protocol(vm: &mut Vm, this: &Value, t: &TransportObj) {
    if !t.protocol_paused.get() || t.write_buffer_size() > t.low_water.get() {
        return;
    }
    t.protocol_paused.set(false);
    let protocol = t.protocol.borrow().clone();
    if let Err(e) = call(vm, &protocol, "resume_writing", vec![]) {
        protocol_callback_failed(vm, this, t, "protocol.resume_writing() failed", e);
    }
}

fn protocol_callback_failed(vm: &mut Vm, this: &Value, t: &TransportObj, message: &str, e: Exc) {
    if is_fatal(vm, &e) {
        stash_fatal(t, e);
        return;
    }
    report_exception(vm, this, t, message, &e);
}

/// KeyboardInterrupt and SystemExit escape callbacks.
pub fn is_fatal(vm: &mut Vm, e: &Exc) -> bool {
    e.class.is_subclass(&vm.exc_class("KeyboardInterrupt"))
        || e.class.is_subclass(&vm.exc_class("SystemExit"))
}

/// Hands a KeyboardInterrupt/SystemExit to the loop, which re-raises it out of `run_forever`.
pub fn stash_fatal(t: &TransportObj, e: Exc) {
    if let Some(lp) = loop_of(&t.loop_value()) {
        *lp.fatal.borrow_mut() = Some(e);
    }
}

/// Runs a protocol callback; a failure becomes `_fatal_error(exc, message)`.
pub fn protocol_call(
    vm: &mut Vm,
    this: &Value,
    t: &TransportObj,
    name: &str,
    args: Vec<Value>,
    message: &str,
) -> Option<Value> {
    let protocol = t.protocol.borrow().clone();
    match call(vm, &protocol, name, args) {
        Ok(v) => Some(v),
        Err(e) if is_fatal(vm, &e) => {
            stash_fatal(t, e);
            None
        }
        Err(e) => {
            fatal_error(vm, this, t, e, message);
            None
        }
    }
}

// ---- the stream data path ----

/// `_read_ready__data_received`: one `recv` into the loop's buffer.
fn read_ready(vm: &mut Vm, this: &Value, t: &TransportObj) -> PyResult<()> {
    if t.conn_lost.get() > 0 {
        return Ok(());
    }
    let loop_obj = t.loop_value();
    let Some(lp) = loop_of(&loop_obj) else { return Ok(()) };
    // The buffer is taken out while the bytes are delivered, so no borrow is held across the
    // protocol's code; it goes back afterwards, keeping its allocation for the next recv.
    let mut buf = std::mem::take(&mut *lp.net.recv_buf.borrow_mut());
    if buf.len() < MAX_RECV {
        buf.resize(MAX_RECV, 0);
    }
    let received = lp.el.borrow_mut().reactor_mut().recv(t.id, &mut buf);
    match received {
        Ok(0) => on_eof(vm, this, t),
        Ok(n) => data_received(vm, this, t, &buf[..n]),
        Err(e) if would_block(&e) => {}
        Err(e) => {
            let exc = os_error(vm, &e);
            fatal_error(vm, this, t, exc, "Fatal read error on socket transport");
        }
    }
    *lp.net.recv_buf.borrow_mut() = buf;
    Ok(())
}

const DATA_RECEIVED_FAILED: &str = "Fatal error: protocol.data_received() call failed.";

/// `protocol.data_received(data)`, natively when the protocol is an unchanged
/// `StreamReaderProtocol` (no `bytes` object, no call).
fn data_received(vm: &mut Vm, this: &Value, t: &TransportObj, data: &[u8]) {
    let protocol = t.protocol.borrow().clone();
    let route = feed::route(vm, &t.feed_route, &protocol);
    match &route {
        Route::Drop => {}
        Route::Feed(_) => {
            let Some(reader) = feed::reader(&route) else { return };
            match reader.feed(vm, data) {
                Ok(()) => {}
                Err(e) if is_fatal(vm, &e) => stash_fatal(t, e),
                Err(e) => fatal_error(vm, this, t, e, DATA_RECEIVED_FAILED),
            }
        }
        Route::Call => {
            let data = vm.new_bytes(data.to_vec());
            protocol_call(vm, this, t, "data_received", vec![data], DATA_RECEIVED_FAILED);
        }
    }
}

fn would_block(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted)
}

/// `_read_ready__on_eof`.
fn on_eof(vm: &mut Vm, this: &Value, t: &TransportObj) {
    let Some(keep_open) = protocol_call(
        vm,
        this,
        t,
        "eof_received",
        vec![],
        "Fatal error: protocol.eof_received() call failed.",
    ) else {
        return;
    };
    if vm.truthy(&keep_open).unwrap_or(false) {
        remove(t, Dir::Read);
    } else {
        close(vm, this, t);
    }
}

/// Zero-copy view of `bytes`; a copy for `bytearray` and `memoryview`; `None` for anything
/// else (and for a released memoryview).
fn bytes_like(v: &Value) -> Option<std::borrow::Cow<'_, [u8]>> {
    match v.payload()? {
        Payload::Bytes(b) => Some(std::borrow::Cow::Borrowed(b)),
        Payload::ByteArray(b) => Some(std::borrow::Cow::Owned(b.borrow().clone())),
        Payload::MemoryView(m) if !m.released.get() => Some(std::borrow::Cow::Owned(m.to_vec())),
        _ => None,
    }
}

fn type_error_bytes(vm: &mut Vm, v: &Value) -> Exc {
    let t = vm.type_name(v);
    vm.new_error("TypeError", &format!("data argument must be a bytes-like object, not '{t}'"))
}

/// `write(data)`.
pub fn write(vm: &mut Vm, this: &Value, t: &TransportObj, v: &Value) -> PyResult<()> {
    let Some(data) = bytes_like(v) else { return Err(type_error_bytes(vm, v)) };
    let Kind::Stream { eof, buffer, unsent } = &t.kind else {
        return Err(vm.new_error("NotImplementedError", ""));
    };
    if eof.get() {
        return Err(vm.new_error("RuntimeError", "Cannot call write() after write_eof()"));
    }
    if data.is_empty() {
        return Ok(());
    }
    if t.conn_lost.get() > 0 {
        if t.conn_lost.get() >= LOG_THRESHOLD_FOR_CONNLOST_WRITES {
            vm.write_stderr("socket.send() raised exception.\n");
        }
        t.conn_lost.set(t.conn_lost.get() + 1);
        return Ok(());
    }
    let mut rest: &[u8] = &data;
    if buffer.borrow().is_empty() {
        if hold(this, t, unsent, &data) {
            return Ok(());
        }
        if !unsent.borrow().is_empty() {
            // Past the coalescing limit: what is held goes first, then this write, held
            // again if it fits now (one level deep: nothing is held any more).
            send_unsent(vm, this, t);
            return write(vm, this, t, v);
        }
        let sent = send_some(vm, t, rest);
        match sent {
            Ok(n) => {
                rest = &rest[n..];
                if rest.is_empty() {
                    return Ok(());
                }
            }
            Err(exc) => {
                fatal_error(vm, this, t, exc, "Fatal write error on socket transport");
                return Ok(());
            }
        }
        add_writer(vm, t);
    }
    buffer.borrow_mut().extend(rest);
    maybe_pause_protocol(vm, this, t);
    Ok(())
}

/// Holds `data` back until the loop next polls, if the loop is running and what is held stays
/// within [`COALESCE_LIMIT`]; false when the caller must send now.
fn hold(this: &Value, t: &TransportObj, unsent: &RefCell<Vec<u8>>, data: &[u8]) -> bool {
    let mut held = unsent.borrow_mut();
    if held.len() + data.len() > COALESCE_LIMIT {
        return false;
    }
    let loop_obj = t.loop_obj.borrow();
    let Some(lp) = loop_of(&loop_obj) else { return false };
    if !lp.running.get() {
        return false; // nobody would send it soon
    }
    if held.is_empty() {
        lp.net.unsent.borrow_mut().push(this.clone());
    }
    held.extend_from_slice(data);
    true
}

/// Sends the bytes a stream transport holds back ([`super::coalesce`]): what the kernel does
/// not take goes to the write buffer, as the rest of a `write()` would; a failure is the
/// write's fatal error.
pub fn send_unsent(vm: &mut Vm, this: &Value, t: &TransportObj) {
    let Kind::Stream { buffer, unsent, .. } = &t.kind else { return };
    if unsent.borrow().is_empty() {
        return;
    }
    // Taken out first: a fatal error below force-closes the transport, which sends what is
    // held, and must find nothing.
    let mut held = std::mem::take(&mut *unsent.borrow_mut());
    if t.conn_lost.get() == 0 {
        let sent = send_some(vm, t, &held);
        match sent {
            Ok(n) if n >= held.len() => {}
            Ok(n) => {
                buffer.borrow_mut().extend(&held[n..]);
                add_writer(vm, t);
                maybe_pause_protocol(vm, this, t);
            }
            Err(exc) => fatal_error(vm, this, t, exc, "Fatal write error on socket transport"),
        }
    }
    held.clear();
    let mut slot = unsent.borrow_mut();
    if slot.capacity() == 0 {
        *slot = held; // keep the allocation for the next iteration's writes
    }
}

/// One `send` of `data` on the transport's socket: how many bytes the kernel took (0 when it
/// would block).
fn send_some(vm: &mut Vm, t: &TransportObj, data: &[u8]) -> PyResult<usize> {
    let loop_obj = t.loop_value();
    with_reactor(vm, &loop_obj, |r| match r.send(t.id, data) {
        Err(e) if would_block(&e) => Ok(0),
        other => other,
    })
}

/// `_write_ready`: sends from the buffer.
fn write_ready(vm: &mut Vm, this: &Value, t: &TransportObj) -> PyResult<()> {
    let Kind::Stream { eof, buffer, .. } = &t.kind else { return Ok(()) };
    if t.conn_lost.get() > 0 {
        return Ok(());
    }
    let sent = send_some(vm, t, buffer.borrow().pending());
    match sent {
        Err(exc) => {
            remove(t, Dir::Write);
            buffer.borrow_mut().clear();
            fatal_error(vm, this, t, exc, "Fatal write error on socket transport");
        }
        Ok(n) => {
            buffer.borrow_mut().consume(n);
            maybe_resume_protocol(vm, this, t);
            if buffer.borrow().is_empty() {
                remove(t, Dir::Write);
                if t.closing.get() {
                    call_connection_lost(vm, t, Value::None)?;
                } else if eof.get() {
                    shutdown_write(vm, t)?;
                }
            }
        }
    }
    Ok(())
}

fn shutdown_write(vm: &mut Vm, t: &TransportObj) -> PyResult<()> {
    let loop_obj = t.loop_value();
    with_reactor(vm, &loop_obj, |r| r.shutdown(t.id, Shutdown::Write))
}

// ---- native methods ----

/// `_read_ready()` of a stream transport.
pub fn m_read_ready(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    read_ready(vm, v, t)?;
    Ok(Value::None)
}

/// `_write_ready()` of a stream transport.
pub fn m_write_ready(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    write_ready(vm, v, t)?;
    Ok(Value::None)
}

/// `_add_reader()` as scheduled by the constructor.
pub fn m_add_reader_cb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    add_reader(vm, t);
    Ok(Value::None)
}

/// `_call_connection_lost(exc)`.
pub fn m_call_connection_lost(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    let exc = args.pos.get(1).cloned().unwrap_or(Value::None);
    call_connection_lost(vm, t, exc)?;
    Ok(Value::None)
}

/// `write(data)`.
pub fn m_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    let data = args.pos.get(1).cloned().unwrap_or(Value::None);
    write(vm, v, t, &data)?;
    Ok(Value::None)
}

/// `writelines(list_of_data)`: `write(b''.join(list_of_data))`.
pub fn m_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    let items = vm.collect(args.pos.get(1).unwrap_or(&Value::None))?;
    let mut joined = Vec::new();
    for item in &items {
        match bytes_like(item) {
            Some(b) => joined.extend_from_slice(&b),
            None => {
                let tn = vm.type_name(item);
                return Err(vm.new_error(
                    "TypeError",
                    &format!("sequence item 0: expected a bytes-like object, {tn} found"),
                ));
            }
        }
    }
    let data = vm.new_bytes(joined);
    write(vm, v, t, &data)?;
    Ok(Value::None)
}

/// `write_eof()`.
pub fn m_write_eof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    let Kind::Stream { eof, buffer, .. } = &t.kind else {
        return Err(vm.new_error("NotImplementedError", ""));
    };
    if t.closing.get() || eof.get() {
        return Ok(Value::None);
    }
    send_unsent(vm, v, t);
    eof.set(true);
    if buffer.borrow().is_empty() {
        shutdown_write(vm, t)?;
    }
    Ok(Value::None)
}

/// `can_write_eof()`.
pub fn m_can_write_eof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    Ok(Value::Bool(matches!(t.kind, Kind::Stream { .. })))
}

/// `close()`.
pub fn m_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    close(vm, v, t);
    Ok(Value::None)
}

/// `abort()`.
pub fn m_abort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    force_close(vm, v, t, Value::None);
    Ok(Value::None)
}

/// `is_closing()`.
pub fn m_is_closing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    Ok(Value::Bool(t.closing.get()))
}

/// `is_reading()`.
pub fn m_is_reading(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    Ok(Value::Bool(t.is_reading()))
}

/// `pause_reading()`.
pub fn m_pause_reading(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    if t.is_reading() {
        t.paused.set(true);
        remove(t, Dir::Read);
    }
    Ok(Value::None)
}

/// `resume_reading()`.
pub fn m_resume_reading(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    if t.closing.get() || !t.paused.get() {
        return Ok(Value::None);
    }
    t.paused.set(false);
    add_reader(vm, t);
    Ok(Value::None)
}

/// `get_write_buffer_size()`.
pub fn m_get_write_buffer_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    Ok(Value::Int(t.write_buffer_size() as i64))
}

/// `get_write_buffer_limits()`: `(low, high)`.
pub fn m_get_write_buffer_limits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    Ok(Value::tuple(vec![Value::Int(t.low_water.get() as i64), Value::Int(t.high_water.get() as i64)]))
}

fn opt_int(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => vm.index_of(v).map(Some),
    }
}

/// `set_write_buffer_limits(high=None, low=None)`.
pub fn m_set_write_buffer_limits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    let high = opt_int(vm, crate::builtins::opt_arg(&args, 1, "high"))?;
    let low = opt_int(vm, crate::builtins::opt_arg(&args, 2, "low"))?;
    let high = match (high, low) {
        (Some(h), _) => h,
        (None, None) => DEFAULT_HIGH_WATER as i64,
        (None, Some(l)) => 4 * l,
    };
    let low = low.unwrap_or(high / 4);
    if !(high >= low && low >= 0) {
        return Err(vm.new_error("ValueError", &format!("high ({high}) must be >= low ({low}) must be >= 0")));
    }
    t.high_water.set(high as usize);
    t.low_water.set(low as usize);
    maybe_pause_protocol(vm, v, t);
    Ok(Value::None)
}

/// `get_extra_info(name, default=None)`.
pub fn m_get_extra_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    let name = match crate::builtins::opt_arg(&args, 1, "name") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => vm.str_of(other)?,
        None => {
            return Err(
                vm.new_error("TypeError", "get_extra_info() missing 1 required positional argument: 'name'")
            )
        }
    };
    let default = crate::builtins::opt_arg(&args, 2, "default").cloned().unwrap_or(Value::None);
    Ok(t.extra(&name).unwrap_or(default))
}

/// `get_protocol()`.
pub fn m_get_protocol(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    Ok(t.protocol.borrow().clone())
}

/// `set_protocol(protocol)`.
pub fn m_set_protocol(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _) = this(vm, &args)?;
    *t.protocol.borrow_mut() = args.pos.get(1).cloned().unwrap_or(Value::None);
    *t.feed_route.borrow_mut() = RouteCache::default();
    t.protocol_connected.set(true);
    Ok(Value::None)
}

fn ctor_args(vm: &mut Vm, args: &Args, names: &[&str]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        out.push(crate::builtins::opt_arg(args, i, name).cloned().unwrap_or(Value::None));
    }
    if out.iter().take(3).any(Value::is_none) {
        return Err(vm.new_error("TypeError", "transport needs a loop, a socket and a protocol"));
    }
    Ok(out)
}

/// `_net.SocketTransport(loop, sock, protocol, waiter=None, extra=None, server=None)`.
pub fn new_stream_transport(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ctor_args(vm, &args, &["loop", "sock", "protocol", "waiter", "extra", "server"])?;
    let n = NewTransport {
        loop_obj: a[0].clone(),
        sock: a[1].clone(),
        protocol: a[2].clone(),
        waiter: a[3].clone(),
        extra: a[4].clone(),
        server: a[5].clone(),
    };
    let kind = Kind::Stream {
        eof: Cell::new(false),
        buffer: RefCell::new(WriteBuf::default()),
        unsent: RefCell::new(Vec::new()),
    };
    create(vm, n, kind)
}
