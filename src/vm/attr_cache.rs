//! Inline caches for attribute access on instances (`GetAttr`, `SetAttr`, `LoadMethod`).
//!
//! Each code object keeps one [`AttrSlot`] per name index. A slot remembers, for the class
//! it last saw, either where the attribute sits in the instance dict (an entry index) or the
//! plain function a method call finds on the class. It is valid while the class epoch is
//! unchanged (any class namespace change or class creation bumps it, so hooks, descriptors
//! and MROs are as they were when the slot was filled). A hit still checks the instance dict
//! entry's key (dicts differ per instance) and, for methods, that the instance dict does not
//! shadow the name (a one-word key filter of the dict answers that without a probe). Everything else takes the general path in `attr.rs`, then refills the slot.

use std::cell::Cell;
use std::rc::Rc;

use super::dict::DictMap;
use super::object::{
    class_epoch, Class, CodeObj, Module, Object, Payload, PyStr, DICT_HINT_MAX, HOOK_GETATTRIBUTE,
};
use super::ops::Scalar;
use super::regs::{Slot, Window};
use super::types::Types;
use super::value::Value;
use super::{PyResult, Vm};
use crate::compiler::bytecode::{BinKind, Instr};

/// What a filled slot knows. Indices are `u32` so that a way is small and `Copy` (a
/// position that does not fit is simply not cached).
#[derive(Debug, Default, Clone, Copy)]
enum Known {
    /// Nothing yet.
    #[default]
    Empty,
    /// The attribute is the instance dict's entry at this index (no data descriptor on the
    /// class overrides it).
    DictEntry(u32),
    /// `LoadMethod` finds a plain function on the class: in the namespace of the class
    /// (`0`) or of its `n`th base in MRO order (`n`), at this entry index. Positions rather
    /// than the function itself, so a cache never keeps a function (and through it its own
    /// code object) alive.
    Method(u32, u32),
    /// The attribute of a module is its dict's entry at this index (the way is keyed by the
    /// module dict's address, not a class: every module has the same class).
    ModuleEntry(u32),
}

/// Classes one slot remembers at once: a site that sees a few classes (a method called on
/// the elements of a mixed list) keeps hitting instead of refilling on every access.
const SLOT_WAYS: usize = 4;

/// What a slot knows about one class. Plain cells: a hit reads three words, with no
/// `RefCell` borrow to take and release.
#[derive(Debug, Default)]
struct Way {
    /// Address of the class.
    class: Cell<usize>,
    /// The class epoch when this way was filled.
    epoch: Cell<u64>,
    known: Cell<Known>,
}

/// One cache slot of a code object (see the module docs).
#[derive(Debug, Default)]
pub struct AttrSlot {
    ways: [Way; SLOT_WAYS],
    /// Address of the slot's name (the code object's interned `str`, kept alive by the code
    /// object that owns the slot), 0 for a name that is not a `str`. A hit compares a dict
    /// key's address with it: no bounds check of the code's names, no load of the name.
    name: usize,
    /// The way the next fill replaces (round robin).
    next: Cell<u8>,
}

impl AttrSlot {
    /// An empty slot for `name`.
    fn new(name: &Value) -> AttrSlot {
        AttrSlot { name: str_addr(name), ..AttrSlot::default() }
    }
}

/// The address of `v`'s `str` (0 for anything else).
#[inline(always)]
fn str_addr(v: &Value) -> usize {
    match v {
        Value::Str(k) => Rc::as_ptr(k) as *const u8 as usize,
        _ => 0,
    }
}

/// A code object's slots, one per name index, allocated on the first fill.
pub type AttrSlots = std::cell::OnceCell<Box<[AttrSlot]>>;

/// `i` as a cache position, if it fits.
#[inline]
fn narrow(i: usize) -> Option<u32> {
    u32::try_from(i).ok()
}

/// Instances whose attributes the caches may serve: no payload with its own attribute rules
/// and no attribute hooks on the class.
#[inline]
fn cacheable(o: &Object) -> bool {
    matches!(o.payload, Payload::Plain) && o.class.hooks.get() == 0
}

/// The slot for name `idx` and what it knows, if it was filled for `o`'s class in the
/// current epoch.
#[inline(always)]
fn valid_slot<'c>(code: &'c CodeObj, o: &Object, idx: usize) -> Option<(&'c AttrSlot, Known)> {
    // Only the payload needs checking: a slot is filled only for a class without attribute
    // hooks (`cacheable`), and a class gains hooks only through a namespace change, which
    // bumps the epoch the slot checks.
    if !matches!(o.payload, Payload::Plain) {
        return None;
    }
    class_slot(code, &o.class, idx)
}

/// The slot for name `idx` and what it knows, if it was filled for class `cls` in the
/// current epoch.
#[inline(always)]
fn class_slot<'c>(code: &'c CodeObj, cls: &Class, idx: usize) -> Option<(&'c AttrSlot, Known)> {
    let slot = code.attr_cache.get()?.get(idx)?;
    let class = cls as *const Class as usize;
    let way = slot.ways.iter().find(|w| w.class.get() == class)?;
    if way.epoch.get() != class_epoch() {
        return None;
    }
    Some((slot, way.known.get()))
}

/// Whether dict key `key` is the name of `slot` (name `idx` of `code`): one compare of
/// addresses when the key is the interned name itself, as it nearly always is. A hole's
/// key (`Undef`) is no name.
#[inline(always)]
fn is_slot_name(key: &Value, slot: &AttrSlot, code: &CodeObj, idx: usize) -> bool {
    match key {
        Value::Str(k) if Rc::as_ptr(k) as *const u8 as usize == slot.name => true,
        Value::Str(_) => is_name_by_text(key, code, idx),
        _ => false,
    }
}

/// [`is_slot_name`] of a key that is an equal but distinct `str` (made by `setattr` or a
/// `__dict__` store): out of line, it is rare.
#[cold]
#[inline(never)]
fn is_name_by_text(key: &Value, code: &CodeObj, idx: usize) -> bool {
    code.names.get(idx).is_some_and(|name| same_name(key, name))
}

/// Objects whose method lookups the caches may serve: `Vm::load_method` takes a plain
/// method from the class before anything the payload provides, so any payload qualifies
/// except modules and `super` objects (looked up elsewhere), unless the class replaces
/// `__getattribute__`. Natively implemented objects (futures, tasks, sets, bytes, ...)
/// then hit the cache like instances of script classes.
#[inline]
fn method_cacheable(o: &Object) -> bool {
    !matches!(o.payload, Payload::Module(_) | Payload::Super(..)) && !o.class.has_hook(HOOK_GETATTRIBUTE)
}

/// The class whose methods a `LoadMethod` on `v` may take from the cache: the class of an
/// object whose method lookups are cacheable, or the builtin type of a str, list, tuple,
/// dict, int or float.
#[inline]
fn receiver_class<'a>(types: &'a Types, v: &'a Value) -> Option<&'a Rc<Class>> {
    match v {
        Value::Obj(o) => method_cacheable(o).then_some(&o.class),
        v => builtin_receiver_class(types, v),
    }
}

/// [`receiver_class`] of a value that is not an object.
#[inline(always)]
fn builtin_receiver_class<'a>(types: &'a Types, v: &Value) -> Option<&'a Rc<Class>> {
    match v {
        Value::Str(_) => Some(&types.str_),
        Value::List(_) => Some(&types.list),
        Value::Dict(_) => Some(&types.dict),
        Value::Tuple(_) => Some(&types.tuple),
        Value::Int(_) => Some(&types.int),
        Value::Float(_) => Some(&types.float),
        _ => None,
    }
}

/// Whether dict key `key` is the attribute name `name` (names are interned, so this is
/// nearly always pointer equality).
#[inline(always)]
fn same_name(key: &Value, name: &Value) -> bool {
    match (key, name) {
        (Value::Str(a), Value::Str(b)) => {
            Rc::ptr_eq(a, b) || (a.hash() == b.hash() && a.as_str() == b.as_str())
        }
        _ => false,
    }
}

/// The namespace entry `i` of `cls` (`owner == 0`) or of its base `owner` (MRO order) when
/// its key is the name of `slot` (name `idx` of `code`).
#[inline(always)]
fn class_entry(
    cls: &Class,
    owner: usize,
    i: usize,
    slot: &AttrSlot,
    code: &CodeObj,
    idx: usize,
) -> Option<Value> {
    let cls = if owner == 0 { cls } else { cls.mro.get(owner - 1)? };
    let dict = cls.dict.borrow();
    let e = dict.entry_at(i)?;
    if !is_slot_name(&e.key, slot, code, idx) {
        return None;
    }
    // Nearly always a function: a compare instead of the clone's jump on the variant.
    Some(match &e.value {
        Value::Func(f) => Value::Func(f.clone()),
        v => v.clone(),
    })
}

/// Where the MRO lookup of `name` on `cls` finds it (see [`Known::Method`]).
fn method_position(cls: &Rc<Class>, name: &Value) -> Option<(usize, usize)> {
    let Value::Str(k) = name else { return None };
    std::iter::once(cls).chain(cls.mro.iter()).enumerate().find_map(|(n, c)| {
        let i = c.dict.borrow().index_of_str(k.hash(), k.as_str())?;
        Some((n, i))
    })
}

/// Whether `f` is what `LoadMethod` calls unbound with the receiver as first argument.
fn is_plain_method(f: &Value) -> bool {
    match f {
        Value::Func(_) => true,
        Value::Obj(d) => matches!(&d.payload, Payload::Native(nf) if nf.is_method),
        _ => false,
    }
}

/// `obj.<names[idx]>` of register `obj` into register `dst` of `regs` when the cache knows
/// it; false on a miss, which sends the caller to [`Vm::get_attr_slow`].
///
/// The value is read under the dict borrow and written after it: an int or float by tag and
/// payload (no dispatch on the value's variant, no staged copy of the whole value), anything
/// else as one reference-count increment; the register's old value is released last.
#[inline(always)]
#[allow(clippy::ptr_arg)] // `Slot` indexes a `Vec` (`vm::regs`).
pub(crate) fn cached_get_into(
    code: &CodeObj,
    regs: &mut super::frame::Stack,
    obj: Slot,
    dst: Slot,
    idx: usize,
) -> bool {
    let got = {
        let Value::Obj(o) = &regs[obj] else { return false };
        let Some((slot, Known::DictEntry(i))) = valid_slot(code, o, idx) else { return false };
        let Some(dict) = o.dict() else { return false };
        let map = dict.map.borrow();
        match map.entry_at(i as usize) {
            Some(e) if is_slot_name(&e.key, slot, code, idx) => match &e.value {
                Value::Float(f) => Ok(Scalar::Float(*f)),
                Value::Int(n) => Ok(Scalar::Int(*n)),
                v => Err(v.clone()),
            },
            _ => return false,
        }
    };
    let d = &mut regs[dst];
    match got {
        Ok(s) => s.put(d),
        Err(v) => std::mem::replace(d, v).release(),
    }
    true
}

/// `obj.<names[idx]> = src` when the cache knows where it goes; false sends the caller to
/// [`Vm::set_attr_slow`].
#[inline(always)]
pub fn cached_set(code: &CodeObj, obj: &Value, idx: usize, src: &Value) -> bool {
    let Value::Obj(o) = obj else { return false };
    if untracked_store(o, src) {
        return false;
    }
    let Some((slot, Known::DictEntry(i))) = valid_slot(code, o, idx) else { return false };
    let Some(dict) = o.dict() else { return false };
    let mut map = dict.map.borrow_mut();
    let old = match map.entry_at_mut(i as usize) {
        Some(e) if is_slot_name(&e.key, slot, code, idx) => {
            if e.value.is_inline() {
                // Nothing to release: a scalar is copied by tag and payload (it was usually
                // computed by the instruction before, and a wide reload of it would stall).
                match *src {
                    Value::Int(v) => Value::put_int(&mut e.value, v),
                    Value::Float(v) => Value::put_float(&mut e.value, v),
                    _ => Value::put(&mut e.value, src.clone()),
                }
                return true;
            }
            std::mem::replace(&mut e.value, src.clone())
        }
        _ => {
            let Some(name @ Value::Str(key)) = code.names.get(idx) else { return false };
            if map.push_fresh(key.hash(), name, src) {
                note_dict_len(&o.class, map.len());
            } else {
                fresh_store(&mut map, o, key.hash(), name, src);
            }
            return true;
        }
    };
    // Dropped once the dict is released.
    drop(map);
    drop(old);
    true
}

/// A store of `src` into `o` that must first register `o` with the cycle collector
/// (`Vm::gc_note_attr`): the cached store leaves it to [`Vm::set_attr_slow`].
#[inline(always)]
fn untracked_store(o: &Object, src: &Value) -> bool {
    o.untracked.get() && !src.is_atom()
}

/// `obj.<names[idx]> = s` of a scalar into an entry the cache knows that holds a scalar
/// already (the store of `obj.x += v`); false leaves the store to the `SetAttr`.
#[inline(always)]
pub fn cached_set_scalar(code: &CodeObj, obj: &Value, idx: usize, s: Scalar) -> bool {
    let Value::Obj(o) = obj else { return false };
    let Some((slot, Known::DictEntry(i))) = valid_slot(code, o, idx) else { return false };
    let Some(dict) = o.dict() else { return false };
    let mut map = dict.map.borrow_mut();
    match map.entry_at_mut(i as usize) {
        Some(e) if is_slot_name(&e.key, slot, code, idx) && e.value.is_inline() => {
            s.put(&mut e.value);
            true
        }
        _ => false,
    }
}

/// The statement `obj.<names[idx]> op= x <op1> y` at once (`Instr::GetAttrAddAug`, whose
/// next instruction `next` is the `x <op1> y` into register `t`): when the cache knows the
/// attribute, it holds an int or float, and both operators take their allocation-free
/// paths, the result is stored in the entry under one borrow of the instance dict, and
/// registers `t` and `r` get what the three instructions would have left in them. False
/// (nothing changed) on anything else: the four instructions then run one by one.
#[inline(always)]
#[allow(clippy::ptr_arg, clippy::too_many_arguments)] // `Slot` indexes a `Vec` (`vm::regs`).
pub(crate) fn cached_aug(
    code: &CodeObj,
    regs: &mut super::frame::Stack,
    win: Window,
    next: Instr,
    obj: Slot,
    r: Slot,
    idx: usize,
    op: BinKind,
) -> bool {
    let (op1, t, a, b) = match next {
        Instr::Add { dst, a, b } => (BinKind::Add, dst, a, b),
        Instr::Sub { dst, a, b } => (BinKind::Sub, dst, a, b),
        Instr::Mul { dst, a, b } => (BinKind::Mul, dst, a, b),
        _ => return false,
    };
    let t = win.slot(t);
    let (x, y) = {
        let Some(x) = super::ops::arith_fast(op1, &regs[win.slot(a)], &regs[win.slot(b)]) else {
            return false;
        };
        let Value::Obj(o) = &regs[obj] else { return false };
        let Some((slot, Known::DictEntry(i))) = valid_slot(code, o, idx) else { return false };
        let Some(dict) = o.dict() else { return false };
        let mut map = dict.map.borrow_mut();
        let Some(e) = map.entry_at_mut(i as usize) else { return false };
        if !is_slot_name(&e.key, slot, code, idx) {
            return false;
        }
        let v = match e.value {
            Value::Float(f) => Scalar::Float(f),
            Value::Int(n) => Scalar::Int(n),
            _ => return false,
        };
        let Some(y) = super::ops::scalar_fast(op, v, x) else { return false };
        y.put(&mut e.value);
        (x, y)
    };
    x.put(&mut regs[t]);
    y.put(&mut regs[r]);
    true
}

/// A `SetAttr` whose slot is valid but whose entry is not there yet (a fresh instance in
/// `__init__`): the class is as it was when the slot was filled, so no data descriptor
/// intercepts the store, a plain dict store. Out of line to keep the hit path small.
#[inline(never)]
fn fresh_store(map: &mut DictMap, o: &Object, hash: i64, name: &Value, src: &Value) {
    map.set_str(hash, name.clone(), src.clone());
    note_dict_len(&o.class, map.len());
}

/// The plain method `obj.<names[idx]>()` calls (with `obj` as self) when the cache knows
/// it: into registers `dst` (the method) and `dst + 1` (self). Both are read before either
/// register is written (`obj` may be one of them). False on a miss
/// ([`Vm::load_method_slow`] then decides).
#[inline(always)]
#[allow(clippy::ptr_arg)] // `Slot` indexes a `Vec` (`vm::regs`).
pub(crate) fn cached_method_into(
    code: &CodeObj,
    types: &Types,
    regs: &mut super::frame::Stack,
    obj: Slot,
    dst: [Slot; 2],
    idx: usize,
) -> bool {
    // An object (the common receiver) and a builtin value each test their variant once.
    let (f, s) = match &regs[obj] {
        Value::Obj(o) if matches!(o.payload, Payload::Module(_)) => {
            let Payload::Module(m) = &o.payload else { return false };
            let Some(f) = cached_module_entry(code, m, idx) else { return false };
            (f, Value::Undef)
        }
        Value::Obj(o) => {
            if !method_cacheable(o) {
                return false;
            }
            let Some((slot, Known::Method(owner, i))) = class_slot(code, &o.class, idx) else { return false };
            if shadowed(o, code, idx) {
                return false;
            }
            let Some(f) = class_entry(&o.class, owner as usize, i as usize, slot, code, idx) else {
                return false;
            };
            (f, Value::Obj(o.clone()))
        }
        v => {
            let Some(cls) = builtin_receiver_class(types, v) else { return false };
            let Some((slot, Known::Method(owner, i))) = class_slot(code, cls, idx) else { return false };
            let Some(f) = class_entry(cls, owner as usize, i as usize, slot, code, idx) else { return false };
            (f, v.clone())
        }
    };
    std::mem::replace(&mut regs[dst[0]], f).release();
    std::mem::replace(&mut regs[dst[1]], s).release();
    true
}

/// The module attribute `m.<names[idx]>` when `code`'s slot remembers where it sits in the
/// module dict (keyed by the dict's address) and that entry's key is still the name: what
/// `LoadMethod` on a module (`asyncio.sleep(0)`) finds, with no call out of the dispatch loop.
#[inline(always)]
fn cached_module_entry(code: &CodeObj, m: &Module, idx: usize) -> Option<Value> {
    let slot = code.attr_cache.get()?.get(idx)?;
    let key = Rc::as_ptr(&m.dict) as usize;
    let way = slot.ways.iter().find(|w| w.class.get() == key)?;
    let Known::ModuleEntry(i) = way.known.get() else { return None };
    let map = m.dict.map.try_borrow().ok()?;
    let e = map.entry_at(i as usize)?;
    is_slot_name(&e.key, slot, code, idx).then(|| e.value.clone())
}

/// Whether the instance dict of `o` has name `idx` of `code`. Instances almost never shadow
/// a method, so the dict's key filter usually answers without a probe.
#[inline(always)]
fn shadowed(o: &Object, code: &CodeObj, idx: usize) -> bool {
    let (Some(dict), Some(Value::Str(k))) = (o.dict(), code.names.get(idx)) else { return false };
    let map = dict.map.borrow();
    map.may_hold(k.hash()) && holds_str(&map, k)
}

/// Whether `map` has `k` as a key (the key filter said it may): out of line, it is rare.
#[inline(never)]
fn holds_str(map: &DictMap, k: &PyStr) -> bool {
    map.holds_str(k.hash(), k)
}

impl Vm {
    /// `obj.<names[idx]>` by the general rules, refilling the cache.
    pub fn get_attr_slow(&mut self, code: &CodeObj, obj: &Value, idx: usize) -> PyResult<Value> {
        let v = self.get_attr(obj, &code.names[idx])?;
        if let Value::Obj(o) = obj {
            self.fill_dict_slot(code, o, idx);
        }
        Ok(v)
    }

    /// `obj.<names[idx]> = value` by the general rules, refilling the cache.
    pub fn set_attr_slow(&mut self, code: &CodeObj, obj: &Value, idx: usize, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            if untracked_store(o, &value) {
                // A cached store the instance's registration held back (`cached_set`).
                self.gc_note_attr(o, &value);
                if cached_set(code, obj, idx, &value) {
                    return Ok(());
                }
            }
        }
        self.set_attr(obj, &code.names[idx], value)?;
        if let Value::Obj(o) = obj {
            if o.class.slots.is_none() {
                self.fill_dict_slot(code, o, idx);
            }
        }
        Ok(())
    }

    /// `LoadMethod` by the general rules ([`Vm::load_method`]), refilling the cache.
    pub fn load_method_slow(&mut self, code: &CodeObj, obj: &Value, idx: usize) -> PyResult<(Value, Value)> {
        if let Value::Obj(o) = obj {
            if let Payload::Module(m) = &o.payload {
                return self.module_method(code, obj, m, idx);
            }
        }
        let (f, s) = self.load_method(obj, &code.names[idx])?;
        if !s.is_undef() && is_plain_method(&f) {
            if let Some(cls) = receiver_class(&self.types, obj).cloned() {
                if let Some((owner, i)) = method_position(&cls, &code.names[idx]) {
                    if let (Some(owner), Some(i)) = (narrow(owner), narrow(i)) {
                        store_slot(code, &cls, idx, Known::Method(owner, i));
                    }
                }
            }
        }
        Ok((f, s))
    }

    /// `module.name(...)` (`asyncio.sleep(0)`, `math.sqrt(x)`): the module dict's entry the
    /// slot remembers when its key is still the name, else the general lookup, remembered.
    fn module_method(
        &mut self,
        code: &CodeObj,
        obj: &Value,
        m: &Module,
        idx: usize,
    ) -> PyResult<(Value, Value)> {
        if let Some(f) = cached_module_entry(code, m, idx) {
            return Ok((f, Value::Undef));
        }
        let key = Rc::as_ptr(&m.dict) as usize;
        let r = self.load_method(obj, &code.names[idx])?;
        if let Value::Str(k) = &code.names[idx] {
            if let Some(i) = m.dict.map.borrow().index_of_str(k.hash(), k.as_str()).and_then(narrow) {
                store_keyed_slot(code, key, idx, Known::ModuleEntry(i));
            }
        }
        Ok(r)
    }

    /// Records where `names[idx]` sits in `o`'s instance dict, when the class has no data
    /// descriptor overriding it.
    fn fill_dict_slot(&mut self, code: &CodeObj, o: &Rc<Object>, idx: usize) {
        let Value::Str(key) = &code.names[idx] else { return };
        if !cacheable(o) {
            return;
        }
        let Some(dict) = o.dict() else { return };
        let map = dict.map.borrow();
        note_dict_len(&o.class, map.len());
        let Some(i) = map.index_of_str(key.hash(), key.as_str()).and_then(narrow) else {
            return;
        };
        drop(map);
        let descr = self.lookup_cached(&o.class, key.hash(), key.as_str());
        if descr.is_some_and(|d| self.is_data_descriptor(&d)) {
            return;
        }
        store_slot(code, &o.class, idx, Known::DictEntry(i));
    }
}

/// Raises `cls`'s instance dict size hint to `len` entries (see [`Class::dict_hint`]).
#[inline(always)]
fn note_dict_len(cls: &Class, len: usize) {
    if len > cls.dict_hint.get() as usize && len <= DICT_HINT_MAX {
        cls.dict_hint.set(len as u8);
    }
}

/// Records what `code`'s slot for name `idx` knows about class `cls`.
fn store_slot(code: &CodeObj, cls: &Class, idx: usize, known: Known) {
    store_keyed_slot(code, cls as *const Class as usize, idx, known)
}

/// Records what `code`'s slot for name `idx` knows under `class` (a class's address, or a
/// module dict's for [`Known::ModuleEntry`]).
fn store_keyed_slot(code: &CodeObj, class: usize, idx: usize, known: Known) {
    let cache = code.attr_cache.get_or_init(|| code.names.iter().map(AttrSlot::new).collect());
    let Some(slot) = cache.get(idx) else { return };
    let n = match slot.ways.iter().position(|w| w.class.get() == class) {
        Some(n) => n,
        None => {
            let n = slot.next.get() as usize;
            slot.next.set(((n + 1) % SLOT_WAYS) as u8);
            n
        }
    };
    let way = &slot.ways[n];
    way.class.set(class);
    way.epoch.set(class_epoch());
    way.known.set(known);
}
