//! `types.UnionType`: what `int | None` makes (PEP 604). Classes, `None`, `list[int]`-style
//! aliases and other unions combine with `|`; the union prints as written, compares equal
//! to any union of the same members (its hash stays the identity one), and works as the second argument of `isinstance` and
//! `issubclass`.

use std::rc::Rc;

use crate::vm::object::{Class, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// A union's members, flattened and without repeats; `None` is stored as `NoneType`.
#[derive(Debug)]
pub struct UnionType {
    members: Vec<Value>,
}

impl crate::vm::ext::Ext for UnionType {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn repr(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<String>> {
        let mut parts = Vec::with_capacity(self.members.len());
        for m in &self.members {
            let shown = match m {
                Value::Class(c) if Rc::ptr_eq(c, &vm.types.none) => "None".to_string(),
                other => super::descriptors::alias_item_repr(vm, other)?,
            };
            parts.push(shown);
        }
        Ok(Some(parts.join(" | ")))
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__args__" => Some(Value::tuple(self.members.clone())),
            _ => None,
        })
    }
}

/// The members of a union value, or None for anything else.
pub fn union_members(v: &Value) -> Option<&[Value]> {
    match v.payload()? {
        Payload::Ext(e) => e.as_any().downcast_ref::<UnionType>().map(|u| u.members.as_slice()),
        _ => None,
    }
}

/// True for what `type.__or__` accepts: None, a class, a generic alias or a union.
fn unionable(v: &Value) -> bool {
    match v {
        Value::None | Value::Class(_) => true,
        Value::Obj(o) => union_members(v).is_some() || (o.class.name() == "GenericAlias" && !o.class.is_heap),
        _ => false,
    }
}

/// True when a script metaclass of `v` defines `name` itself (it answers the operator).
fn meta_defines(v: &Value, name: &str) -> bool {
    match v {
        Value::Class(c) => c.meta.as_ref().is_some_and(|m| m.is_heap && m.lookup(name).is_some()),
        _ => false,
    }
}

/// `a | b` for type-like operands: a union, or None when the operator belongs elsewhere.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !unionable(a) || !unionable(b) || meta_defines(a, "__or__") || meta_defines(b, "__ror__") {
        return Ok(None);
    }
    if a.is_none() && b.is_none() {
        return Ok(None);
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items: Vec<Value> = match union_members(side) {
            Some(m) => m.to_vec(),
            None if side.is_none() => vec![Value::Class(vm.types.none.clone())],
            None => vec![side.clone()],
        };
        for item in items {
            let mut seen = false;
            for m in &members {
                if m.is(&item) || vm.eq(m, &item)? {
                    seen = true;
                    break;
                }
            }
            if !seen {
                members.push(item);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop());
    }
    let cls = union_class(vm);
    Ok(Some(Value::Obj(Object::new(cls, Payload::Ext(Box::new(UnionType { members }))))))
}

/// The key of the UnionType class in `Vm::ext_state`.
const UNION_KEY: &str = "types.UnionType";

/// `types.UnionType`, made once per interpreter.
pub fn union_class(vm: &mut Vm) -> Rc<Class> {
    super::descriptors::types_class(vm, UNION_KEY, "UnionType", |_, _| {})
}

/// `a == b` when both are unions: the same members in any order (None otherwise).
pub fn union_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (union_members(a), union_members(b)) else {
        return Ok(None);
    };
    let (x, y) = (x.to_vec(), y.to_vec());
    if x.len() != y.len() {
        return Ok(Some(false));
    }
    for m in &x {
        let mut found = false;
        for n in &y {
            if m.is(n) || vm.eq(m, n)? {
                found = true;
                break;
            }
        }
        if !found {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}
