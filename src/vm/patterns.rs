//! The runtime side of `match` statements (PEP 634): the checks and lookups behind
//! [`Instr::Match`](crate::compiler::bytecode::Instr::Match). Everything else a pattern does
//! (comparisons, unpacking, jumps, binding names) is ordinary bytecode.

use std::rc::Rc;

use super::object::{BaseKind, Class, Payload};
use super::value::Value;
use super::{PyResult, Vm};
use crate::compiler::bytecode::MatchKind;

/// Builtin layouts whose class patterns match the subject itself with one positional
/// sub-pattern (`case int(x):`), as CPython's `_Py_TPFLAGS_MATCH_SELF`; subclasses inherit it.
const MATCH_SELF: [BaseKind; 11] = [
    BaseKind::Bool,
    BaseKind::ByteArray,
    BaseKind::Bytes,
    BaseKind::Dict,
    BaseKind::Float,
    BaseKind::FrozenSet,
    BaseKind::Int,
    BaseKind::List,
    BaseKind::Set,
    BaseKind::Str,
    BaseKind::Tuple,
];

impl Vm {
    /// Runs one pattern-matching operation; `args` holds `R[arg]` (and, for
    /// [`MatchKind::Class`], the two registers after it).
    pub(super) fn match_op(&mut self, op: MatchKind, subj: &Value, args: &[Value]) -> PyResult<Value> {
        Ok(match op {
            MatchKind::IsSequence => Value::Bool(self.is_match_sequence(subj)?),
            MatchKind::IsMapping => Value::Bool(self.dict_of(subj).is_some()),
            MatchKind::Len => Value::Int(crate::builtins::length(self, subj)? as i64),
            MatchKind::Keys => self.match_keys(subj, &args[0])?,
            MatchKind::Rest => self.match_rest(subj, &args[0])?,
            MatchKind::Class => self.match_class(subj, args)?,
        })
    }

    /// Sequence patterns match lists, tuples, ranges, memoryviews, their subclasses and
    /// classes inheriting from or registered with `collections.abc.Sequence` (when that module
    /// is loaded), never strings, bytes or bytearrays.
    fn is_match_sequence(&mut self, v: &Value) -> PyResult<bool> {
        let Value::Obj(o) = v else { return Ok(matches!(v, Value::List(_) | Value::Tuple(_))) };
        if matches!(o.payload, Payload::Range(..) | Payload::BigRange(_) | Payload::MemoryView(_)) {
            return Ok(true);
        }
        match o.class.kind {
            BaseKind::List | BaseKind::Tuple => return Ok(true),
            BaseKind::Str | BaseKind::Bytes | BaseKind::ByteArray => return Ok(false),
            _ => {}
        }
        let modules = self.modules.clone();
        let Some(abc) = self.dict_get_str(&modules, &Value::str("collections.abc")) else { return Ok(false) };
        let sequence = self.get_attr(&abc, &Value::str("Sequence"))?;
        crate::builtins::is_instance(self, v, &sequence)
    }

    fn key_items(keys: &Value) -> Vec<Value> {
        match keys {
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        }
    }

    /// The values of a mapping subject for the pattern's keys, or None when one is absent.
    fn match_keys(&mut self, subj: &Value, keys: &Value) -> PyResult<Value> {
        let Some(d) = self.dict_of(subj) else { return Ok(Value::None) };
        let keys = Self::key_items(keys);
        let mut values = Vec::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            for earlier in &keys[..i] {
                if self.eq(earlier, k)? {
                    let msg = format!("mapping pattern checks duplicate key ({})", self.repr(k)?);
                    return Err(self.new_error("ValueError", &msg));
                }
            }
            match self.dict_get(&d, k)? {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(values))
    }

    /// `**rest`: a new dict of the subject's items without the pattern's keys.
    fn match_rest(&mut self, subj: &Value, keys: &Value) -> PyResult<Value> {
        let out = self.new_dict();
        let (Some(src), Some(dst)) = (self.dict_of(subj), self.dict_of(&out)) else { return Ok(out) };
        let items: Vec<(Value, Value)> =
            src.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in items {
            self.dict_set(&dst, k, v)?;
        }
        for k in Self::key_items(keys) {
            self.dict_remove(&dst, &k)?;
        }
        Ok(out)
    }

    /// A class pattern: isinstance, then one attribute per sub-pattern (positional ones named
    /// by `__match_args__`). None when the subject is no instance or lacks an attribute.
    fn match_class(&mut self, subj: &Value, args: &[Value]) -> PyResult<Value> {
        let Value::Class(cls) = &args[0] else {
            return Err(self.new_error("TypeError", "called match pattern must be a type"));
        };
        let kw_names = Self::key_items(&args[1]);
        let npos = match &args[2] {
            Value::Int(n) => *n as usize,
            _ => 0,
        };
        if !crate::builtins::is_instance(self, subj, &args[0])? {
            return Ok(Value::None);
        }
        let mut seen: Vec<Value> = Vec::new();
        let mut out = Vec::with_capacity(npos + kw_names.len());
        if npos > 0 {
            match self.match_args(cls, npos)? {
                None => out.push(subj.clone()),
                Some(names) => {
                    for name in names.into_iter().take(npos) {
                        if !matches!(name, Value::Str(_)) {
                            let msg = format!(
                                "__match_args__ elements must be strings (got {})",
                                self.type_name(&name)
                            );
                            return Err(self.new_error("TypeError", &msg));
                        }
                        match self.match_attr(cls, subj, &name, &mut seen)? {
                            Some(v) => out.push(v),
                            None => return Ok(Value::None),
                        }
                    }
                }
            }
        }
        for name in kw_names {
            match self.match_attr(cls, subj, &name, &mut seen)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(out))
    }

    /// The names `__match_args__` gives to `npos` positional sub-patterns; None for a
    /// self-matching builtin (the subject itself is the one sub-subject).
    fn match_args(&mut self, cls: &Rc<Class>, npos: usize) -> PyResult<Option<Vec<Value>>> {
        let given = Value::Class(cls.clone());
        let (names, allowed, self_match) = match self.get_attr(&given, &Value::str("__match_args__")) {
            Ok(Value::Tuple(t)) => (t.items.to_vec(), t.items.len(), false),
            Ok(other) => {
                let msg =
                    format!("{}.__match_args__ must be a tuple (got {})", cls.name(), self.type_name(&other));
                return Err(self.new_error("TypeError", &msg));
            }
            Err(e) if self.is_attribute_error(&e) => {
                let self_match = MATCH_SELF.contains(&cls.kind);
                (Vec::new(), usize::from(self_match), self_match)
            }
            Err(e) => return Err(e),
        };
        if npos > allowed {
            let plural = if allowed == 1 { "" } else { "s" };
            let msg =
                format!("{}() accepts {allowed} positional sub-pattern{plural} ({npos} given)", cls.name());
            return Err(self.new_error("TypeError", &msg));
        }
        Ok(if self_match { None } else { Some(names) })
    }

    /// `getattr(subj, name)` for a class pattern, None on AttributeError; each attribute may
    /// be named once per pattern.
    fn match_attr(
        &mut self,
        cls: &Rc<Class>,
        subj: &Value,
        name: &Value,
        seen: &mut Vec<Value>,
    ) -> PyResult<Option<Value>> {
        for s in seen.iter() {
            if self.eq(s, name)? {
                let msg =
                    format!("{}() got multiple sub-patterns for attribute {}", cls.name(), self.repr(name)?);
                return Err(self.new_error("TypeError", &msg));
            }
        }
        seen.push(name.clone());
        match self.get_attr(subj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_attribute_error(&e) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
