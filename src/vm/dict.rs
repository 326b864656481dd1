//! `DictMap`: the insertion-ordered hash table behind `dict`, instance and module namespaces.
//!
//! Layout follows CPython's compact dict: an `entries` vector in insertion order (deleted
//! entries become holes until the next compaction) and an open-addressing `index` table of
//! entry positions. Up to [`SMALL_ENTRIES`] entries there is no index at all: lookups scan
//! the entries (an instance namespace with a few attributes then costs one allocation, and a
//! scan of a handful of hashes beats probing). Hashes are computed by the caller (they may run script `__hash__`), and
//! key equality is resolved in two steps so no borrow is held across script code: `probe`
//! answers from identity and built-in equality, and reports candidates it cannot decide.

use std::cell::Cell;
use std::rc::Rc;

use super::object::{text_eq, PyStr};
use super::value::Value;

/// Entry positions (live or holes) a map holds before it builds its index.
pub const SMALL_ENTRIES: usize = 8;

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// One live or deleted entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The key's hash.
    pub hash: i64,
    /// The key (`Undef` for a deleted entry).
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// The result of a lookup that avoids script code.
#[derive(Debug)]
pub enum Probe {
    /// The key is at this entry index.
    Found(usize),
    /// The key is absent.
    Missing,
    /// These entries have the same hash but need script `__eq__` to decide.
    Undecided(Vec<usize>),
}

/// The result of [`DictMap::find_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrFind {
    /// The key is at this entry index.
    Found(usize),
    /// The key is absent.
    Missing,
    /// A candidate with the key's hash needs script `__eq__` to decide.
    Undecided,
}

/// Whether the stored key `k` equals the str `key` without script code: by address, then
/// by text; `None` for an instance key (its class may define `__eq__`). No other kind of
/// value equals a str.
#[inline(always)]
fn str_key_eq(k: &Value, key: &Rc<PyStr>) -> Option<bool> {
    match k {
        Value::Str(s) => Some(Rc::ptr_eq(s, key) || text_eq(s.as_str(), key.as_str())),
        Value::Obj(_) => None,
        _ => Some(false),
    }
}

/// An insertion-ordered hash map from `Value` to `Value`.
#[derive(Debug, Default)]
pub struct DictMap {
    entries: Vec<Entry>,
    index: Vec<u32>,
    len: usize,
    /// Changes whenever the contents change (see [`DictMap::version`]); bit [`WATCHED`] set
    /// once a cache recorded it (see [`DictMap::watch_version`]). A `Cell` so that recording
    /// it needs only a shared borrow.
    version: Cell<u64>,
    /// Bit `hash % 64` is set for the hash of every key inserted since the map was last
    /// emptied (see [`DictMap::may_hold`]).
    key_bits: u64,
}

thread_local! {
    /// Source of dict versions. Unique across every map of the thread, so a cache that saw
    /// version `v` of one map can never mistake another map's contents for it (CPython keeps
    /// the same kind of counter for its dict versions).
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// The bit of [`DictMap::version`] that says a cache recorded the version: only then does an
/// in-place value update ([`DictMap::entry_at_mut`]) need a new one. Versions come from a
/// counter that never gets near it.
const WATCHED: u64 = 1 << 63;

fn next_version() -> u64 {
    NEXT_VERSION.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    })
}

/// The bit of [`DictMap::may_hold`]'s filter for `hash`.
#[inline(always)]
fn key_bit(hash: i64) -> u64 {
    1 << (hash as u64 % 64)
}

/// Tuples nested deeper than this compare through the VM's guarded path instead (the
/// recursion here has no RecursionError check).
const SIMPLE_EQ_DEPTH: usize = 32;

/// Built-in equality for keys that need no script code; `None` when script code is needed.
pub fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    simple_eq_at(a, b, 0)
}

fn simple_eq_at(a: &Value, b: &Value, depth: usize) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Str(x), Str(y)) => std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (BigInt(x), BigInt(y)) => x == y,
        // Exact comparison of a huge int with a float needs the numeric tower.
        (BigInt(_), Float(_)) | (Float(_), BigInt(_)) => return Option::None,
        (None, None) => true,
        (Tuple(x), Tuple(y)) => {
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            if depth >= SIMPLE_EQ_DEPTH {
                return Option::None;
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if p.is(q) {
                    continue;
                }
                if !simple_eq_at(p, q, depth + 1)? {
                    return Some(false);
                }
            }
            true
        }
        (Obj(x), Obj(y)) if std::rc::Rc::ptr_eq(x, y) => true,
        (Class(x), Class(y)) => std::rc::Rc::ptr_eq(x, y),
        (Func(x), Func(y)) => std::rc::Rc::ptr_eq(x, y),
        (Obj(_), _) | (_, Obj(_)) => return Option::None,
        // Containers compare element-wise through the VM.
        (List(_), List(_)) | (Dict(_), Dict(_)) => return Option::None,
        _ => false,
    })
}

impl Clone for DictMap {
    /// A copy with a version of its own (unwatched): a version names one map's contents, so a
    /// cache that copied a value out of a map under its version (the `LoadGlobal` cache,
    /// `frame_ref::GlobalSlot`) never takes a copy that changed since for it.
    fn clone(&self) -> DictMap {
        DictMap {
            entries: self.entries.clone(),
            index: self.index.clone(),
            len: self.len,
            version: Cell::new(next_version()),
            key_bits: self.key_bits,
        }
    }
}

impl Drop for DictMap {
    fn drop(&mut self) {
        if self.entries.is_empty() {
            return;
        }
        let entries = std::mem::take(&mut self.entries);
        if super::drop::enter() {
            drop(entries);
            super::drop::leave();
        } else {
            super::drop::defer(entries.into_iter().flat_map(|e| [e.key, e.value]));
        }
    }
}

impl DictMap {
    /// Moves every key and value out onto `out` (the cycle collector breaks cycles this way).
    pub fn drain_into(mut self, out: &mut Vec<Value>) {
        for e in std::mem::take(&mut self.entries) {
            out.push(e.key);
            out.push(e.value);
        }
    }

    /// An empty map.
    pub fn new() -> DictMap {
        DictMap::default()
    }

    /// An empty map with room for `n` entries (no room reserved for 0).
    pub fn with_capacity(n: usize) -> DictMap {
        DictMap {
            entries: Vec::with_capacity(n),
            index: Vec::new(),
            len: 0,
            version: Cell::new(0),
            key_bits: 0,
        }
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no live entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn mask(&self) -> usize {
        self.index.len() - 1
    }

    /// Looks a key up using identity and built-in equality only.
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        if self.index.is_empty() {
            return self.scan(hash, key);
        }
        // The usual outcomes need no vector: the candidates that need script code are
        // collected by a second pass, only once one shows up.
        match self.probe_index(hash, key, None) {
            Some(p) => p,
            None => self.probe_collect(hash, key),
        }
    }

    /// [`DictMap::probe`]'s second pass, collecting every undecided candidate.
    #[cold]
    #[inline(never)]
    fn probe_collect(&self, hash: i64, key: &Value) -> Probe {
        let mut undecided = Vec::new();
        self.probe_index(hash, key, Some(&mut undecided)).unwrap_or(Probe::Missing)
    }

    /// The probe of a map with an index. Without `undecided`, `None` at the first candidate
    /// that needs script code; with it, such candidates go there and the result is
    /// `Probe::Undecided` when there were any.
    #[inline(always)]
    fn probe_index(&self, hash: i64, key: &Value, mut undecided: Option<&mut Vec<usize>>) -> Option<Probe> {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            match self.index[i] {
                EMPTY => break,
                DELETED => {}
                slot => {
                    let e = &self.entries[slot as usize];
                    if e.hash == hash {
                        // The common case, two strs, without the generic identity and
                        // equality dispatch.
                        if let (Value::Str(a), Value::Str(b)) = (&e.key, key) {
                            if std::rc::Rc::ptr_eq(a, b) || a.as_str() == b.as_str() {
                                return Some(Probe::Found(slot as usize));
                            }
                        } else if e.key.is(key) {
                            return Some(Probe::Found(slot as usize));
                        } else {
                            match simple_eq(&e.key, key) {
                                Some(true) => return Some(Probe::Found(slot as usize)),
                                Some(false) => {}
                                None => undecided.as_mut()?.push(slot as usize),
                            }
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        Some(match undecided {
            Some(v) if !v.is_empty() => Probe::Undecided(std::mem::take(v)),
            _ => Probe::Missing,
        })
    }

    /// Looks a `str` key up without script code, comparing by address first (a repeated
    /// word or an interned name is usually the very key stored): no `Probe` built, no
    /// generic equality. The first candidate with the key's hash that only script code can
    /// compare (an instance key, say a str subclass with its own `__eq__`) makes it
    /// `Undecided`, and the caller takes the general path.
    #[inline(always)]
    pub fn find_str(&self, key: &Rc<PyStr>) -> StrFind {
        let hash = key.hash();
        if self.index.is_empty() {
            return self.scan_str(hash, key);
        }
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            match self.index[i] {
                EMPTY => return StrFind::Missing,
                DELETED => {}
                slot => {
                    let e = &self.entries[slot as usize];
                    if e.hash == hash {
                        match str_key_eq(&e.key, key) {
                            Some(true) => return StrFind::Found(slot as usize),
                            Some(false) => {}
                            None => return StrFind::Undecided,
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// [`DictMap::find_str`] of a map without an index.
    #[inline(never)]
    fn scan_str(&self, hash: i64, key: &Rc<PyStr>) -> StrFind {
        for (slot, e) in self.entries.iter().enumerate() {
            if e.hash == hash {
                match str_key_eq(&e.key, key) {
                    Some(true) => return StrFind::Found(slot),
                    Some(false) => {}
                    None => return StrFind::Undecided,
                }
            }
        }
        StrFind::Missing
    }

    /// The value under a `str` key when the probe decides it without script code (`None`
    /// when absent or undecided): the dispatch loop's `d[k]` for an exact dict.
    #[inline(always)]
    pub fn get_str_key(&self, key: &Value) -> Option<&Value> {
        self.lookup_str_key(key).flatten()
    }

    /// The value under a `str` key, `Some(None)` when the key is absent; `None` when `key`
    /// is not a str or the probe cannot decide without script code (`d.get(k)` in place).
    #[inline(always)]
    pub fn lookup_str_key(&self, key: &Value) -> Option<Option<&Value>> {
        let Value::Str(s) = key else { return None };
        match self.find_str(s) {
            StrFind::Found(i) => self.entries.get(i).map(|e| Some(&e.value)),
            StrFind::Missing => Some(None),
            StrFind::Undecided => None,
        }
    }

    /// `d[k] = v` for a `str` key already present, decided without script code: the old
    /// value, to be dropped once the map is released. `None` (nothing changed) when the key
    /// is absent or undecided.
    #[inline(always)]
    pub fn replace_str_key(&mut self, key: &Value, value: &Value) -> Option<Value> {
        let Value::Str(s) = key else { return None };
        match self.find_str(s) {
            StrFind::Found(i) if i < self.entries.len() => Some(self.set_value(i, value.clone())),
            _ => None,
        }
    }

    /// [`DictMap::probe`] of a map without an index.
    fn scan(&self, hash: i64, key: &Value) -> Probe {
        let mut undecided = Vec::new();
        for (slot, e) in self.entries.iter().enumerate() {
            if e.hash != hash || e.key.is_undef() {
                continue;
            }
            if e.key.is(key) {
                return Probe::Found(slot);
            }
            match simple_eq(&e.key, key) {
                Some(true) => return Probe::Found(slot),
                Some(false) => {}
                None => undecided.push(slot),
            }
        }
        if undecided.is_empty() {
            Probe::Missing
        } else {
            Probe::Undecided(undecided)
        }
    }

    /// Finds a `str` key without building a `Value` (attribute and global lookups).
    pub fn get_str(&self, hash: i64, key: &str) -> Option<&Value> {
        self.index_of_str(hash, key).map(|i| &self.entries[i].value)
    }

    /// Whether `key` (with hash `hash`) is a key: in a small map, the text is compared only
    /// for an entry with the same hash that is not `key` itself (names are interned), so
    /// the usual miss reads no text at all.
    pub fn holds_str(&self, hash: i64, key: &PyStr) -> bool {
        if self.index.is_empty() {
            return self.entries.iter().any(|e| {
                e.hash == hash
                    && matches!(&e.key, Value::Str(k) if std::ptr::eq(&**k, key) || k.as_str() == key.as_str())
            });
        }
        self.index_of_str(hash, key.as_str()).is_some()
    }

    /// The entry index of string key `key` with hash `hash` (see [`DictMap::get_str`]).
    #[inline]
    pub fn index_of_str(&self, hash: i64, key: &str) -> Option<usize> {
        if self.index.is_empty() {
            return self.entries.iter().position(|e| {
                e.hash == hash
                    && matches!(&e.key, Value::Str(k) if std::ptr::eq(k.as_str(), key) || k.as_str() == key)
            });
        }
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            match self.index[i] {
                EMPTY => return None,
                DELETED => {}
                slot => {
                    let e = &self.entries[slot as usize];
                    if e.hash == hash {
                        if let Value::Str(k) = &e.key {
                            // Names are interned: the same text is usually the same pointer.
                            let k = k.as_str();
                            if std::ptr::eq(k, key) || k == key {
                                return Some(slot as usize);
                            }
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The live entry at `idx`, if `idx` is in range and not a hole.
    #[inline]
    pub fn live_entry(&self, idx: usize) -> Option<&Entry> {
        self.entries.get(idx).filter(|e| !e.key.is_undef())
    }

    /// The entry at `idx`, live or a hole (a hole's key is `Undef`), if there is one: the
    /// attribute caches check the key themselves.
    #[inline(always)]
    pub fn entry_at(&self, idx: usize) -> Option<&Entry> {
        self.entries.get(idx)
    }

    /// [`DictMap::entry_at`] for an in-place value update (the cached store of an instance
    /// attribute). The version changes only if a cache watches it: the key set stays the
    /// same, and the version the map already has came from the counter at its last key
    /// change, so it stays unique to this map's keys.
    #[inline(always)]
    pub fn entry_at_mut(&mut self, idx: usize) -> Option<&mut Entry> {
        if self.version.get() & WATCHED != 0 {
            self.bump();
        }
        self.entries.get_mut(idx)
    }

    /// The entry at an index returned by `probe` (live or a hole).
    pub fn entry(&self, idx: usize) -> &Entry {
        &self.entries[idx]
    }

    /// The live entry at `idx` for an in-place value update (the map counts it as changed).
    #[inline]
    pub fn live_entry_mut(&mut self, idx: usize) -> Option<&mut Entry> {
        if self.entries.get(idx).is_none_or(|e| e.key.is_undef()) {
            return None;
        }
        self.bump();
        self.entries.get_mut(idx)
    }

    /// Replaces the value of the entry at `idx`.
    #[inline]
    pub fn set_value(&mut self, idx: usize, value: Value) -> Value {
        self.bump();
        std::mem::replace(&mut self.entries[idx].value, value)
    }

    /// A number that changes whenever a key or value changes: caches of lookups (the global
    /// name cache of the dispatch loop) stay valid while it is unchanged. Values stored in
    /// place by [`DictMap::entry_at_mut`] change it only after [`DictMap::watch_version`]:
    /// a cache of a map that can take such stores (an instance dict, or module globals under
    /// the `LoadGlobal` cache, which copies values out) records the version with that.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// [`DictMap::version`], marking the map as watched so that every later change, in-place
    /// value stores included, gives it a new version.
    pub fn watch_version(&self) -> u64 {
        let v = self.version.get() | WATCHED;
        self.version.set(v);
        v
    }

    /// Gives the map a new version (keeping the watched mark).
    #[inline(always)]
    fn bump(&mut self) {
        let watched = self.version.get() & WATCHED;
        self.version.set(next_version() | watched);
    }

    /// False when no key with this hash can be in the map: a one-word test that lets a
    /// lookup that usually misses (does this instance shadow the method it calls?) skip the
    /// probe. Removals leave their bits set, so true only means "maybe".
    #[inline(always)]
    pub fn may_hold(&self, hash: i64) -> bool {
        self.key_bits & key_bit(hash) != 0
    }

    /// Appends `key` when the filter shows it absent and the map is small with room to spare
    /// (the stores of a fresh instance's `__init__` into its pre-sized dict): no probe and no
    /// call of [`DictMap::insert_new`]. False, with nothing done, otherwise.
    #[inline(always)]
    pub fn push_fresh(&mut self, hash: i64, key: &Value, value: &Value) -> bool {
        let n = self.entries.len();
        if self.may_hold(hash) || !self.index.is_empty() || n >= SMALL_ENTRIES || n == self.entries.capacity()
        {
            return false;
        }
        self.bump();
        self.key_bits |= key_bit(hash);
        self.entries.push(Entry { hash, key: key.clone(), value: value.clone() });
        self.len += 1;
        true
    }

    /// Appends a new key (the caller checked it is absent).
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        self.bump();
        self.key_bits |= key_bit(hash);
        if self.index.is_empty() && self.entries.len() < SMALL_ENTRIES {
            if self.entries.capacity() == 0 {
                self.entries.reserve_exact(SMALL_ENTRIES / 2);
            }
            self.entries.push(Entry { hash, key, value });
            self.len += 1;
            return;
        }
        if (self.entries.len() + 1) * 3 >= self.index.len() * 2 {
            self.grow();
        }
        let slot = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.place(hash, slot);
        self.len += 1;
    }

    fn place(&mut self, hash: i64, slot: u32) {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        while self.index[i] != EMPTY && self.index[i] != DELETED {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        self.index[i] = slot;
    }

    /// Rebuilds the index, dropping holes, with room for growth.
    fn grow(&mut self) {
        self.entries.retain(|e| !e.key.is_undef());
        let mut size = 8;
        while size * 2 <= (self.entries.len() + 1) * 3 {
            size *= 2;
        }
        self.index = vec![EMPTY; size];
        for slot in 0..self.entries.len() {
            let hash = self.entries[slot].hash;
            self.place(hash, slot as u32);
        }
    }

    /// Removes the entry at `idx`, returning its key and value.
    pub fn remove_at(&mut self, idx: usize) -> (Value, Value) {
        if self.index.is_empty() {
            self.bump();
            let e = &mut self.entries[idx];
            let key = std::mem::take(&mut e.key);
            let value = std::mem::take(&mut e.value);
            self.len -= 1;
            if self.len == 0 {
                self.clear();
            }
            return (key, value);
        }
        let mask = self.mask();
        let hash = self.entries[idx].hash;
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        while self.index[i] != idx as u32 {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        self.index[i] = DELETED;
        self.bump();
        let e = &mut self.entries[idx];
        let key = std::mem::take(&mut e.key);
        let value = std::mem::take(&mut e.value);
        self.len -= 1;
        if self.len == 0 {
            self.clear();
        }
        (key, value)
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.bump();
        self.key_bits = 0;
        self.entries.clear();
        self.index.clear();
        self.len = 0;
    }

    /// Empties a small map (no hash index) for reuse, keeping the entry vector's allocation;
    /// false, with nothing done, for a map with an index. The keys and values drop here: the
    /// caller makes sure no drop they cascade into can reach this map.
    pub fn clear_small(&mut self) -> bool {
        if !self.index.is_empty() {
            return false;
        }
        self.bump();
        self.key_bits = 0;
        self.len = 0;
        // `Vec::clear` calls the drop glue out of line for every key and value (four calls for
        // an instance with two float attributes). Entries with a `str` key and a scalar value
        // run no code when released (no `__del__`), so their order does not show: they are
        // popped from the end, the key released inline (a count) and the value left (a scalar
        // owns nothing). From the last entry that is not like that, `Vec::clear` drops the
        // rest in insertion order, as CPython's dict does.
        while let Some(e) = self.entries.pop() {
            if !(matches!(e.key, Value::Str(_)) && e.value.is_inline()) {
                self.entries.push(e);
                break;
            }
            let Entry { key, value, .. } = e;
            std::mem::forget(value);
            match key {
                Value::Str(k) => drop(k),
                key => drop(key),
            }
        }
        self.entries.clear();
        true
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().filter(|e| !e.key.is_undef()).map(|e| (&e.key, &e.value))
    }

    /// Live entries with their hashes.
    pub fn iter_hashed(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_undef())
    }

    /// The key and value at entry position `pos` or later that is live: for iterators that
    /// survive mutation. Returns the next position too.
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, &Value, &Value)> {
        while pos < self.entries.len() {
            let e = &self.entries[pos];
            if !e.key.is_undef() {
                return Some((pos + 1, &e.key, &e.value));
            }
            pos += 1;
        }
        None
    }

    /// The last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_undef())
    }

    /// Sets a `str` key whose hash the caller computed (namespaces, keyword dicts).
    pub fn set_str(&mut self, hash: i64, key: Value, value: Value) {
        // A key whose filter bit is clear is absent: no probe (the first stores into a fresh
        // instance dict).
        if !self.may_hold(hash) {
            self.insert_new(hash, key, value);
            return;
        }
        match self.probe(hash, &key) {
            Probe::Found(i) => {
                self.set_value(i, value);
            }
            _ => self.insert_new(hash, key, value),
        }
    }
}
