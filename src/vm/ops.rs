//! Operators and the core object protocols: arithmetic (int/bigint/float tower), comparison,
//! truthiness, hashing, equality, `repr`/`str`, and f-string formatting.
//!
//! Builtin types are handled directly by matching on `Value`; user classes go through their
//! dunder methods (`__add__`, `__radd__`, `__eq__`, `__hash__`, ...), following CPython's
//! rules for reflected operands and `NotImplemented`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::object::{BaseKind, Class, Payload, PyStr};
use super::value::Value;
use super::{Exc, PyResult, Vm};
use crate::compiler::bytecode::{BinKind, CmpKind, UnaryKind};
use crate::text;

/// CPython's hash modulus (2**61 - 1).
const HASH_MODULUS: i64 = (1 << 61) - 1;

/// The largest big-int result, in bits, that multiplication and `**` compute (4 MiB of
/// digits). The VM checks fuel and deadlines between instructions, not inside one
/// num-bigint multiplication, so this bounds how long a single `x * x` can hold the limits
/// off (about a second at the cap on an idle core). CPython has no cap; gyre raises
/// MemoryError.
const MAX_BIGINT_BITS: u64 = 1 << 25;

/// Big-int results above this many bits take long enough that the limits (deadline,
/// interrupt) are checked before each one, not only every `CHECK_INTERVAL` ticks: a loop of
/// a few such operations per iteration would otherwise run far past its deadline.
const CHECKED_BIGINT_BITS: u64 = 1 << 16;

/// A number in the int/float tower.
enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

fn num_of(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::BigInt(b) => Some(Num::Big((**b).clone())),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

/// Converts a big integer to f64, or None when it is too large.
pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

fn binop_symbol(op: BinKind) -> &'static str {
    match op {
        BinKind::Add => "+",
        BinKind::Sub => "-",
        BinKind::Mul => "*",
        BinKind::MatMul => "@",
        BinKind::TrueDiv => "/",
        BinKind::FloorDiv => "//",
        BinKind::Mod => "%",
        BinKind::Pow => "** or pow()",
        BinKind::LShift => "<<",
        BinKind::RShift => ">>",
        BinKind::And => "&",
        BinKind::Or => "|",
        BinKind::Xor => "^",
    }
}

fn dunder(op: BinKind) -> (&'static str, &'static str, &'static str) {
    match op {
        BinKind::Add => ("__add__", "__radd__", "__iadd__"),
        BinKind::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinKind::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinKind::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinKind::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinKind::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinKind::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinKind::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinKind::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinKind::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinKind::And => ("__and__", "__rand__", "__iand__"),
        BinKind::Or => ("__or__", "__ror__", "__ior__"),
        BinKind::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

impl Vm {
    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::Undef | Value::None => t.none.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Func(_) => t.function.clone(),
            Value::Class(c) => c.meta.clone().unwrap_or_else(|| t.type_.clone()),
            Value::Obj(o) => o.class.clone(),
        }
    }

    /// The name error messages give `v`'s type: `type(v).__name__`, or the dotted name
    /// of a stand-in for a CPython C type ([`Class::type_name`]).
    pub fn type_name(&self, v: &Value) -> String {
        self.type_of(v).type_name()
    }

    /// Is `v` an instance of builtin layout `kind` (directly or via a subclass)?
    pub fn is_kind(&self, v: &Value, kind: BaseKind) -> bool {
        self.type_of(v).kind == kind
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Undef | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.items.borrow().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.map.borrow().is_empty(),
            Value::Func(_) | Value::Class(_) => true,
            Value::Obj(o) => match &o.payload {
                Payload::Set(s) => !s.borrow().is_empty(),
                Payload::FrozenSet(s) => !s.is_empty(),
                Payload::Bytes(b) => !b.is_empty(),
                Payload::ByteArray(b) => !b.borrow().is_empty(),
                Payload::MemoryView(m) => {
                    self.memview_check(m)?;
                    m.len > 0
                }
                Payload::Range(start, stop, step) => range_len(*start, *stop, *step) > 0,
                Payload::BigRange(r) => !r.is_empty(),
                Payload::Complex(re, im) => *re != 0.0 || *im != 0.0,
                _ => return self.truthy_slow(v),
            },
        })
    }

    fn truthy_slow(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(inner) = unboxed(v) {
            if self.overridden(&self.type_of(v), "__bool__").is_none()
                && self.overridden(&self.type_of(v), "__len__").is_none()
            {
                return self.truthy(&inner);
            }
        }
        if let Some(r) = self.call_dunder(v, "__bool__", vec![])? {
            return match r {
                Value::Bool(b) => Ok(b),
                other => {
                    let t = self.type_name(&other);
                    Err(self.new_error("TypeError", &format!("__bool__ should return bool, returned {t}")))
                }
            };
        }
        if let Some(r) = self.call_dunder(v, "__len__", vec![])? {
            let n = self.index_of(&r)?;
            if n < 0 {
                return Err(self.new_error("ValueError", "__len__() should return >= 0"));
            }
            return Ok(n != 0);
        }
        Ok(true)
    }

    /// Calls `type(v).name(v, *args)` if the type defines it; `None` when it does not.
    pub fn call_dunder(&mut self, v: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
        let cls = self.type_of(v);
        if !cls.is_heap && !matches!(v, Value::Obj(_)) {
            return Ok(None);
        }
        let Some(f) = cls.lookup(name) else { return Ok(None) };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(v.clone());
        full.extend(args);
        let f = self.bind_descriptor_for_call(&f, v, &cls);
        match f {
            Some(callable) => self.call(&callable, full[1..].to_vec()).map(Some),
            None => self.call(&cls.lookup(name).unwrap_or(Value::None), full).map(Some),
        }
    }

    /// For a dunder found on a class: `Some(bound)` for staticmethod/classmethod wrappers and
    /// other descriptors; `None` for plain functions (call with `self` prepended).
    fn bind_descriptor_for_call(&mut self, f: &Value, v: &Value, cls: &Rc<Class>) -> Option<Value> {
        match f.payload() {
            Some(Payload::StaticMethod(inner)) => Some(inner.clone()),
            Some(Payload::ClassMethod(inner)) => {
                Some(self.bound_method(inner.clone(), Value::Class(cls.clone())))
            }
            Some(Payload::Native(n)) if n.is_method => None,
            _ if matches!(f, Value::Func(_)) => None,
            _ => {
                let _ = v;
                None
            }
        }
    }

    /// A user-class dunder method, if `v`'s class (a script class) defines one.
    fn user_dunder(&self, v: &Value, name: &str) -> Option<Value> {
        let cls = self.type_of(v);
        if !cls.is_heap {
            return None;
        }
        cls.lookup(name)
    }

    /// `a <op> b`.
    pub fn binary_op(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            if let Some(r) = self.numeric_op(op, x, y, a, b)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.builtin_binop(op, a, b)? {
            self.mem_track_value(&r)?;
            return Ok(r);
        }
        self.dunder_binop(op, a, b)
    }

    /// `a <op>= b`: `__iop__` first, then the binary operator.
    pub fn inplace_op(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinKind::Add, Value::List(l)) => {
                self.list_extend(a, b)?;
                return Ok(Value::List(l.clone()));
            }
            (BinKind::Mul, Value::List(l)) => {
                let Ok(n) = self.index_of(b) else { return Err(self.binop_type_error(op, a, b)) };
                let size = l.items.borrow().len() * std::mem::size_of::<Value>();
                self.alloc_check(size.saturating_mul(n.max(0) as usize))?;
                let out = repeat_items(&l.items.borrow(), n.max(0) as usize);
                *l.items.borrow_mut() = out;
                self.mem_track_value(a)?;
                return Ok(a.clone());
            }
            (BinKind::Or, Value::Dict(_)) => {
                // `d |= x` updates `d` itself from a mapping or an iterable of pairs.
                crate::builtins::dict_fill(self, a, b)?;
                return Ok(a.clone());
            }
            _ => {}
        }
        if let Value::Obj(o) = a {
            if let (BinKind::Add, Payload::ByteArray(buf)) = (op, &o.payload) {
                // `ba += x` extends the bytearray itself (views of it see the change).
                if let Some(more) = self.bytes_of(b) {
                    self.check_resizable(buf)?;
                    buf.borrow_mut().extend_from_slice(&more);
                    self.mem_track_value(a)?;
                    return Ok(a.clone());
                }
            }
            if let Payload::Set(_) = o.payload {
                if matches!(op, BinKind::Or | BinKind::And | BinKind::Sub | BinKind::Xor) {
                    if let Some(r) = self.set_inplace(op, a, b)? {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(f) = self.user_dunder(a, dunder(op).2) {
            let r = self.call(&f, vec![a.clone(), b.clone()])?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if op == BinKind::Or && matches!(a.payload(), Some(Payload::DictData(_))) {
            // A dict subclass updates itself through its own `update` (OrderedDict's order).
            self.call_method(a, "update", vec![b.clone()])?;
            return Ok(a.clone());
        }
        self.binary_op(op, a, b).map_err(|e| self.inplace_type_error(op, a, b, e))
    }

    /// The binary operator's "unsupported operand type(s) for +" becomes CPython's "for +=" when
    /// it ends an in-place operation; any other error passes unchanged.
    fn inplace_type_error(&mut self, op: BinKind, a: &Value, b: &Value, e: Exc) -> Exc {
        let (na, nb) = (self.type_name(a), self.type_name(b));
        let binary = format!("unsupported operand type(s) for {}: '{na}' and '{nb}'", binop_symbol(op));
        let said = self.exc_args(&e).first().and_then(|m| m.as_str().map(str::to_string));
        if said.as_deref() != Some(binary.as_str()) {
            return e;
        }
        let symbol = binop_symbol(op).trim_end_matches(" or pow()");
        self.new_error("TypeError", &format!("unsupported operand type(s) for {symbol}=: '{na}' and '{nb}'"))
    }

    /// True for the `NotImplemented` singleton.
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v.payload(), Some(Payload::NotImplemented))
    }

    fn dunder_binop(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Value> {
        let (name, rname, _) = dunder(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let same = Rc::ptr_eq(&ta, &tb);
        let rfirst = !same && tb.is_subclass(&ta) && tb.is_heap && tb.lookup(rname).is_some();
        if rfirst {
            if let Some(f) = tb.lookup(rname) {
                let r = self.call(&f, vec![b.clone(), a.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if ta.is_heap {
            if let Some(f) = ta.lookup(name) {
                let r = self.call(&f, vec![a.clone(), b.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if !same && !rfirst && tb.is_heap {
            if let Some(f) = tb.lookup(rname) {
                let r = self.call(&f, vec![b.clone(), a.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some((x, y)) = unboxed_pair(a, b) {
            // Instances of script subclasses of builtins use the builtin's operator; its
            // type error names the subclasses, as CPython's does.
            return self.binary_op(op, &x, &y).map_err(|e| {
                let builtin = self.binop_message(op, &x, &y);
                let said = self.exc_args(&e).first().and_then(|m| m.as_str().map(str::to_string));
                if said.as_deref() == Some(builtin.as_str()) {
                    self.binop_type_error(op, a, b)
                } else {
                    e
                }
            });
        }
        if op == BinKind::Mul {
            // A sequence times an object with `__index__` (CPython's sq_repeat fallback).
            if let Some((seq, n)) = index_repeat_operands(a, b, &ta, &tb) {
                return self.repeat(seq, n);
            }
        }
        Err(self.binop_type_error(op, a, b))
    }

    fn binop_type_error(&mut self, op: BinKind, a: &Value, b: &Value) -> Exc {
        let message = self.binop_message(op, a, b);
        self.new_error("TypeError", &message)
    }

    /// The text of the TypeError for operands `op` does not support.
    fn binop_message(&self, op: BinKind, a: &Value, b: &Value) -> String {
        let (na, nb) = (self.type_name(a), self.type_name(b));
        match (op, a) {
            (BinKind::Add, Value::Str(_)) => format!("can only concatenate str (not \"{nb}\") to str"),
            (BinKind::Add, Value::List(_)) => format!("can only concatenate list (not \"{nb}\") to list"),
            (BinKind::Add, Value::Tuple(_)) => format!("can only concatenate tuple (not \"{nb}\") to tuple"),
            (BinKind::Add, _) if matches!(a.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_))) => {
                let what = if matches!(a.payload(), Some(Payload::Bytes(_))) { "bytes" } else { "bytearray" };
                format!("can't concat {nb} to {what}")
            }
            (BinKind::Mul, _) if is_repeatable(a) => {
                format!("can't multiply sequence by non-int of type '{nb}'")
            }
            (BinKind::Mul, _) if is_repeatable(b) => {
                format!("can't multiply sequence by non-int of type '{na}'")
            }
            _ => format!("unsupported operand type(s) for {}: '{na}' and '{nb}'", binop_symbol(op)),
        }
    }

    /// Binary operators on builtin non-numeric types (sequences, sets, dicts, `%` formatting).
    fn builtin_binop(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        Ok(Some(match (op, a, b) {
            (BinKind::Add, Value::Str(x), Value::Str(y)) => {
                Value::Str(Rc::new(PyStr::concat([&**x, &**y].into_iter())))
            }
            (BinKind::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.items.borrow().clone();
                v.extend(y.items.borrow().iter().cloned());
                Value::list(v)
            }
            (BinKind::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Value::tuple(v)
            }
            (
                BinKind::Mul,
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
            ) => return self.repeat(a, b).map(Some),
            (
                BinKind::Mul,
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
            ) => return self.repeat(b, a).map(Some),
            (BinKind::Mod, Value::Str(fmt), _) => return self.percent_format(fmt.as_str(), b).map(Some),
            (BinKind::Mod, Value::Obj(o), _)
                if matches!(o.payload, Payload::Bytes(_) | Payload::ByteArray(_)) =>
            {
                let fmt = self.bytes_of(a).unwrap_or_default();
                return self.percent_format_bytes(&fmt, b, a).map(Some);
            }
            (BinKind::Or, Value::Dict(x), Value::Dict(y)) => {
                let d = self.new_dict();
                self.dict_update_display(&d, &Value::Dict(x.clone()))?;
                self.dict_update_display(&d, &Value::Dict(y.clone()))?;
                d
            }
            _ => {
                if op == BinKind::Or {
                    // `int | None`: a types.UnionType (PEP 604).
                    if let Some(r) = crate::builtins::union_or(self, a, b)? {
                        return Ok(Some(r));
                    }
                }
                if let Some(r) = self.view_binop(op, a, b)? {
                    return Ok(Some(r));
                }
                if let Some(r) = self.complex_binop(op, a, b)? {
                    return Ok(Some(r));
                }
                if let (Some(_), Some(_)) = (self.set_table_of(a), self.set_table_of(b)) {
                    if let Some(r) = self.set_binop(op, a, b)? {
                        return Ok(Some(r));
                    }
                }
                if let (Some(x), Some(y)) = (self.bytes_of(a), self.bytes_of(b)) {
                    if op == BinKind::Add {
                        let mut v = x;
                        v.extend(y);
                        return Ok(Some(self.new_bytes_like(a, v)));
                    }
                }
                if op == BinKind::Mul {
                    return self.bytes_repeat(a, b);
                }
                return Ok(None);
            }
        }))
    }

    /// `bytes * n`, `n * bytes` (and bytearray) for any count with `__index__`; `None` when
    /// neither side is a bytes-like sequence with a count on the other.
    fn bytes_repeat(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let is_bytes = |v: &Value| matches!(v.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_)));
        let (seq, count) = if is_bytes(a) { (a, b) } else { (b, a) };
        if !is_bytes(seq) || !self.has_index(count) {
            return Ok(None);
        }
        if let Value::BigInt(_) = count {
            // Past the index range either way, as for the other sequences (`repeat`).
            return Err(self.new_error("OverflowError", "cannot fit 'int' into an index-sized integer"));
        }
        let n = self.index_of(count)?.max(0) as usize;
        let x = self.bytes_of(seq).unwrap_or_default();
        // bytes checks the size first (bytearray, like list, reports MemoryError).
        if matches!(seq.payload(), Some(Payload::Bytes(_))) && exceeds_ssize(x.len(), n) {
            return Err(self.new_error("OverflowError", "repeated bytes are too long"));
        }
        self.alloc_check(x.len().saturating_mul(n))?;
        Ok(Some(self.new_bytes_like(seq, x.repeat(n))))
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        if let Value::BigInt(_) = n {
            // A count past the index range either way (CPython's sq_repeat takes a Py_ssize_t).
            return Err(self.new_error("OverflowError", "cannot fit 'int' into an index-sized integer"));
        }
        let n = self.index_of(n)?.max(0) as usize;
        if let Value::Str(s) = seq {
            if exceeds_ssize(s.char_len(), n) {
                return Err(self.new_error("OverflowError", "repeated string is too long"));
            }
        }
        let slot = std::mem::size_of::<Value>();
        let bytes = match seq {
            Value::Str(s) => s.as_str().len(),
            Value::List(l) => l.items.borrow().len() * slot,
            Value::Tuple(t) => t.items.len() * slot,
            _ => 0,
        };
        self.alloc_check(bytes.saturating_mul(n))?;
        Ok(match seq {
            Value::Str(s) => Value::string(s.as_str().repeat(n)),
            Value::List(l) => {
                let out = repeat_items(&l.items.borrow(), n);
                Value::list(out)
            }
            Value::Tuple(t) => Value::tuple(repeat_items(&t.items, n)),
            _ => Value::None,
        })
    }

    /// Arithmetic on the int/float tower. `None` for operators numbers do not support.
    fn numeric_op(&mut self, op: BinKind, x: Num, y: Num, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
            match op {
                BinKind::And => return Ok(Some(Value::Bool(*p & *q))),
                BinKind::Or => return Ok(Some(Value::Bool(*p | *q))),
                BinKind::Xor => return Ok(Some(Value::Bool(*p ^ *q))),
                _ => {}
            }
        }
        if matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)) {
            // Floats mix with ints by converting the int (OverflowError when too large);
            // floats have no bitwise operators, and the error names the operands as given.
            if matches!(op, BinKind::And | BinKind::Or | BinKind::Xor | BinKind::LShift | BinKind::RShift) {
                return Err(self.binop_type_error(op, a, b));
            }
            let fx = self.num_to_f64(x)?;
            let fy = self.num_to_f64(y)?;
            return self.float_op(op, fx, fy).map(Some);
        }
        self.int_op(op, a, b)
    }

    fn num_to_f64(&mut self, n: Num) -> PyResult<f64> {
        match n {
            Num::Int(i) => Ok(i as f64),
            Num::Float(f) => Ok(f),
            Num::Big(b) => big_to_f64(&b)
                .ok_or_else(|| self.new_error("OverflowError", "int too large to convert to float")),
        }
    }

    fn float_op(&mut self, op: BinKind, x: f64, y: f64) -> PyResult<Value> {
        Ok(Value::Float(match op {
            BinKind::Add => x + y,
            BinKind::Sub => x - y,
            BinKind::Mul => x * y,
            BinKind::TrueDiv => text::round::float_truediv(x, y).map_err(|e| self.text_error(e))?,
            BinKind::FloorDiv => text::round::float_floordiv(x, y).map_err(|e| self.text_error(e))?,
            BinKind::Mod => text::round::float_mod(x, y).map_err(|e| self.text_error(e))?,
            BinKind::Pow => return self.float_pow(x, y),
            _ => return Err(self.binop_type_error(op, &Value::Float(x), &Value::Float(y))),
        }))
    }

    fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(self.new_error("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
        }
        if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
            return self.float_pow_complex(x, y);
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(self.new_error("OverflowError", "(34, 'Numerical result out of range')"));
        }
        Ok(Value::Float(r))
    }

    /// Integer arithmetic (`bool` counts as int), promoting to big integers on overflow.
    fn int_op(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (x, y) = (int_of(a), int_of(b));
        if let (Some(x), Some(y)) = (x, y) {
            let fast = match op {
                BinKind::Add => x.checked_add(y),
                BinKind::Sub => x.checked_sub(y),
                BinKind::Mul => x.checked_mul(y),
                BinKind::FloorDiv if y != 0 => x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y)),
                BinKind::Mod if y != 0 => x.checked_rem(y).map(|_| x.mod_floor(&y)),
                BinKind::And => Some(x & y),
                BinKind::Or => Some(x | y),
                BinKind::Xor => Some(x ^ y),
                BinKind::RShift if y >= 0 => Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }),
                BinKind::LShift if (0..63).contains(&y) => x.checked_mul(1i64 << y),
                _ => None,
            };
            if let Some(r) = fast {
                return Ok(Some(Value::Int(r)));
            }
            if op == BinKind::TrueDiv {
                if y == 0 {
                    return Err(self.new_error("ZeroDivisionError", "division by zero"));
                }
                return Ok(Some(Value::Float(int_true_div(&BigInt::from(x), &BigInt::from(y)))));
            }
        }
        let x = big_of(a).unwrap_or_default();
        let y = big_of(b).unwrap_or_default();
        let r = match op {
            BinKind::Add => x + y,
            BinKind::Sub => x - y,
            BinKind::Mul => {
                let bits = x.bits() + y.bits();
                self.mem_reserve((bits / 8) as usize)?;
                if bits > MAX_BIGINT_BITS {
                    return Err(self.new_error("MemoryError", ""));
                }
                if bits > CHECKED_BIGINT_BITS {
                    self.check_limits()?;
                }
                x * y
            }
            BinKind::TrueDiv => {
                if y.is_zero() {
                    return Err(self.new_error("ZeroDivisionError", "division by zero"));
                }
                let q = int_true_div(&x, &y);
                if q.is_infinite() {
                    return Err(
                        self.new_error("OverflowError", "integer division result too large for a float")
                    );
                }
                return Ok(Some(Value::Float(q)));
            }
            BinKind::FloorDiv => {
                if y.is_zero() {
                    return Err(self.new_error("ZeroDivisionError", "integer division or modulo by zero"));
                }
                x.div_floor(&y)
            }
            BinKind::Mod => {
                if y.is_zero() {
                    return Err(self.new_error("ZeroDivisionError", "integer modulo by zero"));
                }
                x.mod_floor(&y)
            }
            BinKind::Pow => return self.int_pow(&x, &y).map(Some),
            BinKind::And => x & y,
            BinKind::Or => x | y,
            BinKind::Xor => x ^ y,
            BinKind::LShift | BinKind::RShift => {
                if y.is_negative() {
                    return Err(self.new_error("ValueError", "negative shift count"));
                }
                let Some(n) = y.to_usize() else {
                    return Err(self.new_error("OverflowError", "too many digits in integer"));
                };
                if op == BinKind::LShift {
                    if !x.is_zero() {
                        self.mem_reserve(n / 8)?;
                    }
                    if n > 1 << 24 && !x.is_zero() {
                        return Err(self.new_error("MemoryError", ""));
                    }
                    x << n
                } else {
                    x >> n
                }
            }
            BinKind::MatMul => return Ok(None),
        };
        Ok(Some(Value::from_bigint(r)))
    }

    fn int_pow(&mut self, x: &BigInt, y: &BigInt) -> PyResult<Value> {
        if y.is_negative() {
            if x.is_zero() {
                return Err(self.new_error("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
            }
            let fx = big_to_f64(x).unwrap_or(f64::INFINITY);
            let fy = big_to_f64(y).unwrap_or(f64::NEG_INFINITY);
            return Ok(Value::Float(fx.powf(fy)));
        }
        if x.is_zero() || x.is_one() {
            return Ok(Value::from_bigint(if y.is_zero() { BigInt::from(1) } else { x.clone() }));
        }
        if x == &BigInt::from(-1) {
            return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
        }
        let Some(e) = y.to_u32() else {
            // Any result this large is over a memory limit (reported as such) or the cap.
            self.mem_reserve(usize::MAX)?;
            return Err(self.new_error("MemoryError", ""));
        };
        let bits = x.bits() * e as u64;
        self.mem_reserve((bits / 8) as usize)?;
        if bits > CHECKED_BIGINT_BITS {
            self.check_limits()?;
        }
        if bits > MAX_BIGINT_BITS {
            return Err(self.new_error("MemoryError", ""));
        }
        if let (Some(b), true) = (x.to_i64(), bits < 62) {
            if let Some(r) = b.checked_pow(e) {
                return Ok(Value::Int(r));
            }
        }
        Ok(Value::from_bigint(num_traits::pow(x.clone(), e as usize)))
    }

    /// `<op> v`.
    pub fn unary_op(&mut self, op: UnaryKind, v: &Value) -> PyResult<Value> {
        match (op, v) {
            (UnaryKind::Not, _) => return Ok(Value::Bool(!self.truthy(v)?)),
            (UnaryKind::Neg, Value::Int(i)) if *i != i64::MIN => return Ok(Value::Int(-i)),
            (UnaryKind::Neg, Value::Float(f)) => return Ok(Value::Float(-f)),
            (UnaryKind::Neg, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
                return Ok(Value::from_bigint(-big_of(v).unwrap_or_default()))
            }
            (UnaryKind::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => return Ok(v.clone()),
            (UnaryKind::Pos, Value::Bool(b)) => return Ok(Value::Int(*b as i64)),
            (UnaryKind::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
            (UnaryKind::Invert, Value::Bool(b)) => return Ok(Value::Int(!(*b as i64))),
            (UnaryKind::Invert, Value::BigInt(b)) => return Ok(Value::from_bigint(-(**b).clone() - 1)),
            (UnaryKind::Neg | UnaryKind::Pos, Value::Obj(o)) => {
                if let Payload::Complex(re, im) = o.payload {
                    let neg = op == UnaryKind::Neg;
                    return Ok(self.new_complex(if neg { (-re, -im) } else { (re, im) }));
                }
            }
            _ => {}
        }
        let (name, sym) = match op {
            UnaryKind::Neg => ("__neg__", "-"),
            UnaryKind::Pos => ("__pos__", "+"),
            UnaryKind::Invert => ("__invert__", "~"),
            UnaryKind::Not => unreachable!("handled above"),
        };
        if let Some(r) = self.call_dunder(v, name, vec![])? {
            return Ok(r);
        }
        if let Some(inner) = unboxed(v) {
            return self.unary_op(op, &inner);
        }
        let t = self.type_name(v);
        Err(self.new_error("TypeError", &format!("bad operand type for unary {sym}: '{t}'")))
    }

    /// `a <op> b` for comparisons, identity and membership.
    pub fn compare_op(&mut self, op: CmpKind, a: &Value, b: &Value) -> PyResult<Value> {
        Ok(Value::Bool(match op {
            CmpKind::Is => a.is(b),
            CmpKind::IsNot => !a.is(b),
            CmpKind::In => self.contains(b, a)?,
            CmpKind::NotIn => !self.contains(b, a)?,
            CmpKind::Eq => return self.rich_eq(a, b, false),
            CmpKind::Ne => return self.rich_eq(a, b, true),
            _ => return self.rich_order(op, a, b),
        }))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity implies equality here, even for NaN (CPython's PyObject_RichCompareBool).
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = super::dict::simple_eq(a, b) {
            if !matches!(a, Value::Obj(_)) && !matches!(b, Value::Obj(_)) {
                return Ok(r);
            }
        }
        let r = self.rich_eq(a, b, false)?;
        self.truthy(&r)
    }

    fn rich_eq(&mut self, a: &Value, b: &Value, negate: bool) -> PyResult<Value> {
        let r = match (a, b) {
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    true
                } else {
                    let (xs, ys) = (x.items.borrow().clone(), y.items.borrow().clone());
                    self.seq_eq(&xs, &ys)?
                }
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_eq(&x.items.clone(), &y.items.clone())?,
            (Value::Dict(x), Value::Dict(y)) => self.dict_eq(x, y)?,
            (Value::Obj(_), _) | (_, Value::Obj(_)) => {
                // A mappingproxy compares as the mapping it shows.
                if let Some(d) = proxied_dict(a) {
                    return self.rich_eq(&Value::Dict(d), b, negate);
                }
                if let Some(d) = proxied_dict(b) {
                    return self.rich_eq(a, &Value::Dict(d), negate);
                }
                if let Some(r) = self.obj_eq(a, b)? {
                    return Ok(if negate { Value::Bool(!self.truthy(&r)?) } else { r });
                }
                a.is(b)
            }
            (Value::Float(x), Value::Float(y)) => x == y,
            (Value::BigInt(_) | Value::Float(_) | Value::Int(_) | Value::Bool(_), _)
                if num_of(a).is_some() && num_of(b).is_some() =>
            {
                num_cmp(CmpKind::Eq, num_of(a).expect("number"), num_of(b).expect("number"))
            }
            _ => match super::dict::simple_eq(a, b) {
                Some(r) => r,
                None => a.is(b),
            },
        };
        Ok(Value::Bool(r != negate))
    }

    fn seq_eq(&mut self, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if xs.len() != ys.len() {
            return Ok(false);
        }
        self.enter_native(" in comparison")?;
        let mut r = Ok(true);
        for (x, y) in xs.iter().zip(ys) {
            match self.eq(x, y) {
                Ok(true) => {}
                other => {
                    r = other;
                    break;
                }
            }
        }
        self.leave_native();
        r
    }

    /// Equality of a builtin-subclass instance (a namedtuple, a `str` subclass) that does not
    /// define `__eq__`: compare the builtin values they wrap.
    fn boxed_eq(&mut self, a: &Value, b: &Value, ta: &Rc<Class>, tb: &Rc<Class>) -> PyResult<Option<Value>> {
        let script_eq = |t: &Rc<Class>| t.is_heap && matches!(t.lookup("__eq__"), Some(Value::Func(_)));
        if script_eq(ta) || script_eq(tb) {
            return Ok(None);
        }
        let unbox = |v: &Value| match v.payload() {
            Some(Payload::Boxed(inner)) => Some(inner.clone()),
            _ => None,
        };
        match (unbox(a), unbox(b)) {
            (None, None) => Ok(None),
            (x, y) => {
                let x = x.unwrap_or_else(|| a.clone());
                let y = y.unwrap_or_else(|| b.clone());
                Ok(Some(Value::Bool(self.eq(&x, &y)?)))
            }
        }
    }

    /// Equality involving at least one `Obj`: builtin payloads, then `__eq__` both ways.
    fn obj_eq(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = self.complex_eq(a, b)? {
            return Ok(Some(Value::Bool(r)));
        }
        if let Some(r) = self.view_compare(CmpKind::Eq, a, b)? {
            return Ok(Some(Value::Bool(r)));
        }
        if let (Some(x), Some(y)) = (self.set_table_of(a), self.set_table_of(b)) {
            return Ok(Some(Value::Bool(x.len() == y.len() && self.set_issubset(a, b)?)));
        }
        if let (Some(x), Some(y)) = (self.bytes_of(a), self.bytes_of(b)) {
            return Ok(Some(Value::Bool(x == y)));
        }
        if let (Some(x), Some(y)) = (range_parts(a), range_parts(b)) {
            let (lx, ly) = (x.len(), y.len());
            let same = lx == ly
                && (lx.is_zero() || (x.start == y.start && (lx == BigInt::from(1) || x.step == y.step)));
            return Ok(Some(Value::Bool(same)));
        }
        if let (Some(Payload::Range(a1, b1, c1)), Some(Payload::Range(a2, b2, c2))) =
            (a.payload(), b.payload())
        {
            let (l1, l2) = (range_len(*a1, *b1, *c1), range_len(*a2, *b2, *c2));
            let same = l1 == l2 && (l1 == 0 || (a1 == a2 && (l1 == 1 || c1 == c2)));
            return Ok(Some(Value::Bool(same)));
        }
        if let (Some(Payload::BoundMethod(f1, s1)), Some(Payload::BoundMethod(f2, s2))) =
            (a.payload(), b.payload())
        {
            let (f1, f2, same) = (f1.clone(), f2.clone(), s1.is(s2));
            return Ok(Some(Value::Bool(same && self.eq(&f1, &f2)?)));
        }
        if let (Some(Payload::Slice(a1, b1, c1)), Some(Payload::Slice(a2, b2, c2))) =
            (a.payload(), b.payload())
        {
            let x = [a1.clone(), b1.clone(), c1.clone()];
            let y = [a2.clone(), b2.clone(), c2.clone()];
            return Ok(Some(Value::Bool(self.seq_eq(&x, &y)?)));
        }
        if let Some(r) = crate::builtins::union_eq(self, a, b)? {
            return Ok(Some(Value::Bool(r)));
        }
        if let Some(r) = crate::builtins::alias_eq(self, a, b)? {
            return Ok(Some(Value::Bool(r)));
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if let Some(r) = self.boxed_eq(a, b, &ta, &tb)? {
            return Ok(Some(r));
        }
        let reflected_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta);
        let order: [(&Value, &Value, &Rc<Class>); 2] =
            if reflected_first { [(b, a, &tb), (a, b, &ta)] } else { [(a, b, &ta), (b, a, &tb)] };
        for (x, y, t) in order {
            if !t.is_heap {
                continue;
            }
            if let Some(f) = self.overridden(t, "__eq__") {
                let r = self.call(&f, vec![x.clone(), y.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(Some(r));
                }
            }
        }
        if let Some((x, y)) = unboxed_pair(a, b) {
            return Ok(Some(Value::Bool(self.eq(&x, &y)?)));
        }
        Ok(None)
    }

    fn rich_order(&mut self, op: CmpKind, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            return Ok(Value::Bool(num_cmp(op, x, y)));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => {
                return Ok(Value::Bool(ord_result(op, x.as_str().cmp(y.as_str()))))
            }
            (Value::List(x), Value::List(y)) => return self.list_order(op, x, y),
            (Value::Tuple(x), Value::Tuple(y)) => return self.seq_order(op, &x.items, &y.items),
            _ => {}
        }
        if let (Some(x), Some(y)) = (self.bytes_of(a), self.bytes_of(b)) {
            return Ok(Value::Bool(ord_result(op, x.cmp(&y))));
        }
        if let Some(r) = self.view_compare(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        if self.set_table_of(a).is_some() && self.set_table_of(b).is_some() {
            let r = match op {
                CmpKind::Le => self.set_issubset(a, b)?,
                CmpKind::Ge => self.set_issubset(b, a)?,
                CmpKind::Lt => self.set_len(a) < self.set_len(b) && self.set_issubset(a, b)?,
                _ => self.set_len(a) > self.set_len(b) && self.set_issubset(b, a)?,
            };
            return Ok(Value::Bool(r));
        }
        let (name, rname, sym) = match op {
            CmpKind::Lt => ("__lt__", "__gt__", "<"),
            CmpKind::Le => ("__le__", "__ge__", "<="),
            CmpKind::Gt => ("__gt__", "__lt__", ">"),
            _ => ("__ge__", "__le__", ">="),
        };
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if let Some((x, y)) = unbox_pair(a, b, &ta, &tb, name, rname) {
            return self.rich_order(op, &x, &y);
        }
        let reflected_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta);
        let tries: [(&Value, &Value, &Rc<Class>, &str); 2] = if reflected_first {
            [(b, a, &tb, rname), (a, b, &ta, name)]
        } else {
            [(a, b, &ta, name), (b, a, &tb, rname)]
        };
        for (x, y, t, n) in tries {
            if !t.is_heap {
                continue;
            }
            if let Some(f) = t.lookup(n) {
                let r = self.call(&f, vec![x.clone(), y.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some((x, y)) = unboxed_pair(a, b) {
            return self.rich_order(op, &x, &y);
        }
        let (na, nb) = (ta.type_name(), tb.type_name());
        Err(self
            .new_error("TypeError", &format!("'{sym}' not supported between instances of '{na}' and '{nb}'")))
    }

    /// List ordering as CPython does it: element by element, re-reading both lists at each
    /// step (a script `__eq__` may change them), without copying them.
    fn list_order(
        &mut self,
        op: CmpKind,
        x: &super::object::List,
        y: &super::object::List,
    ) -> PyResult<Value> {
        let mut i = 0;
        loop {
            let (a, b) = {
                let (xs, ys) = (x.items.borrow(), y.items.borrow());
                if i >= xs.len() || i >= ys.len() {
                    return Ok(Value::Bool(ord_result(op, xs.len().cmp(&ys.len()))));
                }
                (xs[i].clone(), ys[i].clone())
            };
            if !self.eq(&a, &b)? {
                return self.rich_order(op, &a, &b);
            }
            i += 1;
        }
    }

    fn seq_order(&mut self, op: CmpKind, xs: &[Value], ys: &[Value]) -> PyResult<Value> {
        for (x, y) in xs.iter().zip(ys) {
            if !self.eq(x, y)? {
                return self.rich_order(op, x, y);
            }
        }
        Ok(Value::Bool(ord_result(op, xs.len().cmp(&ys.len()))))
    }

    /// `a < b` as a bool (for sorting, min and max).
    pub fn less_than(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
            (Value::List(x), Value::List(y)) => {
                let simple = simple_seq_less(&x.items.borrow(), &y.items.borrow());
                match simple {
                    Some(r) => Ok(r),
                    None => self.rich_less(a, b),
                }
            }
            (Value::Tuple(x), Value::Tuple(y)) => match simple_seq_less(&x.items, &y.items) {
                Some(r) => Ok(r),
                None => self.rich_less(a, b),
            },
            _ => self.rich_less(a, b),
        }
    }

    /// `a < b` through the full protocol (dunders, mixed types).
    fn rich_less(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let r = self.rich_order(CmpKind::Lt, a, b)?;
        self.truthy(&r)
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::None | Value::Undef => 0x5f3759df,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => hash_int(*i),
            Value::BigInt(b) => hash_big(b),
            Value::Float(f) => hash_float(*f),
            Value::Str(s) => s.hash(),
            Value::Tuple(t) => {
                let items = t.items.clone();
                let mut acc: u64 = 2870177450012600261;
                self.enter_native(" while hashing")?;
                let lanes: PyResult<Vec<i64>> = items.iter().map(|item| self.hash(item)).collect();
                self.leave_native();
                for lane in lanes? {
                    let lane = lane as u64;
                    acc = acc.wrapping_add(lane.wrapping_mul(14029467366897019727));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(11400714785074694791);
                }
                acc = acc.wrapping_add(items.len() as u64 ^ (2870177450012600261 ^ 3527539));
                if acc == u64::MAX {
                    1546275796
                } else {
                    acc as i64
                }
            }
            Value::List(_) | Value::Dict(_) => return Err(self.unhashable(v)),
            Value::Func(f) => (Rc::as_ptr(f) as i64) >> 4,
            Value::Class(c) => (Rc::as_ptr(c) as i64) >> 4,
            Value::Obj(o) => match &o.payload {
                Payload::Set(_) | Payload::ByteArray(_) | Payload::ListData(_) | Payload::DictData(_) => {
                    return Err(self.unhashable(v))
                }
                Payload::FrozenSet(s) => {
                    let mut h: u64 = 0;
                    for (eh, _) in s.iter_hashed() {
                        let x = eh as u64;
                        h ^= (x ^ (x << 16) ^ 89869747).wrapping_mul(3644798167);
                    }
                    h ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
                    h = h ^ (h >> 11) ^ (h >> 25);
                    h = h.wrapping_mul(69069).wrapping_add(907133923);
                    h as i64
                }
                Payload::Bytes(b) => crate::vm::object::str_hash(&String::from_utf8_lossy(b)),
                Payload::MemoryView(m) => {
                    self.memview_check(m)?;
                    if !m.readonly {
                        return Err(self.new_error("ValueError", "cannot hash writable memoryview object"));
                    }
                    crate::vm::object::str_hash(&String::from_utf8_lossy(&m.to_vec()))
                }
                Payload::Boxed(inner) => {
                    // A subclass of str, int, ... may define its own `__hash__` (or drop it
                    // by defining `__eq__` alone).
                    if o.class.is_heap {
                        if let Some(h) = self.script_hash(v, o)? {
                            return Ok(h);
                        }
                    }
                    let inner = inner.clone();
                    return self.hash(&inner);
                }
                Payload::BoundMethod(f, s) => {
                    let (f, s) = (f.clone(), s.clone());
                    self.hash(&f)? ^ (s.id() as i64 >> 4)
                }
                Payload::Slice(..) => return Err(self.unhashable(v)),
                Payload::Complex(re, im) => super::complex::complex_hash((*re, *im)),
                _ => return self.hash_object(v, o),
            },
        })
    }

    fn hash_object(&mut self, v: &Value, o: &Rc<super::object::Object>) -> PyResult<i64> {
        if o.class.is_heap {
            if let Some(h) = self.script_hash(v, o)? {
                return Ok(h);
            }
        } else if let Some(h) = crate::builtins::alias_hash(self, v)? {
            return Ok(h);
        }
        Ok((Rc::as_ptr(o) as *const u8 as i64) >> 4)
    }

    /// The hash a script class gives its instance `v`: its `__hash__`'s result, or the
    /// TypeError of a class that set `__hash__` to None or defined `__eq__` alone. `None`
    /// when the class leaves hashing to its builtin base.
    fn script_hash(&mut self, v: &Value, o: &Rc<super::object::Object>) -> PyResult<Option<i64>> {
        match o.class.lookup("__hash__") {
            Some(Value::None) => Err(self.unhashable(v)),
            Some(f @ Value::Func(_)) => {
                let r = self.call(&f, vec![v.clone()])?;
                match r {
                    Value::Int(i) => Ok(Some(if i == -1 { -2 } else { i })),
                    Value::BigInt(b) => Ok(Some(hash_big(&b))),
                    Value::Bool(b) => Ok(Some(b as i64)),
                    _ => Err(self.new_error("TypeError", "__hash__ method should return an integer")),
                }
            }
            _ => {
                if o.class.lookup("__eq__").is_some_and(|f| matches!(f, Value::Func(_)))
                    && !class_defines(&o.class, "__hash__")
                {
                    return Err(self.unhashable(v));
                }
                Ok(None)
            }
        }
    }

    fn unhashable(&mut self, v: &Value) -> Exc {
        let t = self.type_name(v);
        self.new_error("TypeError", &format!("unhashable type: '{t}'"))
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Undef => "<undefined>".into(),
            Value::None => "None".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => text::number_parse::int_to_decimal_string(b, self.int_max_str_digits)
                .map_err(|e| self.text_error(e))?,
            Value::Float(f) => text::float_repr::repr_f64(*f),
            Value::Str(s) => text::repr::repr_str(s.as_str()),
            _ => return self.repr_slow(v),
        })
    }

    /// `str(v)` as a value: an exact `str` is returned as it is, and ints and floats skip
    /// the intermediate `String`.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::Str(_) => v.clone(),
            Value::Int(i) => Value::Str(Rc::new(PyStr::from_int(*i))),
            Value::Float(f) => Value::string(text::float_repr::repr_f64(*f)),
            _ => Value::string(self.str_of(v)?),
        })
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Obj(o) => {
                if let Some(f) = self.overridden(&o.class, "__str__") {
                    let r = self.call(&f, vec![v.clone()])?;
                    return self.expect_str(r, "__str__");
                }
                if o.exc().is_some() {
                    return self.exc_str_default(o);
                }
                // object.__str__ calls the type's repr slot directly: a bad result is
                // reported as __str__'s.
                if o.class.is_heap && !matches!(o.payload, Payload::Boxed(_)) {
                    if let Some(f) = self.overridden(&o.class, "__repr__") {
                        let r = self.call(&f, vec![v.clone()])?;
                        return self.expect_str(r, "__str__");
                    }
                }
                if let Payload::Boxed(inner) = &o.payload {
                    // str.__str__ is the value itself; int and float have no __str__ of
                    // their own, so an overridden __repr__ is their str.
                    if matches!(inner, Value::Str(_)) || self.overridden(&o.class, "__repr__").is_none() {
                        let inner = inner.clone();
                        return self.str_of(&inner);
                    }
                }
                // CPython's mappingproxy_str: the str of the mapping itself.
                if let Payload::MappingProxy(d) = &o.payload {
                    return self.str_of(&Value::Dict(d.clone()));
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// The method `name` of `cls` when a class other than `object` and `BaseException`
    /// defines it (those two defaults are what the VM's built-in paths implement).
    pub fn overridden(&self, cls: &Rc<Class>, name: &str) -> Option<Value> {
        let f = cls.lookup(name)?;
        let default_of =
            |c: &Rc<Class>| c.dict.borrow().get_str(crate::vm::object::str_hash(name), name).cloned();
        for base in [&self.types.object, &self.types.exceptions["BaseException"]] {
            if default_of(base).is_some_and(|d| d.is(&f)) {
                return None;
            }
        }
        Some(f)
    }

    fn expect_str(&mut self, r: Value, what: &str) -> PyResult<String> {
        match r {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => {
                let t = self.type_name(&other);
                Err(self.new_error("TypeError", &format!("{what} returned non-string (type {t})")))
            }
        }
    }

    fn repr_slow(&mut self, v: &Value) -> PyResult<String> {
        self.enter_native(" while getting the repr of an object")?;
        let r = self.repr_container(v);
        self.leave_native();
        r
    }

    fn repr_container(&mut self, v: &Value) -> PyResult<String> {
        if self.repr_active.iter().any(|x| x.is(v)) {
            return Ok(match (v, v.payload()) {
                (Value::List(_), _) | (_, Some(Payload::ListData(_))) => "[...]".into(),
                (Value::Dict(_), _) | (_, Some(Payload::DictData(_))) => "{...}".into(),
                (Value::Tuple(_), _) => "(...)".into(),
                (_, Some(Payload::Set(_) | Payload::FrozenSet(_))) => format!("{}(...)", self.type_name(v)),
                _ => "...".into(),
            });
        }
        // Like CPython's Py_ReprEnter: only the builtin containers guard against cycles, in
        // their own repr (a subclass's script `__repr__` sees its recursive calls itself).
        let tracked = matches!(v, Value::List(_) | Value::Dict(_) | Value::Tuple(_))
            || match v {
                Value::Obj(o) => {
                    matches!(
                        o.payload,
                        Payload::ListData(_) | Payload::DictData(_) | Payload::Set(_) | Payload::FrozenSet(_)
                    ) && !matches!(o.class.lookup("__repr__"), Some(Value::Func(_)))
                }
                _ => false,
            };
        if tracked {
            self.repr_active.push(v.clone());
        }
        let r = self.repr_inner(v);
        if tracked {
            self.repr_active.pop();
        }
        r
    }

    fn repr_items(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for item in items {
            parts.push(self.repr(item)?);
        }
        Ok(parts.join(", "))
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::List(l) => {
                let items = l.items.borrow().clone();
                format!("[{}]", self.repr_items(&items)?)
            }
            Value::Tuple(t) => {
                let items = t.items.clone();
                if items.len() == 1 {
                    format!("({},)", self.repr(&items[0])?)
                } else {
                    format!("({})", self.repr_items(&items)?)
                }
            }
            Value::Dict(d) => {
                let pairs: Vec<(Value, Value)> =
                    d.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                let mut parts = Vec::with_capacity(pairs.len());
                for (k, v) in pairs {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Func(f) => {
                let q = f.qualname.borrow().clone();
                format!("<function {} at {:#x}>", q.as_str().unwrap_or("?"), v.id())
            }
            Value::Class(c) => {
                if let Some(f) = super::attr::meta_method(c, "__repr__") {
                    let r = self.call(&f, vec![v.clone()])?;
                    return self.expect_str(r, "__repr__");
                }
                // Builtin classes show a module only when they name one themselves
                // (`collections.deque`, `types.GenericAlias`), not through their bases.
                let own_module = || {
                    let name = "__module__";
                    c.dict.borrow().get_str(super::object::str_hash(name), name).is_some()
                };
                let module = match c.lookup("__module__") {
                    Some(Value::Str(m)) if (c.is_heap || own_module()) && m.as_str() != "builtins" => {
                        format!("{}.", m.as_str())
                    }
                    _ => String::new(),
                };
                format!("<class '{module}{}'>", c.qualname.borrow())
            }
            Value::Obj(o) => return self.repr_object(v, o),
            other => self.repr(other)?,
        })
    }

    fn repr_object(&mut self, v: &Value, o: &Rc<super::object::Object>) -> PyResult<String> {
        if o.class.is_heap {
            if let Some(f) = self.overridden(&o.class, "__repr__") {
                let r = self.call(&f, vec![v.clone()])?;
                return self.expect_str(r, "__repr__");
            }
        }
        Ok(match &o.payload {
            Payload::Complex(re, im) => super::complex::complex_repr((*re, *im)),
            Payload::Exception(_) => {
                let args = self.exc_args(o);
                let name = o.class.name();
                if args.len() == 1 {
                    format!("{name}({})", self.repr(&args[0])?)
                } else {
                    format!("{name}({})", self.repr_items(&args)?)
                }
            }
            Payload::Native(n) => {
                let owner = n.owner.as_ref().and_then(|w| w.upgrade()).map(|c| c.name());
                match owner {
                    Some(owner) if n.is_method => {
                        let kind = if n.is_slot_wrapper() { "slot wrapper" } else { "method" };
                        format!("<{kind} '{}' of '{owner}' objects>", n.name)
                    }
                    _ if n.is_method => format!("<method '{}' of objects>", n.name),
                    _ => format!("<built-in function {}>", n.name),
                }
            }
            Payload::NativeClosure(c) if c.is_method => format!("<method '{}' of objects>", c.name),
            Payload::NativeClosure(c) => format!("<built-in function {}>", c.name),
            Payload::BoundMethod(f, s) => {
                let (f, s) = (f.clone(), s.clone());
                let (name, slot) = match &f {
                    Value::Func(func) => (func.qualname.borrow().as_str().unwrap_or("?").to_string(), false),
                    Value::Obj(fo) => match &fo.payload {
                        Payload::Native(n) => (n.name.to_string(), n.is_slot_wrapper()),
                        _ => ("?".into(), false),
                    },
                    _ => ("?".into(), false),
                };
                if matches!(f, Value::Func(_)) {
                    format!("<bound method {name} of {}>", self.repr(&s)?)
                } else if slot {
                    format!("<method-wrapper '{name}' of {} object at {:#x}>", self.type_name(&s), s.id())
                } else {
                    format!("<built-in method {name} of {} object at {:#x}>", self.type_name(&s), s.id())
                }
            }
            Payload::BigRange(r) => {
                if r.step == BigInt::from(1) {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Payload::Range(a, b, c) => {
                if *c == 1 {
                    format!("range({a}, {b})")
                } else {
                    format!("range({a}, {b}, {c})")
                }
            }
            Payload::Slice(a, b, c) => {
                let (a, b, c) = (a.clone(), b.clone(), c.clone());
                format!("slice({}, {}, {})", self.repr(&a)?, self.repr(&b)?, self.repr(&c)?)
            }
            Payload::Set(_) | Payload::FrozenSet(_) => self.repr_set(v, o)?,
            Payload::Bytes(b) => text::repr::repr_bytes(b),
            Payload::ByteArray(b) if o.class.is_heap => {
                // bytearray's repr names the (sub)class: `Buf(b'..')`.
                let r = text::repr::repr_bytearray(&b.borrow());
                format!("{}{}", o.class.name(), r.strip_prefix("bytearray").unwrap_or(&r))
            }
            Payload::ByteArray(b) => text::repr::repr_bytearray(&b.borrow()),
            Payload::MemoryView(m) => {
                let what = if m.released.get() { "released memory" } else { "memory" };
                format!("<{what} at {:#x}>", v.id())
            }
            Payload::NotImplemented => "NotImplemented".into(),
            Payload::Ellipsis => "Ellipsis".into(),
            Payload::Module(m) => format!("<module '{}'>", m.name),
            Payload::ListData(l) => {
                let items = l.items.borrow().clone();
                format!("[{}]", self.repr_items(&items)?)
            }
            Payload::DictData(d) => self.repr_inner(&Value::Dict(d.clone()))?,
            Payload::Boxed(inner) => {
                let inner = inner.clone();
                match (o.class.lookup("_fields"), &inner) {
                    (Some(Value::Tuple(fields)), Value::Tuple(values)) if !o.class.is_heap => {
                        // A struct sequence (`sys.version_info`): `name(field=value, ...)`.
                        let mut parts = Vec::with_capacity(values.items.len());
                        for (f, v) in fields.items.iter().zip(values.items.iter()) {
                            parts.push(format!("{}={}", f.as_str().unwrap_or("?"), self.repr(v)?));
                        }
                        format!("{}({})", o.class.name(), parts.join(", "))
                    }
                    _ => self.repr(&inner)?,
                }
            }
            Payload::Generator(g) => {
                let what = match g.kind {
                    crate::compiler::bytecode::CodeKind::Coroutine => "coroutine",
                    crate::compiler::bytecode::CodeKind::AsyncGenerator => "async_generator",
                    _ => "generator",
                };
                format!("<{what} object {} at {:#x}>", g.qualname().as_str().unwrap_or("?"), v.id())
            }
            Payload::Cell(_) => format!("<cell at {:#x}>", v.id()),
            Payload::DictView(kind, d) => self.view_repr(*kind, d)?,
            Payload::MappingProxy(d) => format!("mappingproxy({})", self.repr(&Value::Dict(d.clone()))?),
            Payload::Property(..) => format!("<property object at {:#x}>", v.id()),
            Payload::SlotMember(name, owner) => format!("<member '{name}' of '{owner}' objects>"),
            _ => {
                if let Some(r) = self.runtime_repr(v)? {
                    return Ok(r);
                }
                let module = match o.class.lookup("__module__") {
                    Some(Value::Str(m)) if o.class.is_heap => format!("{}.", m.as_str()),
                    _ => String::new(),
                };
                format!("<{module}{} object at {:#x}>", o.class.qualname.borrow(), v.id())
            }
        })
    }

    fn repr_set(&mut self, v: &Value, o: &Rc<super::object::Object>) -> PyResult<String> {
        let items: Vec<Value> = self.set_items(v);
        let name = o.class.name();
        let frozen = matches!(o.payload, Payload::FrozenSet(_));
        if items.is_empty() {
            return Ok(format!("{name}()"));
        }
        let inner = format!("{{{}}}", self.repr_items(&items)?);
        Ok(if frozen || name != "set" { format!("{name}({inner})") } else { inner })
    }

    /// Applies an f-string conversion (`conv & 7`: 1 str, 2 repr, 3 ascii) and, unless
    /// `conv >= 8`, formats with an empty spec.
    pub fn format_value(&mut self, v: &Value, conv: u8) -> PyResult<Value> {
        let converted = match conv & 7 {
            // format(x, "") is str(x) for the built-in numbers.
            0 if conv < 8 && matches!(v, Value::Int(_) | Value::Float(_)) => return self.str_value(v),
            1 => self.str_value(v)?,
            2 => Value::string(self.repr(v)?),
            3 => Value::string(text::repr::ascii_escape(&self.repr(v)?)),
            _ => v.clone(),
        };
        if conv >= 8 {
            return Ok(converted);
        }
        match &converted {
            Value::Str(_) => Ok(converted),
            _ => self.format_with_spec(&converted, &Value::str("")),
        }
    }

    /// `format(v, spec)`.
    pub fn format_with_spec(&mut self, v: &Value, spec: &Value) -> PyResult<Value> {
        let spec_s = match spec {
            Value::Str(s) => s.as_str().to_string(),
            _ => return Err(self.new_error("TypeError", "format spec must be a str")),
        };
        let tn = self.type_name(v);
        let r = match v {
            Value::Str(s) => text::format_spec::format_str(s.as_str(), &spec_s, &tn),
            Value::Int(i) => text::format_spec::format_i64(*i, &spec_s, &tn),
            Value::Bool(b) if spec_s.is_empty() => Ok(if *b { "True".into() } else { "False".into() }),
            Value::Bool(b) => text::format_spec::format_i64(*b as i64, &spec_s, &tn),
            Value::BigInt(b) => text::format_spec::format_int(b, &spec_s, &tn),
            Value::Float(f) => text::format_spec::format_float(*f, &spec_s, &tn),
            Value::Obj(o) if matches!(o.payload, Payload::Complex(..)) => {
                let c = super::complex::complex_of(v).unwrap_or_default();
                super::complex::format_complex(c, &spec_s)
            }
            _ => {
                let cls = self.type_of(v);
                let script_format = matches!(cls.lookup("__format__"), Some(Value::Func(_)));
                if let Some(Payload::Boxed(inner)) = v.payload() {
                    // A builtin subclass without its own __format__ formats its value.
                    if !script_format {
                        // int.__format__ / float.__format__ with an empty spec are str(self),
                        // which honours an overridden __str__ or __repr__.
                        if spec_s.is_empty() && !matches!(inner, Value::Str(_)) {
                            return Ok(Value::string(self.str_of(v)?));
                        }
                        let inner = inner.clone();
                        return self.format_with_spec(&inner, spec);
                    }
                }
                if cls.is_heap {
                    if let Some(f) = cls.lookup("__format__") {
                        let r = self.call(&f, vec![v.clone(), spec.clone()])?;
                        return Ok(Value::string(self.expect_str(r, "__format__")?));
                    }
                }
                if !spec_s.is_empty() {
                    return Err(self.new_error(
                        "TypeError",
                        &format!("unsupported format string passed to {tn}.__format__"),
                    ));
                }
                return Ok(Value::string(self.str_of(v)?));
            }
        };
        r.map(Value::string).map_err(|e| self.text_error(e))
    }

    /// Turns a text-module error into the Python exception it names.
    pub fn text_error(&mut self, e: text::TextError) -> Exc {
        let name = match e.kind {
            text::ErrorKind::Value => "ValueError",
            text::ErrorKind::Type => "TypeError",
            text::ErrorKind::Overflow => "OverflowError",
            text::ErrorKind::Key => "KeyError",
            text::ErrorKind::ZeroDivision => "ZeroDivisionError",
        };
        self.new_error(name, &e.message)
    }

    /// An integer index from an int, bool or object with `__index__`.
    pub fn index_of(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => {
                let t = self.type_name(v);
                Err(self.new_error("IndexError", &format!("cannot fit '{t}' into an index-sized integer")))
            }
            _ => {
                // An int subclass instance (IntEnum member, bool-like classes): its value.
                if let Some(Payload::Boxed(inner @ (Value::Int(_) | Value::BigInt(_)))) = v.payload() {
                    let inner = inner.clone();
                    return self.index_of(&inner);
                }
                if let Some(Value::Int(i)) = self.call_dunder(v, "__index__", vec![])? {
                    return Ok(i);
                }
                let t = self.type_name(v);
                Err(self.new_error("TypeError", &format!("'{t}' object cannot be interpreted as an integer")))
            }
        }
    }
}

fn class_defines(cls: &Rc<Class>, name: &str) -> bool {
    cls.dict.borrow().get_str(crate::vm::object::str_hash(name), name).is_some()
}

/// `a <op> b` for two small ints or floats when the answer needs no allocation and cannot
/// raise; None sends the operation down the general path. The dispatch loop tries this first.
#[inline(always)]
pub fn arith_fast(op: BinKind, a: &Value, b: &Value) -> Option<Scalar> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => float_fast(op, *x, *y),
        (Value::Float(x), Value::Int(y)) => float_fast(op, *x, *y as f64),
        (Value::Int(x), Value::Float(y)) => float_fast(op, *x as f64, *y),
        _ => None,
    }
}

/// [`arith_fast`] of two scalars (the fused attribute update's second operator).
#[inline(always)]
pub fn scalar_fast(op: BinKind, a: Scalar, b: Scalar) -> Option<Scalar> {
    match (a, b) {
        (Scalar::Int(x), Scalar::Int(y)) => int_fast(op, x, y),
        (Scalar::Float(x), Scalar::Float(y)) => float_fast(op, x, y),
        (Scalar::Float(x), Scalar::Int(y)) => float_fast(op, x, y as f64),
        (Scalar::Int(x), Scalar::Float(y)) => float_fast(op, x as f64, y),
    }
}

/// The result of a fast arithmetic path: a scalar, not a `Value`, so that the dispatch loop
/// writes it with [`Value::put_int`]/[`Value::put_float`] (tag and payload stored directly;
/// a 16-byte `Value` built in one branch and copied whole stalls on store forwarding).
#[derive(Clone, Copy, Debug)]
pub enum Scalar {
    /// An int result.
    Int(i64),
    /// A float result.
    Float(f64),
}

impl Scalar {
    /// Stores the result in a register.
    #[inline(always)]
    pub fn put(self, slot: &mut Value) {
        match self {
            Scalar::Int(i) => Value::put_int(slot, i),
            Scalar::Float(f) => Value::put_float(slot, f),
        }
    }
}

/// [`arith_fast`] with a small int constant as the right operand (no `Value` built for it,
/// so nothing is left to drop on the fast path).
#[inline(always)]
pub fn arith_fast_imm(op: BinKind, a: &Value, imm: i64) -> Option<Scalar> {
    match a {
        Value::Int(x) => int_fast(op, *x, imm),
        Value::Float(x) => float_fast(op, *x, imm as f64),
        _ => None,
    }
}

/// Whether `op` holds for operands ordered `ord` (`None` for membership tests).
#[inline(always)]
fn ordering_holds(op: CmpKind, ord: std::cmp::Ordering) -> Option<bool> {
    use std::cmp::Ordering;
    Some(match op {
        CmpKind::Lt => ord == Ordering::Less,
        CmpKind::Le => ord != Ordering::Greater,
        CmpKind::Gt => ord == Ordering::Greater,
        CmpKind::Ge => ord != Ordering::Less,
        CmpKind::Eq | CmpKind::Is => ord == Ordering::Equal,
        CmpKind::Ne | CmpKind::IsNot => ord != Ordering::Equal,
        CmpKind::In | CmpKind::NotIn => return None,
    })
}

/// [`compare_fast`] with a small int constant as the right operand.
#[inline(always)]
pub fn compare_fast_imm(op: CmpKind, a: &Value, imm: i64) -> Option<bool> {
    let Value::Int(x) = a else { return None };
    let ord = x.cmp(&imm);
    ordering_holds(op, ord)
}

/// Largest magnitude whose int -> float conversion is exact, so `x / y` of such ints is the
/// correctly rounded quotient CPython computes.
const EXACT_FLOAT_INT: u64 = 1 << 53;

#[inline(always)]
fn int_fast(op: BinKind, x: i64, y: i64) -> Option<Scalar> {
    let r = match op {
        BinKind::Add => x.checked_add(y)?,
        BinKind::Sub => x.checked_sub(y)?,
        BinKind::Mul => x.checked_mul(y)?,
        BinKind::FloorDiv if y != 0 && !(x == i64::MIN && y == -1) => floor_div(x, y),
        BinKind::Mod if y != 0 && !(x == i64::MIN && y == -1) => floor_mod(x, y),
        BinKind::TrueDiv
            if y != 0 && x.unsigned_abs() <= EXACT_FLOAT_INT && y.unsigned_abs() <= EXACT_FLOAT_INT =>
        {
            return Some(Scalar::Float(x as f64 / y as f64))
        }
        BinKind::And => x & y,
        BinKind::Or => x | y,
        BinKind::Xor => x ^ y,
        BinKind::LShift if (0..63).contains(&y) => x.checked_mul(1i64 << y)?,
        BinKind::RShift if (0..64).contains(&y) => x >> y,
        _ => return None,
    };
    Some(Scalar::Int(r))
}

/// `x // y` rounded toward negative infinity (`y != 0`, not `i64::MIN // -1`), inline: the
/// library's `div_floor` is an out-of-line call on the hot path.
#[inline(always)]
fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if x % y != 0 && (x ^ y) < 0 {
        q - 1
    } else {
        q
    }
}

/// `x % y` with the sign of `y` (same preconditions as [`floor_div`]).
#[inline(always)]
fn floor_mod(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && (r ^ y) < 0 {
        r + y
    } else {
        r
    }
}

#[inline(always)]
fn float_fast(op: BinKind, x: f64, y: f64) -> Option<Scalar> {
    Some(Scalar::Float(match op {
        BinKind::Add => x + y,
        BinKind::Sub => x - y,
        BinKind::Mul => x * y,
        BinKind::TrueDiv if y != 0.0 => x / y,
        // A positive base never raises (no complex result, no zero to a negative power);
        // an infinite result is left to `float_pow`, which decides between inf and
        // OverflowError.
        BinKind::Pow if x > 0.0 => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    }))
}

/// `a <op> b` for comparisons of two small ints or two floats (no NaN subtleties: IEEE
/// comparisons already give CPython's answers).
#[inline(always)]
pub fn compare_fast(op: CmpKind, a: &Value, b: &Value) -> Option<bool> {
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => {
            return Some(match op {
                CmpKind::Lt => x < y,
                CmpKind::Le => x <= y,
                CmpKind::Gt => x > y,
                CmpKind::Ge => x >= y,
                CmpKind::Eq => x == y,
                CmpKind::Ne => x != y,
                _ => return None,
            })
        }
        _ => None,
    }?;
    ordering_holds(op, ord)
}

/// `xs < ys` decided without calling into scripts, when every element compared is an int, a
/// str or a non-NaN float paired with one of its own kind (the sort keys of lists of rows and
/// `(count, word)` tuples). `None` when some other pair is reached: the caller then runs the
/// full protocol from the start, which is safe since nothing here has side effects.
fn simple_seq_less(xs: &[Value], ys: &[Value]) -> Option<bool> {
    for (x, y) in xs.iter().zip(ys) {
        match (x, y) {
            (Value::Int(a), Value::Int(b)) if a != b => return Some(a < b),
            (Value::Int(_), Value::Int(_)) => {}
            (Value::Str(a), Value::Str(b)) => match a.as_str().cmp(b.as_str()) {
                std::cmp::Ordering::Equal => {}
                o => return Some(o == std::cmp::Ordering::Less),
            },
            (Value::Float(a), Value::Float(b)) if !a.is_nan() && !b.is_nan() => {
                if a != b {
                    return Some(a < b);
                }
            }
            _ => return None,
        }
    }
    Some(xs.len() < ys.len())
}

/// Any range value as big-integer parts (for comparisons across the two forms).
fn range_parts(v: &Value) -> Option<super::bigrange::BigRange> {
    match v.payload()? {
        Payload::Range(a, b, c) => {
            Some(super::bigrange::BigRange { start: (*a).into(), stop: (*b).into(), step: (*c).into() })
        }
        Payload::BigRange(r) => Some((**r).clone()),
        _ => None,
    }
}

/// The builtin value inside an instance of a script subclass of a builtin type (`class
/// MyInt(int)`, `class Stack(list)`), which the builtin operations act on.
pub fn unboxed(v: &Value) -> Option<Value> {
    match v.payload()? {
        Payload::Boxed(inner) => Some(inner.clone()),
        Payload::ListData(l) => Some(Value::List(l.clone())),
        Payload::DictData(d) => Some(Value::Dict(d.clone())),
        _ => None,
    }
}

/// Both operands with subclass instances unboxed, when at least one was boxed.
fn unboxed_pair(a: &Value, b: &Value) -> Option<(Value, Value)> {
    match (unboxed(a), unboxed(b)) {
        (None, None) => None,
        (x, y) => Some((x.unwrap_or_else(|| a.clone()), y.unwrap_or_else(|| b.clone()))),
    }
}

/// An int value as i64, if it is one that fits.
pub fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// For an ordering between builtin-subclass instances (namedtuples) whose classes define
/// neither `name` nor `rname` in script code: the builtin values to compare instead.
fn unbox_pair(
    a: &Value,
    b: &Value,
    ta: &Rc<Class>,
    tb: &Rc<Class>,
    name: &str,
    rname: &str,
) -> Option<(Value, Value)> {
    let script = |t: &Rc<Class>, n: &str| t.is_heap && matches!(t.lookup(n), Some(Value::Func(_)));
    if script(ta, name) || script(tb, rname) {
        return None;
    }
    let unbox = |v: &Value| match v.payload() {
        Some(Payload::Boxed(inner)) => Some(inner.clone()),
        _ => None,
    };
    match (unbox(a), unbox(b)) {
        (None, None) => None,
        (x, y) => Some((x.unwrap_or_else(|| a.clone()), y.unwrap_or_else(|| b.clone()))),
    }
}

/// An int value as a big integer.
pub fn big_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// Correctly rounded int / int.
fn int_true_div(x: &BigInt, y: &BigInt) -> f64 {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return a as f64 / b as f64;
        }
    }
    match (big_to_f64(x), big_to_f64(y)) {
        (Some(a), Some(b)) if a.abs() < 9.0e15 && b.abs() < 9.0e15 => a / b,
        _ => {
            // Scale so the quotient has 64+ significant bits, then convert once.
            let neg = x.is_negative() != y.is_negative();
            let (ax, ay) = (x.abs(), y.abs());
            let shift = ay.bits() as i64 - ax.bits() as i64 + 66;
            let q = if shift >= 0 { (ax << shift as usize) / ay } else { ax / (ay << (-shift) as usize) };
            let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(-shift as i32);
            if neg {
                -f
            } else {
                f
            }
        }
    }
}

fn num_cmp(op: CmpKind, x: Num, y: Num) -> bool {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (&x, &y) {
        (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
        (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        (Num::Float(a), other) | (other, Num::Float(a)) => {
            let flip = matches!(y, Num::Float(_)) && !matches!(x, Num::Float(_));
            let r = float_int_cmp(*a, other);
            if flip {
                r.map(|o| o.reverse())
            } else {
                r
            }
        }
        _ => {
            let a = match x {
                Num::Int(i) => BigInt::from(i),
                Num::Big(b) => b,
                Num::Float(_) => unreachable!(),
            };
            let b = match y {
                Num::Int(i) => BigInt::from(i),
                Num::Big(b) => b,
                Num::Float(_) => unreachable!(),
            };
            Some(a.cmp(&b))
        }
    };
    match ord {
        Some(o) => ord_result(op, o),
        None => false,
    }
}

/// Compares a float with an int exactly.
fn float_int_cmp(f: f64, i: &Num) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less });
    }
    let b = match i {
        Num::Int(x) => {
            if x.unsigned_abs() < (1 << 53) {
                return f.partial_cmp(&(*x as f64));
            }
            BigInt::from(*x)
        }
        Num::Big(b) => b.clone(),
        Num::Float(_) => return None,
    };
    let fl = f.floor();
    let fb = num_bigint::BigInt::from_f64_exact(fl);
    Some(match fb.cmp(&b) {
        std::cmp::Ordering::Equal if f > fl => std::cmp::Ordering::Greater,
        o => o,
    })
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
    }
}

fn ord_result(op: CmpKind, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpKind::Lt => o == Less,
        CmpKind::Le => o != Greater,
        CmpKind::Gt => o == Greater,
        CmpKind::Ge => o != Less,
        CmpKind::Eq => o == Equal,
        _ => o != Equal,
    }
}

/// Number of elements of `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

/// CPython's hash of an int.
pub fn hash_int(i: i64) -> i64 {
    let m = i.unsigned_abs() % HASH_MODULUS as u64;
    let h = if i < 0 { -(m as i64) } else { m as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn hash_big(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a float (equal to the int hash for integral values).
pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_int(f as i64);
    }
    let (mut m, mut e) = frexp(f.abs());
    let sign = if f < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    let modulus = HASH_MODULUS as u64;
    while m != 0.0 {
        x = ((x << 28) & modulus) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= modulus {
            x -= modulus;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & modulus) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Builtin sequences that `*` repeats (CPython's `sq_repeat`).
/// The sequence and the count of `a * b` when one is a str, list or tuple and the other a
/// script object with `__index__`.
fn index_repeat_operands<'a>(
    a: &'a Value,
    b: &'a Value,
    ta: &Class,
    tb: &Class,
) -> Option<(&'a Value, &'a Value)> {
    let seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
    let index =
        |v: &Value, t: &Class| matches!(v, Value::Obj(_)) && t.is_heap && t.lookup("__index__").is_some();
    if seq(a) && index(b, tb) {
        Some((a, b))
    } else if seq(b) && index(a, ta) {
        Some((b, a))
    } else {
        None
    }
}

fn is_repeatable(v: &Value) -> bool {
    matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_))
        || matches!(v.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_)))
}

/// `items` repeated `n` times. An empty sequence stays empty without looping `n` times
/// (`[] * 10**11` is instant in CPython).
fn repeat_items(items: &[Value], n: usize) -> Vec<Value> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    out
}

/// True when `len * n` items would pass CPython's PY_SSIZE_T_MAX, where str and bytes
/// repetition raise OverflowError rather than MemoryError.
fn exceeds_ssize(len: usize, n: usize) -> bool {
    len.checked_mul(n).is_none_or(|total| total > isize::MAX as usize)
}

/// The dict behind a `mappingproxy`, if `v` is one.
fn proxied_dict(v: &Value) -> Option<Rc<super::object::Dict>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::MappingProxy(d) => Some(d.clone()),
            _ => None,
        },
        _ => None,
    }
}
