//! The blocking thread pool behind `run_in_executor`, `asyncio.to_thread`, getaddrinfo and
//! file I/O.
//!
//! Owns: a bounded set of std worker threads, the queue of jobs not yet started, and the count
//! of jobs whose results have not been posted yet.
//!
//! Invariants:
//! - A job is a `Send` closure producing a message `M`; its result reaches the loop only through
//!   the reactor's [`Inbox`] (which wakes the poll), never through shared script values.
//! - Every submitted job posts exactly one message: its result, or `M::from(JobPanicked)` if it
//!   panicked, so a waiting future is always resolved. [`ThreadPool::pending`] drops only after
//!   the message is posted, so `pending() == 0` means every result is in the inbox.
//! - Threads start lazily, one per job that finds no idle worker, up to `max_threads`; idle
//!   workers sleep on a condition variable, so an idle pool costs no CPU.
//! - Dropping the pool discards jobs not yet started and lets workers exit after their current
//!   job; it does not join them (a job stuck in a blocking call must not hang the interpreter's
//!   drop). A panicking job still goes through the process's panic hook, which may print.

// The networking layer (getaddrinfo, `to_thread`, async files) is the pool's first user; until
// it lands, only this file's tests drive the pool.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use super::reactor::Inbox;

/// Upper bound on the default pool size, CPython 3.11's `ThreadPoolExecutor` default
/// `min(32, cpu_count + 4)`: blocking jobs mostly wait, so a few more threads than cores helps,
/// but hundreds of threads only add memory.
pub const DEFAULT_MAX_THREADS_CAP: usize = 32;

/// Posted instead of a result when a job panics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobPanicked {
    /// The panic message, if it was a string.
    pub message: String,
}

/// One unit of blocking work.
pub type Job<M> = Box<dyn FnOnce() -> M + Send>;

struct State<M> {
    jobs: VecDeque<Job<M>>,
    idle: usize,
    shutdown: bool,
}

struct Shared<M> {
    state: Mutex<State<M>>,
    wake: Condvar,
    pending: AtomicUsize,
}

impl<M> Shared<M> {
    fn lock(&self) -> MutexGuard<'_, State<M>> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A bounded pool of blocking worker threads that report through an [`Inbox`].
pub struct ThreadPool<M: Send + 'static> {
    shared: Arc<Shared<M>>,
    inbox: Inbox<M>,
    threads: usize,
    max_threads: usize,
}

impl<M: Send + 'static> std::fmt::Debug for ThreadPool<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ThreadPool")
            .field("threads", &self.threads)
            .field("max_threads", &self.max_threads)
            .field("pending", &self.pending())
            .finish()
    }
}

/// CPython's default executor size for this machine.
pub fn default_max_threads() -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, usize::from);
    (cpus + 4).min(DEFAULT_MAX_THREADS_CAP)
}

impl<M: Send + From<JobPanicked> + 'static> ThreadPool<M> {
    /// A pool of at most `max_threads` workers (at least one) posting to `inbox`.
    pub fn new(inbox: Inbox<M>, max_threads: usize) -> Self {
        ThreadPool {
            shared: Arc::new(Shared {
                state: Mutex::new(State { jobs: VecDeque::new(), idle: 0, shutdown: false }),
                wake: Condvar::new(),
                pending: AtomicUsize::new(0),
            }),
            inbox,
            threads: 0,
            max_threads: max_threads.max(1),
        }
    }

    /// Queues `job`; its message is posted to the inbox when it finishes. Fails only if no
    /// worker exists and none can be started.
    pub fn submit(&mut self, job: impl FnOnce() -> M + Send + 'static) -> io::Result<()> {
        let needs_thread = {
            let mut state = self.shared.lock();
            state.jobs.push_back(Box::new(job));
            state.idle == 0 && self.threads < self.max_threads
        };
        self.shared.pending.fetch_add(1, Ordering::SeqCst);
        if needs_thread {
            if let Err(e) = self.spawn_worker() {
                if self.threads == 0 {
                    self.shared.lock().jobs.pop_back();
                    self.shared.pending.fetch_sub(1, Ordering::SeqCst);
                    return Err(e);
                }
            }
        }
        self.shared.wake.notify_one();
        Ok(())
    }

    fn spawn_worker(&mut self) -> io::Result<()> {
        let shared = Arc::clone(&self.shared);
        let inbox = self.inbox.clone();
        std::thread::Builder::new().name("gyre-blocking".into()).spawn(move || worker(&shared, &inbox))?;
        self.threads += 1;
        Ok(())
    }
}

impl<M: Send + 'static> ThreadPool<M> {
    /// Jobs submitted whose messages are not posted yet.
    pub fn pending(&self) -> usize {
        self.shared.pending.load(Ordering::SeqCst)
    }

    /// Worker threads started so far.
    pub fn thread_count(&self) -> usize {
        self.threads
    }
}

impl<M: Send + 'static> Drop for ThreadPool<M> {
    fn drop(&mut self) {
        let mut state = self.shared.lock();
        state.shutdown = true;
        state.jobs.clear();
        drop(state);
        self.shared.wake.notify_all();
    }
}

/// A worker: take jobs until shutdown, posting one message per job.
fn worker<M: Send + From<JobPanicked>>(shared: &Shared<M>, inbox: &Inbox<M>) {
    while let Some(job) = next_job(shared) {
        let msg = match panic::catch_unwind(AssertUnwindSafe(job)) {
            Ok(msg) => msg,
            Err(payload) => M::from(JobPanicked { message: panic_message(payload.as_ref()) }),
        };
        // If the loop is gone, nobody waits for this result.
        let _ = inbox.post(msg);
        shared.pending.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Blocks until a job is queued (`Some`) or the pool shuts down (`None`).
fn next_job<M>(shared: &Shared<M>) -> Option<Job<M>> {
    let mut state = shared.lock();
    loop {
        if state.shutdown {
            return None;
        }
        if let Some(job) = state.jobs.pop_front() {
            return Some(job);
        }
        state.idle += 1;
        state = shared.wake.wait(state).unwrap_or_else(|p| p.into_inner());
        state.idle -= 1;
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "job panicked".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::reactor::Reactor;
    use std::time::{Duration, Instant};

    #[derive(Debug, PartialEq)]
    enum Msg {
        Done(u32, u64),
        Panicked(String),
    }

    impl From<JobPanicked> for Msg {
        fn from(p: JobPanicked) -> Self {
            Msg::Panicked(p.message)
        }
    }

    /// Polls and drains until `count` messages arrived (at most 10 s).
    fn collect(reactor: &mut Reactor<Msg>, count: usize) -> Vec<Msg> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut got = Vec::new();
        let mut out = Vec::new();
        while got.len() < count && Instant::now() < deadline {
            reactor.poll(Some(Duration::from_secs(1)), &mut out).unwrap();
            got.extend(reactor.drain_inbox());
        }
        got
    }

    #[test]
    fn results_come_back_through_the_inbox() {
        let mut reactor = Reactor::<Msg>::new().unwrap();
        let mut pool = ThreadPool::new(reactor.inbox(), 2);
        for id in 0..6u32 {
            pool.submit(move || Msg::Done(id, (1..=u64::from(id)).product())).unwrap();
        }
        let mut got = collect(&mut reactor, 6);
        got.sort_by_key(|m| match m {
            Msg::Done(id, _) => *id,
            Msg::Panicked(_) => u32::MAX,
        });
        let expected: Vec<_> =
            [1, 1, 2, 6, 24, 120].into_iter().enumerate().map(|(i, f)| Msg::Done(i as u32, f)).collect();
        assert_eq!(got, expected);
        assert!(pool.thread_count() <= 2, "bounded");
        // A worker posts its result before it decrements `pending`, so the count may lag the
        // last message by a moment.
        let deadline = Instant::now() + Duration::from_secs(10);
        while pool.pending() != 0 && Instant::now() < deadline {
            std::thread::yield_now();
        }
        assert_eq!(pool.pending(), 0);
    }

    #[test]
    fn a_panicking_job_still_posts_a_message() {
        let mut reactor = Reactor::<Msg>::new().unwrap();
        let mut pool = ThreadPool::new(reactor.inbox(), 1);
        pool.submit(|| panic!("boom")).unwrap();
        pool.submit(|| Msg::Done(1, 1)).unwrap();
        let got = collect(&mut reactor, 2);
        assert_eq!(got, [Msg::Panicked("boom".into()), Msg::Done(1, 1)]);
        assert_eq!(pool.thread_count(), 1, "the worker survived");
    }
}
