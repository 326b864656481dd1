//! The reactor's set of due sources: `(place, id)` pairs kept sorted by place in one vector.
//!
//! A stream server flags a socket at a poll and clears it at the read that drains it, so the
//! set gains and loses one entry per message. A `BTreeMap` allocated and freed a node for
//! that and walked it twice (about 350 instructions per request); here a newly flagged
//! source, whose place is the largest yet, is a `push`, and a removal only lowers the count:
//! the entry stays until the next [`DueSet::retain`] (run by every poll), which drops every
//! entry its owner no longer vouches for. Places are never reused, so an entry is found
//! again by its place if the source turns due again before that.

/// Sorted `(place, id)` entries; `live` counts those whose source is still due.
#[derive(Debug)]
pub struct DueSet<T> {
    entries: Vec<(u64, T)>,
    live: usize,
}

impl<T> Default for DueSet<T> {
    fn default() -> Self {
        DueSet { entries: Vec::new(), live: 0 }
    }
}

impl<T: Copy> DueSet<T> {
    /// Adds `id` at `place` (a place already held, by an entry removed since, is reused).
    pub fn insert(&mut self, place: u64, id: T) {
        self.live += 1;
        match self.entries.last() {
            Some(&(last, _)) if last >= place => {}
            _ => return self.entries.push((place, id)),
        }
        match self.entries.binary_search_by_key(&place, |e| e.0) {
            Ok(i) => self.entries[i].1 = id,
            Err(i) => self.entries.insert(i, (place, id)),
        }
    }

    /// Takes one source out; its entry goes at the next [`DueSet::retain`].
    pub fn remove(&mut self) {
        self.live -= 1;
    }

    /// Whether no source is due.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// How many sources are due.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Keeps, in order, the entries `keep` says are still due (the caller's flags are the
    /// truth: an entry whose source left the set and was not re-inserted must get `false`).
    pub fn retain(&mut self, mut keep: impl FnMut(u64, T) -> bool) {
        self.entries.retain(|&(place, id)| keep(place, id));
    }
}

#[cfg(test)]
mod tests {
    use super::DueSet;

    fn places(set: &mut DueSet<u32>, due: &[u64]) -> Vec<u64> {
        let mut seen = Vec::new();
        set.retain(|place, _| {
            let keep = due.contains(&place);
            if keep {
                seen.push(place);
            }
            keep
        });
        seen
    }

    #[test]
    fn entries_come_out_in_place_order_and_removed_ones_go() {
        let mut set = DueSet::default();
        set.insert(5, 1);
        set.insert(2, 2);
        set.insert(9, 3);
        set.insert(7, 4);
        assert_eq!(set.len(), 4);
        set.remove();
        assert_eq!(set.len(), 3);
        assert_eq!(places(&mut set, &[2, 5, 9]), [2, 5, 9]);
        assert_eq!(set.entries.len(), 3);
    }

    #[test]
    fn a_place_removed_and_added_again_is_held_once() {
        let mut set = DueSet::default();
        set.insert(3, 1);
        set.insert(4, 2);
        set.remove();
        set.insert(3, 1);
        assert_eq!(set.len(), 2);
        assert_eq!(set.entries.len(), 2);
        set.remove();
        set.remove();
        assert!(set.is_empty());
        assert!(places(&mut set, &[]).is_empty());
        assert!(set.entries.is_empty());
    }
}
