//! Child processes, the native half of `asyncio.subprocess` (`stdlib/asyncio/subprocess.py`).
//!
//! `_net.spawn` starts a program with `std::process::Command`. Each stream the script asks to
//! pipe is one end of a Unix stream socket pair; the other end comes back as a raw socket that
//! the Python layer hands to `loop.create_connection(sock=...)`, so the stream transport, the
//! native StreamReader and StreamWriter read and write it unchanged (the child sees a socket
//! where CPython gives it a pipe: reads, writes, EOF and `EPIPE` behave the same).
//!
//! The child's exit is waited for by a thread of its own that blocks in `waitpid` and posts the
//! status to the loop's inbox, as CPython 3.11's default `ThreadedChildWatcher` does: no
//! signal handler is installed, and every child is reaped. Its future's result is the
//! `returncode` (negative: the signal that killed it).
//!
//! Invariants: every descriptor is close-on-exec (std makes them so), so a child inherits only
//! its three standard streams; spawning requires the `process` capability.

use std::ffi::OsString;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

use socket2::{Domain, Socket, Type};

use super::errors::os_error;
use super::jobs;
use super::sock::{new_socket_value, SocketObj};
use crate::asyncio::future::new_future;
use crate::vm::limits::Capability;
use crate::vm::object::Args;
use crate::vm::{PyResult, Value, Vm};

/// `subprocess.PIPE`.
const PIPE: i64 = -1;
/// `subprocess.STDOUT`: stderr goes where stdout goes.
const STDOUT: i64 = -2;
/// `subprocess.DEVNULL`.
const DEVNULL: i64 = -3;
/// `AF_UNIX`, `SOCK_STREAM`: what the parent's ends are.
const AF_UNIX: i32 = 1;
const SOCK_STREAM: i32 = 1;

/// What one standard stream of the child is.
pub(crate) enum Spec {
    Inherit,
    Pipe,
    Stdout,
    Null,
}

impl Spec {
    /// The `stdin`/`stdout`/`stderr` argument `v` of a spawn.
    pub(crate) fn parse(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Spec> {
        match v {
            Value::None => Ok(Spec::Inherit),
            Value::Int(PIPE) => Ok(Spec::Pipe),
            Value::Int(DEVNULL) => Ok(Spec::Null),
            Value::Int(STDOUT) if name == "stderr" => Ok(Spec::Stdout),
            _ => {
                let msg = format!("{name}: only PIPE, DEVNULL, None (and STDOUT for stderr) are supported");
                Err(vm.new_error("ValueError", &msg))
            }
        }
    }
}

/// A `str` or `bytes` argument as an OS string.
fn os_arg(vm: &mut Vm, v: &Value) -> PyResult<OsString> {
    if let Value::Str(s) = v {
        return Ok(OsString::from(s.as_str()));
    }
    if let Some(b) = vm.bytes_of(v) {
        return Ok(OsString::from_vec(b));
    }
    let t = vm.type_name(v);
    Err(vm.new_error("TypeError", &format!("expected str, bytes or os.PathLike object, not {t}")))
}

/// A new pipe: the child's end and the parent's end as a socket value.
fn pipe(vm: &mut Vm) -> PyResult<(OwnedFd, Value)> {
    let (parent, child) = Socket::pair(Domain::UNIX, Type::STREAM, None).map_err(|e| os_error(vm, &e))?;
    let parent = new_socket_value(vm, SocketObj::from_raw(parent, AF_UNIX, SOCK_STREAM, 0));
    Ok((OwnedFd::from(child), parent))
}

/// One stream of the child: its descriptor, and the parent's end when it is a pipe.
struct Stream {
    child: Option<OwnedFd>,
    parent: Option<Value>,
}

impl Stream {
    fn new(vm: &mut Vm, spec: &Spec) -> PyResult<Stream> {
        if let Spec::Pipe = spec {
            let (child, parent) = pipe(vm)?;
            return Ok(Stream { child: Some(child), parent: Some(parent) });
        }
        Ok(Stream { child: None, parent: None })
    }

    /// What the child gets: the pipe's end, or what `spec` says.
    fn stdio(&mut self, spec: &Spec) -> Stdio {
        match (self.child.take(), spec) {
            (Some(fd), _) => Stdio::from(fd),
            (None, Spec::Null) => Stdio::null(),
            _ => Stdio::inherit(),
        }
    }
}

/// `_net.spawn(loop, argv, cwd, env, stdin, stdout, stderr)`: starts `argv` (str or bytes
/// items; `env` None or a flat list `[k1, v1, ...]`) and returns `(pid, stdin, stdout, stderr,
/// exit_future)`, each stream the parent's socket end or None.
pub fn spawn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.require(Capability::Process, "subprocess")?;
    let [loop_obj, argv, cwd, env, i, o, e] = args.pos else {
        return Err(vm.new_error("TypeError", "spawn() takes 7 arguments"));
    };
    let (mut cmd, blame) = command(vm, argv, cwd, env)?;
    let (si, so, se) =
        (Spec::parse(vm, i, "stdin")?, Spec::parse(vm, o, "stdout")?, Spec::parse(vm, e, "stderr")?);
    let mut sin = Stream::new(vm, &si)?;
    let mut sout = Stream::new(vm, &so)?;
    let mut serr = Stream::new(vm, &se)?;
    if let Spec::Stdout = se {
        // stderr=STDOUT: a second descriptor of whatever stdout is.
        serr.child = match &sout.child {
            Some(fd) => Some(fd.try_clone().map_err(|err| os_error(vm, &err))?),
            None => None,
        };
    }
    let err_spec = if let Spec::Stdout = se { &so } else { &se };
    cmd.stdin(sin.stdio(&si)).stdout(sout.stdio(&so)).stderr(serr.stdio(err_spec));
    let child = cmd.spawn().map_err(|err| spawn_error(vm, &err, &blame))?;
    // The child's ends are closed here, so the parent sees EOF when the child exits.
    drop(cmd);
    let pid = i64::from(child.id());
    let fut = exit_future(vm, loop_obj, child)?;
    let or_none = |v: Option<Value>| v.unwrap_or(Value::None);
    Ok(Value::tuple(vec![
        Value::Int(pid),
        or_none(sin.parent),
        or_none(sout.parent),
        or_none(serr.parent),
        fut,
    ]))
}

/// The command for `argv` (str or bytes items), run in `cwd` (None: here) with `env` (None:
/// this process's; else a flat list `[k1, v1, ...]`), and the name a failed spawn blames
/// (the program, or the directory when it does not exist).
pub(crate) fn command(vm: &mut Vm, argv: &Value, cwd: &Value, env: &Value) -> PyResult<(Command, OsString)> {
    let argv = vm.collect(argv)?;
    let Some((program, rest)) = argv.split_first() else {
        return Err(vm.new_error("IndexError", "list index out of range"));
    };
    let program = os_arg(vm, program)?;
    let mut cmd = Command::new(&program);
    for a in rest {
        cmd.arg(os_arg(vm, a)?);
    }
    let mut blame = program.clone();
    if !cwd.is_none() {
        let dir = os_arg(vm, cwd)?;
        if !std::path::Path::new(&dir).is_dir() {
            // CPython's child fails at chdir before exec and names the directory.
            blame = dir.clone();
        }
        cmd.current_dir(dir);
    }
    if !env.is_none() {
        cmd.env_clear();
        let flat = vm.collect(env)?;
        for kv in flat.chunks(2) {
            if let [k, v] = kv {
                cmd.env(os_arg(vm, k)?, os_arg(vm, v)?);
            }
        }
    }
    Ok((cmd, blame))
}

/// A failed spawn: CPython names the program (or the directory) in the OSError.
pub(crate) fn spawn_error(vm: &mut Vm, err: &std::io::Error, name: &OsString) -> crate::vm::Exc {
    let exc = os_error(vm, err);
    exc.set_attr("filename", Value::str(&name.to_string_lossy()));
    exc
}

/// A future resolved with the child's returncode once a waiting thread has reaped it.
fn exit_future(vm: &mut Vm, loop_obj: &Value, mut child: std::process::Child) -> PyResult<Value> {
    let fut = new_future(vm, loop_obj.clone());
    let target = fut.clone();
    let wait = move || child.wait().map(|s| s.code().or_else(|| s.signal().map(|n| -n)).unwrap_or(-1));
    jobs::submit_to(vm, loop_obj, jobs::Worker::Own, wait, move |vm, result| {
        let value = match result {
            Ok(Ok(code)) => Ok(Value::Int(i64::from(code))),
            Ok(Err(err)) => Err(os_error(vm, &err)),
            Err(msg) => Err(vm.new_error("RuntimeError", &format!("waiting for a child panicked: {msg}"))),
        };
        jobs::resolve(vm, &target, value);
    })?;
    Ok(Value::Obj(fut))
}

/// `_net.send_signal(pid, signal)`: sends `signal` to a child not yet reaped (the Python layer
/// checks `returncode` first, as CPython's `Popen.send_signal` does).
pub fn send_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [Value::Int(pid), Value::Int(sig)] = args.pos else {
        return Err(vm.new_error("TypeError", "send_signal(pid, signal): two integers expected"));
    };
    signal_child(vm, *pid, *sig)?;
    Ok(Value::None)
}

/// Sends `sig` to the child `pid` (the caller knows it is not reaped yet).
pub(crate) fn signal_child(vm: &mut Vm, pid: i64, sig: i64) -> PyResult<()> {
    let pid = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw);
    let sig = i32::try_from(sig).ok().and_then(rustix::process::Signal::from_named_raw);
    let (Some(pid), Some(sig)) = (pid, sig) else {
        return Err(vm.new_error("ValueError", "invalid signal number or pid"));
    };
    rustix::process::kill_process(pid, sig).map_err(|e| os_error(vm, &std::io::Error::from(e)))
}
