//! The cycle collector: CPython-style trial deletion over registered containers.
//!
//! Reference counting frees everything except cycles. Containers that can take part in a
//! cycle (lists, dicts, functions, instances, exceptions, generators) are registered here when
//! the VM creates them, as `Weak` references, so the registry never keeps anything alive.
//! A collection looks at a range of the registry (the young generation, or everything):
//!
//! 1. each live object starts with `gc_refs = strong_count` (minus the collector's own handle);
//! 2. every reference from one object of the set to another decrements the target's count;
//! 3. an object whose count stays above zero is referenced from outside the set (a register,
//!    a global, an untracked object, Rust code): it is a root, and everything it reaches is
//!    alive too;
//! 4. the rest is cyclic garbage: its contents are taken out (lists and dicts emptied, cells
//!    and exception links reset, suspended fibers dropped), which breaks the cycles and lets
//!    reference counting free it.
//!
//! No roots are needed, so a collection is sound wherever no object is half-updated; it runs
//! when a container is registered (every [`DEFAULT_THRESHOLD`] registrations) and on
//! `gc.collect()`. Objects that are not registered are seen through: one held only by a tracked
//! object (`strong_count == 1`, e.g. an instance's `__dict__`, a closure cell, a tuple) counts
//! as part of its owner. Any reference the walk does not see only keeps its target alive, so
//! an incomplete walk can leak but never frees a live object. An object whose `RefCell` is
//! borrowed cannot be walked and is treated as a root.
//!
//! Finalizers (PEP 442): garbage instances whose class has `__del__` and that were not
//! finalized yet are marked finalized and queued on the VM's graveyard, which calls their
//! `__del__` at the next safe point; they and everything they reach survive this collection
//! (staying in the young generation), and a later collection frees what is still unreachable
//! then (a finalizer may have resurrected part of it). The rest of the garbage is freed. `gc.collect()` runs the finalizers and collects again at once, as
//! CPython does within one collection. Suspended generators found in a cycle are dropped
//! without running their `finally` blocks (CPython would close them).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::{Rc, Weak};

use super::dict::DictMap;
use super::object::{
    AsyncGenOpKind, Class, Dead, Dict, Function, GcSlot, GenState, Iter, List, Object, Payload, Tuple,
};
use super::value::Value;

/// Registrations between two automatic collections (CPython's `threshold0`).
pub const DEFAULT_THRESHOLD: i64 = 700;
/// Young collections between two full ones (CPython's `threshold1`).
pub const DEFAULT_THRESHOLD1: i64 = 10;
/// CPython's `threshold2` (gyre has two generations; kept for `get_threshold()`).
pub const DEFAULT_THRESHOLD2: i64 = 10;
/// A full collection waits until the registry has grown by `1 / FULL_GROWTH_DIVISOR` since
/// the last one. CPython uses a quarter; doubling makes a steadily growing heap cost about two
/// scans per object instead of five, at the price of old cyclic garbage living longer.
const FULL_GROWTH_DIVISOR: usize = 1;
/// The fewest registrations a pruned registry has room for before it is pruned again.
const MIN_HEADROOM: usize = 1024;
/// How deep the walk follows untracked objects owned by a tracked one; deeper nesting is
/// treated as external (a possible leak, never an unsound free).
const MAX_INLINE_DEPTH: usize = 64;

/// A registered container.
enum Tracked {
    List(Weak<List>),
    Dict(Weak<Dict>),
    Func(Weak<Function>),
    Class(Weak<Class>),
    Obj(Weak<Object>),
}

/// A registered container held alive for the length of a collection.
enum Strong {
    List(Rc<List>),
    Dict(Rc<Dict>),
    Func(Rc<Function>),
    Class(Rc<Class>),
    Obj(Rc<Object>),
}

impl Tracked {
    /// The object has not been freed.
    fn is_live(&self) -> bool {
        match self {
            Tracked::List(w) => w.strong_count() > 0,
            Tracked::Dict(w) => w.strong_count() > 0,
            Tracked::Func(w) => w.strong_count() > 0,
            Tracked::Class(w) => w.strong_count() > 0,
            Tracked::Obj(w) => w.strong_count() > 0,
        }
    }

    /// The object's address (its identity), also once freed: a `Weak` keeps its object's
    /// allocation, so no other object has this address while the entry exists.
    #[inline]
    fn addr(&self) -> usize {
        match self {
            Tracked::List(w) => w.as_ptr() as usize,
            Tracked::Dict(w) => w.as_ptr() as usize,
            Tracked::Func(w) => w.as_ptr() as usize,
            Tracked::Class(w) => w.as_ptr() as usize,
            Tracked::Obj(w) => w.as_ptr() as *const u8 as usize,
        }
    }

    fn upgrade(&self) -> Option<Strong> {
        Some(match self {
            Tracked::List(w) => Strong::List(w.upgrade()?),
            Tracked::Dict(w) => Strong::Dict(w.upgrade()?),
            Tracked::Func(w) => Strong::Func(w.upgrade()?),
            Tracked::Class(w) => Strong::Class(w.upgrade()?),
            Tracked::Obj(w) => Strong::Obj(w.upgrade()?),
        })
    }
}

impl Strong {
    /// The object's address (its identity).
    #[inline]
    fn addr(&self) -> usize {
        match self {
            Strong::List(r) => Rc::as_ptr(r) as usize,
            Strong::Dict(r) => Rc::as_ptr(r) as usize,
            Strong::Func(r) => Rc::as_ptr(r) as usize,
            Strong::Class(r) => Rc::as_ptr(r) as usize,
            Strong::Obj(r) => Rc::as_ptr(r) as *const u8 as usize,
        }
    }

    fn slot(&self) -> &GcSlot {
        match self {
            Strong::List(r) => &r.gc_slot,
            Strong::Dict(r) => &r.gc_slot,
            Strong::Func(r) => &r.gc_slot,
            Strong::Class(r) => &r.gc_slot,
            Strong::Obj(r) => &r.gc_slot,
        }
    }

    /// (address, strong count) of the object.
    fn key(&self) -> (usize, usize) {
        match self {
            Strong::List(r) => (Rc::as_ptr(r) as usize, Rc::strong_count(r)),
            Strong::Dict(r) => (Rc::as_ptr(r) as usize, Rc::strong_count(r)),
            Strong::Func(r) => (Rc::as_ptr(r) as usize, Rc::strong_count(r)),
            Strong::Class(r) => (Rc::as_ptr(r) as usize, Rc::strong_count(r)),
            Strong::Obj(r) => (Rc::as_ptr(r) as usize, Rc::strong_count(r)),
        }
    }

    fn node(&self) -> Node<'_> {
        match self {
            Strong::List(r) => Node::List(r),
            Strong::Dict(r) => Node::Dict(r),
            Strong::Func(r) => Node::Func(r),
            Strong::Class(r) => Node::Class(r),
            Strong::Obj(r) => Node::Obj(r),
        }
    }
}

/// An object whose references the walk can enumerate.
#[derive(Clone, Copy)]
enum Node<'a> {
    List(&'a List),
    Tuple(&'a Tuple),
    Dict(&'a Dict),
    Func(&'a Function),
    Class(&'a Class),
    Obj(&'a Object),
}

/// One reference to a walkable object. The target's strong count is read only when the
/// walk needs it (an untracked target), so a walk over tracked children touches nothing but
/// the registry index.
#[derive(Clone, Copy)]
enum Edge<'a> {
    List(&'a Rc<List>),
    Tuple(&'a Rc<Tuple>),
    Dict(&'a Rc<Dict>),
    Func(&'a Rc<Function>),
    Class(&'a Rc<Class>),
    Obj(&'a Rc<Object>),
}

impl<'a> Edge<'a> {
    fn addr(self) -> usize {
        match self {
            Edge::List(r) => Rc::as_ptr(r) as usize,
            Edge::Tuple(r) => Rc::as_ptr(r) as usize,
            Edge::Dict(r) => Rc::as_ptr(r) as usize,
            Edge::Func(r) => Rc::as_ptr(r) as usize,
            Edge::Class(r) => Rc::as_ptr(r) as usize,
            Edge::Obj(r) => Rc::as_ptr(r) as *const u8 as usize,
        }
    }

    /// The target's collector slot (tuples are never registered: none).
    #[inline]
    fn slot(self) -> Option<&'a GcSlot> {
        Some(match self {
            Edge::List(r) => &r.gc_slot,
            Edge::Tuple(_) => return None,
            Edge::Dict(r) => &r.gc_slot,
            Edge::Func(r) => &r.gc_slot,
            Edge::Class(r) => &r.gc_slot,
            Edge::Obj(r) => &r.gc_slot,
        })
    }

    fn strong(self) -> usize {
        match self {
            Edge::List(r) => Rc::strong_count(r),
            Edge::Tuple(r) => Rc::strong_count(r),
            Edge::Dict(r) => Rc::strong_count(r),
            Edge::Func(r) => Rc::strong_count(r),
            Edge::Class(r) => Rc::strong_count(r),
            Edge::Obj(r) => Rc::strong_count(r),
        }
    }

    fn node(self) -> Node<'a> {
        match self {
            Edge::List(r) => Node::List(r),
            Edge::Tuple(r) => Node::Tuple(r),
            Edge::Dict(r) => Node::Dict(r),
            Edge::Func(r) => Node::Func(r),
            Edge::Class(r) => Node::Class(r),
            Edge::Obj(r) => Node::Obj(r),
        }
    }
}

fn dict_edge(d: &Rc<Dict>) -> Edge<'_> {
    Edge::Dict(d)
}

fn list_edge(l: &Rc<List>) -> Edge<'_> {
    Edge::List(l)
}

fn obj_edge(o: &Rc<Object>) -> Edge<'_> {
    Edge::Obj(o)
}

/// The walkable target of a value (None for atoms and kinds the collector ignores).
fn value_edge(v: &Value) -> Option<Edge<'_>> {
    Some(match v {
        Value::List(l) => Edge::List(l),
        Value::Tuple(t) => Edge::Tuple(t),
        Value::Dict(d) => Edge::Dict(d),
        Value::Func(f) => Edge::Func(f),
        Value::Class(c) if c.is_heap => Edge::Class(c),
        Value::Obj(o) => Edge::Obj(o),
        _ => return None,
    })
}

/// Calls `f` on every reference `node` holds directly. Returns false when a `RefCell` of the
/// node was borrowed (the walk is then incomplete).
fn visit(node: Node<'_>, f: &mut dyn FnMut(Edge<'_>)) -> bool {
    let vals = |vs: &[Value], f: &mut dyn FnMut(Edge<'_>)| vs.iter().filter_map(value_edge).for_each(f);
    match node {
        Node::List(l) => match l.items.try_borrow() {
            Ok(items) => vals(&items, f),
            Err(_) => return false,
        },
        Node::Tuple(t) => vals(&t.items, f),
        Node::Dict(d) => return visit_map(&d.map, f),
        Node::Func(func) => {
            vals(&func.defaults, f);
            vals(&func.closure, f);
            if let Some(k) = &func.kwdefaults {
                f(dict_edge(k));
            }
            return visit_map(&func.dict, f);
        }
        Node::Class(c) => {
            // The namespace only: bases and the MRO are immutable and acyclic, and a class
            // reached through them is kept alive by its subclass anyway.
            return visit_map(&c.dict, f);
        }
        Node::Obj(o) => {
            if let Some(d) = o.dict() {
                f(dict_edge(d));
            }
            if o.class.is_heap {
                f(Edge::Class(&o.class));
            }
            return visit_payload(&o.payload, f);
        }
    }
    true
}

fn visit_map(map: &RefCell<DictMap>, f: &mut dyn FnMut(Edge<'_>)) -> bool {
    let Ok(map) = map.try_borrow() else { return false };
    for (k, v) in map.iter() {
        value_edge(k).map(&mut *f);
        value_edge(v).map(&mut *f);
    }
    true
}

/// Visits a value inside a `RefCell`.
fn visit_cell(c: &RefCell<Value>, f: &mut dyn FnMut(Edge<'_>)) -> bool {
    let Ok(v) = c.try_borrow() else { return false };
    value_edge(&v).map(f);
    true
}

fn visit_payload(p: &Payload, f: &mut dyn FnMut(Edge<'_>)) -> bool {
    let one = |v: &Value, f: &mut dyn FnMut(Edge<'_>)| value_edge(v).map(f);
    match p {
        Payload::Exception(e) => {
            return visit_cell(&e.args, f) & visit_cell(&e.cause, f) & visit_cell(&e.context, f);
        }
        Payload::Cell(c) => return visit_cell(c, f),
        Payload::BoundMethod(a, b) => {
            one(a, f);
            one(b, f);
        }
        Payload::Slice(a, b, c) => {
            one(a, f);
            one(b, f);
            one(c, f);
        }
        Payload::StaticMethod(v) | Payload::ClassMethod(v) | Payload::Boxed(v) | Payload::AsyncYield(v) => {
            one(v, f);
        }
        Payload::Super(_, v) => {
            one(v, f);
        }
        Payload::Property(p) => {
            for v in [&p.fget, &p.fset, &p.fdel, &p.doc] {
                one(v, f);
            }
            return visit_cell(&p.name, f);
        }
        Payload::ListData(l) => f(list_edge(l)),
        Payload::DictData(d) | Payload::DictView(_, d) | Payload::MappingProxy(d) => f(dict_edge(d)),
        Payload::Module(m) => f(dict_edge(&m.dict)),
        Payload::Set(s) => match s.try_borrow() {
            Ok(s) => s.iter().filter_map(value_edge).for_each(f),
            Err(_) => return false,
        },
        Payload::FrozenSet(s) => s.iter().filter_map(value_edge).for_each(f),
        Payload::Iter(it) => match it.try_borrow() {
            Ok(it) => visit_iter(&it, f),
            Err(_) => return false,
        },
        Payload::Generator(g) => match g.state.try_borrow() {
            Ok(state) => {
                if matches!(*state, GenState::Suspended(_)) {
                    let handled = g.handled.take();
                    handled.as_ref().map(obj_edge).map(&mut *f);
                    g.handled.set(handled);
                }
                visit_gen_state(&state, f)
            }
            Err(_) => return false,
        },
        Payload::Ext(_) | Payload::Sleep(_) | Payload::Future(_) => {
            return p.ext().is_none_or(|e| e.gc_traverse(&mut Tracer { f }));
        }
        Payload::AsyncGenOp(op) => match op.try_borrow() {
            Ok(op) => {
                one(&op.target, f);
                match &op.kind {
                    AsyncGenOpKind::Send(v) | AsyncGenOpKind::Default(v) => {
                        one(v, f);
                    }
                    AsyncGenOpKind::Throw(e) => f(obj_edge(e)),
                    AsyncGenOpKind::Next | AsyncGenOpKind::Close => {}
                }
            }
            Err(_) => return false,
        },
        _ => {}
    }
    true
}

fn visit_iter(it: &Iter, f: &mut dyn FnMut(Edge<'_>)) {
    let mut one = |v: &Value| value_edge(v).map(&mut *f);
    match it {
        Iter::List(l, _) => f(list_edge(l)),
        Iter::Tuple(t, _) => f(Edge::Tuple(t)),
        Iter::DictKeys(d, ..) | Iter::DictValues(d, ..) | Iter::DictItems(d, ..) => f(dict_edge(d)),
        Iter::Bytes(v, _) | Iter::Set(v, ..) | Iter::Reversed(v, _) | Iter::SeqIter(v, _) => {
            one(v);
        }
        Iter::Enumerate(a, b) | Iter::Filter(a, b) | Iter::Callable(a, b) => {
            one(a);
            one(b);
        }
        Iter::Zip(vs, _) => vs.iter().for_each(|v| {
            one(v);
        }),
        Iter::Map(g, vs) => {
            one(g);
            vs.iter().for_each(|v| {
                one(v);
            });
        }
        Iter::Range { .. } | Iter::BigRange(_) | Iter::Str(..) | Iter::Done => {}
    }
}

fn visit_gen_state(state: &GenState, f: &mut dyn FnMut(Edge<'_>)) {
    let GenState::Suspended(fiber) = state else { return };
    fiber.stack.iter().filter_map(value_edge).for_each(&mut *f);
}

/// What an [`Ext`](super::ext::Ext) object reports its references to.
pub struct Tracer<'f> {
    f: &'f mut dyn FnMut(Edge<'_>),
}

impl Tracer<'_> {
    /// A value the object holds.
    pub fn value(&mut self, v: &Value) {
        if let Some(e) = value_edge(v) {
            (self.f)(e);
        }
    }

    /// An object the object holds.
    pub fn object(&mut self, o: &Rc<Object>) {
        (self.f)(obj_edge(o));
    }
}

/// Address-keyed map with a cheap hash (addresses are already well spread). Also hashes
/// sequence numbers (`u64` keys): one multiplication
/// (Fibonacci hashing) spreads consecutive keys; short constant `str` keys (`Vm::ext_state`)
/// go through FNV-1a.
#[derive(Default)]
pub struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100000001b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map from addresses (object identities) to indices.
pub type AddrMap = HashMap<usize, usize, BuildHasherDefault<AddrHasher>>;

/// The containers one collection examines: the registry entries `tracked[start..]`, each
/// a node unless its object was freed or registered again earlier in the range. Node `i`
/// is entry `start + i`, and its object's [`GcSlot`] holds `start + i`, so that finding the
/// node a reference points to is two loads and a comparison instead of a hash lookup by
/// address. The objects are not held alive meanwhile (no handle per node: a full
/// collection over a large heap allocates 16 bytes a node less): nothing runs during the
/// walk that could free one, and the garbage is held while it is cleared.
struct Nodes<'t> {
    tracked: &'t [Tracked],
    start: usize,
    is_node: Vec<bool>,
}

impl Nodes<'_> {
    /// Makes entry `start + is_node.len()`, the object `n` held by it, a node unless that
    /// object is a node already (an object registered twice is examined once).
    fn insert(&mut self, n: &Strong) -> bool {
        let node = self.index_of(n.addr(), n.slot()).is_none();
        if node {
            n.slot().0.set((self.start + self.is_node.len()) as u32);
        }
        self.is_node.push(node);
        node
    }

    /// The index of the object at `addr` whose slot is `slot`, if it is a node. A slot left
    /// over from an earlier collection, or pointing at another entry, fails the checks: the
    /// entry must be a node of this collection and hold the object's address.
    #[inline]
    fn index_of(&self, addr: usize, slot: &GcSlot) -> Option<usize> {
        let i = (slot.0.get() as usize).checked_sub(self.start)?;
        (*self.is_node.get(i)? && self.tracked[i].addr() == addr).then_some(i)
    }

    /// The index of the node `e` points to, if it is a node.
    #[inline]
    fn get(&self, e: Edge<'_>) -> Option<usize> {
        self.index_of(e.addr(), e.slot()?)
    }

    /// Node `i`'s object, held for as long as the handle lives.
    fn strong(&self, i: usize) -> Option<Strong> {
        self.tracked[i].upgrade()
    }
}

/// The references between the nodes of one collection, recorded by its first walk so that
/// marking what the roots reach follows indices instead of walking the objects again.
struct Graph {
    /// Node `i`'s targets are `edges[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    edges: Vec<u32>,
}

impl Graph {
    /// An empty graph over `n` nodes, in the (empty) vectors of an earlier collection.
    fn with_nodes(n: usize, mut starts: Vec<u32>, edges: Vec<u32>) -> Graph {
        starts.reserve(n + 1);
        starts.push(0);
        Graph { starts, edges }
    }

    /// Marks alive everything reachable from `work` (nodes already marked alive).
    fn mark_reachable(&self, work: &mut Vec<u32>, alive: &mut [bool]) {
        while let Some(i) = work.pop() {
            let i = i as usize;
            for &j in &self.edges[self.starts[i] as usize..self.starts[i + 1] as usize] {
                if !alive[j as usize] {
                    alive[j as usize] = true;
                    work.push(j);
                }
            }
        }
    }
}

/// Walks `node`'s references, seeing through untracked objects it owns alone, and calls
/// `on_tracked` with the index of every tracked target. False when a borrow stopped the walk.
/// An untracked instance (`Object::untracked`) it meets that it cannot see through is
/// registered into `adopt` (a reference from outside the walk's reach keeps it alive this
/// time; the next collection examines it).
fn walk(
    node: Node<'_>,
    index: &Nodes,
    depth: usize,
    on_tracked: &mut dyn FnMut(usize),
    adopt: &mut Vec<Weak<Object>>,
) -> bool {
    let mut complete = true;
    let visited = visit(node, &mut |e: Edge<'_>| {
        if let Some(j) = index.get(e) {
            on_tracked(j);
        } else if e.strong() == 1 && depth < MAX_INLINE_DEPTH {
            if !walk(e.node(), index, depth + 1, on_tracked, adopt) {
                complete = false;
            }
        } else if let Edge::Obj(o) = e {
            if o.untracked.replace(false) {
                adopt.push(Rc::downgrade(o));
            }
        }
    });
    visited && complete
}

/// Collects into `found` the untracked instances `node` refers to, seeing through the
/// objects it owns alone (as [`walk`] does), and marks them tracked.
fn adopt_from(node: Node<'_>, depth: usize, found: &mut Vec<Weak<Object>>) {
    visit(node, &mut |e: Edge<'_>| match e {
        Edge::Obj(o) if o.untracked.replace(false) => found.push(Rc::downgrade(o)),
        _ if e.strong() == 1 && depth < MAX_INLINE_DEPTH => adopt_from(e.node(), depth + 1, found),
        _ => {}
    });
}

/// Hands a suspended generator that needs closing to its graveyard (see `collect_from`).
fn finalize_generator(node: Node<'_>) -> bool {
    matches!(node, Node::Obj(o) if matches!(&o.payload, Payload::Generator(g) if g.finalize_from_cycle()))
}

/// Hands the unregistered generators `node` alone holds (a task's coroutine, see
/// [`Collector::hand_over_last`]) that need closing to their graveyard, as
/// [`finalize_generator`] does for registered ones. True if there was one.
fn finalize_owned(node: Node<'_>, index: &Nodes) -> bool {
    let mut any = false;
    visit(node, &mut |e: Edge<'_>| {
        any |= index.get(e).is_none() && e.strong() == 1 && finalize_generator(e.node());
    });
    any
}

/// How many unregistered generators `node` alone holds (each a garbage object CPython would
/// count: a task's coroutine, see [`Collector::hand_over_last`]).
fn owned_generators(node: Node<'_>, index: &Nodes) -> usize {
    let mut n = 0;
    visit(node, &mut |e: Edge<'_>| {
        let generator = matches!(e, Edge::Obj(o) if matches!(o.payload, Payload::Generator(_)));
        n += usize::from(generator && e.strong() == 1 && index.get(e).is_none());
    });
    n
}

/// Empties what `node` holds (and what the untracked objects it owns alone hold) into `trash`.
/// Returns how many owned objects CPython would count besides `node`: none so far, as an
/// instance's own `__dict__` is not an object of its own in CPython 3.11 (inline values).
fn clear(node: Node<'_>, index: &Nodes, depth: usize, trash: &mut Vec<Value>) -> usize {
    let mut owned = match node {
        Node::Obj(o) if matches!(o.payload, Payload::Ext(_)) => owned_generators(node, index),
        _ => 0,
    };
    let mut through_edge = |e: Edge<'_>, trash: &mut Vec<Value>| {
        if e.strong() == 1 && depth < MAX_INLINE_DEPTH && index.get(e).is_none() {
            owned += clear(e.node(), index, depth + 1, trash);
        }
    };
    let mut through = |v: &Value, trash: &mut Vec<Value>| {
        if let Some(e) = value_edge(v) {
            through_edge(e, trash);
        }
    };
    match node {
        Node::List(l) => {
            if let Ok(mut items) = l.items.try_borrow_mut() {
                trash.append(&mut items);
            }
        }
        Node::Tuple(t) => t.items.iter().for_each(|v| through(v, trash)),
        Node::Dict(d) => clear_map(&d.map, trash),
        Node::Func(func) => {
            func.defaults.iter().chain(&func.closure).for_each(|v| through(v, trash));
            if let Some(k) = &func.kwdefaults {
                through_edge(dict_edge(k), trash);
            }
            clear_map(&func.dict, trash);
        }
        Node::Class(c) => {
            super::object::bump_class_epoch();
            clear_map(&c.dict, trash);
        }
        Node::Obj(o) => {
            if let Some(d) = o.dict() {
                if Rc::strong_count(d) == 1 {
                    clear_map(&d.map, trash);
                }
            }
            clear_payload(&o.payload, trash, &mut through_edge);
        }
    }
    owned
}

fn clear_map(map: &RefCell<DictMap>, trash: &mut Vec<Value>) {
    if let Ok(mut m) = map.try_borrow_mut() {
        std::mem::take(&mut *m).drain_into(trash);
    }
}

fn clear_cell(c: &RefCell<Value>, with: Value, trash: &mut Vec<Value>) {
    if let Ok(mut v) = c.try_borrow_mut() {
        trash.push(std::mem::replace(&mut *v, with));
    }
}

fn clear_payload(p: &Payload, trash: &mut Vec<Value>, through: &mut dyn FnMut(Edge<'_>, &mut Vec<Value>)) {
    match p {
        Payload::Exception(e) => {
            clear_cell(&e.args, Value::tuple(Vec::new()), trash);
            clear_cell(&e.cause, Value::None, trash);
            clear_cell(&e.context, Value::None, trash);
        }
        Payload::Cell(c) => clear_cell(c, Value::Undef, trash),
        Payload::BoundMethod(a, b) => {
            for v in [a, b] {
                if let Some(e) = value_edge(v) {
                    through(e, trash);
                }
            }
        }
        Payload::StaticMethod(v) | Payload::ClassMethod(v) | Payload::Boxed(v) | Payload::Super(_, v) => {
            if let Some(e) = value_edge(v) {
                through(e, trash);
            }
        }
        Payload::Property(p) => clear_cell(&p.name, Value::None, trash),
        Payload::ListData(l) => through(list_edge(l), trash),
        Payload::DictData(d) => through(dict_edge(d), trash),
        Payload::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                let table = std::mem::take(&mut *s);
                trash.extend(table.iter().cloned());
            }
        }
        Payload::Ext(_) | Payload::Sleep(_) | Payload::Future(_) => {
            p.ext().into_iter().for_each(|e| e.gc_clear(trash))
        }
        Payload::Iter(it) => {
            if let Ok(mut it) = it.try_borrow_mut() {
                let old = std::mem::replace(&mut *it, Iter::Done);
                drop(it);
                drop(old);
            }
        }
        Payload::Generator(g) => {
            if g.finalize_from_cycle() {
                return;
            }
            if let Ok(mut state) = g.state.try_borrow_mut() {
                if let GenState::Suspended(_) = &*state {
                    let old = std::mem::replace(&mut *state, GenState::Finished);
                    drop(state);
                    if let GenState::Suspended(mut fiber) = old {
                        fiber.stack.move_into(trash);
                        trash.extend(g.handled.take().map(Value::Obj));
                    }
                }
            }
        }
        _ => {}
    }
}

/// The collector's state, owned by the VM.
pub struct Collector {
    /// Registered containers, oldest first.
    tracked: Vec<Tracked>,
    /// Where the young generation starts in `tracked`.
    young_start: usize,
    /// Registrations since the last collection (`gc.get_count()[0]`).
    pub allocs: i64,
    /// Young collections since the last full one (`gc.get_count()[1]`).
    pub young_runs: i64,
    /// Registry length after the last full collection.
    long_lived: usize,
    /// `gc.isenabled()`.
    pub enabled: bool,
    /// `gc.get_threshold()`.
    pub thresholds: [i64; 3],
    /// True while a collection runs (no nested collections).
    collecting: bool,
    /// `gc.freeze()`: registry entries before this index are never examined.
    frozen: usize,
    /// The last collection queued finalizers instead of freeing: what it examined stays in
    /// the young generation, so that the next young collection frees what stays garbage.
    deferred: bool,
    /// The work vectors of the last collection, when small enough to keep.
    workspace: Workspace,
    /// Untracked instances the last collection registered (the newest registry entries).
    adopted: usize,
}

impl Default for Collector {
    fn default() -> Self {
        Collector {
            tracked: Vec::new(),
            young_start: 0,
            allocs: 0,
            young_runs: 0,
            long_lived: 0,
            enabled: true,
            thresholds: [DEFAULT_THRESHOLD, DEFAULT_THRESHOLD1, DEFAULT_THRESHOLD2],
            collecting: false,
            frozen: 0,
            deferred: false,
            workspace: Workspace::default(),
            adopted: 0,
        }
    }
}

impl Collector {
    /// Registers a container (values that cannot hold references are ignored). Returns true
    /// when an automatic collection is due.
    #[inline]
    pub fn track(&mut self, v: &Value) -> bool {
        let t = match v {
            Value::List(l) => Tracked::List(Rc::downgrade(l)),
            Value::Dict(d) => Tracked::Dict(Rc::downgrade(d)),
            Value::Func(f) => Tracked::Func(Rc::downgrade(f)),
            Value::Class(c) if c.is_heap => Tracked::Class(Rc::downgrade(c)),
            Value::Obj(o) => Tracked::Obj(Rc::downgrade(o)),
            _ => return false,
        };
        if self.tracked.len() == self.tracked.capacity() {
            self.prune();
            self.reserve_headroom();
        }
        self.tracked.push(t);
        self.allocs += 1;
        self.enabled && self.thresholds[0] > 0 && self.allocs >= self.thresholds[0]
    }

    /// Hands the newest registry entry, if it is `from`'s and young, over to `to`, which
    /// takes ownership of `from` (a task of the coroutine `create_task(job())` just made):
    /// `from` is then seen through from `to` while `to` alone holds it (see `walk`), so the
    /// pair costs one entry and one examined node per collection instead of two. Returns
    /// false, changing nothing, when the entry is another object's or already old (a
    /// collection ran since `from` was made); the caller then registers `to` itself.
    ///
    /// `from` stays unregistered until the caller registers it again (a task does at its first
    /// step if anything else holds the coroutine, and when a script is handed it). Meanwhile
    /// an unregistered object held twice is external to the walk: it and what it reaches stay
    /// alive (a collection comes too early, never an unsound free).
    pub fn hand_over_last(&mut self, from: *const Object, to: &Rc<Object>) -> bool {
        let Some(Tracked::Obj(last)) = self.tracked.last() else { return false };
        if !std::ptr::eq(last.as_ptr(), from) || self.tracked.len() <= self.young_start {
            return false;
        }
        *self.tracked.last_mut().expect("a last entry") = Tracked::Obj(Rc::downgrade(to));
        true
    }

    /// Drops the registry entries of freed objects (a dead `Weak` still pins its object's
    /// allocation), keeping the generation boundaries. Runs when the registry is full, so that
    /// it stays proportional to the live containers even while collection is disabled.
    ///
    /// One pass over the registry (a growing heap of live tasks prunes it at every doubling):
    /// the live entries move down segment by segment between the boundaries, and each
    /// boundary becomes the number of live entries below it.
    #[cold]
    fn prune(&mut self) {
        let len = self.tracked.len();
        let mut bounds = [self.frozen, self.young_start, self.long_lived].map(|b| b.min(len));
        let mut order = [0, 1, 2];
        order.sort_unstable_by_key(|&i| bounds[i]);
        let (mut kept, mut from) = (0, 0);
        for i in order {
            kept = self.keep_live(from..bounds[i], kept);
            from = bounds[i];
            bounds[i] = kept;
        }
        kept = self.keep_live(from..len, kept);
        self.tracked.truncate(kept);
        [self.frozen, self.young_start, self.long_lived] = bounds;
    }

    /// Moves the live entries of `range` down to start at `kept` (every entry below `kept`
    /// is live and already placed); returns where the next one goes.
    fn keep_live(&mut self, range: std::ops::Range<usize>, mut kept: usize) -> usize {
        for r in range {
            if self.tracked[r].is_live() {
                if r != kept {
                    self.tracked.swap(kept, r);
                }
                kept += 1;
            }
        }
        kept
    }

    /// After a prune, makes room for as many registrations as there are live entries (at
    /// least `MIN_HEADROOM`). A prune walks the whole registry, so without this a registry
    /// nearly full of live containers (a server holding many connections) would be pruned
    /// again after a handful of registrations, at O(live containers) each time; with it the
    /// next prune is at least that many registrations away, O(1) amortised per registration.
    fn reserve_headroom(&mut self) {
        let len = self.tracked.len();
        self.tracked.reserve(len.max(MIN_HEADROOM));
    }

    /// Registry entries, live or freed since the last prune (the memory limit's estimate
    /// of small containers reads it).
    pub fn registered(&self) -> usize {
        self.tracked.len()
    }

    /// Drops the entries of freed objects now. An event loop calls this when a burst of
    /// tasks has finished and it is about to sleep: otherwise their dead entries pin the
    /// tasks' memory until the registry next fills up. A registry left far larger than what
    /// is live gives its memory back too (keeping the headroom `reserve_headroom` keeps).
    pub fn prune_dead(&mut self) {
        self.prune();
        let keep = 2 * self.tracked.len().max(MIN_HEADROOM);
        if self.tracked.capacity() > 2 * keep {
            self.tracked.shrink_to(keep);
        }
    }

    /// The automatic collection: the young generation, or everything once enough young
    /// collections have run and the registry has grown enough since the last full one (so
    /// that a growing live heap is rescanned a bounded number of times per object).
    pub fn collect_auto(&mut self) -> usize {
        self.young_runs += 1;
        let grown =
            self.tracked.len().saturating_sub(self.long_lived) > self.long_lived / FULL_GROWTH_DIVISOR;
        if self.young_runs >= self.thresholds[1].max(1) && grown {
            self.collect_full()
        } else {
            self.collect_young()
        }
    }

    /// Collects the young generation (what was registered since the last collection).
    pub fn collect_young(&mut self) -> usize {
        let start = self.young_start.max(self.frozen);
        let found = self.collect_from(start);
        self.young_start =
            if self.deferred { start } else { self.tracked.len().saturating_sub(self.adopted) };
        found
    }

    /// `gc.freeze()`: everything registered so far is left alone by later collections.
    pub fn freeze(&mut self) {
        self.frozen = self.tracked.len();
        self.young_start = self.frozen;
        self.allocs = 0;
    }

    /// `gc.unfreeze()`: frozen objects are examined again by full collections.
    pub fn unfreeze(&mut self) {
        self.frozen = 0;
    }

    /// `gc.get_freeze_count()`: how many registry entries are frozen.
    pub fn freeze_count(&self) -> usize {
        self.frozen
    }

    /// Collects every registered container; returns the number of unreachable objects found.
    pub fn collect_full(&mut self) -> usize {
        let mut found = self.collect_from(self.frozen);
        if self.adopted > 0 {
            // Untracked instances the walk met held by more than one reference: their class
            // reference may close a cycle (`C.a = C.b = C()`), which only a collection that
            // examines them finds.
            found += self.collect_from(self.frozen);
        }
        self.young_runs = 0;
        self.young_start =
            if self.deferred { self.frozen } else { self.tracked.len().saturating_sub(self.adopted) };
        self.long_lived = self.young_start;
        found
    }

    /// Registers the instances left out of the registry (`Object::untracked`) that the
    /// containers registered from `start` on refer to, directly or through objects they own
    /// alone, and those that these refer to in turn (for the exit's finalization, which
    /// walks the registry).
    fn adopt_untracked(&mut self, start: usize) {
        let mut found = Vec::new();
        let mut i = start;
        while i < self.tracked.len() {
            if let Some(s) = self.tracked[i].upgrade() {
                adopt_from(s.node(), 0, &mut found);
                self.tracked.extend(found.drain(..).map(Tracked::Obj));
            }
            i += 1;
        }
    }

    /// Trial deletion over `tracked[start..]`.
    ///
    /// The workspace is sized for a collection over a large heap (a full collection at the
    /// peak of 100 k parked tasks adds its workspace to the peak): the registry entries stay
    /// in place and stand for their nodes (no handle per node, see [`Nodes`]), with one byte
    /// each saying whether it became a node (not freed, not a second registration of the
    /// same object), and counts and work lists are 32-bit. The vectors
    /// of a small collection are kept for the next one (see [`Workspace`]).
    fn collect_from(&mut self, start: usize) -> usize {
        self.allocs = 0;
        self.adopted = 0;
        if self.collecting || start > self.tracked.len() {
            return 0;
        }
        self.collecting = true;
        let mut ws = std::mem::take(&mut self.workspace);
        let n = self.tracked.len() - start;
        ws.reserve(n);
        let mut index =
            Nodes { tracked: &self.tracked[start..], start, is_node: std::mem::take(&mut ws.is_node) };
        let refs = &mut ws.refs;
        for t in index.tracked {
            let strong = match t.upgrade() {
                // Minus the handle just taken; a count beyond `i32` only ever stays a root.
                Some(s) if index.insert(&s) => s.key().1.min(i32::MAX as usize) as i32 - 1,
                Some(_) => 0,
                None => {
                    index.is_node.push(false);
                    0
                }
            };
            refs.push(strong);
        }
        // Subtract internal references, recording them; a node that cannot be walked is a
        // root. An entry that is not a node counts as alive (and has no references).
        let alive = &mut ws.alive;
        alive.extend(index.is_node.iter().map(|&node| !node));
        let mut graph = Graph::with_nodes(n, std::mem::take(&mut ws.starts), std::mem::take(&mut ws.edges));
        let mut adopt = Vec::new();
        for (i, a) in alive.iter_mut().enumerate() {
            if let Some(s) = index.is_node[i].then(|| index.strong(i)).flatten() {
                let on_tracked = &mut |j: usize| {
                    refs[j] -= 1;
                    graph.edges.push(j as u32);
                };
                if !walk(s.node(), &index, 0, on_tracked, &mut adopt) {
                    *a = true;
                }
            }
            graph.starts.push(graph.edges.len() as u32);
        }
        for (a, &r) in alive.iter_mut().zip(refs.iter()) {
            *a |= r > 0;
        }
        ws.work.extend((0..n as u32).filter(|&i| alive[i as usize]));
        graph.mark_reachable(&mut ws.work, alive);
        // PEP 442: generators in the garbage that closing would run code in are finalized
        // first (moved to the graveyard, closed at the VM's next call). Their frames may
        // still use any other object of the garbage, so nothing is cleared this time: the
        // next collection frees whatever the closed generators no longer keep alive (an
        // explicit `gc.collect()` closes them and collects again at once).
        // The garbage is held from here to the end of the collection.
        let garbage = &mut ws.nodes;
        garbage.extend((0..n).filter(|&i| !alive[i]).filter_map(|i| index.strong(i)));
        let finalized = garbage
            .iter()
            .filter(|s| finalize_generator(s.node()) | finalize_owned(s.node(), &index))
            .count();
        let mut found = 0;
        if finalized > 0 {
            alive.iter_mut().for_each(|a| *a = true);
            self.deferred = true;
        } else {
            // Garbage with finalizers to run, and what it reaches, survives until they ran.
            queue_finalizers(&index, alive, &mut ws.work);
            self.deferred = !ws.work.is_empty();
            for &i in &ws.work {
                alive[i as usize] = true;
            }
            graph.mark_reachable(&mut ws.work, alive);
            for s in garbage.iter().filter(|s| !alive[s.slot().0.get() as usize - start]) {
                found += 1 + clear(s.node(), &index, 0, &mut ws.trash);
            }
        }
        (ws.starts, ws.edges) = (graph.starts, graph.edges);
        ws.is_node = index.is_node;
        self.finish_collection(start, ws);
        // Registered after the collection, as the youngest entries.
        self.adopted = adopt.len();
        self.tracked.extend(adopt.into_iter().map(Tracked::Obj));
        found
    }

    /// Survivors move to the old generation (their registry entries stay where they are);
    /// garbage stays registered only if a reference the walk could not break keeps it alive;
    /// entries of freed objects and second registrations go.
    fn finish_collection(&mut self, start: usize, mut ws: Workspace) {
        super::drop::release_vec(std::mem::take(&mut ws.trash));
        ws.nodes.clear();
        let mut kept = start;
        for (i, &was_node) in ws.is_node.iter().enumerate() {
            let r = start + i;
            if was_node && (ws.alive[i] || self.tracked[r].is_live()) {
                self.tracked.swap(kept, r);
                kept += 1;
            }
        }
        self.tracked.truncate(kept);
        self.workspace = ws.recycle();
        self.collecting = false;
    }
}

/// The work vectors of a collection. Those of a young collection (a few hundred nodes) are
/// kept, emptied, for the next one: allocating them anew each time made every collection
/// ask malloc for blocks large enough that glibc first consolidates its fast bins, and the
/// small objects a task is made of were then carved out of the consolidated chunks, slowly.
/// A full collection's are freed (they would hold its peak for the whole run).
#[derive(Default)]
struct Workspace {
    /// The garbage, held while it is cleared.
    nodes: Vec<Strong>,
    refs: Vec<i32>,
    is_node: Vec<bool>,
    alive: Vec<bool>,
    starts: Vec<u32>,
    edges: Vec<u32>,
    work: Vec<u32>,
    trash: Vec<Value>,
}

/// Nodes above which a collection's work vectors are freed rather than kept.
const MAX_KEPT_NODES: usize = 1 << 12;

impl Workspace {
    /// Room for a collection over `n` registry entries.
    fn reserve(&mut self, n: usize) {
        self.refs.reserve(n);
        self.is_node.reserve(n);
        self.alive.reserve(n);
    }

    /// The vectors emptied for the next collection, or none if they grew large.
    fn recycle(mut self) -> Workspace {
        let large = self.is_node.capacity() > MAX_KEPT_NODES || self.edges.capacity() > 4 * MAX_KEPT_NODES;
        if large {
            return Workspace::default();
        }
        self.refs.clear();
        self.is_node.clear();
        self.alive.clear();
        self.starts.clear();
        self.edges.clear();
        self.work.clear();
        self
    }
}

/// PEP 442: queues the garbage instances whose `__del__` has not run yet on the graveyard
/// (marking them finalized), and adds their indices to `queued`.
fn queue_finalizers(nodes: &Nodes<'_>, alive: &[bool], queued: &mut Vec<u32>) {
    for i in (0..alive.len()).filter(|&i| !alive[i]) {
        let Some(Strong::Obj(o)) = nodes.strong(i) else { continue };
        if !o.class.has_del.get() || o.finalized.get() {
            continue;
        }
        let Some(graveyard) = &o.class.graveyard else { continue };
        let Ok(mut q) = graveyard.try_borrow_mut() else { continue };
        o.finalized.set(true);
        q.push(Dead::Cyclic(o.clone()));
        queued.push(i as u32);
    }
}

impl Collector {
    /// The registered instances whose class has `__del__` and that were not finalized yet,
    /// oldest first (CPython's collector finalizes garbage in this order).
    pub fn unfinalized(&mut self) -> Vec<Rc<Object>> {
        self.prune();
        // Instances are left out of the registry only while their class has no `__del__`;
        // one added later makes the untracked instances of the class finalizable.
        let has_del =
            |t: &Tracked| matches!(t, Tracked::Class(c) if c.upgrade().is_some_and(|c| c.has_del.get()));
        if self.tracked.iter().any(has_del) {
            self.adopt_untracked(0);
        }
        let live = self.tracked.iter().filter_map(|t| match t {
            Tracked::Obj(w) => w.upgrade(),
            _ => None,
        });
        live.filter(|o| o.class.has_del.get() && !o.finalized.get()).collect()
    }
}

impl super::Vm {
    /// Registers a container a native function just made and returned (nothing else refers
    /// to it yet): natives build lists, dicts and sets without registering them.
    #[inline]
    pub fn gc_track_fresh(&mut self, v: &Value) {
        let fresh = match v {
            Value::List(l) => Rc::strong_count(l) == 1,
            Value::Dict(d) => Rc::strong_count(d) == 1,
            Value::Obj(o) => Rc::strong_count(o) == 1 && matches!(o.payload, Payload::Set(_)),
            _ => false,
        };
        if fresh {
            self.gc_track(v);
        }
    }

    /// `gc.collect()`: a collection of `full` or the young generation; when it found
    /// garbage with finalizers, runs them and collects again (PEP 442 within one call).
    pub fn gc_collect(&mut self, full: bool) -> usize {
        let collect = |vm: &mut super::Vm| if full { vm.gc.collect_full() } else { vm.gc.collect_young() };
        let found = collect(self);
        if !self.has_pending_finalizers() {
            return found;
        }
        self.run_finalizers();
        found + collect(self)
    }

    /// Registers the list a `[...]` display built, unless it holds only atoms: such a list
    /// is left out (`List::untracked`) until [`Vm::gc_note_store`] sees something else
    /// stored into it.
    #[inline]
    pub fn gc_track_built_list(&mut self, list: &Rc<List>) {
        let items = list.items.borrow();
        if !items.is_empty() && items.iter().all(Value::is_atom) {
            drop(items);
            list.untracked.set(true);
            return;
        }
        drop(items);
        self.gc_track(&Value::List(list.clone()));
    }

    /// Call before (or after) storing `v` into list `l`: a list left out of the registry
    /// (`List::untracked`) is registered once it may take part in a cycle.
    #[inline(always)]
    pub fn gc_note_store(&mut self, l: &Rc<List>, v: &Value) {
        if l.untracked.get() && !v.is_atom() {
            self.gc_track_late(&l.untracked, Value::List(l.clone()));
        }
    }

    /// [`Vm::gc_note_store`] of several values.
    #[inline]
    pub fn gc_note_stores(&mut self, l: &Rc<List>, vs: &[Value]) {
        if l.untracked.get() && !vs.iter().all(Value::is_atom) {
            self.gc_track_late(&l.untracked, Value::List(l.clone()));
        }
    }

    /// Registers a list or instance left out of the registry (`untracked` is its flag).
    #[cold]
    #[inline(never)]
    fn gc_track_late(&mut self, untracked: &Cell<bool>, v: Value) {
        untracked.set(false);
        self.gc_track(&v);
    }

    /// Registers an instance the `cls(...)` fast path just made, unless it can be left out:
    /// its dict is empty, so until a store puts something other than an atom in it (see
    /// [`Vm::gc_note_attr`]) it can reach nothing but its class. Instances of a class with
    /// `__del__` are registered (the exit's finalization finds them in the registry), and so
    /// is every instance under a memory limit (the registry's length is the estimate of
    /// small containers).
    #[inline]
    pub fn gc_track_instance(&mut self, o: &Rc<Object>) {
        if o.class.has_del.get() || self.memory.limited() {
            self.gc_track(&Value::Obj(o.clone()));
        } else {
            o.untracked.set(true);
        }
    }

    /// Call before storing `v` into an attribute of `o` (or handing out its dict, with
    /// `v` not an atom): an instance left out of the registry is registered once it may
    /// take part in a cycle.
    #[inline(always)]
    pub fn gc_note_attr(&mut self, o: &Rc<Object>, v: &Value) {
        if o.untracked.get() && !v.is_atom() {
            self.gc_track_late(&o.untracked, Value::Obj(o.clone()));
        }
    }

    /// Registers a new container with the cycle collector, collecting when one is due.
    /// Call it where a container is created, at a point where no object is half-updated.
    #[inline]
    pub fn gc_track(&mut self, v: &Value) {
        if self.gc.track(v) {
            self.gc.collect_auto();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Registrations that shrink the registry, i.e. that pruned it first.
    fn prunes_while_registering(c: &mut Collector, n: usize) -> usize {
        let mut prunes = 0;
        for _ in 0..n {
            let before = c.tracked.len();
            c.track(&Value::list(Vec::new())); // dropped at once: garbage for the next prune
            if c.tracked.len() <= before {
                prunes += 1;
            }
        }
        prunes
    }

    /// A prune walks the whole registry, so a registry nearly full of live containers (a
    /// server holding thousands of connections) must not be pruned every few registrations.
    #[test]
    fn a_registry_full_of_live_containers_is_pruned_rarely() {
        let mut c = Collector { enabled: false, ..Collector::default() };
        // Just short of a power of two: the registry (grown by doubling) is left with room
        // for a handful of registrations, which is all a prune can free each time.
        let live: Vec<Value> = (0..(1 << 15) - 8).map(|_| Value::list(Vec::new())).collect();
        for v in &live {
            c.track(v);
        }
        let prunes = prunes_while_registering(&mut c, 100_000);
        assert!(prunes <= 5, "{prunes} prunes of a registry holding {} live entries", live.len());
        assert!(c.tracked.len() <= 2 * (live.len() + 100_000));
    }

    /// A prune keeps the generation boundaries: each becomes the number of live entries
    /// below it, in whatever order the boundaries are.
    #[test]
    fn prune_keeps_generation_boundaries() {
        let mut c = Collector { enabled: false, ..Collector::default() };
        // Entries 0..40, every third one dropped at once (dead).
        let live: Vec<Option<Value>> = (0..40)
            .map(|i| {
                let v = Value::list(Vec::new());
                c.track(&v);
                (i % 3 != 0).then_some(v)
            })
            .collect();
        let live_below = |b: usize| live[..b].iter().filter(|v| v.is_some()).count();
        (c.frozen, c.young_start, c.long_lived) = (31, 7, 7);
        c.prune();
        assert_eq!((c.frozen, c.young_start, c.long_lived), (live_below(31), live_below(7), live_below(7)));
        assert_eq!(c.tracked.len(), live_below(40));
        assert!(c.tracked.iter().all(Tracked::is_live));
    }

    /// Once what was live has gone, `prune_dead` gives the registry's memory back.
    #[test]
    fn prune_dead_shrinks_a_registry_left_mostly_empty() {
        let mut c = Collector { enabled: false, ..Collector::default() };
        let live: Vec<Value> = (0..100_000).map(|_| Value::list(Vec::new())).collect();
        for v in &live {
            c.track(v);
        }
        drop(live);
        c.prune_dead();
        assert!(c.tracked.is_empty());
        assert!(c.tracked.capacity() <= 4 * MIN_HEADROOM, "capacity {}", c.tracked.capacity());
    }
}
