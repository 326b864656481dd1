//! The datagram transport's I/O (`_SelectorDatagramTransport`): one `recvfrom` per readiness,
//! `sendto` that sends at once when nothing is queued, and a queue of `(data, addr)` flushed
//! when the socket turns writable. OS errors on a datagram socket (e.g. ICMP port unreachable
//! as ConnectionRefusedError) go to `protocol.error_received(exc)` and do not close it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io;
use std::net::SocketAddr;

use super::addr::{inet_to_py, py_to_inet};
use super::errors::os_error;
use super::io::{self as loopio, Dir};
use super::sock::socket_of;
use super::transport::{
    call_connection_lost, create, fatal_error, is_fatal, maybe_pause_protocol, maybe_resume_protocol,
    stash_fatal, transport_of, Kind, NewTransport, TransportObj,
};
use super::MAX_RECV;
use crate::asyncio::event_loop::loop_of;
use crate::vm::object::{Args, Payload};
use crate::vm::{Exc, PyResult, Value, Vm};

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(&'a TransportObj, &'a Value)> {
    match args.pos.first() {
        Some(v) => match transport_of(v) {
            Some(t) => Ok((t, v)),
            None => Err(vm.new_error("TypeError", "descriptor requires a transport")),
        },
        None => Err(vm.new_error("TypeError", "descriptor requires a transport")),
    }
}

/// `protocol.error_received(exc)`; its own failure is logged as CPython's handle would.
fn error_received(vm: &mut Vm, this: &Value, t: &TransportObj, exc: Exc) {
    let protocol = t.protocol.borrow().clone();
    if let Err(e) = vm.call_method(&protocol, "error_received", vec![Value::Obj(exc)]) {
        if is_fatal(vm, &e) {
            stash_fatal(t, e);
        } else {
            super::transport::report_exception(vm, this, t, "Exception in callback", &e);
        }
    }
}

fn would_block(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted)
}

/// `_read_ready`: one datagram.
fn read_ready(vm: &mut Vm, this: &Value, t: &TransportObj) {
    if t.conn_lost.get() > 0 {
        return;
    }
    let loop_obj = t.loop_value();
    let Some(lp) = loop_of(&loop_obj) else { return };
    let received = {
        let mut buf = lp.net.recv_buf.borrow_mut();
        if buf.len() < MAX_RECV {
            buf.resize(MAX_RECV, 0);
        }
        let got = lp.el.borrow_mut().reactor_mut().recv_from(t.id, &mut buf);
        got.map(|(n, from)| (buf[..n].to_vec(), from))
    };
    match received {
        Ok((data, from)) => {
            let data = vm.new_bytes(data);
            let protocol = t.protocol.borrow().clone();
            if let Err(e) = vm.call_method(&protocol, "datagram_received", vec![data, inet_to_py(&from)]) {
                if is_fatal(vm, &e) {
                    stash_fatal(t, e);
                } else {
                    fatal_error(vm, this, t, e, "Fatal read error on datagram transport");
                }
            }
        }
        Err(e) if would_block(&e) => {}
        Err(e) => {
            let exc = os_error(vm, &e);
            error_received(vm, this, t, exc);
        }
    }
}

/// Sends one datagram (to the connected peer when `to` is None).
fn send_one(vm: &mut Vm, t: &TransportObj, data: &[u8], to: Option<SocketAddr>) -> Result<usize, io::Error> {
    let loop_obj = t.loop_value();
    let Some(lp) = loop_of(&loop_obj) else {
        return Err(io::Error::from_raw_os_error(super::errors::EBADF));
    };
    let _ = vm;
    let mut el = lp.el.borrow_mut();
    let r = el.reactor_mut();
    match to {
        Some(addr) => r.send_to(t.id, data, addr),
        None => r.send(t.id, data),
    }
}

/// `sendto(data, addr=None)`.
fn sendto(
    vm: &mut Vm,
    this: &Value,
    t: &TransportObj,
    data: &[u8],
    addr: Option<SocketAddr>,
) -> PyResult<()> {
    let Kind::Datagram { address, buffer, buffer_size } = &t.kind else { return Ok(()) };
    if data.is_empty() {
        return Ok(());
    }
    let target = match (address, addr) {
        (Some(a), Some(b)) if *a != b => {
            let shown = show(vm, a);
            return Err(vm.new_error("ValueError", &format!("Invalid address: must be None or {shown}")));
        }
        (Some(_), _) => None,
        (None, b) => b,
    };
    if t.conn_lost.get() > 0 && address.is_some() {
        t.conn_lost.set(t.conn_lost.get() + 1);
        return Ok(());
    }
    if buffer.borrow().is_empty() {
        match send_one(vm, t, data, target) {
            Ok(_) => return Ok(()),
            Err(e) if would_block(&e) => {
                let cb = t.write_cb.borrow().clone();
                loopio::add(vm, &t.loop_value(), t.id, Dir::Write, cb, vec![]);
            }
            Err(e) => {
                let exc = os_error(vm, &e);
                error_received(vm, this, t, exc);
                return Ok(());
            }
        }
    }
    buffer.borrow_mut().push_back((data.to_vec(), target));
    buffer_size.set(buffer_size.get() + data.len());
    maybe_pause_protocol(vm, this, t);
    Ok(())
}

fn show(vm: &mut Vm, a: &SocketAddr) -> String {
    vm.repr(&inet_to_py(a)).unwrap_or_default()
}

/// `_sendto_ready`: flushes the queue.
fn sendto_ready(vm: &mut Vm, this: &Value, t: &TransportObj) -> PyResult<()> {
    let Kind::Datagram { buffer, buffer_size, .. } = &t.kind else { return Ok(()) };
    loop {
        let Some((data, to)) = buffer.borrow_mut().pop_front() else { break };
        buffer_size.set(buffer_size.get() - data.len());
        match send_one(vm, t, &data, to) {
            Ok(_) => {}
            Err(e) if would_block(&e) => {
                buffer_size.set(buffer_size.get() + data.len());
                buffer.borrow_mut().push_front((data, to));
                break;
            }
            Err(e) => {
                let exc = os_error(vm, &e);
                error_received(vm, this, t, exc);
                return Ok(());
            }
        }
    }
    maybe_resume_protocol(vm, this, t);
    if buffer.borrow().is_empty() {
        loopio::remove(&t.loop_value(), t.id, Dir::Write);
        if t.closing.get() {
            call_connection_lost(vm, t, Value::None)?;
        }
    }
    Ok(())
}

/// `_read_ready()` of a datagram transport.
pub fn m_read_ready(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    read_ready(vm, v, t);
    Ok(Value::None)
}

/// `_sendto_ready()`.
pub fn m_write_ready(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    sendto_ready(vm, v, t)?;
    Ok(Value::None)
}

/// `sendto(data, addr=None)`.
pub fn m_sendto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, v) = this(vm, &args)?;
    let data = args.pos.get(1).cloned().unwrap_or(Value::None);
    let bytes = match data.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        Some(Payload::MemoryView(m)) if !m.released.get() => m.to_vec(),
        _ => {
            let tn = vm.type_name(&data);
            return Err(
                vm.new_error("TypeError", &format!("data argument must be a bytes-like object, not '{tn}'"))
            );
        }
    };
    let addr = match crate::builtins::opt_arg(&args, 2, "addr") {
        None | Some(Value::None) => None,
        Some(a) => {
            let family = t.sock.borrow().clone();
            let family = socket_of(&family).map_or(super::addr::AF_INET, |s| s.family);
            Some(py_to_inet(vm, a, family, "sendto")?)
        }
    };
    sendto(vm, v, t, &bytes, addr)?;
    Ok(Value::None)
}

/// `_net.DatagramTransport(loop, sock, protocol, address=None, waiter=None, extra=None)`.
pub fn new_datagram_transport(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let get = |i: usize, name: &str| crate::builtins::opt_arg(&args, i, name).cloned().unwrap_or(Value::None);
    let (loop_obj, sock, protocol) = (get(0, "loop"), get(1, "sock"), get(2, "protocol"));
    let (address, waiter, extra) = (get(3, "address"), get(4, "waiter"), get(5, "extra"));
    let family = socket_of(&sock).map_or(super::addr::AF_INET, |s| s.family);
    let address = if address.is_none() { None } else { Some(py_to_inet(vm, &address, family, "connect")?) };
    let n = NewTransport { loop_obj, sock, protocol, waiter, extra, server: Value::None };
    let kind = Kind::Datagram { address, buffer: RefCell::new(VecDeque::new()), buffer_size: Cell::new(0) };
    create(vm, n, kind)
}
