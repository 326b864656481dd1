//! `open()` and file objects: text and binary modes (`r`, `w`, `a`, `x`, `+`, `b`, `t`),
//! encodings through `text::codecs`, universal newlines when reading text, iteration by
//! line, the context-manager protocol, and CPython's errors (`FileNotFoundError` with errno
//! and filename, `I/O operation on closed file.`, `io.UnsupportedOperation: not readable`).
//!
//! A file object is an [`Ext`] payload. Reads go through a byte buffer; text reads decode
//! the rest of the file into a string buffer on first use. Writes are buffered and flushed on
//! `flush()`, `close()`, seeking, reading, and when the object is dropped.

use std::cell::RefCell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::rc::Rc;

use crate::text::codecs::{self, Codec, Handler};
use crate::vm::ext::Ext;
use crate::vm::limits::Capability;
use crate::vm::object::{Args, BaseKind, Class, NativeFn, Object, Payload};
use crate::vm::{Exc, PyResult, Value, Vm};

use super::{method, method_arity, opt_arg};

/// Bytes gathered before a buffered write reaches the file.
const WRITE_BUFFER: usize = 64 * 1024;

/// Bytes read from the file at a time.
const READ_CHUNK: usize = 64 * 1024;

/// What a mode string asks for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mode {
    pub(crate) read: bool,
    pub(crate) write: bool,
    pub(crate) append: bool,
    pub(crate) create_new: bool,
    pub(crate) truncate: bool,
    pub(crate) binary: bool,
}

/// Parses `open()`'s mode with CPython's validation.
pub(crate) fn parse_mode(mode: &str) -> Result<Mode, String> {
    let invalid = || format!("invalid mode: '{mode}'");
    let mut m =
        Mode { read: false, write: false, append: false, create_new: false, truncate: false, binary: false };
    let (mut kinds, mut plus, mut text) = (0, false, false);
    for c in mode.chars() {
        let dup = match c {
            'r' => std::mem::replace(&mut m.read, true),
            'w' => std::mem::replace(&mut m.truncate, true),
            'a' => std::mem::replace(&mut m.append, true),
            'x' => std::mem::replace(&mut m.create_new, true),
            '+' => std::mem::replace(&mut plus, true),
            'b' => std::mem::replace(&mut m.binary, true),
            't' => std::mem::replace(&mut text, true),
            _ => return Err(invalid()),
        };
        if dup {
            return Err(invalid());
        }
        if matches!(c, 'r' | 'w' | 'a' | 'x') {
            kinds += 1;
        }
    }
    if text && m.binary {
        return Err("can't have text and binary mode at once".into());
    }
    if kinds != 1 {
        return Err("must have exactly one of create/read/write/append mode".into());
    }
    m.write = m.truncate || m.append || m.create_new || plus;
    m.read = m.read || plus;
    Ok(m)
}

/// The mutable part of a file object.
#[derive(Debug, Default)]
struct FileState {
    file: Option<File>,
    /// Bytes read from the file and not consumed yet (binary reads).
    rbuf: Vec<u8>,
    rpos: usize,
    /// Decoded text not consumed yet (text reads), as chars for cheap slicing.
    tbuf: Option<Vec<char>>,
    tpos: usize,
    /// Bytes written and not yet handed to the file.
    wbuf: Vec<u8>,
}

impl FileState {
    fn open(file: File) -> FileState {
        FileState { file: Some(file), rbuf: Vec::new(), rpos: 0, tbuf: None, tpos: 0, wbuf: Vec::new() }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if let Some(f) = self.file.as_mut() {
            if !self.wbuf.is_empty() {
                f.write_all(&self.wbuf)?;
                self.wbuf.clear();
            }
        }
        Ok(())
    }

    /// Drops read-ahead so the file position is the logical one (before a write or seek).
    fn sync_read(&mut self) -> std::io::Result<()> {
        let ahead = (self.rbuf.len() - self.rpos) as i64;
        if let Some(f) = self.file.as_mut() {
            if ahead > 0 {
                f.seek(SeekFrom::Current(-ahead))?;
            }
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.tbuf = None;
        self.tpos = 0;
        Ok(())
    }

    /// Makes at least one more byte available in `rbuf`; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let Some(f) = self.file.as_mut() else { return Ok(false) };
        let old = self.rbuf.len();
        self.rbuf.resize(old + READ_CHUNK, 0);
        let n = f.read(&mut self.rbuf[old..])?;
        self.rbuf.truncate(old + n);
        Ok(n > 0)
    }
}

impl Drop for FileState {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// An open file.
#[derive(Debug)]
pub struct FileObj {
    st: RefCell<FileState>,
    name: Value,
    mode_text: String,
    mode: Mode,
    codec: Codec,
    errors: String,
}

impl Ext for FileObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn repr(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        let cls = vm.type_name(this);
        let name = vm.repr(&self.name)?;
        if self.st.borrow().file.is_none() {
            return Ok(Some(format!("<_io.{cls} name={name} closed>")));
        }
        Ok(Some(if self.mode.binary {
            format!("<_io.{cls} name={name}>")
        } else {
            format!(
                "<_io.{cls} name={name} mode='{}' encoding='{}'>",
                self.mode_text,
                encoding_label(self.codec)
            )
        }))
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(self.name.clone()),
            "mode" => Some(Value::str(&self.mode_text)),
            "closed" => Some(Value::Bool(self.st.borrow().file.is_none())),
            "encoding" if !self.mode.binary => Some(Value::str(encoding_label(self.codec))),
            "errors" if !self.mode.binary => Some(Value::str(&self.errors)),
            _ => None,
        })
    }

    fn iter(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        Ok(Some(this.clone()))
    }
}

/// The encoding name CPython reports for a text file.
fn encoding_label(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "UTF-8",
        other => other.name(),
    }
}

pub(super) fn install(vm: &mut Vm) {
    let v = super::native_kw(
        vm,
        "open",
        open,
        &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
    );
    super::set_builtin(vm, "open", v);
}

/// The file classes by name (`TextIOWrapper`, `BufferedReader`, ...), created on first use.
fn file_class(vm: &mut Vm, name: &'static str) -> Rc<Class> {
    let key: &'static str = match name {
        "TextIOWrapper" => "io.TextIOWrapper",
        "BufferedReader" => "io.BufferedReader",
        "BufferedWriter" => "io.BufferedWriter",
        _ => "io.BufferedRandom",
    };
    if let Some(c) = vm.ext_state.get(key).and_then(|c| c.clone().downcast::<Class>().ok()) {
        return c;
    }
    let cls = crate::vm::types::builtin_class(name, std::slice::from_ref(&vm.types.object), BaseKind::Native);
    cls.set_attr("__module__", Value::str("_io"));
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("close", f_close),
        ("flush", f_flush),
        ("seek", f_seek),
        ("tell", f_tell),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seekable", f_seekable),
        ("fileno", f_fileno),
        ("isatty", f_isatty),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_enter),
        ("__next__", f_next),
    ];
    for (n, f) in methods {
        method(vm, &cls, n, *f);
    }
    vm.ext_state.insert(key, cls.clone());
    cls
}

/// `io.UnsupportedOperation` (an OSError and a ValueError).
pub(crate) fn unsupported(vm: &mut Vm, msg: &str) -> Exc {
    let cls =
        match vm.ext_state.get("io.UnsupportedOperation").and_then(|c| c.clone().downcast::<Class>().ok()) {
            Some(c) => c,
            None => {
                let bases = [vm.exc_class("OSError"), vm.exc_class("ValueError")];
                let cls =
                    crate::vm::types::builtin_class("UnsupportedOperation", &bases, BaseKind::Exception);
                cls.set_attr("__module__", Value::str("io"));
                vm.ext_state.insert("io.UnsupportedOperation", cls.clone());
                cls
            }
        };
    let e = vm.new_exception(&cls, vec![Value::str(msg)]);
    vm.set_context(&e);
    e
}

/// An OSError (of the errno's subclass) for a failed file operation.
pub(crate) fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>) -> Exc {
    let errno = e.raw_os_error().unwrap_or(0) as i64;
    let strerror = crate::net::errors::io_strerror(e);
    let mut args = vec![Value::Int(errno), Value::string(strerror)];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    let cls = vm.exc_class("OSError");
    let exc = vm.new_os_error(&cls, args);
    vm.set_context(&exc);
    exc
}

fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::arity(vm, "open", &args, 0, 8)?;
    let Some(file) = opt_arg(&args, 0, "file") else {
        return Err(vm.new_error("TypeError", "open() missing required argument 'file' (pos 1)"));
    };
    vm.require(Capability::Fs, "open")?;
    let path = match file {
        Value::Str(s) => s.as_str().to_string(),
        v if vm.bytes_of(v).is_some() => {
            String::from_utf8_lossy(&vm.bytes_of(v).unwrap_or_default()).into_owned()
        }
        v => {
            let t = vm.type_name(v);
            return Err(
                vm.new_error("TypeError", &format!("expected str, bytes or os.PathLike object, not {t}"))
            );
        }
    };
    let mode_text = match opt_arg(&args, 1, "mode") {
        Some(v) => super::str_arg(vm, v, "open() argument 'mode'")?.to_string(),
        None => "r".to_string(),
    };
    let mode = parse_mode(&mode_text).map_err(|m| vm.new_error("ValueError", &m))?;
    let text_arg = |vm: &mut Vm, i: usize, name: &str| -> PyResult<Option<String>> {
        match opt_arg(&args, i, name) {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(super::str_arg(vm, v, &format!("open() argument '{name}'"))?.to_string())),
        }
    };
    let encoding = text_arg(vm, 3, "encoding")?;
    let errors = text_arg(vm, 4, "errors")?;
    if mode.binary && encoding.is_some() {
        return Err(vm.new_error("ValueError", "binary mode doesn't take an encoding argument"));
    }
    if mode.binary && errors.is_some() {
        return Err(vm.new_error("ValueError", "binary mode doesn't take an errors argument"));
    }
    let codec = match &encoding {
        Some(e) => match Codec::lookup(e) {
            Some(c) => c,
            None => return Err(vm.new_error("LookupError", &format!("unknown encoding: {e}"))),
        },
        None => Codec::Utf8,
    };
    let handle = open_path(&path, mode).map_err(|e| os_error(vm, &e, Some(file)))?;
    let class_name = match (mode.binary, mode.read, mode.write) {
        (false, _, _) => "TextIOWrapper",
        (true, true, false) => "BufferedReader",
        (true, false, true) => "BufferedWriter",
        _ => "BufferedRandom",
    };
    let cls = file_class(vm, class_name);
    let obj = FileObj {
        st: RefCell::new(FileState::open(handle)),
        name: file.clone(),
        mode_text,
        mode,
        codec,
        errors: errors.unwrap_or_else(|| "strict".into()),
    };
    Ok(Value::Obj(Object::new(cls, Payload::Ext(Box::new(obj)))))
}

/// Opens `path` as `open()` does for `mode`; a directory is refused with EISDIR.
pub(crate) fn open_path(path: &str, mode: Mode) -> std::io::Result<File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(mode.read).write(mode.write && !mode.append).append(mode.append);
    if mode.truncate {
        opts.create(true).truncate(true);
    }
    if mode.append {
        opts.create(true);
    }
    if mode.create_new {
        opts.create_new(true);
    }
    let handle = opts.open(path)?;
    if handle.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(std::io::Error::from_raw_os_error(21));
    }
    Ok(handle)
}

/// The file object behind a method's receiver.
fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a FileObj> {
    match args.pos.first().and_then(Value::payload) {
        Some(Payload::Ext(e)) => match e.as_any().downcast_ref::<FileObj>() {
            Some(f) => Ok(f),
            None => Err(vm.new_error("TypeError", "descriptor requires a file object")),
        },
        _ => Err(vm.new_error("TypeError", "descriptor requires a file object")),
    }
}

/// The receiver, checked open (and readable or writable when asked), with the messages
/// CPython's text and buffered binary files give for the operation `op`.
fn open_file<'a>(vm: &mut Vm, args: &Args<'a>, need: Option<bool>, op: &str) -> PyResult<&'a FileObj> {
    let f = this(vm, args)?;
    let closed = f.st.borrow().file.is_none();
    let missing = match need {
        Some(true) => !f.mode.read,
        Some(false) => !f.mode.write,
        None => false,
    };
    if f.mode.binary {
        if missing {
            return Err(unsupported(vm, if need == Some(true) { "read" } else { "write" }));
        }
        if closed {
            let msg = match op {
                "write" => "write to closed file".to_string(),
                "read" | "readline" | "seek" => format!("{op} of closed file"),
                "flush" if f.mode.write => "flush of closed file".to_string(),
                "tell" => "I/O operation on closed file".to_string(),
                _ => "I/O operation on closed file.".to_string(),
            };
            return Err(vm.new_error("ValueError", &msg));
        }
        return Ok(f);
    }
    if closed {
        return Err(vm.new_error("ValueError", "I/O operation on closed file."));
    }
    if missing {
        return Err(unsupported(vm, if need == Some(true) { "not readable" } else { "not writable" }));
    }
    Ok(f)
}

/// An optional size argument (None or negative means "all").
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = vm.index_of(v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

impl FileObj {
    /// Loads and decodes the rest of the file for text reads (universal newlines).
    fn text_buffer(&self, vm: &mut Vm) -> PyResult<()> {
        let mut st = self.st.borrow_mut();
        if st.tbuf.is_some() {
            return Ok(());
        }
        st.flush().map_err(|e| os_error(vm, &e, None))?;
        let mut raw = st.rbuf[st.rpos..].to_vec();
        st.rbuf.clear();
        st.rpos = 0;
        if let Some(f) = st.file.as_mut() {
            f.read_to_end(&mut raw).map_err(|e| os_error(vm, &e, None))?;
        }
        drop(st);
        let handler = Handler::lookup(&self.errors).unwrap_or(Handler::Strict);
        let text = match codecs::decode(&raw, self.codec, handler) {
            Ok(t) => t,
            Err(e) => {
                let object = vm.new_bytes(raw);
                return Err(vm.unicode_error("UnicodeDecodeError", &e, object));
            }
        };
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut st = self.st.borrow_mut();
        st.tbuf = Some(text.chars().collect());
        st.tpos = 0;
        Ok(())
    }

    /// Up to `n` characters of text (all when None).
    fn read_text(&self, vm: &mut Vm, n: Option<usize>) -> PyResult<String> {
        self.text_buffer(vm)?;
        let mut st = self.st.borrow_mut();
        let pos = st.tpos;
        let buf = st.tbuf.as_ref().expect("loaded above");
        let end = n.map_or(buf.len(), |n| (pos + n).min(buf.len()));
        let out: String = buf[pos..end].iter().collect();
        st.tpos = end;
        Ok(out)
    }

    /// One line of text including its `\n` (at most `limit` characters).
    fn readline_text(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<String> {
        self.text_buffer(vm)?;
        let mut st = self.st.borrow_mut();
        let pos = st.tpos;
        let buf = st.tbuf.as_ref().expect("loaded above");
        let mut end = buf[pos..].iter().position(|&c| c == '\n').map_or(buf.len(), |i| pos + i + 1);
        if let Some(l) = limit {
            end = end.min(pos + l);
        }
        let out: String = buf[pos..end].iter().collect();
        st.tpos = end;
        Ok(out)
    }

    /// Up to `n` bytes (all when None).
    fn read_bytes(&self, vm: &mut Vm, n: Option<usize>) -> PyResult<Vec<u8>> {
        let mut st = self.st.borrow_mut();
        st.flush().map_err(|e| os_error(vm, &e, None))?;
        loop {
            let avail = st.rbuf.len() - st.rpos;
            if n.is_some_and(|n| avail >= n) {
                break;
            }
            if !st.fill().map_err(|e| os_error(vm, &e, None))? {
                break;
            }
        }
        let avail = st.rbuf.len() - st.rpos;
        let take = n.map_or(avail, |n| n.min(avail));
        let start = st.rpos;
        let out = st.rbuf[start..start + take].to_vec();
        st.rpos += take;
        Ok(out)
    }

    /// One line of bytes including its `\n`.
    fn readline_bytes(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
        let mut st = self.st.borrow_mut();
        st.flush().map_err(|e| os_error(vm, &e, None))?;
        loop {
            let start = st.rpos;
            if let Some(i) = st.rbuf[start..].iter().position(|&b| b == b'\n') {
                let mut end = start + i + 1;
                if let Some(l) = limit {
                    end = end.min(start + l);
                }
                let out = st.rbuf[start..end].to_vec();
                st.rpos = end;
                return Ok(out);
            }
            if limit.is_some_and(|l| st.rbuf.len() - start >= l)
                || !st.fill().map_err(|e| os_error(vm, &e, None))?
            {
                let start = st.rpos;
                let end = limit.map_or(st.rbuf.len(), |l| (start + l).min(st.rbuf.len()));
                let out = st.rbuf[start..end].to_vec();
                st.rpos = end;
                return Ok(out);
            }
        }
    }

    /// A line as a value of the file's kind (str or bytes); empty at end of file.
    fn readline_value(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<Value> {
        if self.mode.binary {
            let b = self.readline_bytes(vm, limit)?;
            Ok(vm.new_bytes(b))
        } else {
            Ok(Value::string(self.readline_text(vm, limit)?))
        }
    }

    /// Writes raw bytes through the write buffer.
    fn write_raw(&self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        let mut st = self.st.borrow_mut();
        if !st.rbuf.is_empty() || st.tbuf.is_some() {
            st.sync_read().map_err(|e| os_error(vm, &e, None))?;
        }
        st.wbuf.extend_from_slice(data);
        if st.wbuf.len() >= WRITE_BUFFER {
            st.flush().map_err(|e| os_error(vm, &e, None))?;
        }
        Ok(())
    }
}

fn f_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "read", &args, 0, 1)?;
    let f = open_file(vm, &args, Some(true), "read")?;
    let n = size_arg(vm, args.pos.get(1))?;
    if f.mode.binary {
        let b = f.read_bytes(vm, n)?;
        Ok(vm.new_bytes(b))
    } else {
        Ok(Value::string(f.read_text(vm, n)?))
    }
}

fn f_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "readline", &args, 0, 1)?;
    let f = open_file(vm, &args, Some(true), "readline")?;
    let limit = size_arg(vm, args.pos.get(1))?;
    f.readline_value(vm, limit)
}

fn f_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "readlines", &args, 0, 1)?;
    let f = open_file(vm, &args, Some(true), "readlines")?;
    let hint = size_arg(vm, args.pos.get(1))?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = f.readline_value(vm, None)?;
        let n = super::functions::length(vm, &line)?;
        if n == 0 {
            break;
        }
        total += n;
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Value::list(lines))
}

fn f_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args, Some(true), "readline")?;
    let line = f.readline_value(vm, None)?;
    if super::functions::length(vm, &line)? == 0 {
        return Err(vm.new_exception_named("StopIteration"));
    }
    Ok(line)
}

/// The bytes a `write()` argument stands for in this file's mode.
fn encode_for(vm: &mut Vm, f: &FileObj, v: &Value) -> PyResult<(Vec<u8>, usize)> {
    if f.mode.binary {
        return match vm.bytes_of(v) {
            Some(b) => {
                let n = b.len();
                Ok((b, n))
            }
            None => {
                let t = vm.type_name(v);
                Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{t}'")))
            }
        };
    }
    let Value::Str(s) = v else {
        let t = vm.type_name(v);
        return Err(vm.new_error("TypeError", &format!("write() argument must be str, not {t}")));
    };
    let handler = Handler::lookup(&f.errors).unwrap_or(Handler::Strict);
    match codecs::encode(s.as_str(), f.codec, handler) {
        Ok(b) => Ok((b, s.char_len())),
        Err(e) => Err(vm.unicode_error("UnicodeEncodeError", &e, v.clone())),
    }
}

fn f_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "write", &args, 1, 1)?;
    let f = open_file(vm, &args, Some(false), "write")?;
    let (bytes, n) = encode_for(vm, f, &args.pos[1])?;
    f.write_raw(vm, &bytes)?;
    Ok(Value::Int(n as i64))
}

fn f_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "writelines", &args, 1, 1)?;
    let f = open_file(vm, &args, Some(false), "write")?;
    for line in vm.collect(&args.pos[1])? {
        let (bytes, _) = encode_for(vm, f, &line)?;
        f.write_raw(vm, &bytes)?;
    }
    Ok(Value::None)
}

fn f_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "close", &args, 0, 0)?;
    let f = this(vm, &args)?;
    let mut st = f.st.borrow_mut();
    let r = st.flush();
    st.file = None;
    st.rbuf.clear();
    st.tbuf = None;
    drop(st);
    r.map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::None)
}

fn f_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "flush", &args, 0, 0)?;
    let f = open_file(vm, &args, None, "flush")?;
    let r = f.st.borrow_mut().flush();
    r.map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::None)
}

fn f_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "seek", &args, 1, 2)?;
    let f = open_file(vm, &args, None, "seek")?;
    let offset = vm.index_of(&args.pos[1])?;
    let whence = match args.pos.get(2) {
        Some(w) => vm.index_of(w)?,
        None => 0,
    };
    if !f.mode.binary && (whence == 1 || whence == 2) && offset != 0 {
        return Err(unsupported(
            vm,
            if whence == 1 {
                "can't do nonzero cur-relative seeks"
            } else {
                "can't do nonzero end-relative seeks"
            },
        ));
    }
    let target = match whence {
        0 if offset < 0 => {
            return Err(vm.new_error("ValueError", &format!("negative seek position {offset}")))
        }
        0 => SeekFrom::Start(offset as u64),
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => {
            return Err(vm.new_error("ValueError", &format!("invalid whence ({whence}, should be 0, 1 or 2)")))
        }
    };
    let mut st = f.st.borrow_mut();
    let r = st.flush().and_then(|_| st.sync_read()).and_then(|_| match st.file.as_mut() {
        Some(file) => file.seek(target),
        None => Ok(0),
    });
    drop(st);
    let pos = r.map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::Int(pos as i64))
}

fn f_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_arity(vm, "tell", &args, 0, 0)?;
    let f = open_file(vm, &args, None, "tell")?;
    if !f.mode.binary && f.st.borrow().tbuf.is_some() {
        // Text position: the end of what was read, less the re-encoded unread text.
        let mut st = f.st.borrow_mut();
        let remaining: String = st.tbuf.as_ref().map(|b| b[st.tpos..].iter().collect()).unwrap_or_default();
        let unread = codecs::encode(&remaining, f.codec, Handler::Replace).map_or(0, |b| b.len());
        let end = st.file.as_mut().map(|file| file.stream_position().unwrap_or(0)).unwrap_or(0);
        return Ok(Value::Int(end as i64 - unread as i64));
    }
    let mut st = f.st.borrow_mut();
    let pending = st.wbuf.len() as i64 - (st.rbuf.len() - st.rpos) as i64;
    let r = st.file.as_mut().map(|file| file.stream_position()).unwrap_or(Ok(0));
    drop(st);
    let pos = r.map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::Int(pos as i64 + pending))
}

fn f_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args, None, "readable")?;
    Ok(Value::Bool(f.mode.read))
}

fn f_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args, None, "writable")?;
    Ok(Value::Bool(f.mode.write))
}

fn f_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    open_file(vm, &args, None, "seekable")?;
    Ok(Value::Bool(true))
}

fn f_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = open_file(vm, &args, None, "fileno")?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        if let Some(file) = f.st.borrow().file.as_ref() {
            return Ok(Value::Int(file.as_raw_fd() as i64));
        }
    }
    let _ = f;
    Err(unsupported(vm, "fileno"))
}

fn f_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    open_file(vm, &args, None, "isatty")?;
    Ok(Value::Bool(false))
}

fn f_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    open_file(vm, &args, None, "enter")?;
    Ok(args.pos[0].clone())
}

fn f_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    f_close(vm, Args::new(&args.pos[..1]))?;
    Ok(Value::Bool(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_are_validated_like_cpython() {
        assert!(parse_mode("r").is_ok_and(|m| m.read && !m.write));
        assert!(parse_mode("w+b").is_ok_and(|m| m.read && m.write && m.binary));
        assert_eq!(parse_mode("z").unwrap_err(), "invalid mode: 'z'");
        assert_eq!(parse_mode("rw").unwrap_err(), "must have exactly one of create/read/write/append mode");
        assert_eq!(parse_mode("rbt").unwrap_err(), "can't have text and binary mode at once");
    }
}
