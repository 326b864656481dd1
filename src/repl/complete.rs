//! Tab completion candidates, computed on the VM thread: keywords, globals and builtins for a
//! name; attributes for `a.b.c`. The object of an attribute completion is found only when it is
//! a plain dotted name, by reading namespaces directly (module, instance and class dicts):
//! completion never calls script code (no properties, no `__getattr__`, no calls).

use std::rc::Rc;

use crate::vm::object::{str_hash, Dict, Payload};
use crate::vm::{Value, Vm};

/// Python's keywords, offered when completing a bare name.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The completions of `word` (a name or a dotted name), sorted, each a full replacement.
pub fn candidates(vm: &mut Vm, globals: &Rc<Dict>, word: &str) -> Vec<String> {
    let mut out = match word.rsplit_once('.') {
        Some((base, attr)) => attributes(vm, globals, base, attr),
        None => names(vm, globals, word),
    };
    out.sort();
    out.dedup();
    out
}

fn names(vm: &Vm, globals: &Rc<Dict>, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> =
        KEYWORDS.iter().filter(|k| k.starts_with(prefix)).map(|k| k.to_string()).collect();
    for dict in [globals, &vm.builtins] {
        for (k, _) in dict.map.borrow().iter() {
            if let Some(s) = k.as_str() {
                if s.starts_with(prefix) && (!s.starts_with('_') || prefix.starts_with('_')) {
                    out.push(s.to_string());
                }
            }
        }
    }
    out
}

fn attributes(vm: &mut Vm, globals: &Rc<Dict>, base: &str, prefix: &str) -> Vec<String> {
    let Some(obj) = resolve(vm, globals, base) else { return Vec::new() };
    let dir = vm.builtins.map.borrow().get_str(str_hash("dir"), "dir").cloned();
    let Some(dir) = dir else { return Vec::new() };
    let Ok(listing) = vm.call(&dir, vec![obj]) else { return Vec::new() };
    let Ok(names) = vm.collect(&listing) else { return Vec::new() };
    names
        .iter()
        .filter_map(|n| n.as_str())
        .filter(|n| n.starts_with(prefix) && (!n.starts_with('_') || prefix.starts_with('_')))
        .map(|n| format!("{base}.{n}"))
        .collect()
}

/// Finds the value of a plain dotted name without running code; `None` if any part is not a
/// plain identifier or is not found in a namespace dict.
fn resolve(vm: &Vm, globals: &Rc<Dict>, dotted: &str) -> Option<Value> {
    let mut parts = dotted.split('.');
    let first = parts.next()?;
    if !is_identifier(first) {
        return None;
    }
    let mut obj =
        lookup(&globals.map.borrow(), first).or_else(|| lookup(&vm.builtins.map.borrow(), first))?;
    for part in parts {
        if !is_identifier(part) {
            return None;
        }
        obj = static_attr(&obj, part)?;
    }
    Some(obj)
}

fn lookup(map: &crate::vm::dict::DictMap, name: &str) -> Option<Value> {
    map.get_str(str_hash(name), name).cloned()
}

/// An attribute read straight from namespace dicts: a module's, an instance's, then its
/// class's MRO. Properties are skipped, since reading them would run code.
fn static_attr(obj: &Value, name: &str) -> Option<Value> {
    let found = match obj {
        Value::Class(c) => {
            std::iter::once(c).chain(c.mro.iter()).find_map(|k| lookup(&k.dict.borrow(), name))
        }
        Value::Obj(o) => {
            let own = match &o.payload {
                Payload::Module(m) => lookup(&m.dict.map.borrow(), name),
                _ => o.dict().and_then(|d| lookup(&d.map.borrow(), name)),
            };
            own.or_else(|| {
                std::iter::once(&*o.class)
                    .chain(o.class.mro.iter())
                    .find_map(|k| lookup(&k.dict.borrow(), name))
            })
        }
        _ => None,
    }?;
    match found.payload() {
        Some(Payload::Property(..)) => None,
        _ => Some(found),
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}
