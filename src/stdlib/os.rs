//! `_os`: the operating-system calls behind `stdlib/os.py`, `stdlib/io.py` (`open`) and
//! `os.path`: working directory, directory listing, file kinds and sizes, removal and
//! creation, environment snapshot, whole-file reads and writes.
//!
//! Every call checks the interpreter's `fs` (or `env`) capability first, and turns an
//! `std::io::Error` into the matching OSError subclass with CPython's `[Errno N] text: 'path'`.

use std::io::ErrorKind;

use crate::vm::limits::Capability;
use crate::vm::object::Args;
use crate::vm::{PyResult, Value, Vm};

/// The `_os` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    Ok(super::new_module(
        vm,
        "_os",
        &[
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("getpid", getpid),
            ("kill", kill),
            #[cfg(target_os = "linux")]
            ("signal_mode", crate::net::signals::signal_mode),
            #[cfg(target_os = "linux")]
            ("signal_pending", crate::net::signals::signal_pending),
            ("remove", remove),
            ("rmdir", rmdir),
            ("mkdir", mkdir),
            ("rename", rename),
            ("kind", kind),
            ("getsize", getsize),
            ("getmtime", getmtime),
            ("environ", environ),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("read_file", read_file),
            ("write_file", write_file),
            ("urandom", urandom),
            ("cpu_count", cpu_count),
        ],
    ))
}

/// The (errno, text, class) CPython reports for an I/O error.
fn describe(e: &std::io::Error) -> (i64, &'static str, &'static str) {
    match e.kind() {
        ErrorKind::NotFound => (2, "No such file or directory", "FileNotFoundError"),
        ErrorKind::PermissionDenied => (13, "Permission denied", "PermissionError"),
        ErrorKind::AlreadyExists => (17, "File exists", "FileExistsError"),
        ErrorKind::IsADirectory => (21, "Is a directory", "IsADirectoryError"),
        ErrorKind::NotADirectory => (20, "Not a directory", "NotADirectoryError"),
        ErrorKind::DirectoryNotEmpty => (39, "Directory not empty", "OSError"),
        _ => (e.raw_os_error().unwrap_or(5) as i64, "Input/output error", "OSError"),
    }
}

fn os_error(vm: &mut Vm, e: std::io::Error, path: &str) -> crate::vm::Exc {
    let (errno, text, cls) = describe(&e);
    let cls = vm.exc_class(cls);
    let args = vec![Value::Int(errno), Value::str(text), Value::str(path)];
    // Through the constructor, so errno/strerror/filename and str() are OSError's.
    match vm.call(&Value::Class(cls.clone()), args.clone()) {
        Ok(Value::Obj(o)) => o,
        Ok(_) => vm.new_exception(&cls, args),
        Err(e) => e,
    }
}

fn path_arg<'a>(vm: &mut Vm, args: &Args<'a>, i: usize, what: &str) -> PyResult<String> {
    vm.require(Capability::Fs, what)?;
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.new_error(
                "TypeError",
                &format!("{what}: path should be string, bytes or os.PathLike, not {t}"),
            ))
        }
        None => Ok(".".to_string()),
    }
}

fn getcwd(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.require(Capability::Fs, "getcwd")?;
    match std::env::current_dir() {
        Ok(p) => Ok(Value::string(p.display().to_string())),
        Err(e) => Err(os_error(vm, e, ".")),
    }
}

fn chdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, e, &p))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "listdir")?;
    let entries = std::fs::read_dir(&p).map_err(|e| os_error(vm, e, &p))?;
    let mut names = Vec::new();
    for entry in entries.flatten() {
        names.push(Value::string(entry.file_name().to_string_lossy().into_owned()));
    }
    Ok(Value::list(names))
}

fn getpid(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

/// `os.kill(pid, sig)` (needs the `signals` capability).
fn kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.require(Capability::Signals, "kill")?;
    #[cfg(target_os = "linux")]
    return crate::net::signals::kill(vm, args);
    #[cfg(not(target_os = "linux"))]
    return Err(vm.new_error("OSError", "kill is not supported on this platform"));
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "remove")?;
    std::fs::remove_file(&p).map_err(|e| os_error(vm, e, &p))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| os_error(vm, e, &p))?;
    Ok(Value::None)
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "mkdir")?;
    std::fs::create_dir(&p).map_err(|e| os_error(vm, e, &p))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = path_arg(vm, &args, 0, "rename")?;
    let b = path_arg(vm, &args, 1, "rename")?;
    std::fs::rename(&a, &b).map_err(|e| os_error(vm, e, &a))?;
    Ok(Value::None)
}

/// `kind(path)`: 0 missing, 1 regular file, 2 directory, 3 other.
fn kind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "stat")?;
    Ok(Value::Int(match std::fs::metadata(&p) {
        Err(_) => 0,
        Ok(m) if m.is_file() => 1,
        Ok(m) if m.is_dir() => 2,
        Ok(_) => 3,
    }))
}

fn getsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "stat")?;
    let m = std::fs::metadata(&p).map_err(|e| os_error(vm, e, &p))?;
    Ok(Value::Int(m.len() as i64))
}

fn getmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "stat")?;
    let m = std::fs::metadata(&p).map_err(|e| os_error(vm, e, &p))?;
    let t = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::Float(t))
}

fn environ(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let d = vm.new_dict();
    if !vm.capabilities.allows(Capability::Env) {
        return Ok(d);
    }
    if let Value::Dict(dd) = &d {
        for (k, v) in std::env::vars_os() {
            let k = Value::string(k.to_string_lossy().into_owned());
            let v = Value::string(v.to_string_lossy().into_owned());
            vm.dict_set(dd, k, v)?;
        }
    }
    Ok(d)
}

fn str_at(vm: &mut Vm, args: &Args, i: usize, what: &str) -> PyResult<String> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.new_error("TypeError", &format!("{what} must be str, not {t}")))
        }
        None => Err(vm.new_error("TypeError", &format!("missing {what}"))),
    }
}

fn putenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.require(Capability::Env, "putenv")?;
    let k = str_at(vm, &args, 0, "str expected")?;
    let v = str_at(vm, &args, 1, "str expected")?;
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(vm.new_error("ValueError", "illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.require(Capability::Env, "unsetenv")?;
    let k = str_at(vm, &args, 0, "str expected")?;
    if k.is_empty() || k.contains('=') || k.contains('\0') {
        return Err(vm.new_error("ValueError", "illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::None)
}

/// `read_file(path, binary)`: the whole file as str (UTF-8) or bytes.
fn read_file(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path_arg(vm, &args, 0, "open")?;
    let binary = vm.truthy(args.pos.get(1).unwrap_or(&Value::Bool(false)))?;
    let data = std::fs::read(&p).map_err(|e| os_error(vm, e, &p))?;
    if binary {
        return Ok(vm.new_bytes(data));
    }
    match String::from_utf8(data) {
        Ok(s) => Ok(Value::string(s)),
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[pos];
            Err(vm.new_error(
                "UnicodeDecodeError",
                &format!("'utf-8' codec can't decode byte {byte:#04x} in position {pos}: invalid start byte"),
            ))
        }
    }
}

/// `write_file(path, data, append)`: writes str (as UTF-8) or bytes; creates the file.
fn write_file(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::io::Write;
    let p = path_arg(vm, &args, 0, "open")?;
    let data: Vec<u8> = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().as_bytes().to_vec(),
        Some(v) => match vm.bytes_of(v) {
            Some(b) => b,
            None => return Err(vm.new_error("TypeError", "write_file() needs str or bytes")),
        },
        None => Vec::new(),
    };
    let append = vm.truthy(args.pos.get(2).unwrap_or(&Value::Bool(false)))?;
    let file = std::fs::OpenOptions::new().create(true).write(true).append(append).truncate(!append).open(&p);
    let mut f = file.map_err(|e| os_error(vm, e, &p))?;
    f.write_all(&data).map_err(|e| os_error(vm, e, &p))?;
    Ok(Value::None)
}

fn urandom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::io::Read;
    let n = vm.index_of(args.pos.first().unwrap_or(&Value::Int(0)))?;
    if n < 0 {
        return Err(vm.new_error("ValueError", "negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = f.read_exact(&mut buf);
    }
    Ok(vm.new_bytes(buf))
}

fn cpu_count(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(std::thread::available_parallelism().map(|n| Value::Int(n.get() as i64)).unwrap_or(Value::None))
}
