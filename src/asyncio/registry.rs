//! The loop's registry of unfinished tasks (what `all_tasks()` lists), keyed by task number.
//!
//! A hash map with a multiplicative hash of the (sequential) key: creating and finishing a
//! task is one cheap insert and one remove, where an ordered map searched its tree twice.
//! The rare readers (`all_tasks()`, shutdown, the deadlock report) sort by number, which is
//! creation order, the order the ordered map gave.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::{Rc, Weak};

use crate::vm::gc::AddrHasher;
use crate::vm::object::Object;

/// Unfinished tasks by number, held weakly.
#[derive(Debug, Default)]
pub struct TaskRegistry {
    map: HashMap<u64, Weak<Object>, BuildHasherDefault<AddrHasher>>,
}

impl TaskRegistry {
    /// Registers task number `seq`.
    pub fn insert(&mut self, seq: u64, task: &Rc<Object>) {
        self.map.insert(seq, Rc::downgrade(task));
    }

    /// Forgets task number `seq` (it finished).
    pub fn remove(&mut self, seq: u64) {
        self.map.remove(&seq);
    }

    /// The live tasks in creation order.
    pub fn in_order(&self) -> Vec<Rc<Object>> {
        let mut live: Vec<(u64, Rc<Object>)> =
            self.map.iter().filter_map(|(k, w)| w.upgrade().map(|t| (*k, t))).collect();
        live.sort_unstable_by_key(|(k, _)| *k);
        live.into_iter().map(|(_, t)| t).collect()
    }

    /// Gives back the memory of a registry that was once much larger.
    pub fn shrink(&mut self) {
        self.map.shrink_to_fit();
    }
}
