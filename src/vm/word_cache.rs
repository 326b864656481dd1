//! A small direct-mapped cache of the short ASCII strs that `str.split()` makes, so that a
//! word seen before is the same `Rc<PyStr>` again instead of a fresh allocation.
//!
//! Text splits into a few distinct words many times over (wordcount: 250,000 words from a
//! vocabulary of 2,000). Each piece used to cost a malloc, a free when the split list died,
//! and a hash when it became a dict key; a cache hit costs the hash (kept in the str, so the
//! dict lookup that usually follows does not compute it again) and one comparison, and the
//! dict probe then finds the key by address. CPython shares its one-character strs the same
//! way; strs are immutable, so sharing is invisible except to `is`, which CPython does not
//! promise for equal strs either.
//!
//! The cache holds at most 2 × [`PAIRS`] strs of at most [`MAX_LEN`] bytes (one small allocation
//! each), and is allocated on first use.

use std::rc::Rc;

use super::object::{str_hash, text_eq, PyStr};

/// Number of slot pairs (a power of two): a word may sit in either slot of its pair.
const PAIRS: usize = 1 << 11;

/// Longest word cached, in bytes: the longest text `PyStr` keeps inline.
pub const MAX_LEN: usize = 24;

/// The cache: two-way set-associative, the pair's first slot holding the word found or made
/// last. (wordcount's 2,000-word vocabulary hits 92 % of the time; one way of the same size
/// hits 83 %, 1,024 slots 54-61 %.)
#[derive(Default)]
pub struct WordCache {
    pairs: Vec<[Option<Rc<PyStr>>; 2]>,
}

impl WordCache {
    /// The str for the ASCII text `w` (at most [`MAX_LEN`] bytes): the cached one when it
    /// has this text, else a new one, which evicts the pair's older word.
    #[inline]
    pub fn ascii_word(&mut self, w: &str) -> Rc<PyStr> {
        debug_assert!(w.is_ascii() && w.len() <= MAX_LEN);
        let hash = str_hash(w);
        if self.pairs.is_empty() {
            self.pairs.resize(PAIRS, [None, None]);
        }
        let [first, second] = &mut self.pairs[hash as usize & (PAIRS - 1)];
        if let Some(p) = first {
            if text_eq(p.as_str(), w) {
                return p.clone();
            }
        }
        if let Some(p) = second {
            if text_eq(p.as_str(), w) {
                let p = p.clone();
                std::mem::swap(first, second);
                return p;
            }
        }
        let p = Rc::new(PyStr::ascii_hashed(w, hash));
        *second = first.replace(p.clone());
        p
    }
}
