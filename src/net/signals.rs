//! OS signals, over `signal-hook`: asyncio's `loop.add_signal_handler`/
//! `remove_signal_handler` as CPython's unix event loop has them, the OS side of
//! `signal.signal` (`_os.signal_mode`/`signal_pending`), and `os.kill`.
//!
//! Each signal a loop handles gets a Unix socket pair: signal-hook's handler writes one byte
//! to the write end per delivery (`signal_hook::low_level::pipe`), and the read end is a
//! reactor source whose reader drains it and queues the signal's `Handle` once per byte. That
//! is where CPython's self-pipe reader (`_read_from_self`) runs and appends the handle, so
//! the handler runs one loop iteration after the one that saw the signal, as in CPython. A
//! signal arriving while the loop sleeps in epoll makes the read end readable and wakes it.
//!
//! Ownership: a loop's [`Watches`] hold its signal-hook registrations and unregister them
//! when a handler is removed, the loop is closed or dropped. The interpreter-wide
//! [`Dispositions`] (in `Vm::ext_state`) keep, for each signal the interpreter ever caught, a
//! conditional "default action" registration armed while no loop of the interpreter handles
//! the signal: what CPython's `signal.signal(sig, SIG_DFL)` restores. They are unregistered
//! when the interpreter is dropped. Nothing is global beyond signal-hook's own registry.
//!
//! A `signal.signal` handler is a flag registration per signal plus one setting
//! `Vm::signals_pending`; [`run_pending`] (after `os.kill` and after each `run_forever`
//! iteration) then calls `signal._run_pending`, which runs the script handlers.
//!
//! Without the `signals` capability both loop methods raise `NotImplementedError`, as
//! CPython's base loop does on a platform without signals, and `signal.signal` handlers stay
//! Python-level.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use signal_hook::SigId;

use crate::asyncio::event_loop::{handle_of, loop_of, new_handle, Cb, LoopObj};
use crate::runtime::reactor::SourceId;
use crate::vm::limits::Capability;
use crate::vm::object::{Args, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// One past the largest signal number (`signal.NSIG` on Linux).
const NSIG: i64 = 65;
/// Signals no process can catch.
const UNCATCHABLE: [i32; 2] = [9, 19];
/// Signals signal-hook refuses to register (its `FORBIDDEN` list besides the uncatchable).
const REFUSED: [i32; 3] = [4, 8, 11];
/// The key of [`Dispositions`] in `Vm::ext_state`.
const STATE_KEY: &str = "signals";

/// One handled signal of a loop.
struct Watch {
    /// The `Handle` queued per delivery.
    handle: Rc<Object>,
    /// The signal-hook registration writing to the socket pair.
    registration: SigId,
    /// The read end, in the loop's reactor.
    source: SourceId,
}

/// The signals a loop handles.
#[derive(Default)]
pub struct Watches {
    by_signal: BTreeMap<i32, Watch>,
    dispositions: Option<Rc<Dispositions>>,
}

impl Watches {
    /// Unregisters `sig`'s handler; returns its read end (to close) if there was one.
    fn remove(&mut self, sig: i32) -> Option<SourceId> {
        let watch = self.by_signal.remove(&sig)?;
        signal_hook::low_level::unregister(watch.registration);
        if let Some(d) = &self.dispositions {
            d.release(sig);
        }
        Some(watch.source)
    }

    /// Whether `sig` is handled.
    fn handles(&self, sig: i32) -> bool {
        self.by_signal.contains_key(&sig)
    }

    /// The handled signals.
    fn signals(&self) -> Vec<i32> {
        self.by_signal.keys().copied().collect()
    }
}

impl Drop for Watches {
    fn drop(&mut self) {
        for sig in self.signals() {
            self.remove(sig);
        }
    }
}

impl std::fmt::Debug for Watches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.by_signal.keys()).finish()
    }
}

/// A signal's default-action registration in one interpreter.
struct Slot {
    /// How many loops handle the signal.
    handlers: usize,
    /// Set while none does: the registration then runs the signal's default action.
    armed: Arc<AtomicBool>,
    registration: Option<SigId>,
}

/// A signal caught for `signal.signal`: its pending flag and its two registrations.
type Caught = (Arc<AtomicBool>, [SigId; 2]);

/// Per interpreter: the default actions restored by `remove_signal_handler`, and the OS
/// registrations of signals with a `signal.signal` handler (or `SIG_IGN`).
#[derive(Default)]
pub struct Dispositions {
    slots: RefCell<HashMap<i32, Slot>>,
    /// Per signal set by `signal.signal`: its pending flag and the two registrations (the
    /// flag, and the interpreter-wide `Vm::signals_pending`).
    python: RefCell<BTreeMap<i32, Caught>>,
}

impl Dispositions {
    /// The interpreter's dispositions (made on first use).
    fn of(vm: &mut Vm) -> Rc<Dispositions> {
        if let Some(d) = vm.ext_state.get(STATE_KEY).and_then(|s| s.clone().downcast::<Dispositions>().ok()) {
            return d;
        }
        let d = Rc::new(Dispositions::default());
        vm.ext_state.insert(STATE_KEY, d.clone() as Rc<dyn std::any::Any>);
        d
    }

    /// A loop starts handling `sig`: its default action is off.
    fn hold(&self, sig: i32) {
        let mut slots = self.slots.borrow_mut();
        let slot = slots.entry(sig).or_insert_with(|| {
            let armed = Arc::new(AtomicBool::new(false));
            // Unknown to signal-hook's table (real-time signals): no emulation, see
            // COMPATIBILITY.md.
            let registration = signal_hook::flag::register_conditional_default(sig, armed.clone()).ok();
            Slot { handlers: 0, armed, registration }
        });
        slot.handlers += 1;
        slot.armed.store(false, Ordering::SeqCst);
    }

    /// A loop stops handling `sig`: the default action is back once no loop handles it.
    fn release(&self, sig: i32) {
        if let Some(slot) = self.slots.borrow_mut().get_mut(&sig) {
            slot.handlers = slot.handlers.saturating_sub(1);
            if slot.handlers == 0 {
                slot.armed.store(true, Ordering::SeqCst);
            }
        }
    }
}

impl Drop for Dispositions {
    fn drop(&mut self) {
        for (_, ids) in std::mem::take(self.python.get_mut()).into_values() {
            unregister_all(ids);
        }
        for slot in self.slots.get_mut().values_mut() {
            if let Some(id) = slot.registration.take() {
                signal_hook::low_level::unregister(id);
            }
        }
    }
}

/// Unregisters signal-hook actions.
fn unregister_all(ids: impl IntoIterator<Item = SigId>) {
    for id in ids {
        signal_hook::low_level::unregister(id);
    }
}

/// The number of an int (or int subclass such as `signal.Signals`) value.
fn int_value(v: &Value) -> Option<i64> {
    match v {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(*b as i64),
        _ => match v.payload() {
            Some(Payload::Boxed(Value::Int(n))) => Some(*n),
            _ => None,
        },
    }
}

/// CPython's `_check_signal`: an int among `signal.valid_signals()`.
fn check_signal(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    let v = v.cloned().unwrap_or(Value::None);
    let is_int = int_value(&v).is_some() || matches!(v, Value::BigInt(_));
    if !is_int {
        let r = vm.repr(&v)?;
        return Err(vm.new_error("TypeError", &format!("sig must be an int, not {r}")));
    }
    match int_value(&v) {
        Some(n) if (1..NSIG).contains(&n) && n != 32 && n != 33 => Ok(n as i32),
        _ => {
            let s = vm.str_of(&v)?;
            Err(vm.new_error("ValueError", &format!("invalid signal number {s}")))
        }
    }
}

/// The loop argument, after the capability check (NotImplementedError without it).
fn signal_loop<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(&'a LoopObj, &'a Value)> {
    if !vm.capabilities.allows(Capability::Signals) {
        let cls = vm.exc_class("NotImplementedError");
        return Err(vm.new_exception(&cls, vec![]));
    }
    match args.pos.first() {
        Some(v) => match loop_of(v) {
            Some(l) => Ok((l, v)),
            None => Err(vm.new_error("TypeError", "descriptor requires an event loop")),
        },
        None => Err(vm.new_error("TypeError", "descriptor requires an event loop")),
    }
}

/// Whether `callback` is a coroutine or a coroutine function (`asyncio.iscoroutine[function]`).
fn is_coroutine_like(vm: &mut Vm, callback: &Value) -> PyResult<bool> {
    if crate::asyncio::future::is_coroutine(callback) {
        return Ok(true);
    }
    let answer = crate::asyncio::m_iscoroutinefunction(vm, Args::new(std::slice::from_ref(callback)))?;
    vm.truthy(&answer)
}

/// `loop.add_signal_handler(sig, callback, *args)`.
pub fn add_signal_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (lp, lv) = signal_loop(vm, &args)?;
    let callback = args.pos.get(2).cloned().unwrap_or(Value::None);
    if is_coroutine_like(vm, &callback)? {
        return Err(vm.new_error("TypeError", "coroutines cannot be used with add_signal_handler()"));
    }
    let sig = check_signal(vm, args.pos.get(1))?;
    if lp.closed.get() {
        return Err(vm.new_error("RuntimeError", "Event loop is closed"));
    }
    if UNCATCHABLE.contains(&sig) || REFUSED.contains(&sig) {
        return Err(vm.new_error("RuntimeError", &format!("sig {sig} cannot be caught")));
    }
    let handle = new_handle(vm, callback, args.pos.get(3..).unwrap_or(&[]).to_vec(), None);
    let mut watches = lp.net.signals.borrow_mut();
    if let Some(w) = watches.by_signal.get_mut(&sig) {
        w.handle = handle;
        return Ok(Value::None);
    }
    let dispositions = watches.dispositions.get_or_insert_with(|| Dispositions::of(vm)).clone();
    let watch = watch(vm, lp, lv, sig, handle)?;
    dispositions.hold(sig);
    watches.by_signal.insert(sig, watch);
    Ok(Value::None)
}

/// Registers `sig` with signal-hook and its socket pair's read end with the loop.
fn watch(vm: &mut Vm, lp: &LoopObj, lv: &Value, sig: i32, handle: Rc<Object>) -> PyResult<Watch> {
    let os_error = |vm: &mut Vm, e: std::io::Error| vm.new_error("OSError", &e.to_string());
    let (read_end, write_end) = std::os::unix::net::UnixStream::pair().map_err(|e| os_error(vm, e))?;
    let source = lp.el.borrow_mut().reactor_mut().adopt_unix_stream(read_end).map_err(|e| os_error(vm, e))?;
    let registration = match signal_hook::low_level::pipe::register(sig, write_end) {
        Ok(id) => id,
        Err(e) => {
            lp.el.borrow_mut().close_source(source);
            return Err(os_error(vm, e));
        }
    };
    let reader = crate::builtins::native(vm, "_read_signal", read_signal);
    super::io::add(vm, lv, source, super::io::Dir::Read, reader, vec![Value::Int(sig as i64)]);
    Ok(Watch { handle, registration, source })
}

/// Unregisters `sig` on `lp`; whether it was handled.
fn unwatch(vm: &mut Vm, lv: &Value, lp: &LoopObj, sig: i32) -> bool {
    let Some(source) = lp.net.signals.borrow_mut().remove(sig) else { return false };
    super::io::forget(vm, lv, source);
    lp.el.borrow_mut().close_source(source);
    true
}

/// `loop.remove_signal_handler(sig)`: True if a handler was removed.
pub fn remove_signal_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (lp, lv) = signal_loop(vm, &args)?;
    let sig = check_signal(vm, args.pos.get(1))?;
    Ok(Value::Bool(unwatch(vm, lv, lp, sig)))
}

/// Removes every handler of a loop being closed (CPython's `close()` does after closing).
pub fn close_all(vm: &mut Vm, lv: &Value) {
    let Some(lp) = loop_of(lv) else { return };
    let signals = lp.net.signals.borrow().signals();
    for sig in signals {
        unwatch(vm, lv, lp, sig);
    }
}

/// The reader of a signal's socket pair (`_read_from_self` + `_handle_signal`): one queued
/// handle per byte; a handle cancelled by the script removes the handler instead. It runs
/// only while its loop runs, so it finds the loop there (holding it would make a cycle).
fn read_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let lv = vm.running_loop.clone();
    let (Some(lp), Some(Value::Int(sig))) = (loop_of(&lv), args.pos.first()) else { return Ok(Value::None) };
    let sig = *sig as i32;
    let Some(source) = lp.net.signals.borrow().by_signal.get(&sig).map(|w| w.source) else {
        return Ok(Value::None);
    };
    for _ in 0..drain(lp, source) {
        let handle = lp.net.signals.borrow().by_signal.get(&sig).map(|w| w.handle.clone());
        let Some(handle) = handle else { break };
        if handle_of(&Value::Obj(handle.clone())).is_some_and(|h| h.cancelled.get()) {
            unwatch(vm, &lv, lp, sig);
            break;
        }
        lp.el.borrow_mut().call_soon(Cb::Handle(handle));
    }
    Ok(Value::None)
}

/// Reads everything waiting on `source`; returns the number of bytes (deliveries).
fn drain(lp: &LoopObj, source: SourceId) -> usize {
    let mut buf = [0u8; 64];
    let mut total = 0;
    loop {
        match lp.el.borrow_mut().reactor_mut().recv(source, &mut buf) {
            Ok(n) if n > 0 => {
                total += n;
                if n < buf.len() {
                    return total;
                }
            }
            _ => return total,
        }
    }
}

/// `os.kill(pid, sig)`: `pid` > 0 is a process, 0 this process group, < -1 the group `-pid`;
/// signal 0 only checks that the target exists.
pub fn kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use rustix::io::Errno;
    use rustix::process::{self as p, Pid, Signal};
    let (Some(pid), Some(sig)) = (args.pos.first().and_then(int_value), args.pos.get(1).and_then(int_value))
    else {
        return Err(vm.new_error("TypeError", "kill(pid, signal): two integers expected"));
    };
    let signal = i32::try_from(sig).ok().and_then(Signal::from_named_raw);
    let target = i32::try_from(pid.unsigned_abs()).ok().and_then(Pid::from_raw);
    let result = match (pid, target, sig, signal) {
        (0, _, 0, _) => p::test_kill_current_process_group(),
        (0, _, _, Some(s)) => p::kill_current_process_group(s),
        (1.., Some(t), 0, _) => p::test_kill_process(t),
        (1.., Some(t), _, Some(s)) => p::kill_process(t, s),
        (..=-2, Some(t), 0, _) => p::test_kill_process_group(t),
        (..=-2, Some(t), _, Some(s)) => p::kill_process_group(t, s),
        (_, _, _, None) => Err(Errno::INVAL),
        _ => Err(Errno::SRCH),
    };
    result.map_err(|e| super::errors::os_error(vm, &std::io::Error::from(e)))?;
    run_pending(vm)?;
    Ok(Value::None)
}

/// `_os.signal_mode(sig, mode)`, from `signal.signal`: 0 puts the default action back, 1
/// (`SIG_IGN`) and 2 (a script handler) catch the signal; the handler runs after `os.kill`
/// and after each event loop iteration ([`run_pending`]). Nothing without the `signals`
/// capability (the handler stays Python-level, see COMPATIBILITY.md).
pub fn signal_mode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(sig), Some(mode)) = (args.pos.first().and_then(int_value), args.pos.get(1).and_then(int_value))
    else {
        return Err(vm.new_error("TypeError", "signal_mode(sig, mode): two integers expected"));
    };
    let sig = sig as i32;
    if !vm.capabilities.allows(Capability::Signals) || UNCATCHABLE.contains(&sig) || REFUSED.contains(&sig) {
        return Ok(Value::None);
    }
    let pending = vm.signals_pending.get_or_insert_with(Arc::default).clone();
    let d = Dispositions::of(vm);
    let mut python = d.python.borrow_mut();
    match (mode, python.contains_key(&sig)) {
        (0, true) => {
            if let Some((_, ids)) = python.remove(&sig) {
                unregister_all(ids);
            }
            d.release(sig);
        }
        (1 | 2, false) => {
            let flag = Arc::new(AtomicBool::new(false));
            let register = |f: &Arc<AtomicBool>| signal_hook::flag::register(sig, f.clone());
            let (Ok(a), Ok(b)) = (register(&flag), register(&pending)) else { return Ok(Value::None) };
            python.insert(sig, (flag, [a, b]));
            d.hold(sig);
        }
        _ => {}
    }
    Ok(Value::None)
}

/// `_os.signal_pending()`: the signals delivered since the last call, in number order.
pub fn signal_pending(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    if let Some(p) = &vm.signals_pending {
        p.store(false, Ordering::SeqCst);
    }
    let Some(d) = vm.ext_state.get(STATE_KEY).and_then(|s| s.clone().downcast::<Dispositions>().ok()) else {
        return Ok(Value::list(vec![]));
    };
    let fired: Vec<Value> = d
        .python
        .borrow()
        .iter()
        .filter(|(_, (flag, _))| flag.swap(false, Ordering::SeqCst))
        .map(|(sig, _)| Value::Int(*sig as i64))
        .collect();
    Ok(Value::list(fired))
}

/// Runs the `signal.signal` handlers of signals delivered since the last check (through
/// `signal._run_pending`); an exception a handler raises propagates from here, as from
/// CPython's eval breaker.
pub fn run_pending(vm: &mut Vm) -> PyResult<()> {
    let due = vm.signals_pending.as_ref().is_some_and(|p| p.load(Ordering::Relaxed));
    if !due {
        return Ok(());
    }
    let Some(module) = vm.module_get("signal") else { return Ok(()) };
    vm.call_method(&module, "_run_pending", vec![])?;
    Ok(())
}
