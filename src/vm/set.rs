//! `SetTable`: the hash table behind `set` and `frozenset`, laid out like CPython's.
//!
//! Set iteration order is observable (`print({3, 1, 2})` shows `{1, 2, 3}`), so this follows
//! CPython 3.11's `setobject.c` algorithm: table order iteration, linear probing of up to
//! `LINEAR_PROBES` slots then perturbed jumps, dummies on delete, and the same resize rule
//! and growth factor. Like `DictMap`, equality is split so that no borrow is held across
//! script code: `probe` reports slots whose keys need script `__eq__`.

use super::dict::simple_eq;
use super::value::Value;

/// CPython's `LINEAR_PROBES`.
const LINEAR_PROBES: usize = 9;
/// CPython's `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;
/// CPython's `PySet_MINSIZE`.
const MIN_SIZE: usize = 8;

#[derive(Clone, Debug)]
enum Slot {
    Empty,
    Dummy,
    Active(i64, Value),
}

/// The outcome of a lookup that avoids script code.
#[derive(Debug)]
pub enum SetProbe {
    /// The key is present at this slot.
    Found(usize),
    /// The key is absent.
    Missing,
    /// Slots with the same hash whose keys need script `__eq__`.
    Undecided(Vec<usize>),
}

/// An unordered set of values with CPython's iteration order.
#[derive(Clone, Debug)]
pub struct SetTable {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable::new()
    }
}

impl SetTable {
    /// An empty set.
    pub fn new() -> SetTable {
        SetTable { table: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.used
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Looks for a key using identity and built-in equality only.
    pub fn probe(&self, hash: i64, key: &Value) -> SetProbe {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        let mut undecided = Vec::new();
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => {
                        return if undecided.is_empty() {
                            SetProbe::Missing
                        } else {
                            SetProbe::Undecided(undecided)
                        };
                    }
                    Slot::Active(h, k) if *h == hash => {
                        if k.is(key) {
                            return SetProbe::Found(j);
                        }
                        match simple_eq(k, key) {
                            Some(true) => return SetProbe::Found(j),
                            Some(false) => {}
                            None => undecided.push(j),
                        }
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The key at an active slot.
    pub fn key_at(&self, slot: usize) -> Option<&Value> {
        match self.table.get(slot)? {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }

    /// Adds a key known to be absent (CPython's `set_add_entry` after a failed lookup).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        let target = 'search: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => break 'search j,
                    Slot::Dummy if freeslot.is_none() => freeslot = Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        };
        self.used += 1;
        if let Some(free) = freeslot {
            self.table[free] = Slot::Active(hash, key);
            return;
        }
        self.fill += 1;
        self.table[target] = Slot::Active(hash, key);
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(minused);
        }
    }

    /// CPython's `set_table_resize`.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(h, k) = slot {
                self.insert_clean(h, k);
            }
        }
    }

    /// CPython's `set_insert_clean`: insert into a table with no dummies and no equal key.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            if matches!(self.table[i], Slot::Empty) {
                self.table[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(self.table[j], Slot::Empty) {
                        self.table[j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// CPython's `set_merge` of another table into this one (for copies and unions).
    pub fn merge_from(&mut self, other: &SetTable) -> Vec<(i64, Value)> {
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return Vec::new();
        }
        if self.fill == 0 {
            for slot in &other.table {
                if let Slot::Active(h, k) = slot {
                    self.fill += 1;
                    self.used += 1;
                    self.insert_clean(*h, k.clone());
                }
            }
            return Vec::new();
        }
        // Not empty: the caller adds each element with a full lookup.
        other.iter_hashed().map(|(h, k)| (h, k.clone())).collect()
    }

    /// Removes the key at an active slot (it becomes a dummy).
    pub fn remove_slot(&mut self, slot: usize) -> Value {
        // A slot that holds no live entry (the caller's slot went stale) is left as it is.
        let Some(entry) = self.table.get_mut(slot).filter(|e| matches!(e, Slot::Active(..))) else {
            return Value::Undef;
        };
        match std::mem::replace(entry, Slot::Dummy) {
            Slot::Active(_, k) => {
                self.used -= 1;
                k
            }
            _ => Value::Undef,
        }
    }

    /// Removes and returns an arbitrary element, as CPython's `set.pop` does (finger scan).
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Active(..)) {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        self.finger = i + 1;
        Some(self.remove_slot(i))
    }

    /// Moves every element out onto `out` (a dying set's contents, freed iteratively).
    pub fn drain_into(self, out: &mut Vec<Value>) {
        out.extend(self.table.into_iter().filter_map(|s| match s {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }));
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// Elements in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(_, k) => Some(k),
            _ => None,
        })
    }

    /// Elements with their hashes, in table order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// The element at table position `pos` or later, and the next position (iterators).
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, &Value)> {
        while pos < self.table.len() {
            if let Slot::Active(_, k) = &self.table[pos] {
                return Some((pos + 1, k));
            }
            pos += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(items: &[i64]) -> Vec<i64> {
        let mut s = SetTable::new();
        for &i in items {
            if let SetProbe::Missing = s.probe(i, &Value::Int(i)) {
                s.insert_new(i, Value::Int(i));
            }
        }
        s.iter()
            .map(|v| match v {
                Value::Int(i) => *i,
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn small_int_sets_iterate_like_cpython() {
        // python3 -c "print(list({3, 1, 2}), list({10, 2, 33, 8}), list({100, 5, 64, 7, 1000}))"
        assert_eq!(order(&[3, 1, 2]), vec![1, 2, 3]);
        assert_eq!(order(&[10, 2, 33, 8]), vec![8, 33, 10, 2]);
        assert_eq!(order(&[100, 5, 64, 7, 1000]), vec![64, 100, 5, 7, 1000]);
    }
}
