//! The native half of `asyncio.StreamReader`: the buffer, EOF and exception state, the waiter,
//! flow control towards the transport, and the non-blocking step of each read method.
//!
//! `stdlib/asyncio/streams.py` subclasses this and writes the coroutines: each one calls the
//! matching `_*_nowait` step, which returns the result, raises CPython's exception, or returns
//! None when it must wait; then it awaits `_wait_for_data` and tries again. The steps follow
//! `streams.py`'s algorithms exactly (limits, `LimitOverrunError.consumed`, what is left in the
//! buffer after each error), so scheduling and results match CPython.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::module::classes;
use super::LoopNet;
use crate::asyncio::future::{future_obj, future_of, new_future, renew_future, unpark_reader_task};
use crate::builtins::opt_arg;
use crate::vm::ext::Ext;
use crate::vm::object::{Args, Object, Payload};
use crate::vm::{Exc, PyResult, Value, Vm};

/// `streams._DEFAULT_LIMIT`: 64 KiB.
pub const DEFAULT_LIMIT: i64 = 1 << 16;

/// Received bytes not yet read; consumed bytes are dropped lazily from the front.
#[derive(Debug, Default)]
pub struct ReadBuf {
    data: Vec<u8>,
    start: usize,
    /// How many bytes at the front `find` has searched for `searched_for` without finding it
    /// start there, so that a line arriving in many pieces is searched once, not once per
    /// piece (a client trickling a 64 KiB line would otherwise cost O(limit²)).
    searched: usize,
    searched_for: Vec<u8>,
}

impl ReadBuf {
    /// Bytes buffered.
    pub fn len(&self) -> usize {
        self.data.len() - self.start
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The buffered bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.data[self.start..]
    }

    /// Appends, compacting first when the consumed prefix is the larger half.
    pub fn extend(&mut self, b: &[u8]) {
        if self.start > 0 && self.start >= self.data.len() / 2 {
            self.data.drain(..self.start);
            self.start = 0;
        }
        self.data.extend_from_slice(b);
    }

    /// Removes and returns the first `n` bytes.
    pub fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.len());
        let out = self.data[self.start..self.start + n].to_vec();
        self.start += n;
        self.searched = self.searched.saturating_sub(n);
        if self.start == self.data.len() {
            self.clear();
        }
        out
    }

    /// Empties the buffer.
    pub fn clear(&mut self) {
        self.data.clear();
        self.start = 0;
        self.searched = 0;
    }

    /// The first index of `sep` (not empty), resuming where the last fruitless search for the
    /// same separator stopped, as CPython's `readuntil` does.
    pub fn find(&mut self, sep: &[u8]) -> Option<usize> {
        if self.searched_for != sep {
            self.searched_for = sep.to_vec();
            self.searched = 0;
        }
        let from = self.searched;
        let hay = &self.data[self.start..];
        let found = find_in(&hay[from..], sep);
        match found {
            Some(i) => Some(from + i),
            None => {
                // A match may still start in the last `sep.len() - 1` bytes.
                self.searched = (hay.len() + 1).saturating_sub(sep.len()).max(from);
                None
            }
        }
    }
}

/// The first index of `sep` (not empty) in `hay`: a scan for its first byte, then a
/// byte-wise check of the rest (separators are short; a `memcmp` call per candidate
/// position cost more than the comparison itself).
fn find_in(hay: &[u8], sep: &[u8]) -> Option<usize> {
    let (&first, rest) = sep.split_first()?;
    let last_start = hay.len().checked_sub(sep.len())?;
    let mut i = 0;
    while i <= last_start {
        i += hay[i..=last_start].iter().position(|&b| b == first)?;
        if hay[i + 1..i + sep.len()].iter().zip(rest).all(|(a, b)| a == b) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A stream reader's state.
#[derive(Debug)]
pub struct ReaderObj {
    limit: usize,
    loop_obj: Value,
    /// The received bytes.
    pub buffer: RefCell<ReadBuf>,
    eof: Cell<bool>,
    waiter: RefCell<Value>,
    /// The last waiter a read finished with, renewed by the next wait when nothing else
    /// references it (`future::renew_future`): no future allocated per wait.
    spare_waiter: RefCell<Option<Rc<Object>>>,
    /// The task waiting on `waiter` without its wakeup registered on it ([`park_task`]).
    parked: RefCell<Option<Rc<Object>>>,
    exception: RefCell<Value>,
    transport: RefCell<Value>,
    paused: Cell<bool>,
}

impl Ext for ReaderObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn repr(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<String>> {
        self.unpark(vm);
        let mut info = vec!["StreamReader".to_string()];
        let len = self.buffer.borrow().len();
        if len > 0 {
            info.push(format!("{len} bytes"));
        }
        if self.eof.get() {
            info.push("eof".into());
        }
        if self.limit as i64 != DEFAULT_LIMIT {
            info.push(format!("limit={}", self.limit));
        }
        for (name, v) in
            [("waiter", self.waiter.borrow().clone()), ("exception", self.exception.borrow().clone())]
        {
            if !v.is_none() {
                info.push(format!("{name}={}", vm.repr(&v)?));
            }
        }
        let t = self.transport.borrow().clone();
        if !t.is_none() {
            info.push(format!("transport={}", vm.repr(&t)?));
        }
        if self.paused.get() {
            info.push("paused".into());
        }
        Ok(Some(format!("<{}>", info.join(" "))))
    }

    fn get_attr(&self, vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "_buffer" => {
                let b = self.buffer.borrow().bytes().to_vec();
                Some(Value::Obj(Object::new(
                    vm.types.bytearray.clone(),
                    Payload::ByteArray(crate::vm::object::ByteBuf::new(b)),
                )))
            }
            "_limit" => Some(Value::Int(self.limit as i64)),
            "_eof" => Some(Value::Bool(self.eof.get())),
            "_waiter" => {
                self.unpark(vm);
                Some(self.waiter.borrow().clone())
            }
            "_exception" => Some(self.exception.borrow().clone()),
            "_transport" => Some(self.transport.borrow().clone()),
            "_paused" => Some(Value::Bool(self.paused.get())),
            "_loop" => Some(self.loop_obj.clone()),
            _ => None,
        })
    }
}

/// The reader state behind a value.
pub fn reader_of(v: &Value) -> Option<&ReaderObj> {
    match v {
        Value::Obj(o) => reader_in(o),
        _ => None,
    }
}

/// The reader state of an object.
fn reader_in(o: &Object) -> Option<&ReaderObj> {
    match &o.payload {
        Payload::Ext(e) => e.as_any().downcast_ref::<ReaderObj>(),
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a ReaderObj> {
    match args.pos.first().and_then(reader_of) {
        Some(r) => Ok(r),
        None => Err(vm.new_error("TypeError", "descriptor requires a StreamReader")),
    }
}

impl ReaderObj {
    /// `feed_data(data)` from a byte slice (the transport's fast path uses this too).
    pub fn feed(&self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        if self.eof.get() {
            return Err(vm.new_error("AssertionError", "feed_data after feed_eof"));
        }
        if data.is_empty() {
            return Ok(());
        }
        self.buffer.borrow_mut().extend(data);
        self.wakeup_waiter(vm);
        let transport = self.transport.borrow().clone();
        if !transport.is_none() && !self.paused.get() && self.buffer.borrow().len() > 2 * self.limit {
            match vm.call_method(&transport, "pause_reading", vec![]) {
                Ok(_) => self.paused.set(true),
                Err(e) if e.class.is_subclass(&vm.exc_class("NotImplementedError")) => {
                    *self.transport.borrow_mut() = Value::None;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// `feed_eof()`.
    pub fn feed_eof(&self, vm: &mut Vm) {
        self.eof.set(true);
        self.wakeup_waiter(vm);
        // No wait comes after EOF: the spare would only keep the loop alive.
        let spare = self.spare_waiter.borrow_mut().take();
        drop(spare);
    }

    /// `_wakeup_waiter()`.
    pub fn wakeup_waiter(&self, vm: &mut Vm) {
        let waiter = std::mem::replace(&mut *self.waiter.borrow_mut(), Value::None);
        let Value::Obj(w) = &waiter else { return };
        let parked = self.parked.borrow_mut().take();
        let Some(f) = future_of(&waiter) else { return };
        let state = f.st.borrow().state;
        match parked {
            Some(task) if state == crate::asyncio::future::State::Pending => {
                let _ = f.set_result(vm, w, Value::None);
                crate::asyncio::future::wake_parked_reader_task(vm, task, w);
            }
            // Not reached (a parked task's waiter is pending): the wakeup as registered.
            Some(task) => unpark_reader_task(vm, task, w),
            None if state != crate::asyncio::future::State::Cancelled => {
                let _ = f.set_result(vm, w, Value::None);
            }
            None => {}
        }
    }

    /// A task parked on this reader ([`park_task`]) waits on the waiter future again, its
    /// wakeup registered there: before a script can see the future, or anything but a
    /// plain wakeup happens to it. Returns the waiter when a task was parked.
    pub fn unpark(&self, vm: &mut Vm) -> Option<Rc<Object>> {
        let task = self.parked.borrow_mut().take()?;
        let Value::Obj(w) = self.waiter.borrow().clone() else { return None };
        unpark_reader_task(vm, task, &w);
        Some(w)
    }

    /// `set_exception(exc)`.
    pub fn set_exception(&self, vm: &mut Vm, exc: Value) -> PyResult<()> {
        self.unpark(vm);
        *self.exception.borrow_mut() = exc.clone();
        let waiter = std::mem::replace(&mut *self.waiter.borrow_mut(), Value::None);
        if let (Value::Obj(w), Some(f)) = (&waiter, future_of(&waiter)) {
            if f.st.borrow().state != crate::asyncio::future::State::Cancelled {
                f.set_exception(vm, w, exc)?;
            }
        }
        Ok(())
    }

    /// `_maybe_resume_transport()`.
    fn maybe_resume_transport(&self, vm: &mut Vm) -> PyResult<()> {
        if self.paused.get() && self.buffer.borrow().len() <= self.limit {
            self.paused.set(false);
            let transport = self.transport.borrow().clone();
            vm.call_method(&transport, "resume_reading", vec![])?;
        }
        Ok(())
    }

    fn raise_pending(&self) -> PyResult<()> {
        match &*self.exception.borrow() {
            Value::Obj(e) if e.exc().is_some() => Err(e.clone()),
            _ => Ok(()),
        }
    }

    fn take(&self, vm: &mut Vm, n: usize) -> PyResult<Value> {
        let data = self.buffer.borrow_mut().take(n);
        self.maybe_resume_transport(vm)?;
        Ok(vm.new_bytes(data))
    }

    /// `_wait_for_data(func_name)` up to its `await`: the checks, then a fresh waiter future,
    /// recorded as the reader's `_waiter`.
    pub fn new_waiter(&self, vm: &mut Vm, func_name: &str) -> PyResult<Rc<Object>> {
        if !self.waiter.borrow().is_none() {
            return Err(vm.new_error(
                "RuntimeError",
                &format!("{func_name}() called while another coroutine is already waiting for incoming data"),
            ));
        }
        if self.eof.get() {
            return Err(vm.new_error("AssertionError", "_wait_for_data after EOF"));
        }
        if self.paused.get() {
            self.paused.set(false);
            let transport = self.transport.borrow().clone();
            vm.call_method(&transport, "resume_reading", vec![])?;
        }
        let running;
        let loop_obj = match &self.loop_obj {
            Value::None => {
                running = vm.running_loop.clone();
                &running
            }
            own => own,
        };
        let spare = self.spare_waiter.borrow_mut().take();
        let fut = match spare {
            Some(f) if renew_future(vm, &f, loop_obj) => f,
            _ => new_future(vm, loop_obj.clone()),
        };
        *self.waiter.borrow_mut() = Value::Obj(fut.clone());
        Ok(fut)
    }

    /// Keeps `waiter`, whose wait has just ended, for the next wait to renew.
    pub fn keep_waiter(&self, waiter: Rc<Object>) {
        let old = self.spare_waiter.replace(Some(waiter));
        drop(old);
    }

    /// `_wait_for_data`'s `finally`: `self._waiter = None`.
    pub fn clear_waiter(&self) {
        *self.waiter.borrow_mut() = Value::None;
    }

    /// `readuntil`'s step: `Ok(Some(chunk))`, `Ok(None)` to wait, or CPython's errors.
    pub fn readuntil_step(&self, vm: &mut Vm, sep: &[u8]) -> PyResult<Option<Value>> {
        if sep.is_empty() {
            return Err(vm.new_error("ValueError", "Separator should be at least one-byte string"));
        }
        self.raise_pending()?;
        let buflen = self.buffer.borrow().len();
        if buflen >= sep.len() {
            let found = self.buffer.borrow_mut().find(sep);
            if let Some(isep) = found {
                if isep > self.limit {
                    return Err(limit_overrun(
                        vm,
                        "Separator is found, but chunk is longer than limit",
                        isep,
                    )?);
                }
                return self.take(vm, isep + sep.len()).map(Some);
            }
            let offset = buflen + 1 - sep.len();
            if offset > self.limit {
                return Err(limit_overrun(vm, "Separator is not found, and chunk exceed the limit", offset)?);
            }
        }
        if self.eof.get() {
            let chunk = self.buffer.borrow_mut().take(usize::MAX);
            let chunk = vm.new_bytes(chunk);
            return Err(incomplete_read(vm, chunk, Value::None)?);
        }
        Ok(None)
    }

    /// `readline`'s step: the partial line at EOF, and ValueError past the limit.
    pub fn readline_step(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let c = classes(vm);
        match self.readuntil_step(vm, b"\n") {
            Err(e)
                if c.incomplete_read_error.borrow().as_ref().is_some_and(|cls| e.class.is_subclass(cls)) =>
            {
                Ok(Some(vm.get_attr(&Value::Obj(e), &Value::str("partial"))?))
            }
            Err(e) if c.limit_overrun_error.borrow().as_ref().is_some_and(|cls| e.class.is_subclass(cls)) => {
                let ev = Value::Obj(e.clone());
                let consumed = vm.get_attr(&ev, &Value::str("consumed"))?;
                self.discard_overrun(vm, &consumed)?;
                let msg = vm.exc_args(&e).into_iter().next().unwrap_or(Value::None);
                let cls = vm.exc_class("ValueError");
                let err = vm.new_exception(&cls, vec![msg]);
                Err(err)
            }
            other => other,
        }
    }

    /// `readline`'s clean-up after a `LimitOverrunError`: drop the line up to and including
    /// the separator at `consumed`, or everything when it is not there.
    pub fn discard_overrun(&self, vm: &mut Vm, consumed: &Value) -> PyResult<()> {
        let consumed = vm.index_of(consumed)?.max(0) as usize;
        {
            let mut buf = self.buffer.borrow_mut();
            if buf.bytes().get(consumed) == Some(&b'\n') {
                buf.take(consumed + 1);
            } else {
                buf.clear();
            }
        }
        self.maybe_resume_transport(vm)
    }

    /// `read(n)`'s step for `n > 0`.
    pub fn read_step(&self, vm: &mut Vm, n: i64) -> PyResult<Option<Value>> {
        self.raise_pending()?;
        if n == 0 {
            return Ok(Some(vm.new_bytes(Vec::new())));
        }
        if self.buffer.borrow().is_empty() && !self.eof.get() {
            return Ok(None);
        }
        self.take(vm, n.max(0) as usize).map(Some)
    }

    /// `readexactly(n)`'s step.
    pub fn readexactly_step(&self, vm: &mut Vm, n: i64) -> PyResult<Option<Value>> {
        if n < 0 {
            return Err(vm.new_error("ValueError", "readexactly size can not be less than zero"));
        }
        self.raise_pending()?;
        let n = n as usize;
        if n == 0 {
            return Ok(Some(vm.new_bytes(Vec::new())));
        }
        if self.buffer.borrow().len() < n {
            if self.eof.get() {
                let partial = self.buffer.borrow_mut().take(usize::MAX);
                let partial = vm.new_bytes(partial);
                return Err(incomplete_read(vm, partial, Value::Int(n as i64))?);
            }
            return Ok(None);
        }
        self.take(vm, n).map(Some)
    }
}

/// `IncompleteReadError(partial, expected)`.
fn incomplete_read(vm: &mut Vm, partial: Value, expected: Value) -> PyResult<Exc> {
    let Some(cls) = classes(vm).incomplete_read_error.borrow().clone() else {
        return Ok(vm.new_error("EOFError", "incomplete read"));
    };
    vm.instantiate_exception(&cls, vec![partial, expected])
}

/// `LimitOverrunError(message, consumed)`.
fn limit_overrun(vm: &mut Vm, message: &str, consumed: usize) -> PyResult<Exc> {
    let Some(cls) = classes(vm).limit_overrun_error.borrow().clone() else {
        return Ok(vm.new_error("ValueError", message));
    };
    vm.instantiate_exception(&cls, vec![Value::str(message), Value::Int(consumed as i64)])
}

/// `StreamReader.__new__(cls, limit=_DEFAULT_LIMIT, loop=None)`.
pub fn reader_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let limit = match opt_arg(&args, 1, "limit") {
        None => DEFAULT_LIMIT,
        Some(v) => vm.index_of(v)?,
    };
    if limit <= 0 {
        return Err(vm.new_error("ValueError", "Limit cannot be <= 0"));
    }
    let loop_obj = match opt_arg(&args, 2, "loop") {
        Some(l) if !l.is_none() => l.clone(),
        _ => vm.running_loop.clone(),
    };
    let obj = ReaderObj {
        limit: limit as usize,
        loop_obj,
        buffer: RefCell::new(ReadBuf::default()),
        eof: Cell::new(false),
        waiter: RefCell::new(Value::None),
        spare_waiter: RefCell::new(None),
        parked: RefCell::new(None),
        exception: RefCell::new(Value::None),
        transport: RefCell::new(Value::None),
        paused: Cell::new(false),
    };
    let cls = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => classes(vm).reader_base.clone(),
    };
    Ok(Value::Obj(Object::with_dict(cls, Payload::Ext(Box::new(obj)))))
}

/// `__init__`: the state is set by `__new__`.
pub fn m_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

impl ReaderObj {
    /// True when `exception()` would return an exception.
    pub fn has_exception(&self) -> bool {
        !self.exception.borrow().is_none()
    }
}

/// `exception()`.
pub fn m_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args)?.exception.borrow().clone())
}

/// `set_exception(exc)`.
pub fn m_set_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    r.set_exception(vm, args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// `_wakeup_waiter()`.
pub fn m_wakeup_waiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?.wakeup_waiter(vm);
    Ok(Value::None)
}

/// `set_transport(transport)`.
pub fn m_set_transport(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    if !r.transport.borrow().is_none() {
        return Err(vm.new_error("AssertionError", "Transport already set"));
    }
    *r.transport.borrow_mut() = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::None)
}

/// `_maybe_resume_transport()`.
pub fn m_maybe_resume_transport(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?.maybe_resume_transport(vm)?;
    Ok(Value::None)
}

/// `feed_eof()`.
pub fn m_feed_eof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?.feed_eof(vm);
    Ok(Value::None)
}

/// `at_eof()`.
pub fn m_at_eof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    Ok(Value::Bool(r.eof.get() && r.buffer.borrow().is_empty()))
}

/// `feed_data(data)`.
pub fn m_feed_data(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    let data = args.pos.get(1).cloned().unwrap_or(Value::None);
    match data.payload() {
        Some(Payload::Bytes(b)) => r.feed(vm, b)?,
        Some(Payload::ByteArray(b)) => {
            let copy = b.borrow().clone();
            r.feed(vm, &copy)?;
        }
        Some(Payload::MemoryView(m)) if !m.released.get() => {
            let copy = m.to_vec();
            r.feed(vm, &copy)?;
        }
        _ if !vm.truthy(&data)? => {}
        _ => {
            let t = vm.type_name(&data);
            return Err(vm.new_error("TypeError", &format!("can't extend bytearray with {t}")));
        }
    }
    Ok(Value::None)
}

// A task parked on its reader, with no wakeup on the waiter future.
//
// A stream read that has to wait makes the reader's `_waiter` future and yields it to the
// task stepping (`read_op`), which in CPython adds its wakeup to it, and the data's
// `set_result` queues that wakeup. When the yield reaches the task step straight from the
// read (the read records its reader in the loop's `LoopNet::read_wait`; an `await` of a
// future clears it) and nothing but the reader, the read and the step's value hold the
// future, the task parks on the reader instead (`park_task`): the reader's `parked` is the
// task, the task's `_fut_waiter` the reader object, and the future has no callback. Data or
// EOF then finish the future and queue the task's step directly
// (`future::wake_parked_reader_task`), in the place `set_result` would have queued the
// wakeup. Whatever else happens to the wait first (a script looking at the reader's
// `_waiter`, its repr, the task's `_fut_waiter` or repr, a cancel, `set_exception`, the
// read resumed or closed by hand) registers the wakeup on the future and makes it the
// task's waiter again (`unpark`), so a script never sees the difference.

/// `task_yielded` got the future `w`, blocking, from `task`'s step on the loop whose net
/// state is `net`: when `w` is the pending waiter a stream read has just made and yielded
/// straight to this step (see above), the task parks on the reader; returns the reader
/// object, to be the task's waiter. None, changing nothing, otherwise.
pub fn park_task(net: &LoopNet, task: &Rc<Object>, w: &Rc<Object>) -> Option<Rc<Object>> {
    let reader_obj = net.read_wait.borrow_mut().take()?;
    let r = reader_in(&reader_obj)?;
    // Held by the reader's `_waiter`, the read and the step's value only.
    if Rc::strong_count(w) != 3 || !matches!(&*r.waiter.borrow(), Value::Obj(o) if Rc::ptr_eq(o, w)) {
        return None;
    }
    let fresh = future_obj(w).is_some_and(|f| {
        let st = f.st.borrow();
        st.state == crate::asyncio::future::State::Pending && st.callbacks.is_empty()
    });
    if !fresh || r.parked.borrow().is_some() {
        return None;
    }
    *r.parked.borrow_mut() = Some(task.clone());
    Some(reader_obj)
}

/// The waiter future of the task parked on the reader object `o` (see [`park_task`]), now
/// with the task's wakeup; None when `o` is no reader with a parked task.
pub fn unpark(vm: &mut Vm, o: &Rc<Object>) -> Option<Rc<Object>> {
    reader_in(o)?.unpark(vm)
}

/// `_new_waiter(func_name)`: `_wait_for_data`'s checks, then a fresh waiter future.
pub fn m_new_waiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    let name = match args.pos.get(1) {
        Some(v) => vm.str_of(v)?,
        None => "read".into(),
    };
    r.new_waiter(vm, &name).map(Value::Obj)
}

/// `_discard_overrun(consumed)`: see [`ReaderObj::discard_overrun`].
pub fn m_discard_overrun(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    r.discard_overrun(vm, args.pos.get(1).unwrap_or(&Value::Int(0)))?;
    Ok(Value::None)
}

/// `_clear_waiter()`: `_wait_for_data`'s `finally`.
pub fn m_clear_waiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    r.unpark(vm);
    r.clear_waiter();
    Ok(Value::None)
}

pub fn sep_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v {
        None => Ok(b"\n".to_vec()),
        Some(v) => match vm.bytes_of(v) {
            Some(b) => Ok(b),
            None => {
                let t = vm.type_name(v);
                Err(vm.new_error("TypeError", &format!("a bytes-like object is required, not '{t}'")))
            }
        },
    }
}

fn or_none(v: Option<Value>) -> Value {
    v.unwrap_or(Value::None)
}

/// `_readuntil_nowait(separator=b'\n')`.
pub fn m_readuntil_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    let sep = sep_arg(vm, opt_arg(&args, 1, "separator"))?;
    r.readuntil_step(vm, &sep).map(or_none)
}

/// `_readline_nowait()`.
pub fn m_readline_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?.readline_step(vm).map(or_none)
}

/// `_read_nowait(n)` for `n >= 0`.
pub fn m_read_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    let n = match args.pos.get(1) {
        Some(v) => vm.index_of(v)?,
        None => -1,
    };
    r.read_step(vm, n).map(or_none)
}

/// `_readexactly_nowait(n)`.
pub fn m_readexactly_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args)?;
    let n = match args.pos.get(1) {
        Some(v) => vm.index_of(v)?,
        None => {
            return Err(vm.new_error("TypeError", "readexactly() missing 1 required positional argument: 'n'"))
        }
    };
    r.readexactly_step(vm, n).map(or_none)
}

#[cfg(test)]
mod tests {
    use super::ReadBuf;

    /// A separator split across pieces is found, and each byte is searched once.
    #[test]
    fn find_resumes_where_the_last_search_stopped() {
        let mut b = ReadBuf::default();
        b.extend(b"GET / HTTP/1.1\r");
        assert_eq!(b.find(b"\r\n"), None);
        assert_eq!(b.searched, 14, "the trailing \\r may start the separator");
        b.extend(b"\nHost");
        assert_eq!(b.find(b"\r\n"), Some(14));
        assert_eq!(b.find(b"\n"), Some(15), "another separator searches afresh");
        b.take(16);
        assert_eq!(b.bytes(), b"Host");
        assert_eq!(b.find(b"\n"), None);
        b.extend(b": x\n");
        assert_eq!(b.find(b"\n"), Some(7));
        b.clear();
        b.extend(b"\n");
        assert_eq!(b.find(b"\n"), Some(0));
    }

    /// After a partial take, what is left is searched from its start if need be.
    #[test]
    fn find_in_matches_a_naive_search() {
        let hay = b"ab\r\nx\r\n\r\r\n\r\nend\r";
        for sep in [&b"\r\n\r\n"[..], b"\r", b"\r\n", b"end", b"end\r", b"zz", b"\nend\r!", b"a"] {
            for start in 0..hay.len() {
                let h = &hay[start..];
                let naive = h.windows(sep.len()).position(|w| w == sep);
                assert_eq!(super::find_in(h, sep), naive, "{sep:?} in {h:?}");
            }
        }
        assert_eq!(super::find_in(b"", b"x"), None);
    }

    #[test]
    fn take_keeps_the_search_position_relative_to_the_front() {
        let mut b = ReadBuf::default();
        b.extend(b"abcdef");
        assert_eq!(b.find(b"x"), None);
        b.take(2);
        assert_eq!(b.searched, 4);
        b.extend(b"x");
        assert_eq!(b.find(b"x"), Some(4));
        assert_eq!(b.find(b"c"), Some(0));
    }
}
