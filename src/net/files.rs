//! Files whose blocking I/O runs on the loop's thread pool: the native half of `aiofiles`
//! (`stdlib/aiofiles/`).
//!
//! Owns the `_net.AsyncFile` object: the `std::fs::File` and its read-ahead buffer live behind
//! an `Arc<Mutex<_>>` that only pool jobs lock, so every open, read, write, seek and close is a
//! job (see [`super::jobs`]). What crosses threads is plain data: paths, bytes, decoded
//! `String`s, positions and `io::Error`s; script values are made on the loop thread when a job
//! completes. Argument checks (closed file, wrong mode, argument types) happen on the loop
//! thread before a job is submitted, so their exceptions are raised by the call itself.
//!
//! Text mode decodes on the worker with `text::codecs` and translates `\r\n` and `\r` to `\n`
//! in what it returns (universal newlines); a text `readline` splits on `\n` only.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::builtins::io::{open_path, os_error, parse_mode, unsupported, Mode};
use crate::builtins::{method, opt_arg};
use crate::text::codecs::{self, Codec, CodecError, Handler};
use crate::vm::ext::Ext;
use crate::vm::limits::Capability;
use crate::vm::object::{Args, BaseKind, Class, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

use super::jobs::future_job;

/// Bytes one worker read asks the file for.
const READ_CHUNK: usize = 64 * 1024;

/// The file and the bytes read ahead of the logical position.
#[derive(Debug, Default)]
struct Inner {
    file: Option<File>,
    rbuf: Vec<u8>,
    rpos: usize,
}

impl Inner {
    fn file(&mut self) -> std::io::Result<&mut File> {
        self.file.as_mut().ok_or_else(|| std::io::Error::from_raw_os_error(EBADF))
    }

    /// Reads one more chunk into `rbuf`; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let old = self.rbuf.len();
        self.rbuf.resize(old + READ_CHUNK, 0);
        let got = match self.file.as_mut() {
            Some(f) => f.read(&mut self.rbuf[old..]),
            None => Ok(0),
        };
        self.rbuf.truncate(old + *got.as_ref().unwrap_or(&0));
        Ok(got? > 0)
    }

    fn available(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    /// Takes `n` buffered bytes.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.rbuf.len() - self.rpos);
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        out
    }

    /// Up to `n` bytes (all when None).
    fn read(&mut self, n: Option<usize>) -> std::io::Result<Vec<u8>> {
        while n.is_none_or(|n| self.available().len() < n) && self.fill()? {}
        Ok(self.take(n.unwrap_or(usize::MAX)))
    }

    /// Bytes up to and including the next `\n` (or to end of file).
    fn readline(&mut self) -> std::io::Result<Vec<u8>> {
        loop {
            if let Some(i) = self.available().iter().position(|&b| b == b'\n') {
                return Ok(self.take(i + 1));
            }
            if !self.fill()? {
                return Ok(self.take(usize::MAX));
            }
        }
    }

    /// Up to `n` characters of UTF-8 (or of a one-byte-per-character codec), as bytes.
    fn read_chars(&mut self, n: usize, codec: Codec) -> std::io::Result<Vec<u8>> {
        loop {
            let avail = self.available();
            let end = match codec {
                Codec::Utf8 => utf8_prefix(avail, n),
                _ => (avail.len() >= n).then_some(n),
            };
            if let Some(end) = end {
                return Ok(self.take(end));
            }
            if !self.fill()? {
                return Ok(self.take(usize::MAX));
            }
        }
    }

    /// Drops read-ahead so the OS position is the logical one (before a write or seek).
    fn sync(&mut self) -> std::io::Result<()> {
        let ahead = (self.rbuf.len() - self.rpos) as i64;
        self.rbuf.clear();
        self.rpos = 0;
        if ahead > 0 {
            self.file()?.seek(SeekFrom::Current(-ahead))?;
        }
        Ok(())
    }

    fn tell(&mut self) -> std::io::Result<u64> {
        let ahead = (self.rbuf.len() - self.rpos) as u64;
        Ok(self.file()?.stream_position()?.saturating_sub(ahead))
    }
}

/// `EBADF`, for an operation racing a close.
const EBADF: i32 = 9;

/// The byte length of the first `n` characters of `b`, if `b` holds that many.
fn utf8_prefix(b: &[u8], n: usize) -> Option<usize> {
    let mut chars = 0;
    for (i, &byte) in b.iter().enumerate() {
        // Every byte that is not a continuation byte starts a character.
        if byte & 0xC0 != 0x80 {
            if chars == n {
                return Some(i);
            }
            chars += 1;
        }
    }
    // The last character may be incomplete: only a full one counts.
    (chars == n && complete_tail(b)).then_some(b.len())
}

/// Whether `b` does not end inside a multi-byte UTF-8 sequence.
fn complete_tail(b: &[u8]) -> bool {
    let start = b.iter().rposition(|&x| x & 0xC0 != 0x80).unwrap_or(0);
    let lead = b.get(start).copied().unwrap_or(0);
    let need = match lead {
        x if x < 0x80 => 1,
        x if x >= 0xF0 => 4,
        x if x >= 0xE0 => 3,
        x if x >= 0xC0 => 2,
        _ => 1,
    };
    b.len() - start >= need
}

/// What a worker job produces.
enum Out {
    Bytes(Vec<u8>),
    Int(u64),
    Unit,
}

/// Why a job failed.
enum Failure {
    Io(std::io::Error),
    Decode(CodecError, Vec<u8>),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}

/// One operation, as plain data for the worker.
enum Op {
    Read(Option<usize>),
    ReadLine,
    Write(Vec<u8>),
    Seek(SeekFrom),
    Tell,
    Truncate(Option<u64>),
    Flush,
    Close,
}

fn run(inner: &Mutex<Inner>, op: Op, text: Option<Codec>) -> Result<Out, Failure> {
    let mut st: MutexGuard<'_, Inner> = inner.lock().unwrap_or_else(|p| p.into_inner());
    Ok(match op {
        Op::Read(n) => match (n, text) {
            (Some(n), Some(codec)) => Out::Bytes(st.read_chars(n, codec)?),
            _ => Out::Bytes(st.read(n)?),
        },
        Op::ReadLine => Out::Bytes(st.readline()?),
        Op::Write(data) => {
            st.sync()?;
            st.file()?.write_all(&data)?;
            Out::Unit
        }
        Op::Seek(to) => {
            st.sync()?;
            Out::Int(st.file()?.seek(to)?)
        }
        Op::Tell => Out::Int(st.tell()?),
        Op::Truncate(size) => {
            st.sync()?;
            let size = match size {
                Some(s) => s,
                None => st.file()?.stream_position()?,
            };
            st.file()?.set_len(size)?;
            Out::Int(size)
        }
        Op::Flush => {
            st.file()?.flush()?;
            Out::Unit
        }
        Op::Close => {
            st.rbuf = Vec::new();
            st.rpos = 0;
            st.file = None;
            Out::Unit
        }
    })
}

/// An open file whose operations are jobs.
#[derive(Debug)]
pub struct AsyncFile {
    inner: Arc<Mutex<Inner>>,
    name: Value,
    mode_text: String,
    mode: Mode,
    codec: Codec,
    errors: Handler,
    errors_name: String,
    /// Set when `close()` is called (before its job runs), so later calls fail at once.
    closed: std::cell::Cell<bool>,
}

impl Ext for AsyncFile {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(self.name.clone()),
            "mode" => Some(Value::str(&self.mode_text)),
            "closed" => Some(Value::Bool(self.closed.get())),
            "binary" => Some(Value::Bool(self.mode.binary)),
            "encoding" if !self.mode.binary => Some(Value::str(match self.codec {
                Codec::Utf8 => "UTF-8",
                c => c.name(),
            })),
            "errors" if !self.mode.binary => Some(Value::str(&self.errors_name)),
            _ => None,
        })
    }
}

const STATE_KEY: &str = "net.AsyncFile";

/// The `AsyncFile` class, created on first use.
fn class(vm: &mut Vm) -> std::rc::Rc<Class> {
    if let Some(c) = vm.ext_state.get(STATE_KEY).and_then(|c| c.clone().downcast::<Class>().ok()) {
        return c;
    }
    let cls = crate::vm::types::builtin_class(
        "AsyncFile",
        std::slice::from_ref(&vm.types.object),
        BaseKind::Native,
    );
    cls.set_attr("__module__", Value::str("_net"));
    let methods: &[(&'static str, crate::vm::object::NativeFn)] = &[
        ("read", f_read),
        ("readline", f_readline),
        ("write", f_write),
        ("seek", f_seek),
        ("tell", f_tell),
        ("truncate", f_truncate),
        ("flush", f_flush),
        ("close", f_close),
        ("readable", f_readable),
        ("writable", f_writable),
    ];
    for (n, f) in methods {
        method(vm, &cls, n, *f);
    }
    vm.ext_state.insert(STATE_KEY, cls.clone());
    cls
}

/// `_net.file_open(loop, file, mode, encoding, errors)`: a future of an `AsyncFile`.
pub fn file_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let loop_obj = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(file) = args.pos.get(1).cloned() else {
        return Err(vm.new_error("TypeError", "open() missing required argument 'file' (pos 1)"));
    };
    vm.require(Capability::Fs, "open")?;
    let path = match &file {
        Value::Str(s) => s.as_str().to_string(),
        v => match vm.bytes_of(v) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.new_error("TypeError", &format!("expected str, bytes or os.PathLike object, not {t}"))
                );
            }
        },
    };
    let mode_text = match opt_arg(&args, 2, "mode") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.new_error("TypeError", &format!("open() argument 'mode' must be str, not {t}")));
        }
        None => "r".to_string(),
    };
    let mode = parse_mode(&mode_text).map_err(|m| vm.new_error("ValueError", &m))?;
    let text = |vm: &mut Vm, i: usize| -> PyResult<Option<String>> {
        match args.pos.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(v) => vm.str_of(v).map(Some),
        }
    };
    let encoding = text(vm, 3)?;
    let errors_name = text(vm, 4)?;
    if mode.binary && encoding.is_some() {
        return Err(vm.new_error("ValueError", "binary mode doesn't take an encoding argument"));
    }
    if mode.binary && errors_name.is_some() {
        return Err(vm.new_error("ValueError", "binary mode doesn't take an errors argument"));
    }
    let codec = match &encoding {
        Some(e) => {
            Codec::lookup(e).ok_or_else(|| vm.new_error("LookupError", &format!("unknown encoding: {e}")))?
        }
        None => Codec::Utf8,
    };
    let errors_name = errors_name.unwrap_or_else(|| "strict".into());
    let errors = Handler::lookup(&errors_name).unwrap_or(Handler::Strict);
    let work = move || open_path(&path, mode);
    future_job(vm, &loop_obj, work, move |vm, opened| match opened {
        Ok(f) => {
            let obj = AsyncFile {
                inner: Arc::new(Mutex::new(Inner { file: Some(f), rbuf: Vec::new(), rpos: 0 })),
                name: file,
                mode_text,
                mode,
                codec,
                errors,
                errors_name,
                closed: std::cell::Cell::new(false),
            };
            let cls = class(vm);
            Ok(Value::Obj(Object::new(cls, Payload::Ext(Box::new(obj)))))
        }
        Err(e) => Err(os_error(vm, &e, Some(&file))),
    })
}

/// The receiver and loop of a method call (`f.op(loop, ...)`), checked open and, when asked,
/// readable (`Some(true)`) or writable (`Some(false)`), with CPython's messages.
fn receiver<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    need: Option<bool>,
    op: &str,
) -> PyResult<(&'a AsyncFile, Value)> {
    let f = match args.pos.first().and_then(Value::payload) {
        Some(Payload::Ext(e)) => e.as_any().downcast_ref::<AsyncFile>(),
        _ => None,
    };
    let Some(f) = f else { return Err(vm.new_error("TypeError", "descriptor requires an AsyncFile")) };
    let loop_obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    if f.closed.get() {
        let msg = match (f.mode.binary, op) {
            (true, "write") => "write to closed file".to_string(),
            (true, "read" | "readline" | "seek") => format!("{op} of closed file"),
            (true, "flush") if f.mode.write => "flush of closed file".to_string(),
            (true, "tell") => "I/O operation on closed file".to_string(),
            _ => "I/O operation on closed file.".to_string(),
        };
        return Err(vm.new_error("ValueError", &msg));
    }
    let missing = match need {
        Some(true) => !f.mode.read,
        Some(false) => !f.mode.write,
        None => false,
    };
    if missing {
        let msg = match (f.mode.binary, need == Some(true)) {
            (true, true) => "read",
            (true, false) => "write",
            (false, true) => "not readable",
            (false, false) => "not writable",
        };
        return Err(unsupported(vm, msg));
    }
    Ok((f, loop_obj))
}

impl AsyncFile {
    /// Submits `op`; the result becomes a value on the loop thread.
    fn submit(&self, vm: &mut Vm, loop_obj: &Value, op: Op, result: Result_) -> PyResult<Value> {
        let inner = Arc::clone(&self.inner);
        let text = (!self.mode.binary).then_some(self.codec);
        let (codec, errors) = (self.codec, self.errors);
        let work = move || {
            let out = run(&inner, op, text)?;
            match (out, result) {
                (Out::Bytes(b), Result_::Text) => match codecs::decode(&b, codec, errors) {
                    Ok(s) => Ok(Out::Bytes(newlines(s).into_bytes())),
                    Err(e) => Err(Failure::Decode(e, b)),
                },
                (out, _) => Ok(out),
            }
        };
        future_job(vm, loop_obj, work, move |vm, out| match out {
            Ok(Out::Bytes(b)) => Ok(match result {
                Result_::Text => Value::string(String::from_utf8(b).unwrap_or_default()),
                _ => vm.new_bytes(b),
            }),
            Ok(Out::Int(n)) => Ok(match result {
                Result_::Count(c) => Value::Int(c as i64),
                _ => Value::Int(n as i64),
            }),
            Ok(Out::Unit) => Ok(match result {
                Result_::Count(c) => Value::Int(c as i64),
                _ => Value::None,
            }),
            Err(Failure::Io(e)) => Err(os_error(vm, &e, None)),
            Err(Failure::Decode(e, raw)) => {
                let object = vm.new_bytes(raw);
                Err(vm.unicode_error("UnicodeDecodeError", &e, object))
            }
        })
    }

    /// How read results come back: str for text files, bytes otherwise.
    fn data_kind(&self) -> Result_ {
        if self.mode.binary {
            Result_::Plain
        } else {
            Result_::Text
        }
    }
}

/// What a job's output turns into.
#[derive(Clone, Copy)]
enum Result_ {
    /// Bytes as bytes, positions as ints, nothing as None.
    Plain,
    /// Bytes decoded as the file's text.
    Text,
    /// A known count (what `write` returns).
    Count(usize),
}

/// Universal newlines: `\r\n` and `\r` read as `\n`.
fn newlines(s: String) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    }
}

/// An optional size (None or negative: everything).
fn size(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(usize::try_from(vm.index_of(v)?).ok()),
    }
}

fn f_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, lp) = receiver(vm, &args, Some(true), "read")?;
    let n = size(vm, args.pos.get(2))?;
    f.submit(vm, &lp, Op::Read(n), f.data_kind())
}

fn f_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, lp) = receiver(vm, &args, Some(true), "readline")?;
    f.submit(vm, &lp, Op::ReadLine, f.data_kind())
}

fn f_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, lp) = receiver(vm, &args, Some(false), "write")?;
    let data = args.pos.get(2).cloned().unwrap_or(Value::None);
    let (bytes, count) = if f.mode.binary {
        match vm.bytes_of(&data) {
            Some(b) => {
                let n = b.len();
                (b, n)
            }
            None => {
                let t = vm.type_name(&data);
                return Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{t}'")));
            }
        }
    } else {
        let Value::Str(s) = &data else {
            let t = vm.type_name(&data);
            return Err(vm.new_error("TypeError", &format!("write() argument must be str, not {t}")));
        };
        match codecs::encode(s.as_str(), f.codec, f.errors) {
            Ok(b) => (b, s.char_len()),
            Err(e) => return Err(vm.unicode_error("UnicodeEncodeError", &e, data.clone())),
        }
    };
    f.submit(vm, &lp, Op::Write(bytes), Result_::Count(count))
}

fn f_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, lp) = receiver(vm, &args, None, "seek")?;
    let offset = match args.pos.get(2) {
        Some(v) => vm.index_of(v)?,
        None => return Err(vm.new_error("TypeError", "seek expected at least 1 argument, got 0")),
    };
    let whence = match args.pos.get(3) {
        Some(w) => vm.index_of(w)?,
        None => 0,
    };
    if !f.mode.binary && (whence == 1 || whence == 2) && offset != 0 {
        let msg = if whence == 1 {
            "can't do nonzero cur-relative seeks"
        } else {
            "can't do nonzero end-relative seeks"
        };
        return Err(unsupported(vm, msg));
    }
    let to = match whence {
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
    f.submit(vm, &lp, Op::Seek(to), Result_::Plain)
}

fn f_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, lp) = receiver(vm, &args, None, "tell")?;
    f.submit(vm, &lp, Op::Tell, Result_::Plain)
}

fn f_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, lp) = receiver(vm, &args, Some(false), "truncate")?;
    let to = match args.pos.get(2) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.index_of(v)?;
            Some(u64::try_from(n).map_err(|_| vm.new_error("OSError", "[Errno 22] Invalid argument"))?)
        }
    };
    f.submit(vm, &lp, Op::Truncate(to), Result_::Plain)
}

fn f_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, lp) = receiver(vm, &args, None, "flush")?;
    f.submit(vm, &lp, Op::Flush, Result_::Plain)
}

fn f_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = match args.pos.first().and_then(Value::payload) {
        Some(Payload::Ext(e)) => e.as_any().downcast_ref::<AsyncFile>(),
        _ => None,
    };
    let Some(f) = f else { return Err(vm.new_error("TypeError", "descriptor requires an AsyncFile")) };
    let lp = args.pos.get(1).cloned().unwrap_or(Value::None);
    // Closing twice is allowed, as for files.
    f.closed.set(true);
    f.submit(vm, &lp, Op::Close, Result_::Plain)
}

fn f_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = receiver(vm, &args, None, "readable")?;
    Ok(Value::Bool(f.mode.read))
}

fn f_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, _) = receiver(vm, &args, None, "writable")?;
    Ok(Value::Bool(f.mode.write))
}
