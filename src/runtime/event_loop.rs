//! The composed event loop: ready queue + timer heap + reactor + inbox, stepped the way
//! CPython's `BaseEventLoop._run_once` steps.
//!
//! Owns: the [`Clock`], the [`ReadyQueue`], the [`TimerHeap`], the [`Reactor`] and the reader
//! and writer callbacks of each watched socket.
//!
//! One iteration ([`EventLoop::tick`] then running the returned number of callbacks, or
//! [`EventLoop::run_once`] for both) mirrors `_run_once`:
//! 1. drop cancelled timers (rebuilding the heap past CPython's thresholds);
//! 2. compute the poll timeout: 0 if callbacks are ready or the loop is stopping, none if no
//!    timer is scheduled, else the wait to the earliest timer clamped to 24 h;
//! 3. poll; queue inbox messages (CPython's `call_soon_threadsafe` entries, already in `_ready`
//!    by then), then each ready source's reader and then writer callback, in readiness order;
//! 4. queue every timer with `when < now + clock_resolution`, in heap order;
//! 5. run exactly the callbacks queued at this point; what they schedule waits for the next
//!    iteration.
//!
//! Invariants: nothing here knows the VM; callbacks are an opaque `C` (cloned for I/O, because
//! a reader runs once per iteration while its socket stays readable) and inbox messages an `M`
//! turned into callbacks with `C: From<M>`. With a virtual clock the loop never sleeps for a
//! timer: when a zero-timeout poll finds nothing to do, time jumps to the earliest deadline.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io;
use std::time::{Duration, Instant};

use super::clock::Clock;
use super::reactor::{timeout_from_secs, Inbox, Reactor, Readiness, SourceId};
use super::ready::{move_due_timers, poll_timeout, ReadyQueue};
use super::timers::{TimerHeap, TimerId};

/// The callbacks registered on one socket (`add_reader` / `add_writer`).
#[derive(Debug)]
struct IoCallbacks<C> {
    reader: Option<C>,
    writer: Option<C>,
}

/// Hashes a [`SourceId`] (a slab index and a generation the reactor assigns, never a peer's
/// choice) with a multiplication per field instead of SipHash: the loop looks up the
/// callbacks of every ready source.
#[derive(Default)]
struct SourceHasher(u64);

impl Hasher for SourceHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|b| self.write_u64(*b as u64));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(29) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
}

/// A single-threaded event loop over callbacks `C` and cross-thread messages `M`.
#[derive(Debug)]
pub struct EventLoop<C, M> {
    clock: Clock,
    ready: ReadyQueue<C>,
    timers: TimerHeap<C>,
    reactor: Reactor<M>,
    io: HashMap<SourceId, IoCallbacks<C>, BuildHasherDefault<SourceHasher>>,
    readiness: Vec<Readiness>,
    stopping: bool,
    wake_by: Option<Instant>,
}

impl<C, M> EventLoop<C, M> {
    /// A loop reading time from `clock`.
    pub fn new(clock: Clock) -> io::Result<Self> {
        Ok(EventLoop {
            clock,
            ready: ReadyQueue::new(),
            timers: TimerHeap::new(),
            reactor: Reactor::new()?,
            io: HashMap::default(),
            readiness: Vec::new(),
            stopping: false,
            wake_by: None,
        })
    }

    /// `loop.time()`.
    pub fn time(&self) -> f64 {
        self.clock.now()
    }

    /// The loop's clock.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// `loop.call_soon`: queue `callback` at the back of the ready queue.
    pub fn call_soon(&mut self, callback: C) {
        self.ready.push(callback);
    }

    /// `loop.call_at`: run `callback` once `time() >= when` (to clock resolution).
    pub fn call_at(&mut self, when: f64, callback: C) -> TimerId {
        self.timers.push(when, callback)
    }

    /// `loop.call_later`: `call_at(time() + delay)`.
    pub fn call_later(&mut self, delay: f64, callback: C) -> TimerId {
        let when = self.clock.now() + delay;
        self.timers.push(when, callback)
    }

    /// Cancels a timer still in the heap. `false` once it has moved to the ready queue: the
    /// owner must then skip it itself (CPython checks `handle._cancelled` when running).
    pub fn cancel_timer(&mut self, id: TimerId) -> bool {
        self.timers.cancel(id)
    }

    /// Cancels a timer still in the heap if `keep` accepts its payload, which is handed
    /// back (see [`TimerHeap::cancel_take`]).
    pub fn cancel_timer_take(&mut self, id: TimerId, keep: impl FnOnce(&C) -> bool) -> Option<C> {
        self.timers.cancel_take(id, keep)
    }

    /// The payload of a timer still scheduled (see [`TimerHeap::payload`]).
    pub fn timer_payload(&self, id: TimerId) -> Option<&C> {
        self.timers.payload(id)
    }

    /// Replaces the payload of a scheduled timer in place (see [`TimerHeap::replace`]).
    pub fn replace_timer(&mut self, id: TimerId, payload: C) -> Result<C, C> {
        self.timers.replace(id, payload)
    }

    /// Sets CPython's `_stopping`: while set, polls never block.
    pub fn set_stopping(&mut self, stopping: bool) {
        self.stopping = stopping;
    }

    /// Never block in the poll past `when` (wall-clock), whatever the timers say: the owner
    /// has something to check then (an embedder's deadline). `None` removes the bound.
    pub fn set_wake_by(&mut self, when: Option<Instant>) {
        self.wake_by = when;
    }

    /// A sender for the inbox (for worker threads and host-future wakers).
    pub fn inbox(&self) -> Inbox<M> {
        self.reactor.inbox()
    }

    /// The reactor, for creating sockets and doing I/O on them.
    pub fn reactor_mut(&mut self) -> &mut Reactor<M> {
        &mut self.reactor
    }

    /// The reactor, read-only (e.g. for its file descriptor).
    pub fn reactor(&self) -> &Reactor<M> {
        &self.reactor
    }

    /// The earliest timer deadline in `time()` units, cancelled timers possibly included.
    pub fn next_deadline(&self) -> Option<f64> {
        self.timers.earliest()
    }

    /// Callbacks queued to run.
    pub fn ready_len(&self) -> usize {
        self.ready.len()
    }

    /// Gives back the memory of a ready queue and timer heap that once held many more
    /// entries than now (after a burst of tasks).
    pub fn shrink_storage(&mut self) {
        self.ready.shrink();
        self.timers.shrink();
    }

    /// Takes every ready callback and timer out of the loop (`loop.close()`, as CPython
    /// clears `_ready` and `_scheduled`), for the caller to drop once it no longer borrows
    /// the loop: dropping them may free objects whose finalizers use it.
    pub fn take_callbacks(&mut self) -> (ReadyQueue<C>, TimerHeap<C>) {
        (std::mem::take(&mut self.ready), self.timers.take_all())
    }

    /// Takes the oldest ready callback (for owners running a tick's batch themselves).
    pub fn pop_ready(&mut self) -> Option<C> {
        self.ready.pop()
    }

    /// Whether nothing can happen without another thread: no ready callback, no timer, no
    /// socket anyone wants to hear from. Jobs in a thread pool are the owner's to count.
    pub fn is_idle(&self) -> bool {
        self.ready.is_empty() && self.timers.is_empty() && !self.reactor.has_interest()
    }

    /// `loop.add_reader`: run `callback` every iteration while `id` is readable. Returns
    /// `false` (and drops nothing else) if `id` is closed.
    pub fn add_reader(&mut self, id: SourceId, callback: C) -> bool {
        self.set_io(id, |io| io.reader = Some(callback))
    }

    /// `loop.add_writer`: run `callback` every iteration while `id` is writable.
    pub fn add_writer(&mut self, id: SourceId, callback: C) -> bool {
        self.set_io(id, |io| io.writer = Some(callback))
    }

    /// `loop.remove_reader`: returns whether a reader was registered.
    pub fn remove_reader(&mut self, id: SourceId) -> bool {
        let had = self.io.get(&id).is_some_and(|io| io.reader.is_some());
        had && self.set_io(id, |io| io.reader = None)
    }

    /// `loop.remove_writer`: returns whether a writer was registered.
    pub fn remove_writer(&mut self, id: SourceId) -> bool {
        let had = self.io.get(&id).is_some_and(|io| io.writer.is_some());
        had && self.set_io(id, |io| io.writer = None)
    }

    /// Forgets the socket's callbacks and closes it.
    pub fn close_source(&mut self, id: SourceId) -> bool {
        self.io.remove(&id);
        self.reactor.close(id)
    }

    fn set_io(&mut self, id: SourceId, change: impl FnOnce(&mut IoCallbacks<C>)) -> bool {
        let entry = self.io.entry(id).or_insert(IoCallbacks { reader: None, writer: None });
        change(entry);
        let (read, write) = (entry.reader.is_some(), entry.writer.is_some());
        if !read && !write {
            self.io.remove(&id);
        }
        if self.reactor.set_interest(id, read, write) {
            return true;
        }
        self.io.remove(&id);
        false
    }
}

impl<C: Clone + From<M>, M> EventLoop<C, M> {
    /// Steps 1-4 of `_run_once`: returns how many callbacks to run now. Blocks in the poll only
    /// when nothing is ready.
    pub fn tick(&mut self) -> io::Result<usize> {
        self.step(true)
    }

    /// Like [`EventLoop::tick`] but never blocks: for a host that steps the loop from its own
    /// runtime (waiting itself on [`Reactor::as_raw_fd`] or [`EventLoop::next_deadline`]).
    /// Time does not jump on a virtual clock, since the host decides when to wait.
    pub fn tick_nowait(&mut self) -> io::Result<usize> {
        self.step(false)
    }

    fn step(&mut self, may_block: bool) -> io::Result<usize> {
        self.ready.trim();
        self.timers.drop_cancelled();
        let must_not_block = !may_block || !self.ready.is_empty() || self.stopping;
        let earliest = self.timers.earliest();
        let now = self.read_clock_if(!must_not_block && earliest.is_some());
        let timeout = poll_timeout(must_not_block, earliest, now);
        self.poll(timeout)?;
        let now = self.read_clock_if(!self.timers.is_empty());
        move_due_timers(&mut self.timers, &mut self.ready, now + self.clock.resolution());
        Ok(self.ready.len())
    }

    /// The time when `needed`. Reading a real clock has no effect, so a task switch with no
    /// timer pending skips both of an iteration's readings (a `clock_gettime` each); a virtual
    /// clock advances by one tick per reading, so it is read as always.
    fn read_clock_if(&self, needed: bool) -> f64 {
        if needed || self.clock.is_virtual() {
            self.clock.now()
        } else {
            0.0
        }
    }

    /// One full iteration: [`EventLoop::tick`], then run exactly that many callbacks with `run`,
    /// which gets the loop back so callbacks can schedule more.
    pub fn run_once(&mut self, mut run: impl FnMut(&mut Self, C)) -> io::Result<()> {
        let count = self.tick()?;
        for _ in 0..count {
            let Some(callback) = self.ready.pop() else {
                break;
            };
            run(self, callback);
        }
        Ok(())
    }

    /// Polls (or, on a virtual clock, peeks and then jumps time) and queues what arrived.
    fn poll(&mut self, timeout: Option<f64>) -> io::Result<()> {
        let jump = self.clock.is_virtual() && timeout.is_some_and(|t| t > 0.0);
        let wait = if jump { Some(Duration::ZERO) } else { timeout_from_secs(timeout) };
        let wait = match self.wake_by {
            Some(by) => {
                let left = by.saturating_duration_since(Instant::now());
                Some(wait.map_or(left, |w| w.min(left)))
            }
            None => wait,
        };
        self.reactor.poll(wait, &mut self.readiness)?;
        let messages = self.queue_inbox();
        if jump && messages == 0 && self.readiness.is_empty() {
            if let Some(earliest) = self.timers.earliest() {
                self.clock.advance_to(earliest);
            }
        }
        self.queue_io();
        Ok(())
    }

    fn queue_inbox(&mut self) -> usize {
        let mut count = 0;
        for msg in self.reactor.drain_inbox() {
            self.ready.push(C::from(msg));
            count += 1;
        }
        count
    }

    /// CPython's `_process_events`: reader first, then writer, per ready source.
    fn queue_io(&mut self) {
        for ready in &self.readiness {
            let Some(io) = self.io.get(&ready.source) else {
                continue;
            };
            if let (true, Some(reader)) = (ready.readable, &io.reader) {
                self.ready.push(reader.clone());
            }
            if let (true, Some(writer)) = (ready.writable, &io.writer) {
                self.ready.push(writer.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// A stand-in for the VM's callback type.
    #[derive(Debug, Clone, PartialEq)]
    enum Cb {
        Tag(&'static str),
        /// Schedules `Tag(inner)` with `call_soon` when run.
        Spawn(&'static str),
        FromThread(u32),
    }

    impl From<u32> for Cb {
        fn from(n: u32) -> Self {
            Cb::FromThread(n)
        }
    }

    type Loop = EventLoop<Cb, u32>;

    /// Virtual time moves a nanosecond per reading (see `clock::VIRTUAL_TICK`).
    fn assert_near(time: f64, expected: f64) {
        assert!((time - expected).abs() < 1e-6, "{time} is not {expected}");
    }

    /// Runs one iteration, logging every callback; `Spawn` schedules its child.
    fn step(lp: &mut Loop, log: &mut Vec<Cb>) {
        lp.run_once(|lp, cb| {
            if let Cb::Spawn(child) = cb {
                lp.call_soon(Cb::Tag(child));
            }
            log.push(cb);
        })
        .unwrap();
    }

    #[test]
    fn run_once_runs_only_callbacks_ready_at_its_start() {
        let mut lp = Loop::new(Clock::virtual_at(0.0)).unwrap();
        lp.call_soon(Cb::Spawn("child"));
        lp.call_soon(Cb::Tag("b"));
        let mut log = Vec::new();
        step(&mut lp, &mut log);
        assert_eq!(log, [Cb::Spawn("child"), Cb::Tag("b")]);
        assert_eq!(lp.ready_len(), 1);
        step(&mut lp, &mut log);
        assert_eq!(log.last(), Some(&Cb::Tag("child")));
        assert!(lp.is_idle());
    }

    #[test]
    fn due_timers_run_after_ready_callbacks_in_heap_order() {
        let mut lp = Loop::new(Clock::virtual_at(0.0)).unwrap();
        lp.call_at(0.0, Cb::Tag("t1"));
        lp.call_at(0.0, Cb::Tag("t2"));
        lp.call_at(0.0, Cb::Tag("t3"));
        lp.call_soon(Cb::Tag("soon"));
        let mut log = Vec::new();
        step(&mut lp, &mut log);
        // heapq order for three equal deadlines pushed in turn: 0, 1, 2.
        let expected = ["soon", "t1", "t2", "t3"].map(Cb::Tag);
        assert_eq!(log, expected);
    }

    #[test]
    fn virtual_clock_jumps_to_the_next_deadline() {
        let mut lp = Loop::new(Clock::virtual_at(0.0)).unwrap();
        lp.call_later(1000.0, Cb::Tag("late"));
        lp.call_later(5.0, Cb::Tag("early"));
        let started = Instant::now();
        let mut log = Vec::new();
        step(&mut lp, &mut log);
        assert_eq!(log.as_slice(), &[Cb::Tag("early")][..]);
        assert_near(lp.time(), 5.0);
        step(&mut lp, &mut log);
        assert_eq!(log.len(), 2);
        assert_near(lp.time(), 1000.0);
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn tick_nowait_never_blocks_or_jumps() {
        let mut lp = Loop::new(Clock::virtual_at(0.0)).unwrap();
        lp.call_later(50.0, Cb::Tag("later"));
        assert_eq!(lp.tick_nowait().unwrap(), 0);
        assert_near(lp.time(), 0.0);
        assert_eq!(lp.next_deadline(), Some(50.0));
        let mut real = Loop::new(Clock::real()).unwrap();
        let started = Instant::now();
        assert_eq!(real.tick_nowait().unwrap(), 0, "nothing scheduled, yet no block");
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn wake_by_bounds_a_blocking_poll() {
        let mut lp = Loop::new(Clock::real()).unwrap();
        lp.call_later(3600.0, Cb::Tag("far"));
        lp.set_wake_by(Some(Instant::now() + Duration::from_millis(20)));
        let started = Instant::now();
        assert_eq!(lp.tick().unwrap(), 0);
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn cancelled_timers_never_run() {
        let mut lp = Loop::new(Clock::virtual_at(0.0)).unwrap();
        let gone = lp.call_later(1.0, Cb::Tag("gone"));
        lp.call_later(2.0, Cb::Tag("kept"));
        assert!(lp.cancel_timer(gone));
        let mut log = Vec::new();
        step(&mut lp, &mut log);
        assert_eq!(log, [Cb::Tag("kept")]);
        assert_near(lp.time(), 2.0); // the cancelled deadline was not waited for
    }

    #[test]
    fn inbox_messages_become_callbacks_and_wake_a_blocked_loop() {
        let mut lp = Loop::new(Clock::real()).unwrap();
        let inbox = lp.inbox();
        let poster = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(30));
            inbox.post(42).unwrap();
        });
        let started = Instant::now();
        let mut log = Vec::new();
        step(&mut lp, &mut log); // nothing scheduled: blocks until the post
        poster.join().unwrap();
        assert_eq!(log, [Cb::FromThread(42)]);
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[cfg(unix)]
    #[test]
    fn readers_run_every_iteration_while_data_remains() {
        let mut lp = Loop::new(Clock::virtual_at(0.0)).unwrap();
        let (a, b) = lp.reactor_mut().unix_pair().unwrap();
        assert!(lp.add_reader(b, Cb::Tag("read")));
        lp.reactor_mut().send(a, b"abc").unwrap();
        lp.set_stopping(true); // polls never block, so the loop below ends once data runs out
        let (mut reads, mut callbacks) = (0, 0);
        for _ in 0..10 {
            let mut log = Vec::new();
            step(&mut lp, &mut log);
            for _ in log {
                callbacks += 1;
                // One byte per callback, like one recv per `_read_ready`.
                match lp.reactor_mut().recv(b, &mut [0u8; 1]) {
                    Ok(_) => reads += 1,
                    Err(e) => assert_eq!(e.kind(), io::ErrorKind::WouldBlock),
                }
            }
        }
        assert_eq!((reads, callbacks), (3, 4), "3 reads, then WouldBlock, then no callbacks");
        assert!(lp.remove_reader(b));
        assert!(!lp.remove_reader(b));
        assert!(lp.close_source(b));
        assert!(!lp.add_reader(b, Cb::Tag("stale")));
    }

    /// This thread's CPU time (user + system) in seconds, from `/proc/thread-self/stat`.
    /// Fields 14 and 15 count clock ticks of `USER_HZ`, which Linux fixes at 100.
    #[cfg(target_os = "linux")]
    fn thread_cpu_seconds() -> f64 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
        // The command name (field 2) may hold spaces; the fields after it are plain.
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        let fields: Vec<&str> = after_name.split_whitespace().collect();
        let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        ticks as f64 / 100.0
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_idle_loop_does_not_spin() {
        let mut lp = Loop::new(Clock::real()).unwrap();
        let when = lp.time() + 1.0;
        lp.call_at(when, Cb::Tag("wake"));
        let cpu_before = thread_cpu_seconds();
        let mut log = Vec::new();
        let mut iterations = 0;
        while log.is_empty() {
            step(&mut lp, &mut log);
            iterations += 1;
        }
        let cpu = thread_cpu_seconds() - cpu_before;
        assert!(lp.time() >= when, "fired early");
        assert!(cpu < 0.05, "idle loop used {cpu} s of CPU");
        assert!(iterations <= 3, "{iterations} iterations for one timer");
    }
}
