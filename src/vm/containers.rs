//! Container protocols: subscripts and slices, membership, dict and set operations that need
//! hashing and equality through the VM, unpacking, and bytes helpers.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::{DictMap, Probe};
use super::object::{Dict, Object, Payload, PyStr};
use super::ops::range_len;
use super::set::{SetProbe, SetTable};
use super::value::Value;
use super::{Exc, PyResult, Vm};
use crate::compiler::bytecode::BinKind;

/// A resolved slice over a sequence of `len` elements.
#[derive(Clone, Copy, Debug)]
pub struct SliceIdx {
    /// First index.
    pub start: i64,
    /// Stop bound.
    pub stop: i64,
    /// Step (never 0).
    pub step: i64,
}

/// `items[s] = new`: a plain slice may change the length, an extended one must match it.
fn assign_slice<T>(items: &mut Vec<T>, s: SliceIdx, new: Vec<T>) -> Result<(), String> {
    if s.step == 1 {
        let start = s.start.max(0) as usize;
        let stop = s.stop.max(s.start).max(0) as usize;
        items.splice(start..stop, new);
        return Ok(());
    }
    if new.len() != s.len() {
        return Err(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new.len(),
            s.len()
        ));
    }
    for (i, v) in s.indices().zip(new) {
        items[i] = v;
    }
    Ok(())
}

/// `del items[s]`.
fn delete_slice<T>(items: &mut Vec<T>, s: SliceIdx) {
    let mut drop: Vec<usize> = s.indices().collect();
    drop.sort_unstable();
    for i in drop.into_iter().rev() {
        items.remove(i);
    }
}

impl SliceIdx {
    /// The indices the slice selects, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let s = *self;
        let n = range_len(s.start, s.stop, s.step);
        (0..n).map(move |k| (s.start + k * s.step) as usize)
    }

    /// How many elements it selects.
    pub fn len(&self) -> usize {
        range_len(self.start, self.stop, self.step) as usize
    }

    /// True when it selects nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How many times one dict lookup starts again after script `__eq__` code changed the entry
/// it was comparing (CPython restarts without limit; a bound keeps a key whose `__eq__`
/// always mutates the dict from hanging the lookup).
const MAX_LOOKUP_RESTARTS: usize = 1000;

impl Vm {
    /// A new empty dict value.
    pub fn new_dict(&mut self) -> Value {
        Value::Dict(Rc::new(Dict::default()))
    }

    /// The dict behind a dict value (or a dict subclass instance).
    pub fn dict_of(&self, v: &Value) -> Option<Rc<Dict>> {
        match v {
            Value::Dict(d) => Some(d.clone()),
            Value::Obj(o) => match &o.payload {
                Payload::DictData(d) => Some(d.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Looks a key up in a dict (hashing and comparing through the VM).
    pub fn dict_lookup(&mut self, d: &Rc<Dict>, key: &Value) -> PyResult<Option<(usize, Value)>> {
        let hash = self.hash(key)?;
        self.dict_lookup_hashed(d, hash, key)
    }

    fn dict_lookup_hashed(
        &mut self,
        d: &Rc<Dict>,
        hash: i64,
        key: &Value,
    ) -> PyResult<Option<(usize, Value)>> {
        let Some(i) = self.dict_find(d, hash, key)? else { return Ok(None) };
        Ok(d.map.borrow().entry_at(i).map(|e| (i, e.value.clone())))
    }

    /// The entry index of `key` in `d`. Candidates whose equality needs script code are
    /// compared through the VM with no borrow held; when that code removed or replaced the
    /// candidate's entry, the lookup starts again (as CPython's does), at most
    /// [`MAX_LOOKUP_RESTARTS`] times before the key counts as absent.
    fn dict_find(&mut self, d: &Rc<Dict>, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        for _ in 0..=MAX_LOOKUP_RESTARTS {
            let probe = d.map.borrow().probe(hash, key);
            let slots = match probe {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Missing => return Ok(None),
                Probe::Undecided(slots) => slots,
            };
            let mut changed = false;
            for i in slots {
                let Some(k) = d.map.borrow().entry_at(i).map(|e| e.key.clone()) else {
                    changed = true;
                    break;
                };
                let eq = self.eq(&k, key)?;
                if !d.map.borrow().entry_at(i).is_some_and(|e| e.key.is(&k)) {
                    changed = true;
                    break;
                }
                if eq {
                    return Ok(Some(i));
                }
            }
            if !changed {
                return Ok(None);
            }
        }
        Ok(None)
    }

    /// `d[key]` for a dict, or None when absent.
    pub fn dict_get(&mut self, d: &Rc<Dict>, key: &Value) -> PyResult<Option<Value>> {
        Ok(self.dict_lookup(d, key)?.map(|(_, v)| v))
    }

    /// Reads a `str` key from a namespace dict.
    pub fn dict_get_str(&self, d: &Rc<Dict>, key: &Value) -> Option<Value> {
        let Value::Str(s) = key else { return None };
        d.map.borrow().get_str(s.hash(), s.as_str()).cloned()
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: &Rc<Dict>, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        match self.dict_find(d, hash, &key)? {
            Some(i) => {
                let old = d.map.borrow_mut().set_value(i, value);
                drop(old);
            }
            None => {
                d.map.borrow_mut().insert_new(hash, key, value);
                // Charge the table as it doubles (not on every insert).
                if self.memory.limited() && d.map.borrow().len().is_power_of_two() {
                    self.mem_track_value(&Value::Dict(d.clone()))?;
                }
            }
        }
        Ok(())
    }

    /// Removes a key; returns its value, or None when absent.
    pub fn dict_remove(&mut self, d: &Rc<Dict>, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        match self.dict_find(d, hash, key)? {
            Some(i) => Ok(Some(d.map.borrow_mut().remove_at(i).1)),
            None => Ok(None),
        }
    }

    /// Builds a dict from alternating keys and values.
    pub fn new_dict_from_pairs(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let d = Rc::new(Dict::default());
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            self.dict_set(&d, k, v)?;
        }
        Ok(Value::Dict(d))
    }

    /// `{**m}` in a display: update from a mapping.
    pub fn dict_update_display(&mut self, d: &Value, m: &Value) -> PyResult<()> {
        let Some(target) = self.dict_of(d) else { return Ok(()) };
        if let Some(src) = self.dict_of(m) {
            let pairs: Vec<(Value, Value)> =
                src.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            for (k, v) in pairs {
                self.dict_set(&target, k, v)?;
            }
            return Ok(());
        }
        let keys = self.call_method(m, "keys", vec![]).map_err(|_| {
            let t = self.type_name(m);
            self.new_error("TypeError", &format!("'{t}' object is not a mapping"))
        })?;
        for k in self.collect(&keys)? {
            let v = self.get_item(m, &k)?;
            self.dict_set(&target, k, v)?;
        }
        Ok(())
    }

    /// `f(**m)`: merge keyword arguments, rejecting duplicates and non-string keys.
    pub fn dict_merge_kwargs(&mut self, d: &Value, m: &Value, func: &Value) -> PyResult<()> {
        let Some(target) = self.dict_of(d) else { return Ok(()) };
        let pairs: Vec<(Value, Value)> = match self.dict_of(m) {
            Some(src) => src.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            None => {
                let keys = match self.call_method(m, "keys", vec![]) {
                    Ok(k) => k,
                    Err(_) => {
                        let fname = self.function_str(func);
                        let t = self.type_name(m);
                        return Err(self.new_error(
                            "TypeError",
                            &format!("{fname} argument after ** must be a mapping, not {t}"),
                        ));
                    }
                };
                let mut out = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.get_item(m, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in pairs {
            if !matches!(k, Value::Str(_)) {
                return Err(self.new_error("TypeError", "keywords must be strings"));
            }
            if self.dict_lookup(&target, &k)?.is_some() {
                let fname = self.function_str(func);
                let key = k.as_str().unwrap_or("").to_string();
                return Err(self.new_error(
                    "TypeError",
                    &format!("{fname} got multiple values for keyword argument '{key}'"),
                ));
            }
            self.dict_set(&target, k, v)?;
        }
        Ok(())
    }

    /// Dict equality.
    pub fn dict_eq(&mut self, a: &Rc<Dict>, b: &Rc<Dict>) -> PyResult<bool> {
        if Rc::ptr_eq(a, b) {
            return Ok(true);
        }
        if a.map.borrow().len() != b.map.borrow().len() {
            return Ok(false);
        }
        let pairs: Vec<(Value, Value)> = a.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in pairs {
            match self.dict_get(b, &k)? {
                Some(w) if self.eq(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    // ----- sets -----

    /// A new set from items.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let v = Value::Obj(Object::new(self.types.set.clone(), Payload::Set(RefCell::new(SetTable::new()))));
        for item in items {
            self.set_add(&v, item)?;
        }
        Ok(v)
    }

    /// A new frozenset from a table.
    pub fn new_frozenset(&mut self, table: SetTable) -> Value {
        Value::Obj(Object::new(self.types.frozenset.clone(), Payload::FrozenSet(table)))
    }

    /// A copy of the set table behind a set or frozenset value.
    pub fn set_table_of(&self, v: &Value) -> Option<SetTable> {
        match v.payload()? {
            Payload::Set(s) => Some(s.borrow().clone()),
            Payload::FrozenSet(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// Number of elements of a set value.
    pub fn set_len(&self, v: &Value) -> usize {
        match v.payload() {
            Some(Payload::Set(s)) => s.borrow().len(),
            Some(Payload::FrozenSet(s)) => s.len(),
            _ => 0,
        }
    }

    /// Elements of a set value in iteration order.
    pub fn set_items(&self, v: &Value) -> Vec<Value> {
        match v.payload() {
            Some(Payload::Set(s)) => s.borrow().iter().cloned().collect(),
            Some(Payload::FrozenSet(s)) => s.iter().cloned().collect(),
            _ => vec![],
        }
    }

    /// Finds the slot of `key` in a table, comparing through the VM when needed.
    pub fn set_find(&mut self, table: &SetTable, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        match table.probe(hash, key) {
            SetProbe::Found(i) => Ok(Some(i)),
            SetProbe::Missing => Ok(None),
            SetProbe::Undecided(slots) => {
                for i in slots {
                    if let Some(k) = table.key_at(i).cloned() {
                        if self.eq(&k, key)? {
                            return Ok(Some(i));
                        }
                    }
                }
                Ok(None)
            }
        }
    }

    /// `key in set_value`.
    pub fn set_contains(&mut self, s: &Value, key: &Value) -> PyResult<bool> {
        let hash = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // CPython retries unhashable sets as frozensets; other unhashables raise.
                if let Some(Payload::Set(inner)) = key.payload() {
                    let t = inner.borrow().clone();
                    let f = self.new_frozenset(t);
                    return self.set_contains(s, &f);
                }
                return Err(e);
            }
        };
        match s.payload() {
            Some(Payload::Set(cell)) => Ok(self.set_find_live(cell, hash, key, false)?.is_some()),
            // A frozenset cannot change while script `__eq__` runs: no copy needed.
            Some(Payload::FrozenSet(t)) => Ok(self.set_find(t, hash, key)?.is_some()),
            _ => Ok(false),
        }
    }

    /// The slot of `key` in the live table of a set. Only a probe that needs script
    /// `__eq__` works on a snapshot (the script may mutate the set); when that code
    /// replaced or removed the entry it matched, the lookup starts again (as CPython's
    /// lookup does), at most [`MAX_LOOKUP_RESTARTS`] times. With `match_wins` a match
    /// counts whatever the script did (CPython's `add`); its slot may then be stale.
    fn set_find_live(
        &mut self,
        cell: &RefCell<SetTable>,
        hash: i64,
        key: &Value,
        match_wins: bool,
    ) -> PyResult<Option<usize>> {
        for _ in 0..=MAX_LOOKUP_RESTARTS {
            let probe = cell.borrow().probe(hash, key);
            match probe {
                SetProbe::Found(i) => return Ok(Some(i)),
                SetProbe::Missing => return Ok(None),
                SetProbe::Undecided(_) => {}
            }
            let snapshot = cell.borrow().clone();
            let Some(i) = self.set_find(&snapshot, hash, key)? else { return Ok(None) };
            let same = match (snapshot.key_at(i), cell.borrow().key_at(i)) {
                (Some(a), Some(b)) => a.is(b),
                _ => false,
            };
            if same || match_wins {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// `s.add(item)`.
    pub fn set_add(&mut self, s: &Value, item: Value) -> PyResult<()> {
        let hash = self.hash(&item)?;
        let Some(Payload::Set(cell)) = s.payload() else { return Ok(()) };
        // Only a probe that needs script `__eq__` works on a snapshot (the script may mutate
        // the set); copying the table on every add made building a set quadratic.
        if self.set_find_live(cell, hash, &item, true)?.is_none() {
            cell.borrow_mut().insert_new(hash, item);
            if self.memory.limited() && cell.borrow().len().is_power_of_two() {
                self.mem_track_value(s)?;
            }
        }
        Ok(())
    }

    /// `s.discard(item)`; true when it was present.
    pub fn set_discard(&mut self, s: &Value, item: &Value) -> PyResult<bool> {
        let hash = self.hash(item)?;
        let Some(Payload::Set(cell)) = s.payload() else { return Ok(false) };
        match self.set_find_live(cell, hash, item, false)? {
            Some(slot) => {
                cell.borrow_mut().remove_slot(slot);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `s.update(iterable)`, with CPython's merge order for sets.
    pub fn set_update(&mut self, s: &Value, it: &Value) -> PyResult<()> {
        if let Some(other) = self.set_table_of(it) {
            let Some(Payload::Set(cell)) = s.payload() else { return Ok(()) };
            let rest = cell.borrow_mut().merge_from(&other);
            for (_, k) in rest {
                self.set_add(s, k)?;
            }
            return Ok(());
        }
        if let Some(d) = self.dict_of(it) {
            let keys: Vec<Value> = d.map.borrow().iter().map(|(k, _)| k.clone()).collect();
            for k in keys {
                self.set_add(s, k)?;
            }
            return Ok(());
        }
        for item in self.collect(it)? {
            self.set_add(s, item)?;
        }
        Ok(())
    }

    /// True when every element of `a` is in `b`.
    pub fn set_issubset(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        for item in self.set_items(a) {
            if !self.set_contains(b, &item)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// A new set (or frozenset, following the left operand) holding a copy of `v`.
    pub fn set_copy_like(&mut self, like: &Value, v: &Value) -> PyResult<Value> {
        let out = self.new_set(vec![])?;
        self.set_update(&out, v)?;
        if matches!(like.payload(), Some(Payload::FrozenSet(_))) {
            let t = self.set_table_of(&out).unwrap_or_default();
            return Ok(self.new_frozenset(t));
        }
        Ok(out)
    }

    /// `|`, `&`, `-`, `^` on sets, following CPython's iteration orders.
    pub fn set_binop(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let frozen = matches!(a.payload(), Some(Payload::FrozenSet(_)));
        let result = match op {
            BinKind::Or => {
                let r = self.set_copy_like(&Value::None, a)?;
                self.set_update(&r, b)?;
                r
            }
            BinKind::And => {
                let (small, big) = if self.set_len(b) > self.set_len(a) { (a, b) } else { (b, a) };
                let r = self.new_set(vec![])?;
                for item in self.set_items(small) {
                    if self.set_contains(big, &item)? {
                        self.set_add(&r, item)?;
                    }
                }
                r
            }
            BinKind::Sub => {
                let r = self.new_set(vec![])?;
                for item in self.set_items(a) {
                    if !self.set_contains(b, &item)? {
                        self.set_add(&r, item)?;
                    }
                }
                r
            }
            BinKind::Xor => {
                let r = self.set_copy_like(&Value::None, b)?;
                for item in self.set_items(a) {
                    if !self.set_discard(&r, &item)? {
                        self.set_add(&r, item)?;
                    }
                }
                r
            }
            _ => return Ok(None),
        };
        if frozen {
            let t = self.set_table_of(&result).unwrap_or_default();
            return Ok(Some(self.new_frozenset(t)));
        }
        Ok(Some(result))
    }

    /// `|=`, `&=`, `-=`, `^=` on a set, in place.
    pub fn set_inplace(&mut self, op: BinKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if self.set_table_of(b).is_none() {
            return Ok(None);
        }
        match op {
            BinKind::Or => self.set_update(a, b)?,
            BinKind::Sub => {
                for item in self.set_items(b) {
                    self.set_discard(a, &item)?;
                }
            }
            BinKind::And | BinKind::Xor => {
                let r = self.set_binop(op, a, b)?.unwrap_or(Value::None);
                if let (Some(Payload::Set(dst)), Some(t)) = (a.payload(), self.set_table_of(&r)) {
                    *dst.borrow_mut() = t;
                }
            }
            _ => return Ok(None),
        }
        Ok(Some(a.clone()))
    }

    // ----- bytes -----

    /// The bytes of a bytes or bytearray value.
    pub fn bytes_of(&self, v: &Value) -> Option<Vec<u8>> {
        match v.payload()? {
            Payload::Bytes(b) => Some(b.to_vec()),
            Payload::ByteArray(b) => Some(b.borrow().clone()),
            Payload::MemoryView(m) if !m.released.get() => Some(m.to_vec()),
            _ => None,
        }
    }

    /// A new `bytes` value.
    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        Value::Obj(Object::new(self.types.bytes.clone(), Payload::Bytes(b.into_boxed_slice())))
    }

    /// A new `bytearray` value.
    pub fn new_bytearray(&mut self, b: Vec<u8>) -> Value {
        Value::Obj(Object::new(
            self.types.bytearray.clone(),
            Payload::ByteArray(crate::vm::object::ByteBuf::new(b)),
        ))
    }

    /// A new value of the same kind (bytes or bytearray) as `like`.
    pub fn new_bytes_like(&mut self, like: &Value, b: Vec<u8>) -> Value {
        match like.payload() {
            Some(Payload::ByteArray(_)) => Value::Obj(Object::new(
                self.types.bytearray.clone(),
                Payload::ByteArray(crate::vm::object::ByteBuf::new(b)),
            )),
            _ => self.new_bytes(b),
        }
    }

    // ----- subscripts -----

    /// Resolves a slice object against a sequence length (CPython's `PySlice_AdjustIndices`).
    pub fn slice_indices(&mut self, s: &Value, len: usize) -> PyResult<SliceIdx> {
        let Some(Payload::Slice(a, b, c)) = s.payload() else { unreachable!("not a slice") };
        let (a, b, c) = (a.clone(), b.clone(), c.clone());
        let len = len as i64;
        let step = if c.is_none() { 1 } else { self.slice_bound(&c)? };
        if step == 0 {
            return Err(self.new_error("ValueError", "slice step cannot be zero"));
        }
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let adjust = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
            if v.is_none() {
                return Ok(default);
            }
            let i = match v {
                Value::BigInt(b) => {
                    if num_traits::Signed::is_negative(&**b) {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    }
                }
                _ => vm.slice_bound(v)?,
            };
            let i = if i < 0 { i + len } else { i };
            Ok(i.clamp(lo, hi))
        };
        let start = adjust(self, &a, if step < 0 { len - 1 } else { 0 })?;
        let stop = adjust(self, &b, if step < 0 { -1 } else { len })?;
        Ok(SliceIdx { start, stop, step })
    }

    /// A slice bound as an index (CPython's `_PyEval_SliceIndex`): a value whose type has
    /// no `__index__` gets the slice-specific TypeError, not `index_of`'s.
    fn slice_bound(&mut self, v: &Value) -> PyResult<i64> {
        if !self.has_index(v) {
            return Err(self.new_error(
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            ));
        }
        self.index_of(v)
    }

    /// Whether `v` is an int or its type defines `__index__` (CPython's `PyIndex_Check`).
    pub(crate) fn has_index(&self, v: &Value) -> bool {
        matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
            || matches!(v.payload(), Some(Payload::Boxed(Value::Int(_) | Value::BigInt(_))))
            || self.type_of(v).lookup("__index__").is_some()
    }

    /// A new slice object.
    pub fn new_slice(&mut self, parts: Vec<Value>) -> Value {
        let mut it = parts.into_iter();
        let (a, b, c) = (
            it.next().unwrap_or(Value::None),
            it.next().unwrap_or(Value::None),
            it.next().unwrap_or(Value::None),
        );
        Value::Obj(Object::new(self.types.slice.clone(), Payload::Slice(a, b, c)))
    }

    pub(crate) fn is_slice(v: &Value) -> bool {
        matches!(v.payload(), Some(Payload::Slice(..)))
    }

    /// Normalises a sequence index, raising IndexError with `what` ("list index out of range").
    pub fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = self.index_of(key)?;
        let i = if i < 0 { i + len as i64 } else { i };
        if i < 0 || i >= len as i64 {
            return Err(self.new_error("IndexError", what));
        }
        Ok(i as usize)
    }

    fn index_type_error(&mut self, seq: &str, key: &Value) -> super::Exc {
        let t = self.type_name(key);
        self.new_error("TypeError", &format!("{seq} indices must be integers or slices, not {t}"))
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        let v = self.get_item_of(obj, key)?;
        if self.memory.limited() && Self::is_slice(key) {
            // A slice is a new object as big as the sequence: charge it like other growth.
            self.mem_track_value(&v)?;
        }
        Ok(v)
    }

    fn get_item_of(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if Self::is_slice(key) {
                    let len = l.items.borrow().len();
                    let s = self.slice_indices(key, len)?;
                    let items = l.items.borrow();
                    // The indices were resolved against `len`; a `__index__` run by
                    // `slice_indices` may have shrunk the list, so read with `get`.
                    let picked = s.indices().filter_map(|i| items.get(i).cloned()).collect();
                    return Ok(Value::list(picked));
                }
                if !matches!(key, Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Obj(_)) {
                    return Err(self.index_type_error("list", key));
                }
                let len = l.items.borrow().len();
                let i = self.seq_index(key, len, "list index out of range")?;
                Ok(l.items.borrow()[i].clone())
            }
            Value::Tuple(t) => {
                if Self::is_slice(key) {
                    let s = self.slice_indices(key, t.items.len())?;
                    return Ok(Value::tuple(s.indices().map(|i| t.items[i].clone()).collect()));
                }
                if !matches!(key, Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Obj(_)) {
                    return Err(self.index_type_error("tuple", key));
                }
                let i = self.seq_index(key, t.items.len(), "tuple index out of range")?;
                Ok(t.items[i].clone())
            }
            Value::Str(s) => self.str_item(s, key),
            Value::Dict(d) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Value::Class(c) => {
                if let Some(f) = super::attr::meta_method(c, "__getitem__") {
                    return self.call(&f, vec![obj.clone(), key.clone()]);
                }
                if let Some(f) = c.lookup("__class_getitem__") {
                    let f = match f.payload() {
                        Some(Payload::ClassMethod(inner)) => inner.clone(),
                        _ => f,
                    };
                    return self.call(&f, vec![obj.clone(), key.clone()]);
                }
                if let Some(f) = c.meta.as_ref().and_then(|m| m.lookup("__getitem__")) {
                    return self.call(&f, vec![obj.clone(), key.clone()]);
                }
                let name = c.name();
                Err(self.new_error("TypeError", &format!("type '{name}' is not subscriptable")))
            }
            Value::Obj(o) => self.get_item_obj(obj, o, key),
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    fn not_subscriptable(&mut self, obj: &Value) -> super::Exc {
        let t = self.type_name(obj);
        self.new_error("TypeError", &format!("'{t}' object is not subscriptable"))
    }

    /// KeyError(key).
    pub fn key_error(&mut self, key: Value) -> super::Exc {
        let cls = self.exc_class("KeyError");
        let e = self.new_exception(&cls, vec![key]);
        self.set_context(&e);
        e
    }

    fn str_item(&mut self, s: &Rc<PyStr>, key: &Value) -> PyResult<Value> {
        if Self::is_slice(key) {
            let n = s.char_len();
            if s.is_ascii() {
                // ASCII: byte offsets are code-point offsets, no decoding needed.
                let idx = self.slice_indices(key, n)?;
                let bytes = s.as_str().as_bytes();
                if idx.step == 1 {
                    let (a, b) = (idx.start.max(0) as usize, idx.stop.max(idx.start).max(0) as usize);
                    return Ok(Value::str(&s.as_str()[a.min(n)..b.min(n)]));
                }
                return Ok(Value::string(idx.indices().map(|i| bytes[i] as char).collect()));
            }
            let chars: Vec<char> = s.as_str().chars().collect();
            let idx = self.slice_indices(key, chars.len())?;
            if idx.step == 1 {
                let (a, b) = (idx.start.max(0) as usize, idx.stop.max(idx.start).max(0) as usize);
                return Ok(Value::string(chars[a.min(chars.len())..b.min(chars.len())].iter().collect()));
            }
            return Ok(Value::string(idx.indices().map(|i| chars[i]).collect()));
        }
        if !self.has_index(key) {
            // CPython 3.11's str wording differs from the other sequences'.
            let t = self.type_name(key);
            return Err(self.new_error("TypeError", &format!("string indices must be integers, not '{t}'")));
        }
        let i = self.seq_index(key, s.char_len(), "string index out of range")?;
        let c = if s.is_ascii() {
            s.as_str().as_bytes()[i] as char
        } else {
            s.as_str().chars().nth(i).unwrap_or(' ')
        };
        Ok(Value::string(c.to_string()))
    }

    fn get_item_obj(&mut self, obj: &Value, o: &Rc<Object>, key: &Value) -> PyResult<Value> {
        if o.class.is_heap {
            if let Some(f) = o.class.lookup("__getitem__") {
                if matches!(f, Value::Func(_)) {
                    return self.call(&f, vec![obj.clone(), key.clone()]);
                }
            }
        }
        match &o.payload {
            Payload::ListData(l) => self.get_item(&Value::List(l.clone()), key),
            Payload::MappingProxy(d) => self.get_item(&Value::Dict(d.clone()), key),
            Payload::DictData(d) => {
                if let Some(v) = self.dict_get(d, key)? {
                    return Ok(v);
                }
                if let Some(f) = o.class.lookup("__missing__") {
                    return self.call(&f, vec![obj.clone(), key.clone()]);
                }
                Err(self.key_error(key.clone()))
            }
            Payload::Boxed(inner) => {
                let inner = inner.clone();
                self.get_item(&inner, key)
            }
            Payload::BigRange(r) => {
                if Self::is_slice(key) {
                    return Err(
                        self.new_error("OverflowError", "Python int too large to convert to C ssize_t")
                    );
                }
                let r = (**r).clone();
                self.big_range_item(&r, key)
            }
            Payload::Range(a, b, c) => {
                let (a, b, c) = (*a, *b, *c);
                let len = range_len(a, b, c) as usize;
                if Self::is_slice(key) {
                    let s = self.slice_indices(key, len)?;
                    let start = a + s.start * c;
                    let stop = a + s.stop * c;
                    return Ok(Value::Obj(Object::new(
                        self.types.range.clone(),
                        Payload::Range(start, stop, s.step * c),
                    )));
                }
                let i = self.seq_index(key, len, "range object index out of range")?;
                Ok(Value::Int(a + i as i64 * c))
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                let b = self.bytes_of(obj).unwrap_or_default();
                if Self::is_slice(key) {
                    let s = self.slice_indices(key, b.len())?;
                    let out: Vec<u8> = s.indices().map(|i| b[i]).collect();
                    return Ok(self.new_bytes_like(obj, out));
                }
                let what = if matches!(o.payload, Payload::Bytes(_)) {
                    "index out of range"
                } else {
                    "bytearray index out of range"
                };
                let i = self.seq_index(key, b.len(), what)?;
                Ok(Value::Int(b[i] as i64))
            }
            Payload::MemoryView(m) => self.memview_get(m, key),
            _ => {
                if let Some(r) = self.runtime_getitem(obj, key)? {
                    return Ok(r);
                }
                Err(self.not_subscriptable(obj))
            }
        }
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if Self::is_slice(&key) {
                    let new = self.slice_source(&value)?;
                    return self.list_set_slice(l, &key, new);
                }
                let len = l.items.borrow().len();
                let i = self.seq_index(&key, len, "list assignment index out of range")?;
                self.gc_note_store(l, &value);
                l.items.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => self.dict_set(d, key, value),
            Value::Obj(o) => {
                if o.class.is_heap {
                    if let Some(f) = o.class.lookup("__setitem__") {
                        if matches!(f, Value::Func(_)) {
                            self.call(&f, vec![obj.clone(), key, value])?;
                            return Ok(());
                        }
                    }
                }
                match &o.payload {
                    Payload::ListData(l) => self.set_item(&Value::List(l.clone()), key, value),
                    Payload::DictData(d) => self.dict_set(d, key, value),
                    Payload::ByteArray(b) => self.bytearray_set(b, &key, &value),
                    Payload::MemoryView(m) => self.memview_set(m, &key, &value),
                    _ => {
                        let t = self.type_name(obj);
                        Err(self.new_error(
                            "TypeError",
                            &format!("'{t}' object does not support item assignment"),
                        ))
                    }
                }
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.new_error("TypeError", &format!("'{t}' object does not support item assignment")))
            }
        }
    }

    fn list_set_slice(&mut self, l: &Rc<super::object::List>, key: &Value, new: Vec<Value>) -> PyResult<()> {
        let len = l.items.borrow().len();
        let s = self.slice_indices(key, len)?;
        self.gc_note_stores(l, &new);
        let r = assign_slice(&mut l.items.borrow_mut(), s, new);
        r.map_err(|msg| self.new_error("ValueError", &msg))
    }

    /// The items of the right-hand side of a slice assignment.
    fn slice_source(&mut self, value: &Value) -> PyResult<Vec<Value>> {
        if !self.is_iterable(value) {
            return Err(self.new_error("TypeError", "can only assign an iterable"));
        }
        self.collect(value)
    }

    /// `ba[key] = value` for a bytearray.
    fn bytearray_set(&mut self, b: &super::object::ByteBuf, key: &Value, value: &Value) -> PyResult<()> {
        let len = b.borrow().len();
        if Self::is_slice(key) {
            let new = match self.bytes_of(value) {
                Some(v) => v,
                None if matches!(value, Value::Int(_) | Value::Str(_)) => {
                    return Err(self.new_error(
                        "TypeError",
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    ));
                }
                None => {
                    let mut out = Vec::new();
                    for v in self.slice_source(value)? {
                        let i = self.index_of(&v)?;
                        let byte = u8::try_from(i)
                            .map_err(|_| self.new_error("ValueError", "byte must be in range(0, 256)"))?;
                        out.push(byte);
                    }
                    out
                }
            };
            let s = self.slice_indices(key, len)?;
            if s.len() != new.len() {
                self.check_resizable(b)?;
            }
            let r = assign_slice(&mut b.borrow_mut(), s, new);
            return r.map_err(|msg| self.new_error("ValueError", &msg));
        }
        let i = self.seq_index(key, len, "bytearray index out of range")?;
        let byte = self.index_of(value)?;
        if !(0..256).contains(&byte) {
            return Err(self.new_error("ValueError", "byte must be in range(0, 256)"));
        }
        b.borrow_mut()[i] = byte as u8;
        Ok(())
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if Self::is_slice(key) {
                    let len = l.items.borrow().len();
                    let s = self.slice_indices(key, len)?;
                    delete_slice(&mut l.items.borrow_mut(), s);
                    return Ok(());
                }
                let len = l.items.borrow().len();
                let i = self.seq_index(key, len, "list assignment index out of range")?;
                l.items.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => match self.dict_remove(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Value::Obj(o) => {
                if o.class.is_heap {
                    if let Some(f) = o.class.lookup("__delitem__") {
                        if matches!(f, Value::Func(_)) {
                            self.call(&f, vec![obj.clone(), key.clone()])?;
                            return Ok(());
                        }
                    }
                }
                match &o.payload {
                    Payload::ListData(l) => self.del_item(&Value::List(l.clone()), key),
                    Payload::MemoryView(m) => {
                        self.memview_check(m)?;
                        let msg = if m.readonly {
                            "cannot modify read-only memory"
                        } else {
                            "cannot delete memory"
                        };
                        Err(self.new_error("TypeError", msg))
                    }
                    Payload::ByteArray(b) => {
                        self.check_resizable(b)?;
                        let len = b.borrow().len();
                        if Self::is_slice(key) {
                            let s = self.slice_indices(key, len)?;
                            delete_slice(&mut b.borrow_mut(), s);
                        } else {
                            let i = self.seq_index(key, len, "bytearray index out of range")?;
                            b.borrow_mut().remove(i);
                        }
                        Ok(())
                    }
                    Payload::DictData(d) => match self.dict_remove(d, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(key.clone())),
                    },
                    _ => {
                        let t = self.type_name(obj);
                        Err(self
                            .new_error("TypeError", &format!("'{t}' object doesn't support item deletion")))
                    }
                }
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.new_error("TypeError", &format!("'{t}' object doesn't support item deletion")))
            }
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Class(c) = container {
            if let Some(f) = super::attr::meta_method(c, "__contains__") {
                let r = self.call(&f, vec![container.clone(), item.clone()])?;
                return self.truthy(&r);
            }
        }
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => {
                    let t = self.type_name(item);
                    Err(self.new_error(
                        "TypeError",
                        &format!("'in <string>' requires string as left operand, not {t}"),
                    ))
                }
            },
            Value::List(l) => {
                let items = l.items.borrow().clone();
                for x in &items {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for x in t.items.clone().iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => Ok(self.dict_lookup(d, item)?.is_some()),
            Value::Obj(o) if o.class.is_heap => {
                if let Some(f) = o.class.lookup("__contains__") {
                    let r = self.call(&f, vec![container.clone(), item.clone()])?;
                    return self.truthy(&r);
                }
                self.contains_native(container, item)
            }
            _ => self.contains_native(container, item),
        }
    }

    /// `item in container` decided by the container's builtin payload, without looking for a
    /// `__contains__` on a script subclass: what the builtin types' own `__contains__` does
    /// (calling back into `contains` from there would find that method again, forever).
    pub fn contains_native(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Dict(_) => {
                self.contains(container, item)
            }
            Value::Obj(o) => match &o.payload {
                Payload::Set(_) | Payload::FrozenSet(_) => self.set_contains(container, item),
                Payload::DictData(d) => Ok(self.dict_lookup(d, item)?.is_some()),
                Payload::ListData(l) => self.contains(&Value::List(l.clone()), item),
                Payload::DictView(kind, d) => self.view_contains(*kind, d, item),
                Payload::MappingProxy(d) => Ok(self.dict_lookup(d, item)?.is_some()),
                Payload::BigRange(r) => match (super::ops::big_of(item), item) {
                    (Some(i), Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => Ok(r.contains(&i)),
                    _ => self.contains_by_iter(container, item),
                },
                Payload::Range(a, b, c) => {
                    let Some(i) = super::ops::int_of(item) else {
                        return self.contains_by_iter(container, item);
                    };
                    let (a, b, c) = (*a, *b, *c);
                    let inside = if c > 0 { i >= a && i < b } else { i <= a && i > b };
                    Ok(inside && (i - a) % c == 0)
                }
                Payload::Bytes(_) | Payload::ByteArray(_) => {
                    let hay = self.bytes_of(container).unwrap_or_default();
                    if let Some(needle) = self.bytes_of(item) {
                        return Ok(
                            needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice())
                        );
                    }
                    let b = self.index_of(item)?;
                    Ok(hay.contains(&(b as u8)))
                }
                _ => self.contains_by_iter(container, item),
            },
            _ => self.contains_by_iter(container, item),
        }
    }

    fn contains_by_iter(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                let t = self.type_name(container);
                return Err(self.new_error("TypeError", &format!("argument of type '{t}' is not iterable")));
            }
        };
        while let Some(x) = self.iter_next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `list.extend(iterable)` (also `+=`).
    pub fn list_extend(&mut self, list: &Value, it: &Value) -> PyResult<()> {
        let items = match it {
            Value::List(l) => l.items.borrow().clone(),
            Value::Tuple(t) => t.items.to_vec(),
            _ => self.collect(it)?,
        };
        match list {
            Value::List(l) => {
                self.gc_note_stores(l, &items);
                l.items.borrow_mut().extend(items)
            }
            Value::Obj(o) => {
                if let Payload::ListData(l) = &o.payload {
                    self.gc_note_stores(l, &items);
                    l.items.borrow_mut().extend(items)
                }
            }
            _ => {}
        }
        self.mem_track_value(list)?;
        Ok(())
    }

    /// `[a, *x]`, `f(a, *x)`: [`Vm::list_extend`], naming the star in the error as CPython
    /// does when `x` is not iterable at all (an `__iter__` raising TypeError passes through).
    pub fn list_extend_star(&mut self, list: &Value, it: &Value) -> PyResult<()> {
        self.list_extend(list, it).map_err(|e| {
            if self.is_not_iterable_error(&e, it) {
                let t = self.type_name(it);
                self.new_error("TypeError", &format!("Value after * must be an iterable, not {t}"))
            } else {
                e
            }
        })
    }

    /// True when `e` is the TypeError iterating `v` raises because `v` is not iterable at
    /// all (not one raised by its own `__iter__` or by a generator it runs).
    pub fn is_not_iterable_error(&self, e: &Exc, v: &Value) -> bool {
        let generic = format!("'{}' object is not iterable", self.type_name(v));
        e.class.name() == "TypeError"
            && matches!(self.exc_args(e).as_slice(), [Value::Str(m)] if m.as_str() == generic)
    }

    /// Unpacks `v` into exactly `n` values, or (`before`, rest list, `after`) when `after` is
    /// given (starred assignment).
    pub fn unpack(&mut self, v: &Value, n: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.items.borrow().clone(),
            _ => {
                let Ok(it) = self.get_iter(v) else {
                    let t = self.type_name(v);
                    return Err(
                        self.new_error("TypeError", &format!("cannot unpack non-iterable {t} object"))
                    );
                };
                match after {
                    // Without a star target, one item past `n` is enough to know there are
                    // too many (CPython stops there too: the iterator may be endless).
                    None => self.take_up_to(&it, n + 1)?,
                    Some(_) => self.collect(&it)?,
                }
            }
        };
        match after {
            None => {
                if items.len() > n {
                    return Err(
                        self.new_error("ValueError", &format!("too many values to unpack (expected {n})"))
                    );
                }
                if items.len() < n {
                    return Err(self.new_error(
                        "ValueError",
                        &format!("not enough values to unpack (expected {n}, got {})", items.len()),
                    ));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < n + after {
                    return Err(self.new_error(
                        "ValueError",
                        &format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            n + after,
                            items.len()
                        ),
                    ));
                }
                let mut out: Vec<Value> = items[..n].to_vec();
                out.push(Value::list(items[n..items.len() - after].to_vec()));
                out.extend(items[items.len() - after..].iter().cloned());
                Ok(out)
            }
        }
    }

    /// At most `n` items from the iterator `it`.
    fn take_up_to(&mut self, it: &Value, n: usize) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        while out.len() < n {
            match self.iter_next(it)? {
                Some(x) => out.push(x),
                None => break,
            }
        }
        Ok(out)
    }

    /// A fresh namespace-style dict map (used by class creation).
    pub fn dict_map_of(&self, d: &Rc<Dict>) -> DictMap {
        d.map.borrow().clone()
    }
}
