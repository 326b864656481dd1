//! `_collections`: the native core of `collections.deque`, a ring buffer (`VecDeque`) with
//! O(1) appends and pops at both ends and an optional `maxlen`.
//!
//! `stdlib/collections/__init__.py` subclasses it to add the dunders (`__getitem__`,
//! `__repr__`, comparisons, ...) that the VM dispatches only to script methods.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::builtins::{method, static_fn};
use crate::vm::ext::Ext;
use crate::vm::object::{Args, BaseKind, NativeFn, Object, Payload};
use crate::vm::types::builtin_class;
use crate::vm::{PyResult, Value, Vm};

/// A deque's payload.
#[derive(Debug, Default)]
struct DequeObj {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
}

impl Ext for DequeObj {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "maxlen" => Some(self.maxlen.get().map_or(Value::None, |n| Value::Int(n as i64))),
            _ => None,
        })
    }
}

impl DequeObj {
    fn push_back(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if let Some(max) = self.maxlen.get() {
            if max == 0 {
                return;
            }
            if items.len() >= max {
                items.pop_front();
            }
        }
        items.push_back(v);
    }

    fn push_front(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if let Some(max) = self.maxlen.get() {
            if max == 0 {
                return;
            }
            if items.len() >= max {
                items.pop_back();
            }
        }
        items.push_front(v);
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a DequeObj> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Ext(e)) => match e.as_any().downcast_ref::<DequeObj>() {
            Some(d) => Ok(d),
            None => Err(vm.new_error("TypeError", "descriptor requires a 'collections.deque' object")),
        },
        _ => Err(vm.new_error("TypeError", "descriptor requires a 'collections.deque' object")),
    }
}

fn arg<'a>(vm: &mut Vm, args: &Args<'a>, i: usize, name: &str) -> PyResult<&'a Value> {
    match args.pos.get(i) {
        Some(v) => Ok(v),
        None => Err(vm.new_error("TypeError", &format!("{name}() takes exactly one argument (0 given)"))),
    }
}

/// The `_collections` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_collections", &[]);
    let object = vm.types.object.clone();
    let cls = builtin_class("deque", std::slice::from_ref(&object), BaseKind::Native);
    cls.set_attr("__module__", Value::str("collections"));
    static_fn(vm, &cls, "__new__", deque_new);
    static_fn(vm, &cls, "__class_getitem__", crate::builtins::class_getitem);
    let methods: [(&'static str, NativeFn); 20] = [
        ("_init", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("clear", deque_clear),
        ("rotate", deque_rotate),
        ("count", deque_count),
        ("index", deque_index),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("insert", deque_insert),
        ("__len__", deque_len),
        ("_getitem", deque_getitem),
        ("_setitem", deque_setitem),
        ("_delitem", deque_delitem),
        ("_list", deque_list),
        ("_iter", deque_iter),
    ];
    for (name, f) in methods {
        method(vm, &cls, name, f);
    }
    vm.module_set(&m, "deque", Value::Class(cls));
    Ok(m)
}

fn deque_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(c)) => {
            Ok(Value::Obj(Object::with_dict(c.clone(), Payload::Ext(Box::<DequeObj>::default()))))
        }
        _ => Err(vm.new_error("TypeError", "deque.__new__(X): X is not a type object")),
    }
}

/// `_init(iterable, maxlen)`: what `deque.__init__` does after argument parsing.
fn deque_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let maxlen = match args.pos.get(2) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.index_of(v)?;
            if n < 0 {
                return Err(vm.new_error("ValueError", "maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    d.maxlen.set(maxlen);
    d.items.borrow_mut().clear();
    if let Some(src) = args.pos.get(1).filter(|v| !v.is_none()) {
        for v in vm.collect(src)? {
            d.push_back(v);
        }
    }
    Ok(Value::None)
}

fn deque_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let v = arg(vm, &args, 1, "append")?.clone();
    d.push_back(v);
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let v = arg(vm, &args, 1, "appendleft")?.clone();
    d.push_front(v);
    Ok(Value::None)
}

fn deque_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let v = d.items.borrow_mut().pop_back();
    v.ok_or_else(|| vm.new_error("IndexError", "pop from an empty deque"))
}

fn deque_popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let v = d.items.borrow_mut().pop_front();
    v.ok_or_else(|| vm.new_error("IndexError", "pop from an empty deque"))
}

fn deque_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let src = arg(vm, &args, 1, "extend")?;
    for v in vm.collect(src)? {
        d.push_back(v);
    }
    Ok(Value::None)
}

fn deque_extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let src = arg(vm, &args, 1, "extendleft")?;
    for v in vm.collect(src)? {
        d.push_front(v);
    }
    Ok(Value::None)
}

fn deque_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?.items.borrow_mut().clear();
    Ok(Value::None)
}

fn deque_rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let n = match args.pos.get(1) {
        Some(v) => vm.index_of(v)?,
        None => 1,
    };
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(Value::None)
}

fn deque_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let x = arg(vm, &args, 1, "count")?;
    let mut n = 0;
    for v in d.snapshot() {
        if vm.eq(&v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// Clamps a slice-style bound of `index()` to `0..=len`.
fn clamp_bound(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    match v {
        None => Ok(default),
        Some(v) => {
            let i = vm.index_of(v)?;
            let i = if i < 0 { i + len as i64 } else { i };
            Ok(i.clamp(0, len as i64) as usize)
        }
    }
}

fn deque_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let x = arg(vm, &args, 1, "index")?;
    let items = d.snapshot();
    let start = clamp_bound(vm, args.pos.get(2), items.len(), 0)?;
    let stop = clamp_bound(vm, args.pos.get(3), items.len(), items.len())?;
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr(x)?;
    Err(vm.new_error("ValueError", &format!("{r} is not in deque")))
}

fn deque_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let x = arg(vm, &args, 1, "remove")?;
    for (i, v) in d.snapshot().iter().enumerate() {
        if vm.eq(v, x)? {
            d.items.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    let r = vm.repr(x)?;
    Err(vm.new_error("ValueError", &format!("{r} is not in deque")))
}

fn deque_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::None)
}

fn deque_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let at = arg(vm, &args, 1, "insert")?;
    let i = vm.index_of(at)?;
    let v = arg(vm, &args, 2, "insert")?.clone();
    let len = d.items.borrow().len();
    if d.maxlen.get() == Some(len) {
        return Err(vm.new_error("IndexError", "deque already at its maximum size"));
    }
    let i = if i < 0 { i + len as i64 } else { i };
    d.items.borrow_mut().insert(i.clamp(0, len as i64) as usize, v);
    Ok(Value::None)
}

fn deque_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args)?.items.borrow().len() as i64))
}

/// The position of index `key` in a deque of `len` items, or IndexError.
fn position(vm: &mut Vm, key: Option<&Value>, len: usize) -> PyResult<usize> {
    let i = vm.index_of(key.unwrap_or(&Value::None))?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.new_error("IndexError", "deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let len = d.items.borrow().len();
    let i = position(vm, args.pos.get(1), len)?;
    Ok(d.items.borrow()[i].clone())
}

fn deque_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let len = d.items.borrow().len();
    let i = position(vm, args.pos.get(1), len)?;
    let v = args.pos.get(2).cloned().unwrap_or(Value::None);
    d.items.borrow_mut()[i] = v;
    Ok(Value::None)
}

fn deque_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let len = d.items.borrow().len();
    let i = position(vm, args.pos.get(1), len)?;
    d.items.borrow_mut().remove(i);
    Ok(Value::None)
}

fn deque_list(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::list(this(vm, &args)?.snapshot()))
}

fn deque_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = Value::list(this(vm, &args)?.snapshot());
    vm.get_iter(&items)
}
