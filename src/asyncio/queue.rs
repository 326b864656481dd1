//! `asyncio.Queue`, `PriorityQueue` and `LifoQueue`, native: the queue is the hand-off point
//! of most producer/consumer programs, so its `put_nowait`/`get` sit on the hot path of a
//! task switch.
//!
//! The algorithms are CPython 3.11's `queues.py` line for line: a `get()` that finds the queue
//! empty parks a future in `_getters` and loops after being woken; `put_nowait` wakes the
//! first getter that is not done; cancellation removes the waiter and passes the wakeup on;
//! `join()` waits like `Event.wait()` on the "all tasks done" event. So wakeups go through
//! futures and the ready queue exactly as in CPython.
//!
//! A script subclass that overrides `_init`, `_put`, `_get`, `qsize`, `empty` or `full` is
//! honoured: the native code then calls those methods, as the Python class would.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::future::{future_of, new_future, renew_future};
use super::Aio;
use crate::compiler::bytecode::CmpKind;
use crate::vm::ext::{hand_attr, hand_driven_of, hand_repr, Ext, HandDriven};
use crate::vm::frame::Incoming;
use crate::vm::gc::Tracer;
use crate::vm::interp::Delegate;
use crate::vm::object::{Args, Class, Object, Payload};
use crate::vm::{Exc, PyResult, Value, Vm};

/// Which end items come out of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `Queue`: first in, first out.
    Fifo,
    /// `LifoQueue`: last in, first out.
    Lifo,
    /// `PriorityQueue`: smallest first (a `heapq` heap).
    Priority,
}

/// Methods a script subclass may override; when it does, the native code calls them.
const HOOKS: [&str; 6] = ["_init", "_put", "_get", "qsize", "empty", "full"];

/// The queue's state (`self._queue`, `_getters`, `_putters`, `_unfinished_tasks`, ...).
#[derive(Debug, Default)]
struct State {
    /// The items (a heap for `PriorityQueue`).
    items: VecDeque<Value>,
    /// `maxsize` as given.
    maxsize: Value,
    /// Futures of `get()` calls waiting for an item.
    getters: VecDeque<Rc<Object>>,
    /// Futures of `put()` calls waiting for room.
    putters: VecDeque<Rc<Object>>,
    /// `_unfinished_tasks`.
    unfinished: i64,
    /// Futures of `join()` calls (the `_finished` event's waiters).
    join_waiters: Vec<Rc<Object>>,
    /// The loop the queue is bound to (`_LoopBoundMixin`).
    loop_obj: Value,
    /// The waiter future of the last wait that ended with a result, kept so that the next
    /// wait renews it instead of allocating (see [`renew_future`]).
    spare_waiter: Option<Rc<Object>>,
}

/// A native queue object's payload.
#[derive(Debug)]
pub struct QueueObj {
    order: Cell<Order>,
    /// A script subclass overrides one of [`HOOKS`].
    custom: Cell<bool>,
    st: RefCell<State>,
}

impl Ext for QueueObj {
    fn as_any(&self) -> &dyn Any {
        self
    }

    /// Items and waiters can lead back to the queue (a worker task holds it): a cycle.
    fn gc_traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        let Ok(st) = self.st.try_borrow() else { return false };
        st.items.iter().for_each(|v| tracer.value(v));
        tracer.value(&st.maxsize);
        tracer.value(&st.loop_obj);
        st.getters.iter().chain(&st.putters).chain(&st.join_waiters).for_each(|w| tracer.object(w));
        st.spare_waiter.iter().for_each(|w| tracer.object(w));
        true
    }

    fn gc_clear(&self, trash: &mut Vec<Value>) {
        if let Ok(mut st) = self.st.try_borrow_mut() {
            trash.extend(std::mem::take(&mut st.items));
            let waiters = std::mem::take(&mut st.getters).into_iter().chain(std::mem::take(&mut st.putters));
            let waiters = waiters.chain(std::mem::take(&mut st.join_waiters)).chain(st.spare_waiter.take());
            trash.extend(waiters.map(Value::Obj));
        }
    }

    fn repr(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        let name = vm.type_name(this);
        let f = format(vm, self, this)?;
        Ok(Some(format!("<{name} at {:#x} {f}>", this.id())))
    }

    fn get_attr(&self, vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        let st = self.st.borrow();
        Ok(match name {
            "maxsize" | "_maxsize" => Some(st.maxsize.clone()),
            "_queue" => Some(Value::list(st.items.iter().cloned().collect())),
            "_unfinished_tasks" => Some(Value::Int(st.unfinished)),
            "_getters" => Some(Value::list(st.getters.iter().cloned().map(Value::Obj).collect())),
            "_putters" => Some(Value::list(st.putters.iter().cloned().map(Value::Obj).collect())),
            "_loop" => Some(st.loop_obj.clone()),
            _ => {
                let _ = vm;
                None
            }
        })
    }
}

fn queue_of(v: &Value) -> Option<&QueueObj> {
    match v.payload()? {
        Payload::Ext(e) => e.as_any().downcast_ref::<QueueObj>(),
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(&'a QueueObj, &'a Value)> {
    match args.pos.first() {
        Some(v) => match queue_of(v) {
            Some(q) => Ok((q, v)),
            None => Err(vm.new_error("TypeError", "descriptor requires an asyncio Queue")),
        },
        None => Err(vm.new_error("TypeError", "descriptor requires an asyncio Queue")),
    }
}

/// The order of a queue class: that of the first native queue class in its MRO.
fn order_of(aio: &Aio, cls: &Rc<Class>) -> Order {
    let mut chain = vec![cls.clone()];
    chain.extend(cls.mro.iter().cloned());
    for c in chain {
        if Rc::ptr_eq(&c, &aio.priority_queue) {
            return Order::Priority;
        }
        if Rc::ptr_eq(&c, &aio.lifo_queue) {
            return Order::Lifo;
        }
        if Rc::ptr_eq(&c, &aio.queue) {
            return Order::Fifo;
        }
    }
    Order::Fifo
}

/// Whether a script subclass overrides one of the hook methods.
fn overrides_hooks(aio: &Aio, cls: &Rc<Class>) -> bool {
    if !cls.is_heap {
        return false;
    }
    HOOKS.iter().any(|name| match (cls.lookup(name), aio.queue.lookup(name)) {
        (Some(found), Some(native)) => !found.is(&native),
        _ => false,
    })
}

/// `Queue.__new__`: the payload; `__init__` fills it.
pub fn queue_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let aio = Aio::classes(vm);
    let cls = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => aio.queue.clone(),
    };
    // A builtin queue class runs no `__init__` after `__new__` (see `Vm::construct`), so
    // `__new__` takes `maxsize` itself; a script subclass gets it from `__init__`.
    let maxsize = match cls.is_heap {
        false => args.pos.get(1).or(args.kwarg("maxsize")).cloned().unwrap_or(Value::Int(0)),
        true => Value::Int(0),
    };
    let q = QueueObj {
        order: Cell::new(order_of(&aio, &cls)),
        custom: Cell::new(overrides_hooks(&aio, &cls)),
        st: RefCell::new(State { maxsize, loop_obj: Value::None, ..State::default() }),
    };
    let obj = if cls.is_heap {
        Object::with_dict(cls, Payload::Ext(Box::new(q)))
    } else {
        Object::new(cls, Payload::Ext(Box::new(q)))
    };
    Ok(Value::Obj(obj))
}

/// `Queue.__init__(maxsize=0)`.
pub fn queue_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    let maxsize = args.pos.get(1).or(args.kwarg("maxsize")).cloned().unwrap_or(Value::Int(0));
    {
        let mut st = q.st.borrow_mut();
        st.maxsize = maxsize.clone();
        st.unfinished = 0;
    }
    call_hook(vm, q, this, "_init", vec![maxsize])?;
    Ok(Value::None)
}

/// Calls a hook method when a subclass may override it; `None` when the native code should
/// do the work itself.
fn call_hook(
    vm: &mut Vm,
    q: &QueueObj,
    this: &Value,
    name: &str,
    args: Vec<Value>,
) -> PyResult<Option<Value>> {
    if !q.custom.get() {
        return Ok(None);
    }
    vm.call_method(this, name, args).map(Some)
}

fn qsize(vm: &mut Vm, q: &QueueObj, this: &Value) -> PyResult<i64> {
    match call_hook(vm, q, this, "qsize", vec![])? {
        Some(v) => match v {
            Value::Int(n) => Ok(n),
            other => {
                let t = vm.type_name(&other);
                Err(vm.new_error("TypeError", &format!("'{t}' object cannot be interpreted as an integer")))
            }
        },
        None => Ok(q.st.borrow().items.len() as i64),
    }
}

fn is_empty(vm: &mut Vm, q: &QueueObj, this: &Value) -> PyResult<bool> {
    match call_hook(vm, q, this, "empty", vec![])? {
        Some(v) => vm.truthy(&v),
        None => Ok(q.st.borrow().items.is_empty()),
    }
}

fn is_full(vm: &mut Vm, q: &QueueObj, this: &Value) -> PyResult<bool> {
    match call_hook(vm, q, this, "full", vec![])? {
        Some(v) => vm.truthy(&v),
        None => full_by_size(vm, q, this),
    }
}

/// `Queue.full()`: `maxsize > 0 and qsize() >= maxsize`.
fn full_by_size(vm: &mut Vm, q: &QueueObj, this: &Value) -> PyResult<bool> {
    let maxsize = q.st.borrow().maxsize.clone();
    if let Value::Int(m) = maxsize {
        if m <= 0 {
            return Ok(false);
        }
        return Ok(qsize(vm, q, this)? >= m);
    }
    let unbounded = vm.compare_op(CmpKind::Le, &maxsize, &Value::Int(0))?;
    if vm.truthy(&unbounded)? {
        return Ok(false);
    }
    let n = Value::Int(qsize(vm, q, this)?);
    let full = vm.compare_op(CmpKind::Ge, &n, &maxsize)?;
    vm.truthy(&full)
}

/// `self._queue` as a subclass sees it (its own attribute if its `_init` made one).
fn script_queue(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    vm.get_attr(this, &Value::str("_queue"))
}

/// `self._put(item)`.
fn put_item(vm: &mut Vm, q: &QueueObj, this: &Value, item: Value) -> PyResult<()> {
    // Checked first: the argument vector is an allocation per put.
    if q.custom.get() {
        vm.call_method(this, "_put", vec![item])?;
        return Ok(());
    }
    match q.order.get() {
        Order::Fifo | Order::Lifo => q.st.borrow_mut().items.push_back(item),
        Order::Priority => {
            let mut heap = std::mem::take(&mut q.st.borrow_mut().items);
            let r = heap_push(vm, &mut heap, item);
            q.st.borrow_mut().items = heap;
            r?;
        }
    }
    Ok(())
}

/// `self._get()`.
fn get_item(vm: &mut Vm, q: &QueueObj, this: &Value) -> PyResult<Value> {
    if let Some(v) = call_hook(vm, q, this, "_get", vec![])? {
        return Ok(v);
    }
    let item = match q.order.get() {
        Order::Fifo => q.st.borrow_mut().items.pop_front(),
        Order::Lifo => q.st.borrow_mut().items.pop_back(),
        Order::Priority => {
            let mut heap = std::mem::take(&mut q.st.borrow_mut().items);
            let r = heap_pop(vm, &mut heap);
            q.st.borrow_mut().items = heap;
            r?
        }
    };
    match item {
        Some(v) => Ok(v),
        None => Err(vm.new_error("IndexError", "pop from an empty deque")),
    }
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = vm.compare_op(CmpKind::Lt, a, b)?;
    vm.truthy(&r)
}

/// `heapq.heappush`: append, then sift the new item towards the root.
fn heap_push(vm: &mut Vm, heap: &mut VecDeque<Value>, item: Value) -> PyResult<()> {
    heap.push_back(item);
    sift_down(vm, heap, 0, heap.len() - 1)
}

/// `heapq.heappop`: the last item replaces the root, then `_siftup`.
fn heap_pop(vm: &mut Vm, heap: &mut VecDeque<Value>) -> PyResult<Option<Value>> {
    let Some(last) = heap.pop_back() else { return Ok(None) };
    if heap.is_empty() {
        return Ok(Some(last));
    }
    let root = std::mem::replace(&mut heap[0], last);
    sift_up(vm, heap, 0)?;
    Ok(Some(root))
}

/// `heapq._siftdown(heap, start, pos)`.
fn sift_down(vm: &mut Vm, heap: &mut VecDeque<Value>, start: usize, mut pos: usize) -> PyResult<()> {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if less(vm, &heap[pos], &heap[parent])? {
            heap.swap(pos, parent);
            pos = parent;
        } else {
            break;
        }
    }
    Ok(())
}

/// `heapq._siftup(heap, pos)`: move the smaller child up to a leaf, then `_siftdown`.
fn sift_up(vm: &mut Vm, heap: &mut VecDeque<Value>, mut pos: usize) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !less(vm, &heap[child], &heap[right])? {
            child = right;
        }
        heap.swap(pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    sift_down(vm, heap, start, pos)
}

/// `_wakeup_next(waiters)`: the first waiter that is not done gets `None`.
fn wakeup_next(vm: &mut Vm, q: &QueueObj, putters: bool) -> PyResult<()> {
    loop {
        let next = {
            let mut st = q.st.borrow_mut();
            if putters {
                st.putters.pop_front()
            } else {
                st.getters.pop_front()
            }
        };
        let Some(w) = next else { return Ok(()) };
        let wv = Value::Obj(w.clone());
        if let Some(f) = future_of(&wv) {
            if !f.done() {
                return f.set_result(vm, &w, Value::None);
            }
        }
    }
}

fn queue_error(vm: &mut Vm, full: bool) -> Exc {
    let aio = Aio::classes(vm);
    let cls = if full { aio.queue_full.clone() } else { aio.queue_empty.clone() };
    vm.new_exception(&cls, vec![])
}

/// `put_nowait(item)`.
fn put_nowait(vm: &mut Vm, q: &QueueObj, this: &Value, item: Value) -> PyResult<()> {
    if is_full(vm, q, this)? {
        return Err(queue_error(vm, true));
    }
    put_item(vm, q, this, item)?;
    q.st.borrow_mut().unfinished += 1;
    wakeup_next(vm, q, false)
}

/// `get_nowait()`.
fn get_nowait(vm: &mut Vm, q: &QueueObj, this: &Value) -> PyResult<Value> {
    if is_empty(vm, q, this)? {
        return Err(queue_error(vm, false));
    }
    let item = get_item(vm, q, this)?;
    wakeup_next(vm, q, true)?;
    Ok(item)
}

/// `_LoopBoundMixin._get_loop().create_future()`.
fn waiter_future(vm: &mut Vm, q: &QueueObj, this: &Value) -> PyResult<Rc<Object>> {
    let running = vm.running_loop.clone();
    let bound = q.st.borrow().loop_obj.clone();
    if bound.is_none() {
        q.st.borrow_mut().loop_obj = running.clone();
    } else if !bound.is(&running) {
        let r = vm.repr(this)?;
        return Err(vm.new_error("RuntimeError", &format!("{r} is bound to a different event loop")));
    }
    if running.is_none() {
        return Err(vm.new_error("AttributeError", "'NoneType' object has no attribute 'create_future'"));
    }
    let spare = q.st.borrow_mut().spare_waiter.take();
    Ok(match spare {
        Some(f) if renew_future(vm, &f, &running) => f,
        _ => new_future(vm, running),
    })
}

/// What a `get()`, `put()` or `join()` awaitable does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpKind {
    Get,
    Put,
    Join,
}

/// The awaitable returned by `get()`, `put(item)` and `join()`: the coroutine's loop as a
/// state machine (its only state is the waiter future it is parked on).
#[derive(Debug)]
pub struct QueueOp {
    /// The queue; None once the operation finished under `await` (it may then be reused,
    /// see [`new_op`]).
    queue: RefCell<Value>,
    kind: Cell<OpKind>,
    item: RefCell<Value>,
    waiter: RefCell<Option<Rc<Object>>>,
}

impl QueueOp {
    /// The queue (None once finished under `await`).
    fn queue(&self) -> Value {
        self.queue.borrow().clone()
    }

    fn step(&self, vm: &mut Vm, incoming: &Incoming) -> PyResult<Delegate> {
        let queue = self.queue();
        let Some(q) = queue_of(&queue) else {
            return Err(vm.new_error("RuntimeError", "cannot reuse already awaited coroutine"));
        };
        let waiter = self.waiter.borrow().clone();
        match (incoming, waiter) {
            (Incoming::Throw(e), Some(w)) => Err(self.abandon(vm, q, &w, e.clone())),
            (Incoming::Throw(e), None) => Err(e.clone()),
            (Incoming::Send(_), Some(w)) => {
                // `await waiter` finished: its result (or CancelledError), then loop again.
                let wv = Value::Obj(w.clone());
                if future_of(&wv).is_some_and(super::future::yield_again) {
                    return Ok(Delegate::Yield(wv));
                }
                let outcome = match future_of(&wv) {
                    Some(f) if f.done() => f.result(vm).map(|_| ()),
                    _ => Err(vm.new_error("RuntimeError", "await wasn't used with future")),
                };
                if let Err(e) = outcome {
                    return Err(self.abandon(vm, q, &w, e));
                }
                *self.waiter.borrow_mut() = None;
                if self.kind.get() == OpKind::Join {
                    q.st.borrow_mut().join_waiters.retain(|j| !Rc::ptr_eq(j, &w));
                    return Ok(Delegate::Done(Value::None));
                }
                // The next wait renews it once the wake-up handle has let it go.
                let old = q.st.borrow_mut().spare_waiter.replace(w);
                drop(old);
                self.run(vm, q)
            }
            _ => self.run(vm, q),
        }
    }

    /// The body of the `while` loop: finish, or park a new waiter.
    fn run(&self, vm: &mut Vm, q: &QueueObj) -> PyResult<Delegate> {
        let this = &self.queue();
        let must_wait = match self.kind.get() {
            OpKind::Get => is_empty(vm, q, this)?,
            OpKind::Put => is_full(vm, q, this)?,
            OpKind::Join => q.st.borrow().unfinished > 0,
        };
        if !must_wait {
            return match self.kind.get() {
                OpKind::Get => get_nowait(vm, q, this).map(Delegate::Done),
                OpKind::Put => {
                    let item = self.item.borrow().clone();
                    put_nowait(vm, q, this, item).map(|_| Delegate::Done(Value::None))
                }
                OpKind::Join => Ok(Delegate::Done(Value::None)),
            };
        }
        let w = waiter_future(vm, q, this)?;
        {
            let mut st = q.st.borrow_mut();
            match self.kind.get() {
                OpKind::Get => st.getters.push_back(w.clone()),
                OpKind::Put => st.putters.push_back(w.clone()),
                OpKind::Join => st.join_waiters.push(w.clone()),
            }
        }
        if let Some(f) = future_of(&Value::Obj(w.clone())) {
            f.st.borrow_mut().blocking = true;
        }
        *self.waiter.borrow_mut() = Some(w.clone());
        Ok(Delegate::Yield(Value::Obj(w)))
    }

    /// The `except:` clause: cancel and forget the waiter, pass a wakeup it may have taken on
    /// to the next waiter, and re-raise.
    fn abandon(&self, vm: &mut Vm, q: &QueueObj, w: &Rc<Object>, e: Exc) -> Exc {
        *self.waiter.borrow_mut() = None;
        let wv = Value::Obj(w.clone());
        let Some(f) = future_of(&wv) else { return e };
        if self.kind.get() == OpKind::Join {
            q.st.borrow_mut().join_waiters.retain(|j| !Rc::ptr_eq(j, w));
            return e;
        }
        f.cancel_future(vm, w, Value::None);
        {
            let mut st = q.st.borrow_mut();
            let list = if self.kind.get() == OpKind::Get { &mut st.getters } else { &mut st.putters };
            if let Some(pos) = list.iter().position(|x| Rc::ptr_eq(x, w)) {
                list.remove(pos);
            }
        }
        let cancelled = f.st.borrow().state == super::future::State::Cancelled;
        let this = &self.queue();
        let pass_on = match self.kind.get() {
            OpKind::Get => is_empty(vm, q, this).map(|empty| !empty),
            _ => is_full(vm, q, this).map(|full| !full),
        };
        match pass_on {
            Ok(true) if !cancelled => match wakeup_next(vm, q, self.kind.get() == OpKind::Put) {
                Ok(()) => e,
                Err(e2) => e2,
            },
            Ok(_) => e,
            Err(e2) => e2,
        }
    }
}

impl Ext for QueueOp {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn gc_traverse(&self, tracer: &mut Tracer<'_>) -> bool {
        let (Ok(item), Ok(waiter)) = (self.item.try_borrow(), self.waiter.try_borrow()) else { return false };
        let Ok(queue) = self.queue.try_borrow() else { return false };
        tracer.value(&queue);
        tracer.value(&item);
        waiter.iter().for_each(|w| tracer.object(w));
        true
    }

    fn gc_clear(&self, trash: &mut Vec<Value>) {
        if let (Ok(mut item), Ok(mut waiter)) = (self.item.try_borrow_mut(), self.waiter.try_borrow_mut()) {
            trash.push(std::mem::take(&mut *item));
            trash.extend(waiter.take().map(Value::Obj));
        }
    }

    fn repr(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<String>> {
        Ok(Some(hand_repr(self, this)))
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(hand_attr(self, name))
    }

    fn is_awaitable(&self) -> bool {
        true
    }

    fn iter(&self, _vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        Ok(Some(this.clone()))
    }

    /// A step under `await`; once it finishes, the operation drops what it references and
    /// is kept for reuse.
    fn await_step(&self, vm: &mut Vm, this: &Value, incoming: &Incoming) -> Option<PyResult<Delegate>> {
        let out = self.step(vm, incoming);
        if let Ok(Delegate::Done(_)) = out {
            let queue = self.queue.replace(Value::None);
            let item = self.item.replace(Value::None);
            drop((queue, item));
            Aio::classes(vm).spare_queue_ops.keep(this);
        }
        Some(out)
    }
}

/// The awaitable of `get()`, `put(item)` or `join()`: a kept finished one renewed, else a
/// new one.
fn new_op(vm: &mut Vm, queue: &Value, kind: OpKind, item: Value) -> Value {
    let aio = Aio::classes(vm);
    if let Some(o) = aio.spare_queue_ops.take() {
        if let Some(op) = op_of(&o) {
            *op.queue.borrow_mut() = queue.clone();
            op.kind.set(kind);
            *op.item.borrow_mut() = item;
            return Value::Obj(o);
        }
    }
    let op = QueueOp {
        queue: RefCell::new(queue.clone()),
        kind: Cell::new(kind),
        item: RefCell::new(item),
        waiter: RefCell::new(None),
    };
    Value::Obj(Object::new(aio.queue_op.clone(), Payload::Ext(Box::new(op))))
}

/// The operation inside a kept awaitable.
fn op_of(o: &Object) -> Option<&QueueOp> {
    match &o.payload {
        Payload::Ext(e) => e.as_any().downcast_ref::<QueueOp>(),
        _ => None,
    }
}

impl HandDriven for QueueOp {
    const WHAT: &'static str = "queue coroutine";

    fn parked(&self) -> bool {
        self.waiter.borrow().is_some()
    }

    fn step_once(&self, vm: &mut Vm, incoming: &Incoming) -> PyResult<Delegate> {
        self.step(vm, incoming)
    }
    fn qualname(&self) -> &'static str {
        match self.kind.get() {
            OpKind::Get => "Queue.get",
            OpKind::Put => "Queue.put",
            OpKind::Join => "Queue.join",
        }
    }
}

/// `op.close()`: a parked operation gives its place up, as a closed coroutine would.
pub fn op_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let op = hand_driven_of::<QueueOp>(vm, &args)?;
    let waiter = op.waiter.borrow().clone();
    if let (Some(w), Some(q)) = (waiter, queue_of(&op.queue())) {
        let e = vm.new_exception_named("GeneratorExit");
        op.abandon(vm, q, &w, e);
    }
    Ok(Value::None)
}

/// `op.__await__()`.
pub fn op_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

/// `get()`.
pub fn m_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, this) = this(vm, &args)?;
    Ok(new_op(vm, this, OpKind::Get, Value::None))
}

/// `put(item)`.
pub fn m_put(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, this) = this(vm, &args)?;
    let item = args.pos.get(1).or(args.kwarg("item")).cloned().unwrap_or(Value::None);
    Ok(new_op(vm, this, OpKind::Put, item))
}

/// `join()`.
pub fn m_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, this) = this(vm, &args)?;
    Ok(new_op(vm, this, OpKind::Join, Value::None))
}

/// `put_nowait(item)`.
pub fn m_put_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    let item = args.pos.get(1).or(args.kwarg("item")).cloned().unwrap_or(Value::None);
    put_nowait(vm, q, this, item)?;
    Ok(Value::None)
}

/// `get_nowait()`.
pub fn m_get_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    get_nowait(vm, q, this)
}

/// `task_done()`: when the count reaches zero, every `join()` waiter is woken.
pub fn m_task_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, _) = this(vm, &args)?;
    let waiters = {
        let mut st = q.st.borrow_mut();
        if st.unfinished <= 0 {
            drop(st);
            return Err(vm.new_error("ValueError", "task_done() called too many times"));
        }
        st.unfinished -= 1;
        if st.unfinished > 0 {
            return Ok(Value::None);
        }
        st.join_waiters.clone()
    };
    for w in waiters {
        let wv = Value::Obj(w.clone());
        if let Some(f) = future_of(&wv) {
            if !f.done() {
                f.set_result(vm, &w, Value::Bool(true))?;
            }
        }
    }
    Ok(Value::None)
}

/// `qsize()`: `len(self._queue)`.
pub fn m_qsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    if q.custom.get() {
        let items = script_queue(vm, this)?;
        return Ok(Value::Int(crate::builtins::length(vm, &items)? as i64));
    }
    Ok(Value::Int(q.st.borrow().items.len() as i64))
}

/// `empty()`: `not self._queue`.
pub fn m_empty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    if q.custom.get() {
        let items = script_queue(vm, this)?;
        return Ok(Value::Bool(!vm.truthy(&items)?));
    }
    Ok(Value::Bool(q.st.borrow().items.is_empty()))
}

/// `full()`.
pub fn m_full(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    Ok(Value::Bool(full_by_size(vm, q, this)?))
}

/// `_init(maxsize)`: the native storage starts empty.
pub fn m_init_storage(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, _) = this(vm, &args)?;
    q.st.borrow_mut().items.clear();
    Ok(Value::None)
}

/// `_put(item)`: the native storage, whatever the subclass.
pub fn m_put_item(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    let item = args.pos.get(1).cloned().unwrap_or(Value::None);
    let was_custom = q.custom.replace(false);
    let r = put_item(vm, q, this, item);
    q.custom.set(was_custom);
    r.map(|_| Value::None)
}

/// `_get()`: the native storage, whatever the subclass.
pub fn m_get_item(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    let was_custom = q.custom.replace(false);
    let r = get_item(vm, q, this);
    q.custom.set(was_custom);
    r
}

/// `_format()`: what `__repr__` and `__str__` show after the class name.
fn format(vm: &mut Vm, q: &QueueObj, this: &Value) -> PyResult<String> {
    let (maxsize, getters, putters, unfinished) = {
        let st = q.st.borrow();
        (st.maxsize.clone(), st.getters.len(), st.putters.len(), st.unfinished)
    };
    let mut out = format!("maxsize={}", vm.repr(&maxsize)?);
    let items = vm.get_attr(this, &Value::str("_queue"))?;
    if vm.truthy(&items)? {
        let items = Value::list(vm.collect(&items)?);
        out.push_str(&format!(" _queue={}", vm.repr(&items)?));
    }
    if getters > 0 {
        out.push_str(&format!(" _getters[{getters}]"));
    }
    if putters > 0 {
        out.push_str(&format!(" _putters[{putters}]"));
    }
    if unfinished != 0 {
        out.push_str(&format!(" tasks={unfinished}"));
    }
    Ok(out)
}

/// `__repr__`: `<Queue at 0x... maxsize=0 ...>`.
pub fn m_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    let name = vm.type_name(this);
    let f = format(vm, q, this)?;
    Ok(Value::string(format!("<{name} at {:#x} {f}>", this.id())))
}

/// `__str__`: `<Queue maxsize=0 ...>`.
pub fn m_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (q, this) = this(vm, &args)?;
    let name = vm.type_name(this);
    let f = format(vm, q, this)?;
    Ok(Value::string(format!("<{name} {f}>")))
}
