//! gyre's deadlock report (CPython would hang instead).
//!
//! When `run_until_complete` waits and the loop can never do anything again (nothing ready,
//! no timer, no watched socket, no outside work in flight), the loop raises RuntimeError
//! naming each pending task, where it is suspended (its chain of coroutines, innermost last)
//! and what it awaits.

use std::rc::Rc;

use super::event_loop::LoopObj;
use super::future::future_of;
use crate::vm::object::{Object, Payload};
use crate::vm::{Exc, Value, Vm};

/// How many coroutines of an await chain the report shows.
const MAX_CHAIN: usize = 16;

/// The RuntimeError describing the deadlock.
pub fn deadlock_error(vm: &mut Vm, lp: &LoopObj, until: Option<&Rc<Object>>) -> Exc {
    let tasks: Vec<Rc<Object>> = lp.tasks.borrow().in_order();
    let mut lines = vec![format!(
        "deadlock: no task can ever be woken (nothing ready, no timers, no I/O, no outside work), \
         but {} task{} {} waiting:",
        tasks.len(),
        if tasks.len() == 1 { "" } else { "s" },
        if tasks.len() == 1 { "is" } else { "are" },
    )];
    for t in tasks {
        lines.push(format!("  {}", describe_task(vm, &t)));
    }
    if let Some(u) = until {
        if future_of(&Value::Obj(u.clone())).is_some_and(|f| f.task().is_none()) {
            lines.push("  and the loop runs until a future nobody resolves".into());
        }
    }
    vm.new_error("RuntimeError", &lines.join("\n"))
}

/// `task 'name' at main() x.py:10 -> helper() x.py:3 awaits a Future`.
fn describe_task(vm: &mut Vm, task: &Rc<Object>) -> String {
    let tv = Value::Obj(task.clone());
    let Some(ts) = future_of(&tv).and_then(|f| f.task()) else { return "a task".into() };
    let name = vm.str_of(&ts.get_name()).unwrap_or_default();
    let coro = ts.coro();
    ts.unpark_reader(vm);
    let waiter = ts.fut_waiter();
    let mut chain = Vec::new();
    let mut cur = coro;
    while chain.len() < MAX_CHAIN {
        let next = match cur.payload() {
            Some(Payload::Generator(g)) => {
                let Some(line) = crate::vm::coro::current_line(g) else { break };
                let qualname = vm.str_of(&g.qualname()).unwrap_or_default();
                chain.push(format!("{qualname}() {}:{line}", g.code.source.filename));
                vm.generator_awaiting(g)
            }
            Some(Payload::AsyncGenOp(op)) => op.borrow().target.clone(),
            _ => break,
        };
        cur = next;
    }
    let at = if chain.is_empty() { String::new() } else { format!(" at {}", chain.join(" -> ")) };
    format!("task '{name}'{at} awaits {}", describe_awaited(vm, &waiter))
}

fn describe_awaited(vm: &mut Vm, waiter: &Value) -> String {
    if waiter.is_none() {
        return "nothing yet (it has not started)".into();
    }
    if let Some(children) = gathered(vm, waiter) {
        let names: Vec<String> = children.iter().map(|c| describe_awaited(vm, c)).collect();
        return format!("gather() of {}", names.join(", "));
    }
    match future_of(waiter) {
        Some(f) => match f.task() {
            Some(t) => format!("task '{}'", vm.str_of(&t.get_name()).unwrap_or_default()),
            None => "a Future".into(),
        },
        None => vm.repr(waiter).unwrap_or_default(),
    }
}

/// The children of the future `gather()` returned.
fn gathered(vm: &mut Vm, waiter: &Value) -> Option<Vec<Value>> {
    let Value::Obj(o) = waiter else { return None };
    if o.class.name() != "_GatheringFuture" {
        return None;
    }
    let children = vm.get_attr(waiter, &Value::str("_children")).ok()?;
    vm.collect(&children).ok()
}
