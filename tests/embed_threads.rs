//! Many interpreters in one process: one per thread, running at the same time, sharing
//! nothing (no global state), each with its own host functions, limits and event loop.

use std::sync::{Arc, Barrier};
use std::time::Duration;

use gyre::{Error, Interpreter, Limit};

/// Runs `body` on `n` threads at once (released together by a barrier) and collects results.
fn on_threads<T: Send + 'static>(n: usize, body: impl Fn(usize) -> T + Send + Sync + 'static) -> Vec<T> {
    let body = Arc::new(body);
    let start = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let (body, start) = (body.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                body(i)
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().expect("thread panicked")).collect()
}

#[test]
fn interpreters_run_concurrently_on_their_own_threads() {
    let results = on_threads(4, |i| {
        let mut it = Interpreter::builder().stdout(std::io::sink()).build();
        let id = i as i64;
        it.register_fn("my_id", move || id);
        it.exec("import asyncio\nstate = []\nasync def work(n):\n    for k in range(n):\n        await asyncio.sleep(0.001)\n        state.append(my_id() * 1000 + k)\n    return sum(state)").unwrap();
        let cpu: i64 = it.eval("sum(i * i for i in range(20000))").unwrap();
        let total: i64 = it.run("work", (20,)).unwrap();
        (cpu, total, it.globals().get::<Vec<i64>>("state").unwrap())
    });
    for (i, (cpu, total, state)) in results.into_iter().enumerate() {
        let id = i as i64;
        assert_eq!(cpu, (0..20000i64).map(|k| k * k).sum::<i64>());
        let expected: Vec<i64> = (0..20).map(|k| id * 1000 + k).collect();
        assert_eq!(total, expected.iter().sum::<i64>());
        assert_eq!(state, expected, "no interpreter saw another's globals");
    }
}

#[test]
fn limits_and_interrupts_stay_with_their_interpreter() {
    let results = on_threads(3, |i| {
        let mut it = Interpreter::builder().fuel(if i == 0 { 10_000 } else { u64::MAX / 2 }).build();
        if i == 1 {
            let handle = it.interrupt_handle();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(30));
                handle.interrupt();
            });
            return match it.exec("while True: pass") {
                Err(Error::Limit { limit, .. }) => Some(limit),
                _ => None,
            };
        }
        match it.exec("x = 0\nfor i in range(50_000):\n    x += i") {
            Err(Error::Limit { limit, .. }) => Some(limit),
            Ok(()) => None,
            Err(e) => panic!("{e}"),
        }
    });
    assert_eq!(results, [Some(Limit::Fuel), Some(Limit::Interrupt), None]);
}
