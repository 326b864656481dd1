//! The native `time` module: wall-clock, monotonic and CPU clocks, and a blocking `sleep`.

use super::{arity, module};
use crate::vm::object::Args;
use crate::vm::{PyResult, Value, Vm};

/// Builds the `time` module.
pub fn time_module(vm: &mut Vm) -> PyResult<Value> {
    let m = module(
        vm,
        "time",
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("monotonic", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter", t_monotonic),
            ("perf_counter_ns", t_monotonic_ns),
            ("process_time", t_process_time),
            ("process_time_ns", t_process_time_ns),
            ("sleep", t_sleep),
            ("gmtime", crate::stdlib::timefmt::gmtime),
            ("localtime", crate::stdlib::timefmt::localtime),
            ("mktime", crate::stdlib::timefmt::mktime),
            ("strftime", crate::stdlib::timefmt::strftime),
            ("asctime", crate::stdlib::timefmt::asctime),
            ("ctime", crate::stdlib::timefmt::ctime),
        ],
    );
    // `sleep` looks at its caller: a green fiber (`asyncio.to_thread`) is suspended instead.
    let sleep = super::native_with_frame(vm, "sleep", t_sleep);
    vm.module_set(&m, "sleep", sleep);
    Ok(m)
}

/// Seconds since the Unix epoch.
fn unix_time() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn t_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "time", &args, 0, 0)?;
    Ok(Value::Float(unix_time()))
}

fn t_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "time_ns", &args, 0, 0)?;
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    Ok(Value::Int(ns))
}

fn t_monotonic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "monotonic", &args, 0, 0)?;
    Ok(Value::Float(vm.monotonic()))
}

fn t_monotonic_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "monotonic_ns", &args, 0, 0)?;
    Ok(Value::Int((vm.monotonic() * 1e9) as i64))
}

/// CPU time of this process (user + system) in seconds, from `/proc/self/stat` clock ticks.
fn cpu_seconds() -> f64 {
    /// Linux's USER_HZ: `/proc` reports times in these ticks.
    const TICKS_PER_SECOND: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / TICKS_PER_SECOND
}

fn t_process_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "process_time", &args, 0, 0)?;
    Ok(Value::Float(cpu_seconds()))
}

fn t_process_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "process_time_ns", &args, 0, 0)?;
    Ok(Value::Int((cpu_seconds() * 1e9) as i64))
}

/// The longest single sleep accepted (CPython raises OverflowError beyond this too).
const MAX_SLEEP_SECONDS: f64 = 9.2e9;

fn t_sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "sleep", &args, 1, 1)?;
    // CPython accepts floats and integers (anything with __index__), nothing else.
    let secs = match &args.pos[0] {
        Value::Float(f) => *f,
        v => vm.index_of(v)? as f64,
    };
    if secs.is_nan() {
        return Err(vm.new_error("ValueError", "Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.new_error("ValueError", "sleep length must be non-negative"));
    }
    if secs > MAX_SLEEP_SECONDS {
        return Err(vm.new_error("OverflowError", "sleep length is too large"));
    }
    if vm.caller.as_ref().is_some_and(|c| c.green) {
        // Called straight from a green fiber: it yields the delay to its driver instead.
        vm.green_switch = Some(Value::Float(secs));
        return Err(vm.new_error("RuntimeError", "green thread switch"));
    }
    // `threading`'s green threads run while the main thread sleeps: its hook sleeps for it
    // (unset while it runs, so the hook's own sleeps are real).
    if let Some(hook) = vm.ext_state.remove(crate::asyncio::external::SLEEP_HOOK) {
        let f = hook.downcast_ref::<Value>().cloned().unwrap_or(Value::None);
        let r = vm.call(&f, vec![Value::Float(secs)]);
        vm.ext_state.entry(crate::asyncio::external::SLEEP_HOOK).or_insert(hook);
        return r.map(|_| Value::None);
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    Ok(Value::None)
}
