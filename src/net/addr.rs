//! Socket addresses between Rust and scripts, in CPython's shapes: `(host, port)` for IPv4,
//! `(host, port, flowinfo, scope_id)` for IPv6, a path string for Unix-domain sockets (`''`
//! when unnamed).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6, ToSocketAddrs};
use std::path::PathBuf;

use crate::runtime::reactor::PeerAddr;
use crate::vm::{PyResult, Value, Vm};

/// `AF_UNIX`.
pub const AF_UNIX: i32 = 1;
/// `AF_INET`.
pub const AF_INET: i32 = 2;
/// `AF_INET6`.
pub const AF_INET6: i32 = 10;

/// An IP socket address as a Python tuple.
pub fn inet_to_py(a: &SocketAddr) -> Value {
    match a {
        SocketAddr::V4(v4) => {
            Value::tuple(vec![Value::string(v4.ip().to_string()), Value::Int(i64::from(v4.port()))])
        }
        SocketAddr::V6(v6) => Value::tuple(vec![
            Value::string(v6.ip().to_string()),
            Value::Int(i64::from(v6.port())),
            Value::Int(i64::from(v6.flowinfo())),
            Value::Int(i64::from(v6.scope_id())),
        ]),
    }
}

/// A reactor address as a Python value.
pub fn peer_to_py(p: &PeerAddr) -> Value {
    match p {
        PeerAddr::Inet(a) => inet_to_py(a),
        #[cfg(unix)]
        PeerAddr::Unix(path) => {
            Value::string(path.as_ref().map(|p| p.display().to_string()).unwrap_or_default())
        }
    }
}

/// A socket2 address as a Python value.
pub fn sockaddr_to_py(a: &socket2::SockAddr) -> Value {
    if let Some(inet) = a.as_socket() {
        return inet_to_py(&inet);
    }
    match a.as_pathname() {
        Some(p) => Value::string(p.display().to_string()),
        None => Value::str(""),
    }
}

/// Parses a Python address for `family` into a socket2 address. Host names other than
/// numeric addresses, `''` and `'<broadcast>'` are resolved here, blocking, as CPython's
/// socket methods do (the event loop resolves them on the thread pool before this).
pub fn py_to_sockaddr(vm: &mut Vm, v: &Value, family: i32, what: &str) -> PyResult<socket2::SockAddr> {
    if family == AF_UNIX {
        let path = py_to_path(vm, v)?;
        return socket2::SockAddr::unix(path).map_err(|e| super::errors::os_error(vm, &e));
    }
    Ok(socket2::SockAddr::from(py_to_inet(vm, v, family, what)?))
}

/// Parses `(host, port)` (or the 4-tuple for IPv6).
pub fn py_to_inet(vm: &mut Vm, v: &Value, family: i32, what: &str) -> PyResult<SocketAddr> {
    let family_name = if family == AF_INET6 { "AF_INET6" } else { "AF_INET" };
    let items = match v {
        Value::Tuple(t) => t.items.to_vec(),
        _ => {
            let t = vm.type_name(v);
            return Err(
                vm.new_error("TypeError", &format!("{what}(): {family_name} address must be tuple, not {t}"))
            );
        }
    };
    let pair_ok = if family == AF_INET6 { (2..=4).contains(&items.len()) } else { items.len() == 2 };
    if !pair_ok {
        let msg = if family == AF_INET6 {
            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
        } else {
            "AF_INET address must be a pair (host, port)"
        };
        return Err(vm.new_error("TypeError", msg));
    }
    let host = match &items[0] {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            let t = vm.type_name(other);
            return Err(vm.new_error("TypeError", &format!("str, bytes or bytearray expected, not {t}")));
        }
    };
    let port = match &items[1] {
        Value::Int(p) => *p,
        other => {
            let t = vm.type_name(other);
            return Err(
                vm.new_error("TypeError", &format!("'{t}' object cannot be interpreted as an integer"))
            );
        }
    };
    let Ok(port) = u16::try_from(port) else {
        return Err(vm.new_error("OverflowError", &format!("{what}(): port must be 0-65535.")));
    };
    let ip = resolve_host(vm, &host, port, family)?;
    Ok(match ip {
        IpAddr::V6(v6) => {
            let flow = match items.get(2) {
                Some(Value::Int(f)) => *f as u32,
                _ => 0,
            };
            let scope = match items.get(3) {
                Some(Value::Int(s)) => *s as u32,
                _ => 0,
            };
            SocketAddr::V6(SocketAddrV6::new(v6, port, flow, scope))
        }
        ip => SocketAddr::new(ip, port),
    })
}

/// A numeric host, `''` (any address) or `'<broadcast>'`; anything else is looked up.
fn resolve_host(vm: &mut Vm, host: &str, port: u16, family: i32) -> PyResult<IpAddr> {
    let v6 = family == AF_INET6;
    match host {
        "" => {
            return Ok(if v6 { IpAddr::V6(Ipv6Addr::UNSPECIFIED) } else { IpAddr::V4(Ipv4Addr::UNSPECIFIED) })
        }
        "<broadcast>" if !v6 => return Ok(IpAddr::V4(Ipv4Addr::BROADCAST)),
        _ => {}
    }
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(ip);
    }
    let found = (host, port).to_socket_addrs().map_err(|e| {
        let gaierror = super::module::classes(vm).gaierror.clone();
        let msg = super::errors::gai_message(&e);
        super::errors::gai_error(vm, &gaierror, super::errors::gai_code(&msg), &msg)
    })?;
    let mut found = found.filter(|a| a.is_ipv6() == v6);
    match found.next() {
        Some(a) => Ok(a.ip()),
        None => {
            let gaierror = super::module::classes(vm).gaierror.clone();
            Err(super::errors::gai_error(vm, &gaierror, -9, "Address family for hostname not supported"))
        }
    }
}

/// A Unix-domain socket path from `str` or `bytes`.
pub fn py_to_path(vm: &mut Vm, v: &Value) -> PyResult<PathBuf> {
    if let Value::Str(s) = v {
        return Ok(PathBuf::from(s.as_str()));
    }
    #[cfg(unix)]
    if let Some(b) = vm.bytes_of(v) {
        use std::os::unix::ffi::OsStrExt;
        return Ok(PathBuf::from(std::ffi::OsStr::from_bytes(&b)));
    }
    let t = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{t}'")))
}
