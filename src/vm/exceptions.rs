//! Exceptions: creating and raising them, matching `except` clauses, exception groups for
//! `except*`, chaining (`__context__`/`__cause__`), and CPython-format tracebacks.

use std::rc::Rc;

use super::object::{Class, CodeObj, Dict, ExcData, Object, Payload, TbEntry};
use super::value::Value;
use super::{Exc, PyResult, Vm};
use crate::compiler::bytecode::{Code, Reg};

impl Vm {
    /// The builtin exception class `name` (e.g. `"TypeError"`).
    pub fn exc_class(&self, name: &str) -> Rc<Class> {
        match self.types.exceptions.get(name) {
            Some(c) => c.clone(),
            None => self.types.exceptions["Exception"].clone(),
        }
    }

    /// A new exception instance of class `name` with one message argument.
    pub fn new_error(&mut self, name: &str, msg: &str) -> Exc {
        let cls = self.exc_class(name);
        let e = self.new_exception(&cls, vec![Value::str(msg)]);
        self.set_context(&e);
        e
    }

    /// A new exception instance of `cls` with these args (no `__init__` call).
    pub fn new_exception(&mut self, cls: &Rc<Class>, args: Vec<Value>) -> Exc {
        let data = ExcData {
            args: std::cell::RefCell::new(Value::tuple(args)),
            cause: std::cell::RefCell::new(Value::None),
            context: std::cell::RefCell::new(Value::None),
            ..Default::default()
        };
        let exc = Object::with_dict(cls.clone(), Payload::Exception(Box::new(data)));
        self.gc_track(&Value::Obj(exc.clone()));
        exc
    }

    /// Instantiates an exception class through its constructor (running a script `__init__`).
    pub fn instantiate_exception(&mut self, cls: &Rc<Class>, args: Vec<Value>) -> PyResult<Exc> {
        let v = self.call(&Value::Class(cls.clone()), args)?;
        match v {
            Value::Obj(o) if o.exc().is_some() => Ok(o),
            _ => Err(self.new_error("TypeError", "exceptions must derive from BaseException")),
        }
    }

    /// `__context__` for a new exception: the one being handled, if any.
    pub fn set_context(&mut self, e: &Exc) {
        if let Value::Obj(h) = &self.handled {
            if !Rc::ptr_eq(h, e) {
                if let Some(d) = e.exc() {
                    if d.context.borrow().is_none() {
                        *d.context.borrow_mut() = self.handled.clone();
                    }
                }
            }
        }
    }

    /// Turns the operand of `raise` into an exception instance, with its cause and context.
    /// Errors (bad operand) come back as `Err` but are raised the same way.
    pub fn prepare_raise(&mut self, v: &Value, cause: Option<Value>) -> Result<Exc, Exc> {
        let e = match v {
            Value::Obj(o) if o.exc().is_some() => o.clone(),
            Value::Class(c) if c.kind == super::object::BaseKind::Exception => {
                self.instantiate_exception(c, vec![])?
            }
            _ => return Err(self.new_error("TypeError", "exceptions must derive from BaseException")),
        };
        if let Some(cause) = cause {
            let cause = match &cause {
                Value::None => Value::None,
                Value::Obj(o) if o.exc().is_some() => cause.clone(),
                Value::Class(c) if c.kind == super::object::BaseKind::Exception => {
                    Value::Obj(self.instantiate_exception(c, vec![])?)
                }
                _ => {
                    return Err(self.new_error("TypeError", "exception causes must derive from BaseException"))
                }
            };
            if let Some(d) = e.exc() {
                *d.cause.borrow_mut() = cause;
                d.suppress_context.set(true);
            }
        }
        self.set_context(&e);
        Ok(e)
    }

    /// Appends a traceback entry for a frame the exception passes through.
    pub fn add_traceback(&mut self, e: &Exc, code: &Rc<Code>, pc: u32, globals: &Rc<super::object::Dict>) {
        if let Some(d) = e.exc() {
            d.traceback.borrow_mut().push(TbEntry { code: code.clone(), pc, globals: Some(globals.clone()) });
        }
    }

    /// `except T:` matching: T is a class or a tuple of classes.
    pub fn exception_matches(&mut self, e: &Value, t: &Value) -> PyResult<bool> {
        let Value::Obj(o) = e else { return Ok(false) };
        match t {
            Value::Class(c) if c.kind == super::object::BaseKind::Exception => Ok(o.class.is_subclass(c)),
            Value::Tuple(items) => {
                for item in items.items.iter() {
                    if self.exception_matches(e, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.new_error(
                "TypeError",
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// UnboundLocalError for a local read before assignment.
    pub fn unbound_local(&mut self, name: &str) -> Exc {
        self.new_error(
            "UnboundLocalError",
            &format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }

    /// The error for reading an empty cell: a free variable or a local captured by a closure.
    pub fn unbound_free(&mut self, name: &str, code: &Code, cell: Reg) -> Exc {
        if code.freevars.iter().any(|(r, _)| *r == cell) {
            self.new_error(
                "NameError",
                &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            self.unbound_local(name)
        }
    }

    /// The `args` tuple of an exception.
    pub fn exc_args(&self, e: &Exc) -> Vec<Value> {
        match e.exc() {
            Some(d) => match &*d.args.borrow() {
                Value::Tuple(t) => t.items.to_vec(),
                _ => vec![],
            },
            None => vec![],
        }
    }

    /// `str(exc)` for builtin exception classes.
    pub fn exc_str_default(&mut self, e: &Exc) -> PyResult<String> {
        if e.class.is_subclass(&self.exc_class("BaseExceptionGroup")) {
            let msg = e.get_attr("message").unwrap_or_else(|| Value::str(""));
            let n = self.group_members(e).len();
            let s = self.str_of(&msg)?;
            return Ok(format!("{s} ({n} sub-exception{})", if n == 1 { "" } else { "s" }));
        }
        if e.class.is_subclass(&self.exc_class("OSError")) {
            if let Some(s) = self.os_error_str(e)? {
                return Ok(s);
            }
        }
        if e.class.is_subclass(&self.exc_class("UnicodeError")) {
            if let Some(s) = self.unicode_error_str(e)? {
                return Ok(s);
            }
        }
        if e.class.is_subclass(&self.exc_class("SyntaxError")) {
            if let Some(s) = self.syntax_error_str(e)? {
                return Ok(s);
            }
        }
        let args = self.exc_args(e);
        let key_error = self.exc_class("KeyError");
        // The argument can be another exception nested as deeply as a script likes.
        let what = if args.len() == 1 && !e.class.is_subclass(&key_error) {
            " while getting the str of an object"
        } else {
            " while getting the repr of an object"
        };
        self.enter_native(what)?;
        let r = match args.len() {
            0 => Ok(String::new()),
            1 if e.class.is_subclass(&key_error) => self.repr(&args[0]),
            1 => self.str_of(&args[0]),
            _ => self.repr(&Value::tuple(args)),
        };
        self.leave_native();
        r
    }

    /// A SyntaxError's field: the attribute when set, else what its arguments give
    /// (`SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))`).
    pub(crate) fn syntax_field(&self, e: &Exc, n: &str) -> Value {
        e.get_attr(n).unwrap_or_else(|| super::attr::syntax_error_field(&self.exc_args(e), n))
    }

    /// `str()` of a SyntaxError with a location: `msg (file, line N)`, the file by its base
    /// name, as CPython's `SyntaxError.__str__` (`str(msg)`, so "None", without one).
    fn syntax_error_str(&mut self, e: &Exc) -> PyResult<Option<String>> {
        let msg = self.syntax_field(e, "msg");
        let msg = self.str_of(&msg)?;
        let file = self.syntax_field(e, "filename");
        let file = file.as_str().map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        let line = match self.syntax_field(e, "lineno") {
            Value::Int(n) => Some(n),
            _ => None,
        };
        Ok(Some(match (file, line) {
            (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(n)) => format!("{msg} (line {n})"),
            (None, None) => msg,
        }))
    }

    /// The last line of a traceback: `TypeName: message` (module-qualified outside
    /// `__main__` and builtins).
    pub fn exc_summary(&mut self, e: &Exc) -> String {
        let mut name = e.class.qualname.borrow().clone();
        if let Some(Value::Str(m)) = e.class.lookup("__module__") {
            let m = m.as_str();
            if m != "__main__" && m != "builtins" && !m.is_empty() {
                name = format!("{m}.{name}");
            }
        }
        // A SyntaxError's traceback shows its location above; the last line has the bare msg.
        let bare = e.class.is_subclass(&self.exc_class("SyntaxError")) && !e.class.is_heap;
        let msg = if bare { self.syntax_field(e, "msg") } else { Value::None };
        let shown = match Some(msg).filter(|m| !m.is_none()) {
            Some(m) => self.str_of(&m),
            None => self.str_of(&Value::Obj(e.clone())),
        };
        let msg = match shown {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// `exc.__traceback__`: a chain of traceback objects, outermost frame first (None when
    /// the exception was never raised).
    pub fn exc_traceback_value(&mut self, e: &Exc) -> Value {
        let entries = match e.exc() {
            Some(d) => d.traceback.borrow().clone(),
            None => return Value::None,
        };
        let mut next = Value::None;
        for entry in entries.iter() {
            let line = Value::Int(entry.code.line_of(entry.pc as usize) as i64);
            let tb = Object::with_dict(self.types.traceback.clone(), Payload::Plain);
            tb.set_attr("tb_lineno", line.clone());
            tb.set_attr("tb_lasti", Value::Int(entry.pc as i64 * 2));
            tb.set_attr("tb_frame", self.frame_summary_value(entry, line));
            tb.set_attr("tb_next", next);
            next = Value::Obj(tb);
        }
        next
    }

    /// A `frame` object for a traceback entry: the frame as it was when the exception passed
    /// through it.
    fn frame_summary_value(&mut self, entry: &TbEntry, line: Value) -> Value {
        // The code ran, so it verified when it was first loaded.
        let Ok(code) = self.load_code(&entry.code) else { return Value::None };
        let globals = match &entry.globals {
            Some(g) => Value::Dict(g.clone()),
            None => Value::None,
        };
        let locals = Value::Dict(Rc::new(Dict::default()));
        self.frame_snapshot(code, entry.pc, line, globals, locals, Value::None)
    }

    /// A `frame` object: a snapshot of a frame (`f_code`, `f_lineno`, `f_lasti`, `f_globals`,
    /// `f_locals`, `f_back`). gyre keeps no live frame objects; tracebacks and
    /// `sys._getframe` hand out these.
    pub fn frame_snapshot(
        &mut self,
        code: Rc<CodeObj>,
        pc: u32,
        line: Value,
        globals: Value,
        locals: Value,
        back: Value,
    ) -> Value {
        let frame = Object::with_dict(self.types.frame.clone(), Payload::Plain);
        frame.set_attr("f_code", Value::Obj(Object::new(self.types.code.clone(), Payload::Code(code))));
        frame.set_attr("f_lineno", line);
        frame.set_attr("f_lasti", Value::Int(pc as i64 * 2));
        frame.set_attr("f_globals", globals);
        frame.set_attr("f_locals", locals);
        frame.set_attr("f_back", back);
        Value::Obj(frame)
    }

    /// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: picks the subclass
    /// for `errno` when `cls` is OSError itself, and records the fields as attributes.
    pub fn new_os_error(&mut self, cls: &Rc<Class>, args: Vec<Value>) -> Exc {
        let mut cls = cls.clone();
        if let (true, Some(Value::Int(errno))) = (args.len() >= 2, args.first()) {
            if Rc::ptr_eq(&cls, &self.exc_class("OSError")) {
                if let Some(sub) = errno_subclass(*errno) {
                    cls = self.exc_class(sub);
                }
            }
        }
        let (kept, filename, filename2) = match args.len() {
            3..=5 => {
                let f2 = args.get(4).cloned();
                (args[..2].to_vec(), Some(args[2].clone()), f2)
            }
            _ => (args.clone(), None, None),
        };
        let e = self.new_exception(&cls, kept);
        if args.len() >= 2 {
            e.set_attr("errno", args[0].clone());
            e.set_attr("strerror", args[1].clone());
        }
        if let Some(f) = filename {
            e.set_attr("filename", f);
        }
        if let Some(f) = filename2 {
            e.set_attr("filename2", f);
        }
        e
    }

    /// A `UnicodeEncodeError`/`UnicodeDecodeError` for a codec failure on `object`.
    pub fn unicode_error(&mut self, class: &str, e: &crate::text::codecs::CodecError, object: Value) -> Exc {
        let cls = self.exc_class(class);
        let args = vec![
            Value::str(e.encoding),
            object,
            Value::Int(e.start as i64),
            Value::Int(e.end as i64),
            Value::str(&e.reason),
        ];
        let exc = self.new_exception(&cls, args);
        self.set_context(&exc);
        exc
    }

    /// `str(e)` of a UnicodeEncodeError/UnicodeDecodeError built from its five arguments.
    fn unicode_error_str(&mut self, e: &Exc) -> PyResult<Option<String>> {
        let args = self.exc_args(e);
        let [enc, object, Value::Int(start), Value::Int(end), reason] = args.as_slice() else {
            return Ok(None);
        };
        let (enc, reason) = (self.str_of(enc)?, self.str_of(reason)?);
        let (start, end) = (*start, *end);
        let decode = e.class.is_subclass(&self.exc_class("UnicodeDecodeError"));
        let what = if decode { "decode" } else { "encode" };
        if end - start == 1 {
            let item = if decode {
                let b = self.bytes_of(object).unwrap_or_default();
                let byte = b.get(start as usize).copied().unwrap_or(0);
                format!("byte 0x{byte:02x}")
            } else {
                let c = object.as_str().and_then(|s| s.chars().nth(start as usize)).unwrap_or('?');
                let cp = c as u32;
                let shown = if cp < 0x100 {
                    format!("\\x{cp:02x}")
                } else if cp < 0x10000 {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                format!("character '{shown}'")
            };
            return Ok(Some(format!("'{enc}' codec can't {what} {item} in position {start}: {reason}")));
        }
        let items = if decode { "bytes" } else { "characters" };
        Ok(Some(format!("'{enc}' codec can't {what} {items} in position {start}-{}: {reason}", end - 1)))
    }

    /// `str(oserror)`: `[Errno 2] No such file or directory: 'x'` when errno is set.
    fn os_error_str(&mut self, e: &Exc) -> PyResult<Option<String>> {
        let (Some(errno), Some(strerror)) = (e.get_attr("errno"), e.get_attr("strerror")) else {
            return Ok(None);
        };
        if errno.is_none() && strerror.is_none() {
            return Ok(None);
        }
        let mut s = format!("[Errno {}] {}", self.str_of(&errno)?, self.str_of(&strerror)?);
        if let Some(f) = e.get_attr("filename").filter(|f| !f.is_none()) {
            s.push_str(&format!(": {}", self.repr(&f)?));
            if let Some(f2) = e.get_attr("filename2").filter(|f| !f.is_none()) {
                s.push_str(&format!(" -> {}", self.repr(&f2)?));
            }
        }
        Ok(Some(s))
    }

    /// `ExceptionGroup.split` for one `except*` clause: (matching part, rest).
    pub fn exception_group_split(&mut self, group: &Value, typ: &Value) -> PyResult<(Value, Value)> {
        let Value::Obj(g) = group else { return Ok((Value::None, Value::None)) };
        if !self.is_exception_group(g) {
            // A naked exception: it matches wholesale, wrapped in a group.
            if self.exception_matches(group, typ)? {
                let cls = self.exc_class("ExceptionGroup");
                let base = self.exc_class("Exception");
                let cls = if g.class.is_subclass(&base) { cls } else { self.exc_class("BaseExceptionGroup") };
                let wrapped =
                    self.new_exception(&cls, vec![Value::str(""), Value::tuple(vec![group.clone()])]);
                wrapped.set_attr("exceptions", Value::tuple(vec![group.clone()]));
                wrapped.set_attr("message", Value::str(""));
                return Ok((Value::Obj(wrapped), Value::None));
            }
            return Ok((Value::None, group.clone()));
        }
        let (m, r) = self.split_group(g, typ)?;
        Ok((m.map(Value::Obj).unwrap_or(Value::None), r.map(Value::Obj).unwrap_or(Value::None)))
    }

    /// True for instances of BaseExceptionGroup.
    pub fn is_exception_group(&self, e: &Exc) -> bool {
        e.class.is_subclass(&self.exc_class("BaseExceptionGroup"))
    }

    /// The `exceptions` of a group.
    pub fn group_members(&self, g: &Exc) -> Vec<Value> {
        match g.get_attr("exceptions") {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => vec![],
        }
    }

    /// `split`/`subgroup` matching: a class, a tuple of classes, or a predicate.
    fn split_matches(&mut self, e: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Class(_) | Value::Tuple(_) => self.exception_matches(e, typ),
            f if self.is_callable(f) => {
                let r = self.call(f, vec![e.clone()])?;
                self.truthy(&r)
            }
            _ => Err(self.new_error(
                "TypeError",
                "expected an exception type, a tuple of exception types, or a callable (other than a class)",
            )),
        }
    }

    fn split_group(&mut self, g: &Exc, typ: &Value) -> PyResult<(Option<Exc>, Option<Exc>)> {
        if self.split_matches(&Value::Obj(g.clone()), typ)? {
            return Ok((Some(g.clone()), None));
        }
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for m in self.group_members(g) {
            let Value::Obj(mo) = &m else { continue };
            if self.is_exception_group(mo) {
                let (a, b) = self.split_group(mo, typ)?;
                matched.extend(a.map(Value::Obj));
                rest.extend(b.map(Value::Obj));
            } else if self.split_matches(&m, typ)? {
                matched.push(m);
            } else {
                rest.push(m);
            }
        }
        let m = if matched.is_empty() { None } else { Some(self.group_subset(g, matched)?) };
        let r = if rest.is_empty() { None } else { Some(self.group_subset(g, rest)?) };
        Ok((m, r))
    }

    /// `BaseExceptionGroup.derive(items)`: a new group with `g`'s message, an ExceptionGroup
    /// when every member is an Exception (whatever `g`'s class), else a BaseExceptionGroup.
    pub fn derive_group(&mut self, g: &Exc, items: Vec<Value>) -> Exc {
        let msg = g.get_attr("message").unwrap_or_else(|| Value::str(""));
        let exception = self.exc_class("Exception");
        let all_exceptions =
            items.iter().all(|v| matches!(v, Value::Obj(o) if o.class.is_subclass(&exception)));
        let cls = self.exc_class(if all_exceptions { "ExceptionGroup" } else { "BaseExceptionGroup" });
        let new = self.new_exception(&cls, vec![msg.clone(), Value::list(items.clone())]);
        new.set_attr("message", msg);
        new.set_attr("exceptions", Value::tuple(items));
        new
    }

    /// The part of `g` holding `items`, as `split` makes it: `g.derive(items)` (a script
    /// subclass may override `derive`) with `g`'s traceback, cause, context and a copy of its
    /// notes.
    fn group_subset(&mut self, g: &Exc, items: Vec<Value>) -> PyResult<Exc> {
        let base = self.exc_class("BaseExceptionGroup");
        let builtin = match (g.class.lookup("derive"), base.lookup("derive")) {
            (Some(a), Some(b)) => a.is(&b),
            _ => true,
        };
        let new = if builtin {
            self.derive_group(g, items)
        } else {
            let v = self.call_method(&Value::Obj(g.clone()), "derive", vec![Value::list(items)])?;
            match v {
                Value::Obj(o) if o.class.is_subclass(&base) => o,
                _ => {
                    return Err(
                        self.new_error("TypeError", "derive must return an instance of BaseExceptionGroup")
                    )
                }
            }
        };
        if let (Some(a), Some(b)) = (g.exc(), new.exc()) {
            *b.traceback.borrow_mut() = a.traceback.borrow().clone();
            *b.cause.borrow_mut() = a.cause.borrow().clone();
            *b.context.borrow_mut() = a.context.borrow().clone();
            b.suppress_context.set(a.suppress_context.get());
        }
        if let Some(notes) = g.get_attr("__notes__") {
            let copy = match &notes {
                Value::List(l) => Value::list(l.items.borrow().clone()),
                other => other.clone(),
            };
            new.set_attr("__notes__", copy);
        }
        Ok(new)
    }

    /// After all `except*` clauses: what to raise (None when everything was handled).
    pub fn exception_group_combine(&mut self, orig: &Value, raised: &Value, rest: &Value) -> PyResult<Value> {
        let raised: Vec<Value> = match raised {
            Value::List(l) => l.items.borrow().clone(),
            _ => vec![],
        };
        let mut parts = raised.clone();
        if !rest.is_none() {
            parts.push(rest.clone());
        }
        if parts.is_empty() {
            return Ok(Value::None);
        }
        if raised.is_empty() {
            return Ok(rest.clone());
        }
        // Re-raised members of the original keep their place; new exceptions join a new group.
        let Value::Obj(orig) = orig else { return Ok(parts[0].clone()) };
        let mut reraised = Vec::new();
        let mut new = Vec::new();
        for p in parts {
            let Value::Obj(po) = &p else { continue };
            if self.is_exception_group(po) && self.group_members(po).iter().all(|m| self.belongs_to(orig, m))
            {
                reraised.extend(self.group_members(po));
            } else if self.belongs_to(orig, &p) {
                reraised.push(p);
            } else {
                new.push(p);
            }
        }
        let kept =
            if reraised.is_empty() { None } else { Some(Value::Obj(self.group_subset(orig, reraised)?)) };
        if new.is_empty() {
            return Ok(kept.unwrap_or(Value::None));
        }
        if let Some(k) = kept {
            new.push(k);
        }
        if new.len() == 1 {
            return Ok(new.pop().unwrap_or(Value::None));
        }
        let cls = self.exc_class("ExceptionGroup");
        let g = self.new_exception(&cls, vec![Value::str(""), Value::list(new.clone())]);
        g.set_attr("message", Value::str(""));
        g.set_attr("exceptions", Value::tuple(new));
        Ok(Value::Obj(g))
    }

    fn belongs_to(&self, group: &Exc, e: &Value) -> bool {
        self.group_members(group).iter().any(|m| {
            m.is(e) || matches!(m, Value::Obj(mo) if self.is_exception_group(mo) && self.belongs_to(mo, e))
        })
    }
}

/// The OSError subclass CPython raises for an errno value (Linux numbering).
pub fn errno_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        11 | 114 | 115 => "BlockingIOError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        104 => "ConnectionResetError",
        108 => "BrokenPipeError",
        110 => "TimeoutError",
        111 => "ConnectionRefusedError",
        _ => return None,
    })
}
