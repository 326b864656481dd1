//! Async embedding through the public API: host futures awaited by scripts (concurrency,
//! errors, cancellation), async script functions driven by the host (`call_async` in an
//! executor, `run`, `spawn`/`step`).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use gyre::{Error, Interpreter, Step};

/// An interpreter with captured stdout and two async host functions:
/// `host_sleep(seconds, value)` (a timer on a helper thread, no runtime needed) and
/// `host_fail(message)`.
fn interp() -> (Interpreter, Rc<RefCell<String>>) {
    let out = Rc::new(RefCell::new(String::new()));
    let sink = out.clone();
    let mut interp = Interpreter::builder().stdout_fn(move |s| sink.borrow_mut().push_str(s)).build();
    interp.register_async_fn("host_sleep", |secs: f64, value: i64| async move {
        ThreadSleep::new(Duration::from_secs_f64(secs)).await;
        value
    });
    interp.register_async_fn("host_fail", |msg: String| async move {
        ThreadSleep::new(Duration::from_millis(1)).await;
        Err::<i64, _>(gyre::Exception::new("ValueError", msg))
    });
    interp.exec("import asyncio").unwrap();
    (interp, out)
}

/// Whether the timer fired, and the waker to call when it does.
type SleepState = Arc<Mutex<(bool, Option<Waker>)>>;

/// A future that completes after `duration`, timed by a helper thread.
struct ThreadSleep {
    duration: Duration,
    state: Option<SleepState>,
}

impl ThreadSleep {
    fn new(duration: Duration) -> ThreadSleep {
        ThreadSleep { duration, state: None }
    }
}

impl Future for ThreadSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let duration = self.duration;
        let state = self.state.get_or_insert_with(|| {
            let state = Arc::new(Mutex::new((false, None::<Waker>)));
            let theirs = state.clone();
            std::thread::spawn(move || {
                std::thread::sleep(duration);
                let waker = {
                    let mut s = theirs.lock().unwrap();
                    s.0 = true;
                    s.1.take()
                };
                if let Some(w) = waker {
                    w.wake();
                }
            });
            state
        });
        let mut s = state.lock().unwrap();
        if s.0 {
            return Poll::Ready(());
        }
        s.1 = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// A minimal executor: polls `fut` on this thread, parking between wake-ups; returns the
/// output and how many times it polled.
fn block_on<F: Future>(fut: F) -> (F::Output, usize) {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut fut = std::pin::pin!(fut);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return (v, polls);
        }
        std::thread::park_timeout(Duration::from_secs(5));
    }
}

#[test]
fn a_hundred_host_sleeps_run_concurrently() {
    let (mut it, _) = interp();
    it.exec(
        "async def main():\n    return sum(await asyncio.gather(*(host_sleep(0.05, i) for i in range(100))))",
    )
    .unwrap();
    let started = Instant::now();
    assert_eq!(it.run::<i64>("main", ()).unwrap(), 4950);
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(50), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1500), "not concurrent: {elapsed:?}");
}

#[test]
fn host_future_errors_are_python_exceptions() {
    let (mut it, out) = interp();
    let src = "async def main():\n    try:\n        await host_fail('boom')\n    except ValueError as e:\n        print('caught', e)\n    await host_fail('again')";
    it.exec(src).unwrap();
    let err = it.run::<()>("main", ()).unwrap_err();
    assert_eq!(*out.borrow(), "caught boom\n");
    assert_eq!(err.to_string(), "ValueError: again");
}

#[test]
fn argument_errors_are_raised_at_the_call() {
    let (mut it, out) = interp();
    it.exec("try:\n    host_sleep('x', 1)\nexcept TypeError as e:\n    print(e)").unwrap();
    assert_eq!(*out.borrow(), "host_sleep() argument 1 must be float, not str\n");
    it.exec("c = host_sleep(0, 1)\nprint(repr(c).startswith('<coroutine object host_sleep'))\nc.close()")
        .unwrap();
    assert!(out.borrow().ends_with("True\n"));
}

#[test]
fn cancelling_the_awaiting_task_drops_the_host_future() {
    let (mut it, out) = interp();
    let dropped = Arc::new(AtomicBool::new(false));
    struct Forever(Arc<AtomicBool>);
    impl Future for Forever {
        type Output = i64;
        fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<i64> {
            Poll::Pending
        }
    }
    impl Drop for Forever {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }
    let flag = dropped.clone();
    it.register_async_fn("never", move || Forever(flag.clone()));
    let src = "async def main():\n    t = asyncio.create_task(never())\n    await asyncio.sleep(0.01)\n    t.cancel()\n    try:\n        await t\n    except asyncio.CancelledError:\n        print('cancelled')\n    await asyncio.sleep(0)";
    it.exec(src).unwrap();
    it.run::<()>("main", ()).unwrap();
    assert_eq!(*out.borrow(), "cancelled\n");
    assert!(dropped.load(Ordering::SeqCst), "the Rust future was dropped");
}

#[test]
fn an_unawaited_host_coroutine_never_polls_its_future() {
    let (mut it, _) = interp();
    let polled = Arc::new(AtomicUsize::new(0));
    let count = polled.clone();
    it.register_async_fn("counted", move || {
        let count = count.clone();
        async move {
            count.fetch_add(1, Ordering::SeqCst);
        }
    });
    it.exec("c = counted()\ndel c").unwrap();
    assert_eq!(polled.load(Ordering::SeqCst), 0);
    it.exec("async def main():\n    await counted()").unwrap();
    it.run::<()>("main", ()).unwrap();
    assert_eq!(polled.load(Ordering::SeqCst), 1);
}

#[test]
fn call_async_is_a_future_any_executor_can_drive() {
    let (mut it, _) = interp();
    it.exec("async def main(n):\n    a, b = await asyncio.gather(asyncio.sleep(0.05, n), host_sleep(0.05, n + 1))\n    return a + b").unwrap();
    let started = Instant::now();
    let (result, polls) = block_on(it.call_async::<i64>("main", (20,)));
    assert_eq!(result.unwrap(), 41);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(polls < 20, "the executor was woken, not spinning: {polls} polls");
}

#[test]
fn dropping_an_async_call_cancels_its_task() {
    let (mut it, out) = interp();
    it.exec("async def slow():\n    try:\n        await asyncio.sleep(3600)\n    except asyncio.CancelledError:\n        print('task cancelled')\n        raise").unwrap();
    {
        let mut call = std::pin::pin!(it.call_async::<()>("slow", ()));
        let waker = Waker::noop();
        assert!(call.as_mut().poll(&mut Context::from_waker(waker)).is_pending());
    }
    it.exec("async def after():\n    await asyncio.sleep(0)").unwrap();
    it.run::<()>("after", ()).unwrap();
    assert_eq!(*out.borrow(), "task cancelled\n");
}

#[test]
fn spawn_and_step_drive_tasks_by_hand() {
    let (mut it, out) = interp();
    it.exec("async def worker(name, d):\n    await asyncio.sleep(d)\n    print(name)\n    return name")
        .unwrap();
    let slow = it.spawn("worker", ("slow", 0.03)).unwrap();
    let fast = it.spawn("worker", ("fast", 0.01)).unwrap();
    let started = Instant::now();
    while !(slow.is_done() && fast.is_done()) {
        match it.step().unwrap() {
            Step::Idle { next_timer: Some(t) } => {
                std::thread::sleep(t.saturating_duration_since(Instant::now()))
            }
            Step::Idle { next_timer: None } => {
                assert!(slow.is_done() && fast.is_done(), "pending without a timer")
            }
            _ => {}
        }
        assert!(started.elapsed() < Duration::from_secs(5));
    }
    assert_eq!(*out.borrow(), "fast\nslow\n");
    assert_eq!(it.task_result::<String>(&slow).unwrap().unwrap(), "slow");
    assert!(it.spawn("len", ("not async",)).is_err(), "a plain function is not a coroutine");
}

#[test]
fn a_deadlocked_call_reports_what_waits() {
    let (mut it, _) = interp();
    it.exec("async def stuck():\n    await asyncio.get_running_loop().create_future()").unwrap();
    let err = it.run::<()>("stuck", ()).unwrap_err();
    assert!(err.to_string().contains("deadlock"), "{err}");
    let (result, _) = block_on(it.call_async::<()>("stuck", ()));
    assert!(result.unwrap_err().to_string().contains("deadlock"));
}

#[test]
fn tasks_survive_between_calls_on_the_interpreter_loop() {
    let (mut it, _) = interp();
    it.exec("results = []\nasync def bg():\n    for i in range(3):\n        await asyncio.sleep(0.005)\n        results.append(i)\nasync def start():\n    global t\n    t = asyncio.create_task(bg())\nasync def finish():\n    await t\n    return results").unwrap();
    it.run::<()>("start", ()).unwrap();
    assert_eq!(it.run::<Vec<i64>>("finish", ()).unwrap(), [0, 1, 2]);
}

#[test]
fn errors_from_async_calls_keep_their_traceback() {
    let (mut it, _) = interp();
    it.exec_as("async def bad():\n    await asyncio.sleep(0)\n    raise KeyError('missing')\n", "job.py")
        .unwrap();
    let err = it.run::<()>("bad", ()).unwrap_err();
    let Error::Exception(e) = err else { panic!("{err:?}") };
    assert!(e.traceback().contains("File \"job.py\", line 3, in bad"), "{}", e.traceback());
}
