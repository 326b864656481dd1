//! `_weakref`: the weak-reference registry behind `stdlib/weakref.py`.
//!
//! A weak reference (a `weakref.ref` or proxy object, written in gyre) is registered here with
//! its referent held as an `rc::Weak`, so the referent's liveness is the `Rc`'s own. The
//! registry lists each referent's references in CPython's order (the plain `ref` first, then
//! the plain proxy, then the others newest first), which is the order `getweakrefs` reports
//! and callbacks run in.
//!
//! Invariants: every registered reference object and referent is held by an `rc::Weak`, so
//! neither allocation (hence neither address, the registry's keys) is reused while its entry
//! exists. Callbacks never run from `Drop`: an instance that dies with references pointing to
//! it (`Object::weak_watched`) queues `Dead::Weak` on its class's graveyard, and the VM runs
//! the callbacks at its next safe point (`Vm::run_finalizers`). Referents without a graveyard
//! (functions, classes, builtin objects) are found dead by [`Vm::weak_sweep`].

use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::vm::object::{Args, Class, Function, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// A weakly held referent.
#[derive(Debug)]
enum Target {
    Obj(Weak<Object>),
    Func(Weak<Function>),
    Class(Weak<Class>),
}

impl Target {
    /// The referent, while it lives.
    fn get(&self) -> Option<Value> {
        match self {
            Target::Obj(w) => w.upgrade().map(Value::Obj),
            Target::Func(w) => w.upgrade().map(Value::Func),
            Target::Class(w) => w.upgrade().map(Value::Class),
        }
    }

    /// True once the referent is gone.
    fn is_dead(&self) -> bool {
        match self {
            Target::Obj(w) => w.strong_count() == 0,
            Target::Func(w) => w.strong_count() == 0,
            Target::Class(w) => w.strong_count() == 0,
        }
    }
}

/// One registered reference object.
#[derive(Debug)]
struct RefEntry {
    /// The reference object itself.
    me: Weak<Object>,
    /// Its callback (None when it has none, or once it ran).
    callback: Value,
    /// 0 for the plain `ref`, 1 for the plain proxy, 2 for the others (its list position).
    kind: u8,
}

/// Everything registered for one referent.
#[derive(Debug)]
struct TargetEntry {
    target: Target,
    /// Its references in CPython's list order.
    refs: Vec<RefEntry>,
    /// True when its death queues `Dead::Weak` (an instance of a script class).
    watched: bool,
    /// Registration order, so that a sweep runs callbacks in a repeatable order.
    seq: u64,
}

/// The VM's weak-reference registry: referents and references by address.
#[derive(Debug, Default)]
pub struct Registry {
    /// Referent address → its references.
    targets: HashMap<usize, TargetEntry>,
    /// Reference object address → referent address.
    owner: HashMap<usize, usize>,
    /// Referents whose death nothing reports (see [`Vm::weak_sweep`]).
    unwatched: usize,
    /// The next [`TargetEntry::seq`].
    next_seq: u64,
}

impl Registry {
    /// True when some referent cannot report its own death.
    pub fn has_unwatched(&self) -> bool {
        self.unwatched > 0
    }

    /// Removes a dead referent's entry, forgetting its references.
    fn take(&mut self, addr: usize) -> Option<TargetEntry> {
        let entry = self.targets.remove(&addr)?;
        if !entry.watched {
            self.unwatched -= 1;
        }
        for r in &entry.refs {
            self.owner.remove(&(r.me.as_ptr() as usize));
        }
        Some(entry)
    }
}

/// The `_weakref` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    Ok(super::new_module(
        vm,
        "_weakref",
        &[
            ("check", check),
            ("register", register),
            ("get", get),
            ("callback", callback),
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
        ],
    ))
}

/// Whether CPython lets `v` be weakly referenced: instances of script classes (unless their
/// `__slots__` leave out `__weakref__`), functions, classes, sets, generators, methods,
/// modules and native objects; not ints, strings, tuples, lists, dicts or `object()`.
fn weakrefable(v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Class(_) => true,
        // Subclasses of the variable-size builtins (int, tuple, bytes) get no weak
        // reference slot in CPython.
        Value::Obj(o) if o.class.is_heap => {
            let var_sized = match &o.payload {
                Payload::Boxed(inner) => {
                    matches!(inner, Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Tuple(_))
                }
                Payload::Bytes(_) => true,
                _ => false,
            };
            !var_sized && o.class.slots.as_ref().is_none_or(|s| s.iter().any(|n| &**n == "__weakref__"))
        }
        Value::Obj(o) => matches!(
            o.payload,
            Payload::Set(_)
                | Payload::FrozenSet(_)
                | Payload::Native(_)
                | Payload::BoundMethod(..)
                | Payload::Generator(_)
                | Payload::Module(_)
                | Payload::Ext(_)
                | Payload::Future(_)
        ),
        _ => false,
    }
}

/// The referent handle of `v`, or CPython's TypeError.
fn target_of(vm: &mut Vm, v: &Value) -> PyResult<(Target, usize)> {
    if !weakrefable(v) {
        let msg = format!("cannot create weak reference to '{}' object", vm.type_name(v));
        return Err(vm.new_error("TypeError", &msg));
    }
    Ok(match v {
        Value::Func(f) => (Target::Func(Rc::downgrade(f)), Rc::as_ptr(f) as usize),
        Value::Class(c) => (Target::Class(Rc::downgrade(c)), Rc::as_ptr(c) as usize),
        Value::Obj(o) => (Target::Obj(Rc::downgrade(o)), Rc::as_ptr(o) as usize),
        _ => unreachable!("weakrefable accepts only heap values"),
    })
}

/// The positional argument `i`.
fn arg(vm: &mut Vm, args: &Args, i: usize, name: &str) -> PyResult<Value> {
    match args.pos.get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.new_error("TypeError", &format!("{name}() missing an argument"))),
    }
}

/// `check(obj)`: raises TypeError when `obj` cannot be weakly referenced.
fn check(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(vm, &args, 0, "check")?;
    target_of(vm, &v)?;
    Ok(Value::None)
}

/// `register(obj, refobj, callback, kind)`: makes `refobj` a weak reference to `obj`.
fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(vm, &args, 0, "register")?;
    let Value::Obj(me) = arg(vm, &args, 1, "register")? else {
        return Err(vm.new_error("TypeError", "register() needs a reference object"));
    };
    let callback = arg(vm, &args, 2, "register")?;
    let kind = match args.pos.get(3) {
        Some(Value::Int(k)) => *k as u8,
        _ => 2,
    };
    let (target, addr) = target_of(vm, &v)?;
    let watched = match &v {
        Value::Obj(o) if o.class.graveyard.is_some() => {
            o.weak_watched.set(true);
            true
        }
        _ => false,
    };
    let reg = &mut vm.weakrefs;
    if !reg.targets.contains_key(&addr) {
        reg.unwatched += usize::from(!watched);
        reg.next_seq += 1;
    }
    let seq = reg.next_seq;
    let entry =
        reg.targets.entry(addr).or_insert_with(|| TargetEntry { target, refs: Vec::new(), watched, seq });
    // References that died before their referent leave with the next registration.
    let owner = &mut reg.owner;
    entry.refs.retain(|r| {
        let live = r.me.strong_count() > 0;
        if !live {
            owner.remove(&(r.me.as_ptr() as usize));
        }
        live
    });
    let pos = entry.refs.iter().take_while(|r| r.kind < kind).count();
    entry.refs.insert(pos, RefEntry { me: Rc::downgrade(&me), callback, kind });
    reg.owner.insert(Rc::as_ptr(&me) as usize, addr);
    Ok(Value::None)
}

/// The registry entry of the reference object `r`.
fn ref_entry<'a>(reg: &'a Registry, r: &Value) -> Option<(&'a TargetEntry, usize)> {
    let Value::Obj(o) = r else { return None };
    let me = Rc::as_ptr(o) as usize;
    let entry = reg.targets.get(reg.owner.get(&me)?)?;
    Some((entry, me))
}

/// `get(refobj)`: the referent, or None once it is gone.
fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = arg(vm, &args, 0, "get")?;
    Ok(ref_entry(&vm.weakrefs, &r).and_then(|(e, _)| e.target.get()).unwrap_or(Value::None))
}

/// `callback(refobj)`: the reference's callback, or None.
fn callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = arg(vm, &args, 0, "callback")?;
    let Some((entry, me)) = ref_entry(&vm.weakrefs, &r) else { return Ok(Value::None) };
    let found = entry.refs.iter().find(|e| e.me.as_ptr() as usize == me);
    Ok(found.map_or(Value::None, |e| e.callback.clone()))
}

/// The live reference objects to `v`, in list order.
fn live_refs(vm: &Vm, v: &Value) -> Vec<Value> {
    let addr = match v {
        Value::Func(f) => Rc::as_ptr(f) as usize,
        Value::Class(c) => Rc::as_ptr(c) as usize,
        Value::Obj(o) => Rc::as_ptr(o) as usize,
        _ => return Vec::new(),
    };
    let Some(entry) = vm.weakrefs.targets.get(&addr) else { return Vec::new() };
    if entry.target.is_dead() {
        return Vec::new();
    }
    entry.refs.iter().filter_map(|r| r.me.upgrade().map(Value::Obj)).collect()
}

/// `getweakrefcount(obj)`: how many weak references point to `obj`.
fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(vm, &args, 0, "getweakrefcount")?;
    Ok(Value::Int(live_refs(vm, &v).len() as i64))
}

/// `getweakrefs(obj)`: the weak references pointing to `obj`.
fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(vm, &args, 0, "getweakrefs")?;
    Ok(Value::list(live_refs(vm, &v)))
}

impl Vm {
    /// The referent at `addr` died: runs its references' callbacks, in list order.
    pub(crate) fn weak_cleared(&mut self, addr: usize) {
        let Some(entry) = self.weakrefs.take(addr) else { return };
        for r in entry.refs {
            let Some(me) = r.me.upgrade() else { continue };
            if r.callback.is_none() {
                continue;
            }
            if let Err(e) = self.call(&r.callback, vec![Value::Obj(me)]) {
                self.report_unraisable(&e, &r.callback);
            }
        }
    }

    /// Finds referents that died without reporting it (see the module doc) and runs their
    /// callbacks.
    pub(crate) fn weak_sweep(&mut self) {
        if !self.weakrefs.has_unwatched() {
            return;
        }
        let mut dead: Vec<(u64, usize)> = self
            .weakrefs
            .targets
            .iter()
            .filter(|(_, e)| !e.watched && e.target.is_dead())
            .map(|(a, e)| (e.seq, *a))
            .collect();
        dead.sort_unstable();
        for (_, addr) in dead {
            self.weak_cleared(addr);
        }
    }
}
