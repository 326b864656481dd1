//! Class-level answers of the stream writer's fast checks (`StreamWriter.write`, `drain()`),
//! remembered for one class epoch so that a request does not repeat their MRO lookups.
//!
//! Each answer depends only on class namespaces: does the writer's class define `_reader`,
//! `_transport` or `_protocol`; is the reader class's `exception` the native method; is the
//! protocol class's `_drain_helper` the registered one, with no class attribute
//! `_connection_lost` or `_paused`. Creating a class or changing any class namespace bumps
//! the class epoch (`object::class_epoch`), so an (epoch, class address) pair names one state
//! of one class. Only "yes" is remembered, one class per question (a server has one writer,
//! reader and protocol class); registering a class or method in `_net` bumps the epoch too.
//! What instances hold (their dicts, the reader's exception, the transport's state) is read
//! every time by the callers.

use std::cell::Cell;

use crate::vm::object::{class_epoch, Class};

/// One remembered "yes": the epoch and the class it was found for.
#[derive(Debug, Default)]
pub struct Remembered(Cell<Option<(u64, usize)>>);

impl Remembered {
    /// True when `decide()` is true for `cls`; asks it only when no "yes" for `cls` in the
    /// current class epoch is remembered.
    pub fn holds(&self, cls: &Class, decide: impl FnOnce() -> bool) -> bool {
        let key = (class_epoch(), cls as *const Class as usize);
        if self.0.get() == Some(key) {
            return true;
        }
        let yes = decide();
        // Remembered only if deciding changed no class (lookups never do; stay exact).
        if yes && class_epoch() == key.0 {
            self.0.set(Some(key));
        }
        yes
    }
}

/// The remembered answers, one per question.
#[derive(Debug, Default)]
pub struct ClassChecks {
    /// The registered `StreamWriter` class has no class attribute `_reader`, `_transport` or
    /// `_protocol` (its instances' dicts answer those reads).
    pub writer_plain: Remembered,
    /// The reader class's `exception` is the native base's method.
    pub reader_native: Remembered,
    /// The protocol class's `_drain_helper` is the registered one, and no class attribute
    /// `_connection_lost` or `_paused` intercepts the instance's.
    pub protocol_plain: Remembered,
}
