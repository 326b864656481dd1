//! OS errors as CPython raises them: `io::Error` -> the OSError subclass for its errno, with
//! `(errno, strerror)` arguments so that `str(e)` is `[Errno N] strerror`; and
//! `socket.gaierror` for name-resolution failures.

use std::io;
use std::rc::Rc;

use crate::vm::object::Class;
use crate::vm::{Exc, Value, Vm};

/// `EBADF`: what CPython reports for an operation on a closed socket.
pub const EBADF: i32 = 9;
/// `EAGAIN`.
pub const EAGAIN: i32 = 11;

/// The C library's message for `errno` (what CPython puts in `strerror`).
pub fn strerror(errno: i32) -> String {
    io_strerror(&io::Error::from_raw_os_error(errno))
}

/// An I/O error's message as CPython prints it: the C library's text alone.
pub fn io_strerror(e: &io::Error) -> String {
    let text = e.to_string();
    // Rust appends " (os error N)" to the C library's text.
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// An OSError (or the subclass CPython picks for `errno`) with `(errno, msg)` arguments.
pub fn errno_error(vm: &mut Vm, errno: i32, msg: &str) -> Exc {
    let name = crate::vm::exceptions::errno_subclass(i64::from(errno)).unwrap_or("OSError");
    let cls = vm.exc_class(name);
    let e = vm.new_os_error(&cls, vec![Value::Int(i64::from(errno)), Value::str(msg)]);
    vm.set_context(&e);
    e
}

/// The Python exception for an I/O error.
pub fn os_error(vm: &mut Vm, e: &io::Error) -> Exc {
    if let Some(errno) = e.raw_os_error() {
        return errno_error(vm, errno, &strerror(errno));
    }
    match e.kind() {
        io::ErrorKind::WouldBlock => errno_error(vm, EAGAIN, &strerror(EAGAIN)),
        // The reactor's "socket is closed" for a stale source.
        io::ErrorKind::NotConnected => errno_error(vm, EBADF, &strerror(EBADF)),
        _ => vm.new_error("OSError", &e.to_string()),
    }
}

/// `socket.gaierror(code, message)`.
pub fn gai_error(vm: &mut Vm, gaierror: &Rc<Class>, code: i32, msg: &str) -> Exc {
    let e = vm.new_exception(gaierror, vec![Value::Int(i64::from(code)), Value::str(msg)]);
    vm.set_context(&e);
    e
}

/// glibc's `EAI_*` code for a `gai_strerror` message (std reports only the message).
pub fn gai_code(message: &str) -> i32 {
    const CODES: &[(&str, i32)] = &[
        ("Name or service not known", -2),
        ("Temporary failure in name resolution", -3),
        ("Non-recoverable failure in name resolution", -4),
        ("No address associated with hostname", -5),
        ("ai_family not supported", -6),
        ("ai_socktype not supported", -7),
        ("Servname not supported for ai_socktype", -8),
        ("Memory allocation failure", -10),
        ("System error", -11),
    ];
    CODES.iter().find(|(text, _)| message.contains(text)).map_or(-2, |(_, code)| *code)
}

/// The message part of std's lookup error ("failed to lookup address information: MSG").
pub fn gai_message(e: &io::Error) -> String {
    let text = e.to_string();
    match text.split_once(": ") {
        Some((_, msg)) => msg.to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strerror_is_the_c_library_text() {
        assert_eq!(strerror(111), "Connection refused");
        assert_eq!(strerror(98), "Address already in use");
    }

    #[test]
    fn gai_codes_follow_glibc() {
        assert_eq!(gai_code("Name or service not known"), -2);
        assert_eq!(gai_code("Temporary failure in name resolution"), -3);
        assert_eq!(gai_code("something new"), -2);
    }
}
