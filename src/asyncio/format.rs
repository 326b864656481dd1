//! The reprs of asyncio objects, as CPython 3.11 builds them: `reprlib.repr` for results and
//! callback arguments, `format_helpers._format_callback_source` for callbacks, and
//! `coroutines._format_coroutine` for a task's coroutine.
//!
//! File names are the code's own (`x.py` as given on the command line); CPython shows the
//! absolute path of the script.

use crate::vm::object::Payload;
use crate::vm::{PyResult, Value, Vm};

/// `reprlib.Repr`'s limits.
const MAX_LEVEL: usize = 6;
const MAX_ITEMS: usize = 6;
const MAX_DICT: usize = 4;
const MAX_STRING: usize = 30;
const MAX_LONG: usize = 40;
const MAX_OTHER: usize = 30;

/// `reprlib.repr(v)`: a repr cut down to a few items and characters.
pub fn short_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    short_repr_at(vm, v, MAX_LEVEL)
}

fn short_repr_at(vm: &mut Vm, v: &Value, level: usize) -> PyResult<String> {
    match v {
        Value::Str(s) => {
            let chars: Vec<char> = s.as_str().chars().collect();
            let head: String = chars.iter().take(MAX_STRING).collect();
            let r = vm.repr(&Value::string(head))?;
            if r.chars().count() <= MAX_STRING {
                return Ok(r);
            }
            let i = (MAX_STRING - 3) / 2;
            let j = MAX_STRING - 3 - i;
            let kept: String = chars[..i].iter().chain(&chars[chars.len() - j..]).collect();
            let r: Vec<char> = vm.repr(&Value::string(kept))?.chars().collect();
            Ok(cut_middle(&r, i, j))
        }
        Value::Int(_) | Value::BigInt(_) => Ok(truncate(vm.repr(v)?, MAX_LONG)),
        Value::List(l) => {
            let items = l.items.borrow().clone();
            iterable(vm, &items, level, ("[", "]"), false)
        }
        Value::Tuple(t) => {
            let items = t.items.to_vec();
            iterable(vm, &items, level, ("(", ")"), items.len() == 1)
        }
        Value::Dict(d) => {
            let n = d.map.borrow().len();
            if n == 0 {
                return Ok("{}".into());
            }
            if level == 0 {
                return Ok("{...}".into());
            }
            let keys = possibly_sorted(vm, v)?;
            let mut parts = Vec::new();
            for k in keys.iter().take(MAX_DICT) {
                let val = vm.get_item(v, k)?;
                parts.push(format!(
                    "{}: {}",
                    short_repr_at(vm, k, level - 1)?,
                    short_repr_at(vm, &val, level - 1)?
                ));
            }
            if n > MAX_DICT {
                parts.push("...".into());
            }
            Ok(format!("{{{}}}", parts.join(", ")))
        }
        _ => Ok(truncate(vm.repr(v)?, MAX_OTHER)),
    }
}

/// `reprlib`'s `_repr_iterable`.
fn iterable(
    vm: &mut Vm,
    items: &[Value],
    level: usize,
    brackets: (&str, &str),
    trail: bool,
) -> PyResult<String> {
    let (left, right) = brackets;
    if items.is_empty() {
        return Ok(format!("{left}{right}"));
    }
    if level == 0 {
        return Ok(format!("{left}...{right}"));
    }
    let mut parts = Vec::new();
    for item in items.iter().take(MAX_ITEMS) {
        parts.push(short_repr_at(vm, item, level - 1)?);
    }
    if items.len() > MAX_ITEMS {
        parts.push("...".into());
    }
    let comma = if trail { "," } else { "" };
    Ok(format!("{left}{}{comma}{right}", parts.join(", ")))
}

/// `sorted(d)` when the keys are orderable, else their insertion order.
fn possibly_sorted(vm: &mut Vm, d: &Value) -> PyResult<Vec<Value>> {
    let keys = vm.collect(d)?;
    let sorted = vm.builtins.map.borrow().get_str(crate::vm::object::str_hash("sorted"), "sorted").cloned();
    if let Some(sorted) = sorted {
        if let Ok(v) = vm.call(&sorted, vec![Value::list(keys.clone())]) {
            return vm.collect(&v);
        }
    }
    Ok(keys)
}

/// Keeps the first and last characters of an over-long repr around `...`.
fn truncate(s: String, limit: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= limit {
        return s;
    }
    let i = (limit - 3) / 2;
    cut_middle(&chars, i, limit - 3 - i)
}

fn cut_middle(chars: &[char], i: usize, j: usize) -> String {
    let head: String = chars[..i.min(chars.len())].iter().collect();
    let tail: String = chars[chars.len().saturating_sub(j)..].iter().collect();
    format!("{head}...{tail}")
}

/// `format_helpers._format_callback_source(func, args)`.
pub fn callback_source(vm: &mut Vm, func: &Value, args: &[Value]) -> PyResult<String> {
    let mut s = callback(vm, func, args, "")?;
    if let Some((file, line)) = function_source(vm, func) {
        s.push_str(&format!(" at {file}:{line}"));
    }
    Ok(s)
}

/// `format_helpers._format_callback`: the name and the arguments, looking into partials.
fn callback(vm: &mut Vm, func: &Value, args: &[Value], suffix: &str) -> PyResult<String> {
    if let Some((inner, pargs)) = partial_parts(vm, func) {
        let suffix = format!("{}{suffix}", arguments(vm, args)?);
        return callback(vm, &inner, &pargs, &suffix);
    }
    let mut name = String::new();
    for attr in ["__qualname__", "__name__"] {
        if let Ok(Value::Str(s)) = vm.get_attr(func, &Value::str(attr)) {
            if !s.as_str().is_empty() {
                name = s.as_str().to_string();
                break;
            }
        }
    }
    if name.is_empty() {
        name = vm.repr(func)?;
    }
    Ok(format!("{name}{}{suffix}", arguments(vm, args)?))
}

/// `_format_args_and_kwargs(args, {})`.
fn arguments(vm: &mut Vm, args: &[Value]) -> PyResult<String> {
    let parts = args.iter().map(|a| short_repr(vm, a)).collect::<PyResult<Vec<_>>>()?;
    Ok(format!("({})", parts.join(", ")))
}

/// `(func, args)` of a `functools.partial`-like object (asyncio's own `_Partial` too).
fn partial_parts(vm: &mut Vm, v: &Value) -> Option<(Value, Vec<Value>)> {
    let Value::Obj(o) = v else { return None };
    if !o.class.name().to_ascii_lowercase().ends_with("partial") {
        return None;
    }
    let func = vm.get_attr(v, &Value::str("func")).ok()?;
    let args = vm.get_attr(v, &Value::str("args")).ok()?;
    Some((func, vm.collect(&args).ok()?))
}

/// `_get_function_source`: where a script function (or the one a partial wraps) is defined.
fn function_source(vm: &mut Vm, func: &Value) -> Option<(String, u32)> {
    match func {
        Value::Func(f) => Some((f.code.code.source.filename.to_string(), f.code.code.first_line)),
        _ => {
            let (inner, _) = partial_parts(vm, func)?;
            function_source(vm, &inner)
        }
    }
}

/// `coroutines._format_coroutine(coro)`.
pub fn coroutine(vm: &mut Vm, coro: &Value) -> PyResult<String> {
    let Some(Payload::Generator(g)) = coro.payload() else {
        let name = match vm.get_attr(coro, &Value::str("__qualname__")) {
            Ok(Value::Str(s)) => s.as_str().to_string(),
            _ => format!("<{} without __name__>", vm.type_name(coro)),
        };
        return Ok(format!("{name}()"));
    };
    let name = vm.str_of(&g.qualname())?;
    let file = g.code.source.filename.to_string();
    Ok(match crate::vm::coro::current_line(g) {
        Some(line) => format!("{name}() running at {file}:{line}"),
        None => format!("{name}() done, defined at {file}:{}", g.code.first_line),
    })
}
