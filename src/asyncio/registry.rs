//! The loop's registry of unfinished tasks (what `all_tasks()` lists), in creation order.
//!
//! A vector of weak handles, oldest first: making a task pushes one 8-byte entry (a hash map
//! by task number took about 22 bytes per task, and a hash insert and remove). Finishing a
//! task only counts it; readers skip finished and freed tasks, and the entries of finished
//! ones are dropped once they make up half of the vector, so the work stays O(1) amortised
//! per task and a dead handle (which pins its task's allocation) does not outlive as many
//! tasks finishing after it.

use std::rc::{Rc, Weak};

use crate::vm::object::{Object, Payload};

/// Finished tasks below which the registry is never compacted.
const MIN_COMPACT: usize = 64;

/// Tasks in creation order, held weakly; finished ones until the next compaction.
#[derive(Debug, Default)]
pub struct TaskRegistry {
    tasks: Vec<Weak<Object>>,
    /// Tasks that finished since the last compaction (an estimate of the dead entries).
    finished: usize,
}

/// The task behind an entry, unless it was freed or is done.
fn unfinished(w: &Weak<Object>) -> Option<Rc<Object>> {
    let t = w.upgrade()?;
    let done = match &t.payload {
        Payload::Future(f) => f.done(),
        _ => true,
    };
    (!done).then_some(t)
}

impl TaskRegistry {
    /// Registers a new task (the newest).
    pub fn insert(&mut self, task: &Rc<Object>) {
        self.tasks.push(Rc::downgrade(task));
    }

    /// A task is finishing: `all_tasks()` stops listing it once it is done.
    pub fn finished(&mut self) {
        self.finished += 1;
        if self.finished >= MIN_COMPACT && 2 * self.finished > self.tasks.len() {
            self.compact();
        }
    }

    /// Drops the entries of finished and freed tasks.
    fn compact(&mut self) {
        self.tasks.retain(|w| unfinished(w).is_some());
        self.finished = 0;
    }

    /// The unfinished tasks in creation order.
    pub fn in_order(&self) -> Vec<Rc<Object>> {
        self.tasks.iter().filter_map(unfinished).collect()
    }

    /// Gives back the memory of a registry that was once much larger.
    pub fn shrink(&mut self) {
        self.compact();
        self.tasks.shrink_to_fit();
    }
}
