//! The `call_soon` queue and the arithmetic of one `_run_once` iteration.
//!
//! Owns: the FIFO of callbacks ready to run (CPython's `loop._ready` deque), the poll-timeout
//! rule, and moving due timers from the [`TimerHeap`] into the queue.
//!
//! Invariants:
//! - Strict FIFO: callbacks run in the order they were queued, whatever queued them (`call_soon`,
//!   I/O readiness, the inbox, due timers).
//! - An iteration runs exactly the callbacks queued when it starts running callbacks
//!   ([`ReadyQueue::len`] taken once, after I/O and timers were queued); callbacks those
//!   callbacks schedule wait for the next iteration, after another poll.
//! - The poll timeout is `0` when something must run now, `None` (block) when nothing is
//!   scheduled, else the wait to the earliest timer clamped to `[0, MAX_POLL_TIMEOUT]`.

use std::collections::VecDeque;

use super::timers::TimerHeap;

/// CPython's `MAXIMUM_SELECT_TIMEOUT` (24 hours): some selectors reject larger timeouts, and a
/// day-long wait re-computed once a day costs nothing.
pub const MAX_POLL_TIMEOUT: f64 = 24.0 * 3600.0;

/// A queue whose buffer holds more callbacks than this is trimmed once it is mostly empty
/// (see [`ReadyQueue::trim`]); smaller buffers are kept whatever their use.
const TRIM_MIN_CAPACITY: usize = 4096;

/// The FIFO of ready callbacks.
#[derive(Debug)]
pub struct ReadyQueue<C> {
    queue: VecDeque<C>,
}

impl<C> Default for ReadyQueue<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C> ReadyQueue<C> {
    /// An empty queue.
    pub fn new() -> Self {
        ReadyQueue { queue: VecDeque::new() }
    }

    /// Appends a callback (`call_soon`).
    pub fn push(&mut self, callback: C) {
        self.queue.push_back(callback);
    }

    /// Takes the oldest callback.
    pub fn pop(&mut self) -> Option<C> {
        self.queue.pop_front()
    }

    /// How many callbacks are queued; read once per iteration, this is how many to run.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    /// Whether nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Gives back most of a large buffer once the queue holds under an eighth of what it can
    /// (run at every iteration's start, so only a capacity test in the common case).
    ///
    /// A burst of `create_task` calls queues every first step at once: 100 k tasks leave a
    /// 3 MB buffer (24 bytes a callback, doubled) that the steps, parking on their timers,
    /// drain in one iteration. Kept, it sat under everything allocated afterwards (the
    /// cancellations of `mem_tasks`, where its peak is); given back, that memory is reused.
    /// The buffer keeps room for twice what is queued, so a loop whose queue swings between
    /// sizes reallocates at most once per halving, as doubling does on the way up.
    #[inline]
    pub fn trim(&mut self) {
        let cap = self.queue.capacity();
        if cap > TRIM_MIN_CAPACITY && self.queue.len() < cap / 8 {
            self.queue.shrink_to(self.queue.len() * 2);
        }
    }

    /// Gives back the memory of a queue that once held many more callbacks than now.
    pub fn shrink(&mut self) {
        self.queue.shrink_to_fit();
    }

    #[cfg(test)]
    /// Runs the first `count` callbacks, oldest first (the `for i in range(ntodo)` loop).
    /// Callbacks that `run` queues go to the back and are not run by this call.
    pub fn run_batch(&mut self, count: usize, mut run: impl FnMut(&mut Self, C)) {
        for _ in 0..count {
            let Some(callback) = self.pop() else { break };
            run(self, callback);
        }
    }
}

/// The poll timeout in seconds for one iteration, following `_run_once`:
/// `Some(0.0)` if `must_not_block` (callbacks are ready or the loop is stopping); else `None`
/// if no timer is scheduled; else `earliest - now` clamped to `[0, MAX_POLL_TIMEOUT]`.
///
/// The clamps are written as Python's `min(max(0, t), MAX)` so a NaN deadline gives `0`.
pub fn poll_timeout(must_not_block: bool, earliest: Option<f64>, now: f64) -> Option<f64> {
    if must_not_block {
        return Some(0.0);
    }
    let wait = earliest? - now;
    let wait = if wait > 0.0 { wait } else { 0.0 };
    Some(if MAX_POLL_TIMEOUT < wait { MAX_POLL_TIMEOUT } else { wait })
}

/// Moves every timer with `when < end_time` to the back of `ready`, in heap order, and returns
/// how many moved. `_run_once` uses `end_time = now + clock_resolution`.
pub fn move_due_timers<C>(timers: &mut TimerHeap<C>, ready: &mut ReadyQueue<C>, end_time: f64) -> usize {
    let mut moved = 0;
    while let Some(callback) = timers.pop_due(end_time) {
        ready.push(callback);
        moved += 1;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeout_is_zero_when_callbacks_are_ready() {
        assert_eq!(poll_timeout(true, Some(100.0), 1.0), Some(0.0));
        assert_eq!(poll_timeout(true, None, 1.0), Some(0.0));
    }

    #[test]
    fn timeout_is_none_when_nothing_is_scheduled() {
        assert_eq!(poll_timeout(false, None, 1.0), None);
    }

    #[test]
    fn timeout_waits_for_the_earliest_timer_clamped() {
        assert_eq!(poll_timeout(false, Some(3.5), 1.0), Some(2.5));
        assert_eq!(poll_timeout(false, Some(0.5), 1.0), Some(0.0), "overdue");
        assert_eq!(poll_timeout(false, Some(1e9), 0.0), Some(MAX_POLL_TIMEOUT));
        assert_eq!(poll_timeout(false, Some(f64::NAN), 0.0), Some(0.0));
    }

    #[test]
    fn batch_runs_only_callbacks_ready_at_its_start() {
        let mut ready = ReadyQueue::new();
        ready.push(1);
        ready.push(2);
        let mut ran = Vec::new();
        let count = ready.len();
        ready.run_batch(count, |queue, n| {
            ran.push(n);
            queue.push(n * 10); // scheduled by a callback: waits
        });
        assert_eq!(ran, [1, 2]);
        assert_eq!(ready.len(), 2);
        assert_eq!(ready.pop(), Some(10));
    }

    #[test]
    fn trim_gives_back_a_drained_burst_and_keeps_the_order() {
        let mut ready = ReadyQueue::new();
        for n in 0..100_000 {
            ready.push(n);
        }
        ready.trim();
        assert!(ready.queue.capacity() >= 100_000, "a full queue is not trimmed");
        while ready.len() > 10 {
            ready.pop();
        }
        ready.push(100_000); // wraps around the buffer's end
        ready.trim();
        assert!(ready.queue.capacity() < 100, "capacity {}", ready.queue.capacity());
        let order: Vec<_> = std::iter::from_fn(|| ready.pop()).collect();
        assert_eq!(order, (99_990..=100_000).collect::<Vec<_>>());
        let mut small = ReadyQueue::new();
        for n in 0..1000 {
            small.push(n);
        }
        small.queue.clear();
        small.trim();
        assert!(small.queue.capacity() >= 1000, "small buffers are kept");
    }

    #[test]
    fn due_timers_move_in_heap_order_after_existing_callbacks() {
        let mut timers = TimerHeap::new();
        let mut ready = ReadyQueue::new();
        ready.push("soon");
        timers.push(2.0, "t2");
        timers.push(1.0, "t1a");
        timers.push(1.0, "t1b");
        timers.push(5.0, "later");
        assert_eq!(move_due_timers(&mut timers, &mut ready, 2.0 + 1e-9), 3);
        let order: Vec<_> = std::iter::from_fn(|| ready.pop()).collect();
        assert_eq!(order, ["soon", "t1a", "t1b", "t2"]);
        assert_eq!(timers.len(), 1);
    }
}
