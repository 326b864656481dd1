//! Memory accounting for the per-interpreter memory limit.
//!
//! Owns: [`Memory`], a table of the large objects this VM allocated, each with the bytes it
//! was charged, and the running total of those still alive.
//!
//! What is counted: the storage of `str`, `bytes`, `bytearray`, `list`, `tuple`, `dict`,
//! `set` and big `int` values, charged where they are created or grow (sequence repetition
//! and concatenation, `append`/`extend`/`insert`, comprehensions, dict and set insertion,
//! `join`, `bytes(n)`, big-int arithmetic), once an object holds at least [`TRACK_MIN`]
//! bytes. Smaller objects have no entry of their own; a list, tuple, dict or set is charged
//! for the small objects it alone holds (one level down) each time its storage grows, so
//! the walk is amortised over the growth. Not counted: small objects outside any tracked
//! container or shared by several, objects two levels down inside small ones, frames and
//! registers (bounded by the recursion limit), compiled code, classes, functions, modules
//! and the interpreter's own tables. The limit is therefore a bound on the data a script
//! builds, not on the process's resident size.
//!
//! How frees are seen without global state or a custom allocator: each entry holds a `Weak`
//! to its object. When an allocation would go over the limit, dead entries are swept (their
//! bytes credited) before deciding; the table is also swept whenever it doubles, so its size
//! stays proportional to the live tracked objects. A sweep costs the whole table, so on a
//! large table a run of sweeps that find little is spaced out ([`Backoff`]): a script
//! refused again and again at the limit (a task fork bomb) pays O(1) amortised per refusal
//! instead of O(table). Refusing from a stale total only errs towards refusing: the limit is
//! never exceeded, and an object freed since is credited at the next sweep.
//!
//! Small containers (under [`TRACK_MIN`]) are charged in bulk instead: the cycle collector
//! registers every list, dict, set, instance and function it could find in a cycle, so its
//! registry length times [`CONTAINER_BYTES`] is a lower bound on their memory, refreshed at
//! each periodic limits check ([`Vm::charge_containers`]). Native loops that fill a buffer
//! from an iterator charge it as it grows ([`Growth`]).
//!
//! Invariant: with no limit set, every entry point returns at the first branch.

use std::any::Any;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::limits::Limit;
use super::object::{Dict, List, PyStr, Tuple};
use super::value::Value;
use super::{PyResult, Vm};

/// Objects smaller than this many bytes are not tracked one by one: tracking costs a table
/// entry (about 40 bytes), so small objects would double their own cost.
pub const TRACK_MIN: usize = 256;

/// Table size below which no periodic sweep happens, and up to which every refused charge
/// sweeps first (such a sweep is cheap), so that small heaps are counted exactly.
const MIN_SWEEP_LEN: usize = 1024;

/// A sweep made because a charge was refused is productive when it frees at least this
/// fraction of the limit or of the entries it scanned; a run of unproductive ones is spaced
/// out by [`Backoff`].
const PRODUCTIVE_DIVISOR: usize = 16;

/// On a table of `n` entries, at most `n / SWEEP_SPACING` refusals are skipped between two
/// sweeps: the amortised cost of a refusal stays under this many entry checks.
const SWEEP_SPACING: usize = 64;

struct Tracked {
    alive: Weak<dyn Any>,
    /// The bytes charged: the object's own storage plus, for containers, the small objects
    /// it holds alone (see [`owned_small_bytes`]).
    bytes: usize,
    /// The storage size the charge was computed for: the charge is recomputed only when it
    /// changes (a list grows its capacity, a dict or set doubles), so appends stay O(1).
    storage: usize,
}

/// The memory account of one VM.
#[derive(Default)]
pub struct Memory {
    limit: Option<usize>,
    live: usize,
    /// The estimate for containers too small to be tracked one by one: the cycle
    /// collector's registry length times [`CONTAINER_BYTES`], refreshed by
    /// [`Vm::charge_containers`].
    containers: usize,
    /// Registry length at the last prune made to check the limit, so that a heap sitting
    /// near the limit is not pruned on every check.
    pruned_at: usize,
    /// Set by a MemoryError, cleared by the next collection: the unwinding may have left
    /// cyclic garbage, so the next limits check that does not fit collects first.
    collect_soon: bool,
    /// Spaces out the sweeps of refused charges that find little.
    sweep_backoff: Backoff,
    /// Set by a MemoryError, cleared once use is back under the limit by a
    /// [`RECOVERED_DIVISOR`]th of it (or the run ends): meanwhile the limit is raised by a
    /// [`GRACE_DIVISOR`]th so that the code unwinding from the error (`finally` blocks,
    /// `asyncio.run` cancelling its tasks) can allocate what cleaning up needs. Another error
    /// within the grace is final: the limit then stays tripped for the rest of the run, as
    /// fuel and the deadline do, so a script that keeps catching MemoryError at the limit
    /// without freeing (a task fork bomb, whose failed tasks free a few bytes each) ends.
    grace: bool,
    tracked: HashMap<usize, Tracked>,
    sweep_len: usize,
}

/// The grace after a MemoryError: a quarter of the limit more.
const GRACE_DIVISOR: usize = 4;

/// The grace after a MemoryError lasts until use is this fraction of the limit under it:
/// freeing a few bytes at the limit does not count as having recovered.
const RECOVERED_DIVISOR: usize = 16;

impl std::fmt::Debug for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memory {{ limit: {:?}, live: {} }}", self.limit, self.live)
    }
}

impl Memory {
    /// The limit in bytes, if any.
    pub fn limit(&self) -> Option<usize> {
        self.limit
    }

    /// Sets the limit (`None`: unlimited; the table is then dropped).
    pub fn set_limit(&mut self, limit: Option<usize>) {
        self.limit = limit;
        if limit.is_none() {
            self.tracked.clear();
            self.live = 0;
        }
    }

    /// Whether a limit is set (the fast check every accounting site makes first).
    #[inline]
    pub fn limited(&self) -> bool {
        self.limit.is_some()
    }

    /// Bytes charged to tracked objects that are still alive, plus the estimate for small
    /// containers.
    pub fn used(&mut self) -> usize {
        self.sweep();
        self.live + self.containers
    }

    /// Credits every tracked object that has been freed; returns the bytes credited.
    fn sweep(&mut self) -> usize {
        let mut freed = 0;
        self.tracked.retain(|_, t| {
            let alive = t.alive.strong_count() > 0;
            if !alive {
                freed += t.bytes;
            }
            alive
        });
        self.live -= freed;
        self.sweep_len = (self.tracked.len() * 2).max(MIN_SWEEP_LEN);
        freed
    }

    /// Whether `extra` more bytes fit, sweeping first if they do not seem to (unless a run of
    /// sweeps that found little asks to wait: the answer is then "no" from the stale total).
    /// A refusal within the grace would be final, so it always counts exactly first.
    fn fits(&mut self, extra: usize) -> bool {
        let Some(limit) = self.limit else { return true };
        if self.within(limit, extra) {
            return true;
        }
        let entries = self.tracked.len();
        if self.grace || entries <= MIN_SWEEP_LEN {
            self.sweep();
        } else if self.sweep_backoff.due() {
            let freed = self.sweep();
            let removed = entries - self.tracked.len();
            let productive = freed >= limit / PRODUCTIVE_DIVISOR || removed >= entries / PRODUCTIVE_DIVISOR;
            self.sweep_backoff.ran(productive, self.tracked.len() / SWEEP_SPACING);
        }
        self.within(limit, extra)
    }

    /// Whether `extra` more bytes fit the counted total under `limit`, raised while in the
    /// grace (which ends here once the total is back under the limit with room).
    fn within(&mut self, limit: usize, extra: usize) -> bool {
        let total = self.live + self.containers;
        if self.grace && total <= limit - limit / RECOVERED_DIVISOR {
            self.grace = false;
        }
        let cap = if self.grace { limit.saturating_add(limit / GRACE_DIVISOR) } else { limit };
        total.saturating_add(extra) <= cap
    }

    /// Ends a run: the next one starts without a grace (its first MemoryError is catchable).
    pub fn end_run(&mut self) {
        self.grace = false;
    }

    /// Sets the charge of `obj` to `storage` bytes plus what `contents` adds (computed only
    /// when `storage` changed since the last charge); `false` when that would go over the
    /// limit (the charge is then left as it was).
    fn charge(
        &mut self,
        key: usize,
        alive: Weak<dyn Any>,
        storage: usize,
        contents: impl FnOnce() -> usize,
    ) -> bool {
        let old = match self.tracked.get(&key) {
            Some(t) if t.alive.strong_count() > 0 && t.storage == storage => return true,
            Some(t) if t.alive.strong_count() > 0 => t.bytes,
            Some(t) => {
                // The address was reused by a new object: credit the dead one.
                self.live -= t.bytes;
                self.tracked.remove(&key);
                0
            }
            None => 0,
        };
        let bytes = storage.saturating_add(contents());
        if bytes < TRACK_MIN {
            // Small (or shrunk below the threshold): not worth an entry. A tracked object
            // that shrank keeps its larger charge until it dies, which errs on the safe side.
            return true;
        }
        if bytes > old && !self.fits(bytes - old) {
            return false;
        }
        let bytes = bytes.max(old);
        self.live = self.live - old + bytes;
        self.tracked.insert(key, Tracked { alive, bytes, storage });
        if self.tracked.len() > self.sweep_len.max(MIN_SWEEP_LEN) {
            self.sweep();
        }
        true
    }
}

/// Spacing for an expensive pass (a sweep of the whole table) that refused charges ask for.
/// After `n >= 2` unproductive passes in a row, the next `2^(n-2) - 1` requests are refused
/// without one, up to a cap proportional to the pass's cost; a productive pass halves the
/// wait again. The first retry after an unproductive pass therefore always gets a fresh
/// count (a script that catches MemoryError, frees and retries succeeds), while a script
/// refused thousands of times in a row does not pay the whole table each time.
#[derive(Default)]
struct Backoff {
    /// Unproductive passes in a row (decremented by a productive one).
    streak: u32,
    /// Requests still to refuse without a pass.
    skips: usize,
}

/// The most doublings of [`Backoff`]'s wait (the cap applies long before).
const MAX_STREAK: u32 = 30;

impl Backoff {
    /// Whether the pass should run for this request (else one skip is used up).
    fn due(&mut self) -> bool {
        if self.skips == 0 {
            return true;
        }
        self.skips -= 1;
        false
    }

    /// Records a pass's outcome and how many requests may skip the next one at most.
    fn ran(&mut self, productive: bool, max_skips: usize) {
        self.streak =
            if productive { self.streak.saturating_sub(1) } else { (self.streak + 1).min(MAX_STREAK) };
        let wait = if self.streak < 2 { 0 } else { (1usize << (self.streak - 2)) - 1 };
        self.skips = wait.min(max_skips);
    }
}

/// What each container registered with the cycle collector (list, dict, set, instance,
/// function, generator, task...) is charged at least: its `Rc` counts and the smallest
/// such object. Containers of [`TRACK_MIN`] bytes or more also have their own entry, so
/// they pay this twice; that errs on the safe side by a few percent.
pub const CONTAINER_BYTES: usize = RC_HEADER + std::mem::size_of::<List>();

/// A native loop that fills a buffer from an iterator of unknown length (`list(it)`,
/// `''.join(it)`, `set(it)`, `*it`): charges the buffer against the memory limit as it
/// grows, not once the loop is over (an endless iterator would never get there). The
/// buffer is not an object the table tracks, so this reserves rather than records: the
/// object made from it is tracked when it is returned.
#[derive(Default)]
pub struct Growth {
    bytes: usize,
    next_check: usize,
}

/// Bytes a [`Growth`] adds between two checks at least (so short loops never check).
const GROWTH_STEP: usize = 64 << 10;

impl Growth {
    /// Counts one more item pushed to the buffer; raises MemoryError when the buffer would
    /// no longer fit the limit.
    #[inline]
    pub fn push(&mut self, vm: &mut Vm, item: &Value) -> PyResult<()> {
        if !vm.memory.limited() {
            return Ok(());
        }
        self.bytes = self.bytes.saturating_add(std::mem::size_of::<Value>() + owned_small_bytes(item));
        if self.bytes < self.next_check {
            return Ok(());
        }
        self.next_check = self.bytes.saturating_add((self.bytes / 8).max(GROWTH_STEP));
        vm.mem_reserve(self.bytes)
    }
}

/// What a heap object costs besides its contents: the `Rc` counts.
const RC_HEADER: usize = 2 * std::mem::size_of::<usize>();

/// The bytes of `v` if it is a small heap object owned by one container alone: objects under
/// [`TRACK_MIN`] have no entry of their own, so the container that holds them is charged for
/// them in bulk, when its storage grows (a list of a million one-item lists or instances
/// costs what it really takes, not only its slots). Shared objects (`strong_count > 1`) are
/// left out, so an object is never charged to two containers; only one level is looked at.
fn owned_small_bytes(v: &Value) -> usize {
    use std::mem::size_of;
    let small = |n: usize| if n < TRACK_MIN { RC_HEADER + n } else { 0 };
    match v {
        Value::Str(s) if Rc::strong_count(s) == 1 => small(size_of::<PyStr>() + s.as_str().len()),
        Value::List(l) if Rc::strong_count(l) == 1 => small(size_of::<List>() + list_bytes(l)),
        Value::Tuple(t) if Rc::strong_count(t) == 1 => {
            small(size_of::<Tuple>() + t.items.len() * size_of::<Value>())
        }
        Value::Dict(d) if Rc::strong_count(d) == 1 => small(size_of::<Dict>() + dict_bytes(d)),
        Value::BigInt(b) if Rc::strong_count(b) == 1 => small((b.bits() / 8) as usize + 16),
        // An instance is never tracked on its own (only its dict may be, once large).
        Value::Obj(o) if Rc::strong_count(o) == 1 => {
            let dict = match o.dict() {
                Some(d) if Rc::strong_count(d) == 1 => small(size_of::<Dict>() + dict_bytes(d)),
                _ => 0,
            };
            RC_HEADER + size_of::<super::object::Object>() + dict
        }
        _ => 0,
    }
}

/// [`owned_small_bytes`] summed over a container's items.
fn items_bytes<'a>(items: impl Iterator<Item = &'a Value>) -> usize {
    items.map(owned_small_bytes).fold(0, usize::saturating_add)
}

/// The bytes a list's storage takes (its capacity: that is what was allocated).
pub fn list_bytes(l: &List) -> usize {
    l.items.try_borrow().map_or(0, |items| items.capacity() * std::mem::size_of::<Value>())
}

/// The largest single allocation gyre attempts, limit or not: beyond it MemoryError is raised
/// at once, where the allocator would fail and abort the process, or the OS would kill it
/// when the pages are touched. 16 GiB, as CPython's practical ceiling on such machines.
pub const MAX_ALLOC: usize = 1 << 34;

impl Vm {
    /// Raises MemoryError before allocating `bytes` at once when that exceeds [`MAX_ALLOC`]
    /// or would not fit the memory limit. Call it where the size of a new object is known in
    /// advance and can be huge (repetition, `bytes(n)`, materialised ranges).
    #[inline]
    pub fn alloc_check(&mut self, bytes: usize) -> PyResult<()> {
        // The host's limit first, so that going over it is reported as the limit.
        self.mem_reserve(bytes)?;
        if bytes > MAX_ALLOC {
            return Err(self.new_error("MemoryError", ""));
        }
        Ok(())
    }

    /// Raises MemoryError if `bytes` more would not fit the memory limit. Call it before
    /// allocating something large whose size is known in advance (repetition, `bytes(n)`,
    /// big-int powers), so the allocation never happens.
    #[inline]
    pub fn mem_reserve(&mut self, bytes: usize) -> PyResult<()> {
        if !self.memory.limited() || self.memory.fits(bytes) {
            return Ok(());
        }
        Err(self.memory_error())
    }

    /// Records that `obj` now holds `bytes` of storage (after creating or growing it);
    /// raises MemoryError if that goes over the limit.
    #[inline]
    pub fn mem_track<T: Any>(&mut self, obj: &Rc<T>, bytes: usize) -> PyResult<()> {
        self.mem_track_with(obj, bytes, || 0)
    }

    /// Like [`mem_track`](Vm::mem_track) for a container: `contents` adds the small objects
    /// it holds alone, and runs only when `storage` changed (so it may walk the items).
    fn mem_track_with<T: Any>(
        &mut self,
        obj: &Rc<T>,
        storage: usize,
        contents: impl FnOnce() -> usize,
    ) -> PyResult<()> {
        if !self.memory.limited() {
            return Ok(());
        }
        let key = Rc::as_ptr(obj) as *const u8 as usize;
        let alive: Weak<dyn Any> = Rc::downgrade(obj) as Weak<dyn Any>;
        if self.memory.charge(key, alive, storage, contents) {
            return Ok(());
        }
        Err(self.memory_error())
    }

    /// Tracks a value just created, by its kind's storage size.
    pub fn mem_track_value(&mut self, v: &Value) -> PyResult<()> {
        if !self.memory.limited() {
            return Ok(());
        }
        match v {
            Value::Str(s) => self.mem_track::<PyStr>(s, s.as_str().len()),
            Value::List(l) => self.mem_track_with::<List>(l, list_bytes(l), || match l.items.try_borrow() {
                Ok(items) => items_bytes(items.iter()),
                Err(_) => 0,
            }),
            Value::Tuple(t) => {
                self.mem_track_with::<Tuple>(t, t.items.len() * std::mem::size_of::<Value>(), || {
                    items_bytes(t.items.iter())
                })
            }
            Value::Dict(d) => self.mem_track_with::<Dict>(d, dict_bytes(d), || match d.map.try_borrow() {
                Ok(m) => m.iter().map(|(k, v)| owned_small_bytes(k) + owned_small_bytes(v)).sum(),
                Err(_) => 0,
            }),
            Value::BigInt(b) => {
                let bytes = (b.bits() / 8) as usize;
                self.mem_track(b, bytes)
            }
            Value::Obj(o) => match &o.payload {
                super::object::Payload::Bytes(b) => self.mem_track(o, b.len()),
                super::object::Payload::ByteArray(b) => {
                    let bytes = b.borrow().capacity();
                    self.mem_track(o, bytes)
                }
                super::object::Payload::Set(t) => {
                    let bytes = t.borrow().len() * SET_ENTRY_BYTES;
                    self.mem_track_with(o, bytes, || match t.try_borrow() {
                        Ok(t) => items_bytes(t.iter()),
                        Err(_) => 0,
                    })
                }
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }

    /// Bytes counted against the memory limit now (0 without a limit): the tracked objects
    /// still alive and the small containers the cycle collector still has registered.
    pub fn memory_used(&mut self) -> usize {
        if !self.memory.limited() {
            return 0;
        }
        self.gc.prune_dead();
        self.memory.containers = self.gc.registered().saturating_mul(CONTAINER_BYTES);
        self.memory.used()
    }

    /// Refreshes the charge for small containers from the cycle collector's registry and
    /// raises MemoryError if it no longer fits. Called with the periodic limits check, so
    /// a chain of small objects (`x = [x]` in a loop) is bounded like one big object.
    pub fn charge_containers(&mut self) -> PyResult<()> {
        if !self.memory.limited() {
            return Ok(());
        }
        let registered = self.gc.registered();
        let before = self.memory.containers;
        self.memory.containers = registered.saturating_mul(CONTAINER_BYTES);
        // Only growth is refused: a script that met the limit and keeps its data may go on
        // running as long as it allocates no more (as with every other charge).
        if self.memory.containers <= before || self.memory.fits(0) {
            return Ok(());
        }
        // The registry also holds freed objects until its next prune, and cyclic garbage
        // until the next full collection: collect (as Lua does before failing an
        // allocation) and count again, unless that was done recently (a heap held near the
        // limit would otherwise be collected at every check). After a MemoryError, the next
        // check that does not fit collects first: the unwinding may have left much garbage
        // (and within the grace, the error this check raises would be final).
        let grown = registered > self.memory.pruned_at + self.memory.pruned_at / 8;
        if grown || self.memory.collect_soon {
            self.gc.collect_full();
            self.gc.prune_dead();
            self.memory.collect_soon = false;
            self.memory.pruned_at = self.gc.registered();
            self.memory.containers = self.memory.pruned_at.saturating_mul(CONTAINER_BYTES);
            if self.memory.fits(0) {
                return Ok(());
            }
        }
        Err(self.memory_error())
    }

    fn memory_error(&mut self) -> super::Exc {
        if self.memory.grace {
            // A second error within the grace: the script did not get back under the limit
            // while unwinding from the first, so it stops here.
            self.limits.trip_final_memory();
        } else {
            // The error unwinds frames and may free much: the unwinding gets room to run,
            // and the next check collects before deciding.
            self.memory.grace = true;
            self.limits.trip(Limit::Memory);
        }
        self.memory.collect_soon = true;
        self.limit_exception(Limit::Memory)
    }
}

/// Bytes per dict entry: hash, key and value, plus the index slot.
const DICT_ENTRY_BYTES: usize = 8 + 2 * std::mem::size_of::<Value>() + 8;

/// Bytes per set entry: hash and key, plus the index slot.
const SET_ENTRY_BYTES: usize = 8 + std::mem::size_of::<Value>() + 8;

/// The bytes a dict's table takes (by its length; tables grow by doubling).
pub fn dict_bytes(d: &Dict) -> usize {
    d.map.try_borrow().map_or(0, |m| m.len() * DICT_ENTRY_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlimited_accounting_does_nothing() {
        let mut vm = Vm::new();
        let l = Rc::new(List::new(vec![Value::None; 10_000]));
        vm.mem_track(&l, list_bytes(&l)).unwrap();
        assert_eq!(vm.memory.used(), 0);
        vm.mem_reserve(usize::MAX).unwrap();
    }

    #[test]
    fn frees_are_credited_when_the_limit_is_near() {
        let mut vm = Vm::new();
        vm.memory.set_limit(Some(100_000));
        let a = Rc::new(List::new(vec![Value::None; 4000])); // 64 000 bytes
        vm.mem_track(&a, list_bytes(&a)).unwrap();
        assert_eq!(vm.memory.used(), 64_000);
        let b = Rc::new(List::new(vec![Value::None; 4000]));
        assert!(vm.mem_track(&b, list_bytes(&b)).is_err(), "two do not fit");
        assert_eq!(vm.limits.tripped(), Some(Limit::Memory));
        drop(a);
        vm.mem_track(&b, list_bytes(&b)).unwrap();
        assert_eq!(vm.memory.used(), 64_000);
    }

    #[test]
    fn growth_charges_the_difference() {
        let mut vm = Vm::new();
        vm.memory.set_limit(Some(1 << 20));
        let l = Rc::new(List::new(Vec::with_capacity(100)));
        vm.mem_track(&l, list_bytes(&l)).unwrap();
        l.items.borrow_mut().reserve_exact(1000);
        vm.mem_track(&l, list_bytes(&l)).unwrap();
        assert_eq!(vm.memory.used(), list_bytes(&l));
        assert!(vm.mem_reserve(1 << 21).is_err());
    }

    #[test]
    fn small_objects_are_not_tracked() {
        let mut vm = Vm::new();
        vm.memory.set_limit(Some(1000));
        for _ in 0..10_000 {
            let s = Rc::new(PyStr::new("small"));
            vm.mem_track(&s, 5).unwrap();
        }
        assert_eq!(vm.memory.used(), 0);
    }

    #[test]
    fn a_second_error_within_the_grace_is_final() {
        let mut vm = Vm::new();
        vm.memory.set_limit(Some(100_000));
        let a = Rc::new(List::new(vec![Value::None; 6000])); // 96 000 bytes
        vm.mem_track(&a, list_bytes(&a)).unwrap();
        assert!(vm.mem_reserve(10_000).is_err());
        assert_eq!(vm.limits.sticky(), None, "the first error may be caught");
        vm.mem_reserve(20_000).unwrap(); // within the grace
        assert!(vm.mem_reserve(30_000).is_err());
        assert_eq!(vm.limits.sticky(), Some(Limit::Memory), "the second is final");
        vm.limits.end_run();
        vm.memory.end_run();
        assert_eq!(vm.limits.sticky(), None);
        assert!(vm.mem_reserve(10_000).is_err());
        assert_eq!(vm.limits.sticky(), None, "the next run has its own grace");
    }

    #[test]
    fn grace_ends_once_use_is_back_under_the_limit() {
        let mut vm = Vm::new();
        vm.memory.set_limit(Some(100_000));
        let a = Rc::new(List::new(vec![Value::None; 6000]));
        vm.mem_track(&a, list_bytes(&a)).unwrap();
        assert!(vm.mem_reserve(10_000).is_err());
        drop(a);
        let b = Rc::new(List::new(vec![Value::None; 5000]));
        vm.mem_track(&b, list_bytes(&b)).unwrap();
        assert!(vm.mem_reserve(60_000).is_err());
        assert_eq!(vm.limits.sticky(), None, "use fell back under the limit in between");
    }

    #[test]
    fn a_retry_after_freeing_is_counted_on_a_large_table() {
        let mut vm = Vm::new();
        vm.memory.set_limit(Some(1_000_000));
        let small: Vec<Rc<u64>> = (0..2000).map(Rc::new).collect();
        for s in &small {
            vm.mem_track(s, 400).unwrap(); // 800 000 bytes in 2000 entries
        }
        let big = Rc::new(0u64);
        assert!(vm.mem_track(&big, 300_000).is_err());
        drop(small);
        vm.mem_track(&big, 300_000).unwrap();
        assert_eq!(vm.memory.used(), 300_000);
    }

    #[test]
    fn unproductive_passes_in_a_row_are_spaced_out() {
        let mut b = Backoff::default();
        let mut waits = vec![];
        for _ in 0..6 {
            assert!(b.due());
            b.ran(false, 10);
            waits.push(b.skips);
            while !b.due() {}
        }
        assert_eq!(waits, [0, 0, 1, 3, 7, 10]);
        b.ran(true, 10);
        assert_eq!(b.skips, 7, "a productive pass shortens the wait by one doubling");
        b.ran(true, 100);
        assert_eq!(b.skips, 3);
    }
}
