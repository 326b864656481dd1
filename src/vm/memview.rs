//! `memoryview`: a zero-copy view of a `bytes` or `bytearray` object's bytes.
//!
//! A view records the object it exports and which bytes it sees (`start`, `len`, `step`), so
//! slicing a view makes another view of the same storage and writes through a view of a
//! bytearray change the bytearray. While a view of a bytearray is not released, the
//! bytearray counts it in `ByteBuf::exports` and refuses to change size (CPython's
//! `BufferError`), so a view's indices always stay inside the buffer. Only the unsigned byte
//! format (`'B'`) exists: gyre has no `array` of other item types backed by a buffer.

use std::cell::Cell;

use super::object::{Object, Payload};
use super::value::Value;
use super::{PyResult, Vm};

/// The state of a `memoryview`.
#[derive(Debug)]
pub struct MemView {
    /// The exporting `bytes` or `bytearray` (`mv.obj`).
    pub obj: Value,
    /// Index of the view's first byte in the buffer.
    pub start: usize,
    /// Number of bytes in the view.
    pub len: usize,
    /// Distance between consecutive bytes of the view (negative for reversed slices).
    pub step: isize,
    /// True for views of `bytes` and `toreadonly()` views.
    pub readonly: bool,
    /// Set by `release()` (and the end of a `with` block).
    pub released: Cell<bool>,
}

impl MemView {
    /// A view of `len` bytes of `obj` from `start`, counted as an export of a bytearray.
    pub fn new(obj: Value, start: usize, len: usize, step: isize, readonly: bool) -> MemView {
        if let Some(Payload::ByteArray(b)) = obj.payload() {
            b.exports.set(b.exports.get() + 1);
        }
        MemView { obj, start, len, step, readonly, released: Cell::new(false) }
    }

    /// `release()`: the view stops exporting its buffer (idempotent).
    pub fn release(&self) {
        if self.released.replace(true) {
            return;
        }
        if let Some(Payload::ByteArray(b)) = self.obj.payload() {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
    }

    /// Buffer index of the view's byte `i` (`i < len`).
    fn at(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// Runs `f` on the exporter's whole buffer.
    fn with_buffer<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match self.obj.payload() {
            Some(Payload::Bytes(b)) => f(b),
            Some(Payload::ByteArray(b)) => f(&b.borrow()),
            _ => f(&[]),
        }
    }

    /// The view's bytes, copied (bytes a buffer no longer has read as nothing).
    pub fn to_vec(&self) -> Vec<u8> {
        self.with_buffer(|buf| (0..self.len).filter_map(|i| buf.get(self.at(i)).copied()).collect())
    }

    /// The view's byte `i` (`i < len`).
    pub fn byte(&self, i: usize) -> u8 {
        self.with_buffer(|buf| buf.get(self.at(i)).copied().unwrap_or(0))
    }
}

impl Drop for MemView {
    fn drop(&mut self) {
        self.release();
    }
}

impl Vm {
    /// The view inside a `memoryview` value.
    pub fn memview_of<'a>(&self, v: &'a Value) -> Option<&'a MemView> {
        match v.payload()? {
            Payload::MemoryView(m) => Some(m),
            _ => None,
        }
    }

    /// A new `memoryview` value.
    pub fn new_memview(&mut self, view: MemView) -> Value {
        Value::Obj(Object::new(self.types.memoryview.clone(), Payload::MemoryView(view)))
    }

    /// `memoryview(obj)`.
    pub fn memoryview_of(&mut self, obj: &Value) -> PyResult<Value> {
        let view = match obj.payload() {
            Some(Payload::Bytes(b)) => MemView::new(obj.clone(), 0, b.len(), 1, true),
            Some(Payload::ByteArray(b)) => {
                let len = b.borrow().len();
                MemView::new(obj.clone(), 0, len, 1, false)
            }
            Some(Payload::MemoryView(m)) => {
                self.memview_check(m)?;
                MemView::new(m.obj.clone(), m.start, m.len, m.step, m.readonly)
            }
            _ => {
                let t = self.type_name(obj);
                return Err(self.new_error(
                    "TypeError",
                    &format!("memoryview: a bytes-like object is required, not '{t}'"),
                ));
            }
        };
        Ok(self.new_memview(view))
    }

    /// Fails with CPython's error when the view was released.
    pub fn memview_check(&mut self, m: &MemView) -> PyResult<()> {
        if m.released.get() {
            return Err(self.new_error("ValueError", "operation forbidden on released memoryview object"));
        }
        Ok(())
    }

    /// `mv[key]`: an int for an index, a new view sharing the buffer for a slice.
    pub fn memview_get(&mut self, m: &MemView, key: &Value) -> PyResult<Value> {
        self.memview_check(m)?;
        if Self::is_slice(key) {
            let s = self.slice_indices(key, m.len)?;
            let count = s.len();
            let start = if count == 0 { m.start } else { m.at(s.start as usize) };
            let view =
                MemView::new(m.obj.clone(), start, count, m.step.saturating_mul(s.step as isize), m.readonly);
            return Ok(self.new_memview(view));
        }
        let i = self.memview_index(m, key)?;
        Ok(Value::Int(m.byte(i) as i64))
    }

    /// The buffer position of index `key` of the view.
    fn memview_index(&mut self, m: &MemView, key: &Value) -> PyResult<usize> {
        if !self.has_index(key) {
            return Err(self.new_error("TypeError", "memoryview: invalid slice key"));
        }
        self.seq_index(key, m.len, "index out of bounds on dimension 1")
    }

    /// `mv[key] = value`: writes through to the exporting bytearray.
    pub fn memview_set(&mut self, m: &MemView, key: &Value, value: &Value) -> PyResult<()> {
        self.memview_check(m)?;
        if m.readonly {
            return Err(self.new_error("TypeError", "cannot modify read-only memory"));
        }
        let Some(Payload::ByteArray(buf)) = m.obj.payload() else {
            return Err(self.new_error("TypeError", "cannot modify read-only memory"));
        };
        if Self::is_slice(key) {
            let Some(src) = self.bytes_of(value) else {
                let t = self.type_name(value);
                return Err(
                    self.new_error("TypeError", &format!("a bytes-like object is required, not '{t}'"))
                );
            };
            let s = self.slice_indices(key, m.len)?;
            let targets: Vec<usize> = s.indices().map(|i| m.at(i)).collect();
            if targets.len() != src.len() {
                return Err(self.new_error(
                    "ValueError",
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let mut data = buf.borrow_mut();
            for (t, b) in targets.into_iter().zip(src) {
                if let Some(slot) = data.get_mut(t) {
                    *slot = b;
                }
            }
            return Ok(());
        }
        let i = self.memview_index(m, key)?;
        let byte = match value {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => -1,
            _ => return Err(self.new_error("TypeError", "memoryview: invalid type for format 'B'")),
        };
        let Ok(byte) = u8::try_from(byte) else {
            return Err(self.new_error("ValueError", "memoryview: invalid value for format 'B'"));
        };
        if let Some(slot) = buf.borrow_mut().get_mut(m.at(i)) {
            *slot = byte;
        }
        Ok(())
    }

    /// The data attributes of a view (`obj`, `nbytes`, `readonly`, `format`, ...); `None`
    /// for other names (methods live in the class).
    pub fn memview_attr(&mut self, m: &MemView, name: &str) -> PyResult<Option<Value>> {
        let known = matches!(
            name,
            "obj"
                | "nbytes"
                | "readonly"
                | "itemsize"
                | "format"
                | "ndim"
                | "shape"
                | "strides"
                | "suboffsets"
                | "c_contiguous"
                | "f_contiguous"
                | "contiguous"
        );
        if !known {
            return Ok(None);
        }
        self.memview_check(m)?;
        let contiguous = m.step == 1 || m.len <= 1;
        Ok(Some(match name {
            "obj" => m.obj.clone(),
            "nbytes" => Value::Int(m.len as i64),
            "readonly" => Value::Bool(m.readonly),
            "itemsize" => Value::Int(1),
            "format" => Value::str("B"),
            "ndim" => Value::Int(1),
            "shape" => Value::tuple(vec![Value::Int(m.len as i64)]),
            "strides" => Value::tuple(vec![Value::Int(m.step as i64)]),
            "suboffsets" => Value::tuple(Vec::new()),
            _ => Value::Bool(contiguous),
        }))
    }

    /// Fails with CPython's `BufferError` when a bytearray with live views would change size.
    pub fn check_resizable(&mut self, buf: &super::object::ByteBuf) -> PyResult<()> {
        if buf.exports.get() > 0 {
            return Err(self.new_error("BufferError", "Existing exports of data: object cannot be re-sized"));
        }
        Ok(())
    }
}
