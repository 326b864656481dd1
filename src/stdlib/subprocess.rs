//! `_subprocess`: the native half of the blocking `subprocess` module (`stdlib/subprocess.py`).
//!
//! `_subprocess.Child(argv, cwd, env, stdin, stdout, stderr)` starts a program with
//! `std::process::Command` (the argument, directory and environment rules of `_net.spawn`,
//! `net::process`) and owns it with the parent's ends of its pipes (real pipes). Its methods
//! block the interpreter, as CPython's `Popen` blocks its thread: `poll`, `wait`, `read`,
//! `readline`, `write`, `close` and `communicate`, which runs one thread per pipe (the input's
//! writer, the readers of stdout and stderr) so that no pipe fills up while another is
//! waited on, as CPython's selector loop ensures. Those threads own only bytes and pipe ends,
//! never a script value; a `communicate` that times out leaves them running, and the next
//! call collects what they read, so no output is lost.
//!
//! A wait with a timeout polls `try_wait` with a growing pause (at most 5 ms). Spawning needs
//! the `process` capability.

use std::any::Any;
use std::cell::RefCell;
use std::io::{BufRead, BufReader, PipeReader, PipeWriter, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::builtins::{method, static_fn};
use crate::net::errors::os_error;
use crate::net::process::{command, Spec};
use crate::vm::ext::Ext;
use crate::vm::limits::Capability;
use crate::vm::object::{Args, BaseKind, Object, Payload};
use crate::vm::types::builtin_class;
use crate::vm::{PyResult, Value, Vm};

/// What a pipe reader thread hands back.
type Collected = JoinHandle<std::io::Result<Vec<u8>>>;

/// The child and the parent's ends of its pipes.
#[derive(Debug)]
struct ChildState {
    child: Child,
    returncode: Option<i64>,
    stdin: Option<PipeWriter>,
    stdout: Option<BufReader<PipeReader>>,
    stderr: Option<BufReader<PipeReader>>,
    /// The threads of a `communicate` that timed out, still collecting.
    comm: Option<Comm>,
}

/// The threads of one `communicate`.
#[derive(Debug)]
struct Comm {
    writer: Option<JoinHandle<()>>,
    out: Option<Collected>,
    err: Option<Collected>,
}

impl Comm {
    fn finished(&self) -> bool {
        fn done<T>(h: &Option<JoinHandle<T>>) -> bool {
            h.as_ref().is_none_or(JoinHandle::is_finished)
        }
        done(&self.writer) && done(&self.out) && done(&self.err)
    }
}

/// A `_subprocess.Child` object.
#[derive(Debug)]
struct ChildObj(RefCell<ChildState>);

impl Ext for ChildObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `_subprocess`: the `Child` class.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_subprocess", &[]);
    let object = vm.types.object.clone();
    let cls = builtin_class("Child", std::slice::from_ref(&object), BaseKind::Native);
    cls.set_attr("__module__", Value::str("_subprocess"));
    static_fn(vm, &cls, "__new__", child_new);
    for (name, f) in [
        ("pid", child_pid as crate::vm::object::NativeFn),
        ("poll", child_poll),
        ("wait", child_wait),
        ("communicate", child_communicate),
        ("read", child_read),
        ("readline", child_readline),
        ("write", child_write),
        ("close", child_close),
        ("has", child_has),
        ("send_signal", child_send_signal),
    ] {
        method(vm, &cls, name, f);
    }
    vm.module_set(&m, "Child", Value::Class(cls));
    Ok(m)
}

/// A pipe: the parent's end and the child's end.
fn pipe(vm: &mut Vm) -> PyResult<(PipeReader, PipeWriter)> {
    std::io::pipe().map_err(|e| os_error(vm, &e))
}

/// `Child(argv, cwd, env, stdin, stdout, stderr)` (`env` None or a flat `[k, v, ...]` list;
/// each stream None, PIPE, DEVNULL, or STDOUT for stderr).
fn child_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.require(Capability::Process, "subprocess")?;
    let [Value::Class(cls), argv, cwd, env, i, o, e] = args.pos else {
        return Err(vm.new_error("TypeError", "Child(argv, cwd, env, stdin, stdout, stderr) expected"));
    };
    let (mut cmd, blame) = command(vm, argv, cwd, env)?;
    let (si, so, se) =
        (Spec::parse(vm, i, "stdin")?, Spec::parse(vm, o, "stdout")?, Spec::parse(vm, e, "stderr")?);
    let mut state = Ends::default();
    cmd.stdin(state.stdin(vm, &si)?);
    let out = state.output(vm, &so)?;
    let err = match se {
        Spec::Stdout => match &out.1 {
            Some(w) => Stdio::from(w.try_clone().map_err(|err| os_error(vm, &err))?),
            None => match so {
                Spec::Null => Stdio::null(),
                _ => Stdio::inherit(),
            },
        },
        _ => state.error(vm, &se)?,
    };
    cmd.stdout(out.0).stderr(err);
    let child = cmd.spawn().map_err(|err| crate::net::process::spawn_error(vm, &err, &blame))?;
    // The child's ends go with the command: the parent sees EOF once the child exits.
    drop(cmd);
    let st = ChildState {
        child,
        returncode: None,
        stdin: state.stdin,
        stdout: state.stdout.map(BufReader::new),
        stderr: state.stderr.map(BufReader::new),
        comm: None,
    };
    Ok(Value::Obj(Object::new(cls.clone(), Payload::Ext(Box::new(ChildObj(RefCell::new(st)))))))
}

/// The parent's ends of the pipes being made.
#[derive(Default)]
struct Ends {
    stdin: Option<PipeWriter>,
    stdout: Option<PipeReader>,
    stderr: Option<PipeReader>,
}

impl Ends {
    fn stdin(&mut self, vm: &mut Vm, spec: &Spec) -> PyResult<Stdio> {
        Ok(match spec {
            Spec::Pipe => {
                let (r, w) = pipe(vm)?;
                self.stdin = Some(w);
                Stdio::from(r)
            }
            Spec::Null => Stdio::null(),
            _ => Stdio::inherit(),
        })
    }

    /// stdout's `Stdio` and, for a pipe, a second handle of the child's end (for
    /// `stderr=STDOUT`).
    fn output(&mut self, vm: &mut Vm, spec: &Spec) -> PyResult<(Stdio, Option<PipeWriter>)> {
        Ok(match spec {
            Spec::Pipe => {
                let (r, w) = pipe(vm)?;
                self.stdout = Some(r);
                let second = w.try_clone().map_err(|err| os_error(vm, &err))?;
                (Stdio::from(w), Some(second))
            }
            Spec::Null => (Stdio::null(), None),
            _ => (Stdio::inherit(), None),
        })
    }

    fn error(&mut self, vm: &mut Vm, spec: &Spec) -> PyResult<Stdio> {
        Ok(match spec {
            Spec::Pipe => {
                let (r, w) = pipe(vm)?;
                self.stderr = Some(r);
                Stdio::from(w)
            }
            Spec::Null => Stdio::null(),
            _ => Stdio::inherit(),
        })
    }
}

/// The child object of a method call.
fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a RefCell<ChildState>> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Ext(e)) => match e.as_any().downcast_ref::<ChildObj>() {
            Some(c) => Ok(&c.0),
            None => Err(vm.new_error("TypeError", "descriptor requires a '_subprocess.Child' object")),
        },
        _ => Err(vm.new_error("TypeError", "descriptor requires a '_subprocess.Child' object")),
    }
}

/// CPython's `returncode`: the exit code, or minus the signal that killed the child.
fn code(status: ExitStatus) -> i64 {
    i64::from(status.code().or_else(|| status.signal().map(|n| -n)).unwrap_or(-1))
}

/// A timeout argument: None, or seconds as int or float.
fn timeout_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Duration>> {
    let secs = match v {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        Some(other) => {
            let t = vm.type_name(other);
            return Err(vm.new_error("TypeError", &format!("timeout must be a number, not {t}")));
        }
    };
    Ok(Some(Duration::try_from_secs_f64(secs.max(0.0)).unwrap_or(Duration::MAX)))
}

fn child_pid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let pid = c.borrow().child.id();
    Ok(Value::Int(i64::from(pid)))
}

/// `poll()`: the returncode, or None while the child runs.
fn child_poll(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let mut st = c.borrow_mut();
    if st.returncode.is_none() {
        st.returncode = st.child.try_wait().map_err(|e| os_error(vm, &e))?.map(code);
    }
    Ok(st.returncode.map_or(Value::None, Value::Int))
}

/// Waits for the child until `deadline` (None: for ever); false if it is still running then.
fn wait_until(st: &mut ChildState, deadline: Option<Instant>) -> std::io::Result<bool> {
    if st.returncode.is_some() {
        return Ok(true);
    }
    let Some(deadline) = deadline else {
        st.returncode = Some(code(st.child.wait()?));
        return Ok(true);
    };
    let mut pause = Duration::from_micros(100);
    loop {
        if let Some(s) = st.child.try_wait()? {
            st.returncode = Some(code(s));
            return Ok(true);
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(false);
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(5));
    }
}

/// `wait(timeout)`: the returncode, or None when the timeout passed first.
fn child_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let timeout = timeout_arg(vm, args.pos.get(1))?;
    let deadline = timeout.map(|t| Instant::now().checked_add(t).unwrap_or_else(far_future));
    let mut st = c.borrow_mut();
    let done = wait_until(&mut st, deadline).map_err(|e| os_error(vm, &e))?;
    Ok(match (done, st.returncode) {
        (true, Some(rc)) => Value::Int(rc),
        _ => Value::None,
    })
}

/// A deadline that never comes (a timeout too large for `Instant`).
fn far_future() -> Instant {
    Instant::now() + Duration::from_secs(86_400 * 365 * 100)
}

/// A thread reading `r` to its end.
fn collect(mut r: BufReader<PipeReader>) -> Collected {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        r.read_to_end(&mut buf).map(|_| buf)
    })
}

/// `communicate(input, timeout)`: writes `input` to stdin and closes it, reads stdout and
/// stderr to their ends: `(stdout, stderr)` (None for a stream not piped), or None when the
/// timeout passed first (the threads go on; call again to collect). The caller waits for
/// the child.
fn child_communicate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let input = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => match vm.bytes_of(v) {
            Some(b) => Some(b),
            None => return Err(vm.new_error("TypeError", "communicate() input must be bytes")),
        },
    };
    let timeout = timeout_arg(vm, args.pos.get(2))?;
    let deadline = timeout.map(|t| Instant::now().checked_add(t).unwrap_or_else(far_future));
    let mut st = c.borrow_mut();
    if st.comm.is_none() {
        let stdin = st.stdin.take();
        let writer = stdin.map(|mut w| {
            let data = input.unwrap_or_default();
            // A child that exits without reading its input is not an error (`EPIPE`).
            std::thread::spawn(move || drop(w.write_all(&data)))
        });
        let out = st.stdout.take().map(collect);
        let err = st.stderr.take().map(collect);
        st.comm = Some(Comm { writer, out, err });
    }
    if let Some(deadline) = deadline {
        let mut pause = Duration::from_micros(100);
        while !st.comm.as_ref().is_none_or(Comm::finished) {
            let now = Instant::now();
            if now >= deadline {
                return Ok(Value::None);
            }
            std::thread::sleep(pause.min(deadline - now));
            pause = (pause * 2).min(Duration::from_millis(5));
        }
    }
    let comm = st.comm.take().unwrap_or(Comm { writer: None, out: None, err: None });
    let join = |vm: &mut Vm, h: Option<Collected>| -> PyResult<Value> {
        match h.map(JoinHandle::join) {
            None => Ok(Value::None),
            Some(Ok(Ok(bytes))) => Ok(vm.new_bytes(bytes)),
            Some(Ok(Err(e))) => Err(os_error(vm, &e)),
            Some(Err(_)) => Err(vm.new_error("RuntimeError", "a pipe reader thread panicked")),
        }
    };
    if let Some(w) = comm.writer {
        let _ = w.join();
    }
    let out = join(vm, comm.out)?;
    let err = join(vm, comm.err)?;
    Ok(Value::tuple(vec![out, err]))
}

/// Which pipe (1 stdout, 2 stderr) a read names.
fn reader<'a>(
    vm: &mut Vm,
    st: &'a mut ChildState,
    which: Option<&Value>,
) -> PyResult<&'a mut BufReader<PipeReader>> {
    let r = match which {
        Some(Value::Int(1)) => st.stdout.as_mut(),
        Some(Value::Int(2)) => st.stderr.as_mut(),
        _ => return Err(vm.new_error("ValueError", "which pipe: 1 (stdout) or 2 (stderr)")),
    };
    r.ok_or_else(|| vm.new_error("ValueError", "I/O operation on closed file."))
}

/// `read(which, n)`: up to `n` bytes (all of them to EOF when `n < 0`).
fn child_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let n = match args.pos.get(2) {
        None | Some(Value::None) => -1,
        Some(Value::Int(n)) => *n,
        Some(_) => return Err(vm.new_error("TypeError", "read() size must be an integer")),
    };
    let mut st = c.borrow_mut();
    let r = reader(vm, &mut st, args.pos.get(1))?;
    let mut buf = Vec::new();
    let got = match usize::try_from(n) {
        Err(_) => r.read_to_end(&mut buf),
        Ok(n) => r.by_ref().take(n as u64).read_to_end(&mut buf),
    };
    got.map_err(|e| os_error(vm, &e))?;
    drop(st);
    Ok(vm.new_bytes(buf))
}

/// `readline(which)`: one line with its `\n` (empty at EOF).
fn child_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let mut st = c.borrow_mut();
    let r = reader(vm, &mut st, args.pos.get(1))?;
    let mut buf = Vec::new();
    r.read_until(b'\n', &mut buf).map_err(|e| os_error(vm, &e))?;
    drop(st);
    Ok(vm.new_bytes(buf))
}

/// `write(data)` to the child's stdin: the number of bytes written (all of them).
fn child_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let Some(data) = args.pos.get(1).and_then(|v| vm.bytes_of(v)) else {
        return Err(vm.new_error("TypeError", "write() argument must be bytes"));
    };
    let mut st = c.borrow_mut();
    let Some(w) = st.stdin.as_mut() else {
        return Err(vm.new_error("ValueError", "I/O operation on closed file."));
    };
    w.write_all(&data).map_err(|e| os_error(vm, &e))?;
    Ok(Value::Int(data.len() as i64))
}

/// `close(which)`: closes the parent's end of stdin (0), stdout (1) or stderr (2).
fn child_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let mut st = c.borrow_mut();
    match args.pos.get(1) {
        Some(Value::Int(0)) => drop(st.stdin.take()),
        Some(Value::Int(1)) => drop(st.stdout.take()),
        Some(Value::Int(2)) => drop(st.stderr.take()),
        _ => return Err(vm.new_error("ValueError", "which pipe: 0, 1 or 2")),
    }
    Ok(Value::None)
}

/// `has(which)`: whether the pipe 0, 1 or 2 is open in the parent.
fn child_has(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let st = c.borrow();
    Ok(Value::Bool(match args.pos.get(1) {
        Some(Value::Int(0)) => st.stdin.is_some(),
        Some(Value::Int(1)) => st.stdout.is_some(),
        Some(Value::Int(2)) => st.stderr.is_some(),
        _ => false,
    }))
}

/// `send_signal(sig)`: to a child not reaped yet (a reaped one is left alone, as CPython's
/// `Popen.send_signal` does after its `poll()`).
fn child_send_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = this(vm, &args)?;
    let Some(Value::Int(sig)) = args.pos.get(1) else {
        return Err(vm.new_error("TypeError", "send_signal() needs a signal number"));
    };
    let mut st = c.borrow_mut();
    if st.returncode.is_none() {
        st.returncode = st.child.try_wait().map_err(|e| os_error(vm, &e))?.map(code);
    }
    if st.returncode.is_none() {
        let pid = i64::from(st.child.id());
        crate::net::process::signal_child(vm, pid, *sig)?;
    }
    Ok(Value::None)
}
