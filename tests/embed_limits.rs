//! Limits and capabilities through the public API: fuel, memory, recursion, deadlines,
//! interrupts from another thread, and the capability switches. Every limit must end in a
//! clean error, after which the interpreter carries on.

use std::time::{Duration, Instant};

use gyre::{Capability, Error, Interpreter, Limit, Limits};

/// An interpreter with the given limits whose output is discarded.
fn limited(limits: Limits) -> Interpreter {
    Interpreter::builder().limits(limits).stdout(std::io::sink()).stderr(std::io::sink()).build()
}

fn limit_of(result: Result<(), Error>) -> Limit {
    match result {
        Err(Error::Limit { limit, .. }) => limit,
        other => panic!("expected a limit error, got {other:?}"),
    }
}

fn fuel(n: u64) -> Limits {
    Limits { fuel: Some(n), ..Limits::default() }
}

fn memory(bytes: usize) -> Limits {
    Limits { memory: Some(bytes), ..Limits::default() }
}

fn time(d: Duration) -> Limits {
    Limits { time: Some(d), ..Limits::default() }
}

#[test]
fn fuel_stops_an_endless_loop_and_can_be_refilled() {
    let mut it = limited(fuel(100_000));
    assert_eq!(limit_of(it.exec("while True:\n    pass")), Limit::Fuel);
    assert_eq!(it.fuel(), Some(0));
    assert_eq!(limit_of(it.exec("for i in range(10): pass")), Limit::Fuel, "still empty");
    it.set_fuel(Some(100_000));
    it.exec("total = sum(i for i in range(100))").unwrap();
    assert_eq!(it.globals().get::<i64>("total").unwrap(), 4950);
}

#[test]
fn a_script_cannot_swallow_the_fuel_limit() {
    let mut it = limited(fuel(50_000));
    let src = "n = 0\nwhile True:\n    try:\n        while True:\n            n += 1\n    except BaseException:\n        pass";
    assert_eq!(limit_of(it.exec(src)), Limit::Fuel);
    let mut it = limited(fuel(50_000));
    let src = "try:\n    while True: pass\nexcept BaseException as e:\n    seen = repr(e)";
    let err = it.exec(src).unwrap_err();
    assert!(matches!(err, Error::Limit { limit: Limit::Fuel, .. }), "{err:?}");
    assert_eq!(it.globals().get::<String>("seen").unwrap(), "RuntimeError('instruction budget exhausted')");
}

#[test]
fn fuel_counts_calls_and_async_tasks() {
    let mut it = limited(fuel(20_000));
    it.exec("def f(n):\n    return f(n - 1) if n else 0").unwrap();
    it.set_fuel(Some(20_000));
    it.exec("f(500)").unwrap();
    assert!(it.fuel().unwrap() < 20_000 - 500);
    it.set_fuel(Some(20_000));
    it.exec("import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)").unwrap();
    assert_eq!(limit_of(it.run::<()>("spin", ())), Limit::Fuel);
}

#[test]
fn huge_allocations_hit_the_memory_limit_cleanly() {
    let mut it = limited(memory(64 << 20));
    for src in [
        "'a' * 10**12",
        "[0] * 10**10",
        "10**10**10",
        "b'x' * 10**11",
        "bytearray(10**11)",
        "list(range(10**9))",
    ] {
        let err = it.exec(src).unwrap_err();
        match err {
            Error::Limit { limit: Limit::Memory, exception } => {
                assert_eq!(exception.type_name(), "MemoryError")
            }
            Error::Exception(e) => assert_eq!(e.type_name(), "MemoryError", "{src}"),
            other => panic!("{src}: {other:?}"),
        }
    }
    it.exec("ok = 'small' * 10").unwrap();
}

#[test]
fn huge_allocations_never_abort_without_a_limit() {
    let mut it = limited(Limits::default());
    for src in ["'a' * 10**12", "[0] * 10**10", "10**10**10", "b'x' * 10**12", "x = [1]\nx *= 10**10"] {
        let err = it.exec(src).unwrap_err();
        assert_eq!(err.exception().map(|e| e.type_name().to_string()), Some("MemoryError".into()), "{src}");
    }
}

#[test]
fn growing_data_hits_the_memory_limit_and_frees_count() {
    let mut it = limited(memory(32 << 20));
    assert_eq!(limit_of(it.exec("xs = []\nwhile True:\n    xs.append('x' * 1000)")), Limit::Memory);
    assert_eq!(limit_of(it.exec("s = ''\nwhile True:\n    s += 'y' * 4096")), Limit::Memory);
    assert_eq!(limit_of(it.exec("d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1")), Limit::Memory);
    it.exec("del xs, s, d").unwrap();
    assert!(it.memory_used() < 1 << 20, "freed data is credited: {}", it.memory_used());
    it.exec("again = [0] * 1_000_000").unwrap();
    it.exec("try:\n    big = 'z' * (64 << 20)\nexcept MemoryError:\n    caught = True").unwrap();
    assert!(it.globals().get::<bool>("caught").unwrap(), "scripts may catch MemoryError");
}

#[test]
fn small_objects_inside_containers_are_charged_in_bulk() {
    // Each element is a small object (under the per-object tracking size): the containers
    // holding them are charged for them when their storage grows.
    let n = 100_000;
    for (what, src) in [
        ("one-item lists", "xs = [[i] for i in range(100_000)]"),
        (
            "instances",
            "class P:\n    def __init__(self, i):\n        self.i = i\nxs = [P(i) for i in range(100_000)]",
        ),
        ("short strings as dict values", "xs = {i: str(i) + '!' for i in range(100_000)}"),
        ("pairs appended", "xs = []\nfor i in range(100_000):\n    xs.append((i, -i))"),
    ] {
        let mut it = limited(memory(1 << 30));
        it.exec(src).unwrap();
        let used = it.memory_used();
        assert!(used > n * 48, "{what}: {used} bytes charged for {n} objects");
        it.exec("del xs").unwrap();
        assert!(it.memory_used() < 1 << 16, "{what}: freed when the container dies");
    }
    // A limit the slots alone would fit (1.6 MB) stops a million one-item lists.
    let mut it = limited(memory(24 << 20));
    assert_eq!(limit_of(it.exec("xs = [[i] for i in range(1_000_000)]")), Limit::Memory);
}

#[test]
fn infinite_recursion_is_a_clean_recursion_limit() {
    let mut it = limited(Limits { recursion: Some(200), ..Limits::default() });
    it.exec("def down(n):\n    return down(n + 1)").unwrap();
    let err = it.exec("down(0)").unwrap_err();
    let Error::Limit { limit: Limit::Recursion, exception } = err else { panic!("{err:?}") };
    assert_eq!(exception.to_string(), "RecursionError: maximum recursion depth exceeded");
    it.exec("import sys\nsys.setrecursionlimit(10**6)\nlimit = sys.getrecursionlimit()").unwrap();
    assert_eq!(it.globals().get::<i64>("limit").unwrap(), 200, "scripts cannot raise the host's bound");
    let mut deep = limited(Limits::default());
    deep.exec("def down(n):\n    return down(n + 1)").unwrap();
    assert_eq!(limit_of(deep.exec("down(0)")), Limit::Recursion);
}

#[test]
fn the_deadline_stops_busy_and_sleeping_scripts() {
    let mut it = limited(time(Duration::from_millis(100)));
    let started = Instant::now();
    assert_eq!(limit_of(it.exec("while True: pass")), Limit::Deadline);
    assert!(started.elapsed() < Duration::from_secs(2));
    let started = Instant::now();
    assert_eq!(limit_of(it.exec("import asyncio\nasyncio.run(asyncio.sleep(3600))")), Limit::Deadline);
    assert!(started.elapsed() < Duration::from_secs(2), "the loop's poll woke for the deadline");
    it.exec("import asyncio\nasync def nap():\n    await asyncio.sleep(3600)").unwrap();
    let started = Instant::now();
    assert_eq!(limit_of(it.run::<()>("nap", ())), Limit::Deadline);
    assert!(started.elapsed() < Duration::from_secs(2));
    it.exec("fine = 1").unwrap();
}

#[test]
fn an_interrupt_from_another_thread_stops_a_busy_script() {
    let mut it = limited(Limits::default());
    let handle = it.interrupt_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        handle.interrupt();
    });
    let started = Instant::now();
    let err = it.exec("n = 0\nwhile True:\n    n += 1").unwrap_err();
    stopper.join().unwrap();
    let Error::Limit { limit: Limit::Interrupt, exception } = err else { panic!("{err:?}") };
    assert_eq!(exception.type_name(), "KeyboardInterrupt");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(it.globals().get::<i64>("n").unwrap() > 0);
    it.exec("after = 'runs'").unwrap();
}

#[test]
fn an_interrupt_wakes_a_script_waiting_in_the_event_loop() {
    let mut it = limited(Limits::default());
    let handle = it.interrupt_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        handle.interrupt();
    });
    let started = Instant::now();
    let err = it.exec("import asyncio\nasyncio.run(asyncio.sleep(3600))").unwrap_err();
    stopper.join().unwrap();
    assert!(matches!(err, Error::Limit { limit: Limit::Interrupt, .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn capabilities_are_off_for_embedders_and_checked_by_name() {
    let it = Interpreter::new();
    for cap in [Capability::Net, Capability::Fs, Capability::Env, Capability::Process] {
        assert!(!it.allows(cap));
    }
    let mut it = limited(Limits::default());
    it.register_fn("env_var", |cx: &mut gyre::Cx, name: String| -> Result<Option<String>, Error> {
        cx.require(Capability::Env, "env_var")?;
        Ok(std::env::var(name).ok())
    });
    let err = it.exec("env_var('HOME')").unwrap_err();
    assert_eq!(
        err.to_string(),
        "PermissionError: env_var: access denied: the 'env' capability is off in this interpreter"
    );
    it.exec("try:\n    env_var('HOME')\nexcept PermissionError:\n    denied = True").unwrap();
    it.set_capability(Capability::Env, true);
    it.exec("env_var('HOME')").unwrap();
    assert!(Interpreter::builder().allow_all().build().allows(Capability::Net));
}

#[test]
fn subprocesses_need_the_process_capability() {
    let spawn = "import asyncio\nasync def main():\n    p = await asyncio.create_subprocess_exec('true')\n    return await p.wait()\nrc = asyncio.run(main())";
    let mut it = limited(Limits::default());
    let err = it.exec(spawn).unwrap_err();
    assert!(
        err.to_string().ends_with(
            "PermissionError: subprocess: access denied: the 'process' capability is off in this interpreter"
        ),
        "{err}"
    );
    it.set_capability(Capability::Process, true);
    it.exec(spawn).unwrap();
    assert_eq!(it.eval::<i64>("rc").unwrap(), 0);
}

#[test]
fn blocking_subprocesses_need_the_process_capability_and_no_other() {
    let run = "import subprocess\nout = subprocess.run(['echo', 'hi'], capture_output=True).stdout.decode()";
    let mut it = limited(Limits::default());
    let err = it.exec(run).unwrap_err();
    assert!(
        err.to_string().ends_with(
            "PermissionError: subprocess: access denied: the 'process' capability is off in this interpreter"
        ),
        "{err}"
    );
    it.set_capability(Capability::Process, true);
    it.exec(run).unwrap();
    assert_eq!(it.eval::<String>("out").unwrap(), "hi\n");
    // A timeout kills the child: a signal to a child of this interpreter's own, which the
    // 'signals' capability (signals to any process) does not govern.
    assert!(!it.allows(Capability::Signals));
    it.exec("try:\n    subprocess.run(['sleep', '5'], timeout=0.05)\nexcept subprocess.TimeoutExpired:\n    killed = True").unwrap();
    assert!(it.eval::<bool>("killed").unwrap());
}

#[test]
fn signal_handlers_need_the_signals_capability() {
    let script = "import asyncio, signal\nloop = asyncio.new_event_loop()\nout = []\nfor f in (lambda: loop.add_signal_handler(signal.SIGUSR2, print), lambda: loop.remove_signal_handler(signal.SIGUSR2)):\n    try:\n        f()\n    except NotImplementedError as e:\n        out.append(repr(e))\nloop.close()\nout = ' '.join(out)";
    let mut it = limited(Limits::default());
    assert!(!it.allows(Capability::Signals));
    it.exec(script).unwrap();
    assert_eq!(it.eval::<String>("out").unwrap(), "NotImplementedError() NotImplementedError()");
    let err = it.exec("import os\nos.kill(os.getpid(), 0)").unwrap_err();
    assert!(
        err.to_string().ends_with(
            "PermissionError: kill: access denied: the 'signals' capability is off in this interpreter"
        ),
        "{err}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_signal_handler_stays_with_its_interpreter() {
    // The first interpreter goes away with its handler registered (its loop never closed).
    let mut first = limited(Limits::default());
    first.set_capability(Capability::Signals, true);
    first
        .exec("import asyncio, signal\nloop = asyncio.new_event_loop()\nloop.add_signal_handler(signal.SIGUSR2, print, 'first')")
        .unwrap();
    drop(first);
    let mut second = limited(Limits::default());
    second.set_capability(Capability::Signals, true);
    let script = "import asyncio, os, signal
seen = []
async def main():
    loop = asyncio.get_running_loop()
    got = asyncio.Event()
    def on_usr2(name):
        seen.append(name)
        got.set()
    loop.add_signal_handler(signal.SIGUSR2, on_usr2, 'second')
    os.kill(os.getpid(), signal.SIGUSR2)
    await got.wait()
    await asyncio.sleep(0.05)
asyncio.run(main())
seen = ','.join(seen)";
    second.exec(script).unwrap();
    assert_eq!(second.eval::<String>("seen").unwrap(), "second");
}
