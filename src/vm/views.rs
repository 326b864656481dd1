//! Dict views (`dict_keys`, `dict_values`, `dict_items`): live windows on a dict with
//! CPython's reprs, membership, and the set behaviour of keys and items views (`&`, `|`, `-`,
//! `^`, comparisons and `isdisjoint` against any iterable, results are plain sets).
//!
//! A view is `Payload::DictView(kind, dict)` with `kind` 0 = keys, 1 = values, 2 = items.

use std::rc::Rc;

use super::object::{Dict, Payload};
use super::value::Value;
use super::{PyResult, Vm};
use crate::compiler::bytecode::{BinKind, CmpKind};

/// `Payload::DictView` kind of a keys view.
pub const KEYS: u8 = 0;
/// `Payload::DictView` kind of a values view.
pub const VALUES: u8 = 1;
/// `Payload::DictView` kind of an items view.
pub const ITEMS: u8 = 2;

/// The view kind and dict of a view value.
pub fn view_of(v: &Value) -> Option<(u8, &Rc<Dict>)> {
    match v.payload()? {
        Payload::DictView(kind, d) => Some((*kind, d)),
        _ => None,
    }
}

/// True for keys and items views, which behave like sets.
pub fn is_set_like_view(v: &Value) -> bool {
    matches!(view_of(v), Some((KEYS | ITEMS, _)))
}

impl Vm {
    /// A view's elements in dict order.
    pub fn view_items(&self, kind: u8, d: &Rc<Dict>) -> Vec<Value> {
        d.map
            .borrow()
            .iter()
            .map(|(k, v)| match kind {
                KEYS => k.clone(),
                VALUES => v.clone(),
                _ => Value::tuple(vec![k.clone(), v.clone()]),
            })
            .collect()
    }

    /// `repr(view)`: `dict_keys(['a', 'b'])`.
    pub fn view_repr(&mut self, kind: u8, d: &Rc<Dict>) -> PyResult<String> {
        let name = ["dict_keys", "dict_values", "dict_items"][kind.min(ITEMS) as usize];
        let list = Value::list(self.view_items(kind, d));
        Ok(format!("{name}({})", self.repr(&list)?))
    }

    /// `item in view`.
    pub fn view_contains(&mut self, kind: u8, d: &Rc<Dict>, item: &Value) -> PyResult<bool> {
        match kind {
            KEYS => Ok(self.dict_lookup(d, item)?.is_some()),
            ITEMS => {
                let Value::Tuple(t) = item else { return Ok(false) };
                if t.items.len() != 2 {
                    return Ok(false);
                }
                match self.dict_lookup(d, &t.items[0])? {
                    Some((_, v)) => self.eq(&v, &t.items[1]),
                    None => Ok(false),
                }
            }
            _ => {
                for v in self.view_items(VALUES, d) {
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// A set holding the elements of a set-like operand (a view, a set, or any iterable).
    fn view_operand_set(&mut self, v: &Value) -> PyResult<Value> {
        if self.set_table_of(v).is_some() {
            return Ok(v.clone());
        }
        let items = self.collect(v)?;
        self.new_set(items)
    }

    /// `a <op> b` where one side is a keys or items view: the set operation on both sides'
    /// elements. `None` when neither operand is a set-like view or the operator is not a set one.
    pub fn view_binop(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, BinKind::And | BinKind::Or | BinKind::Sub | BinKind::Xor) {
            return Ok(None);
        }
        if !is_set_like_view(a) && !is_set_like_view(b) {
            return Ok(None);
        }
        for v in [a, b] {
            if !self.is_iterable(v) {
                // A script class may still answer through its own reflected operator;
                // anything else fails as `set(v)` does in CPython's dictviews_or.
                if matches!(v, Value::Obj(o) if o.class.is_heap) {
                    return Ok(None);
                }
                self.get_iter(v)?;
            }
        }
        let x = self.view_operand_set(a)?;
        let x = self.set_copy_like(&Value::None, &x)?;
        let y = self.view_operand_set(b)?;
        self.set_binop(op, &x, &y)
    }

    /// Comparisons between a set-like view and a set or another set-like view.
    pub fn view_compare(&mut self, op: CmpKind, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let set_like = |vm: &Vm, v: &Value| is_set_like_view(v) || vm.set_table_of(v).is_some();
        if !(is_set_like_view(a) || is_set_like_view(b)) || !set_like(self, a) || !set_like(self, b) {
            return Ok(None);
        }
        let x = self.view_operand_set(a)?;
        let y = self.view_operand_set(b)?;
        let (lx, ly) = (self.set_len(&x), self.set_len(&y));
        Ok(Some(match op {
            CmpKind::Eq => lx == ly && self.set_issubset(&x, &y)?,
            CmpKind::Ne => !(lx == ly && self.set_issubset(&x, &y)?),
            CmpKind::Le => self.set_issubset(&x, &y)?,
            CmpKind::Ge => self.set_issubset(&y, &x)?,
            CmpKind::Lt => lx < ly && self.set_issubset(&x, &y)?,
            CmpKind::Gt => lx > ly && self.set_issubset(&y, &x)?,
            _ => return Ok(None),
        }))
    }

    /// True when `iter(v)` would succeed without running script code to find out.
    pub fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Dict(_) => true,
            Value::Obj(o) => match &o.payload {
                Payload::Iter(_)
                | Payload::Generator(_)
                | Payload::Range(..)
                | Payload::Set(_)
                | Payload::FrozenSet(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::ListData(_)
                | Payload::DictData(_)
                | Payload::DictView(..) => true,
                _ => o.class.lookup("__iter__").is_some() || o.class.lookup("__getitem__").is_some(),
            },
            _ => false,
        }
    }
}
