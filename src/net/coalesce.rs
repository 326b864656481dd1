//! Write coalescing: small `transport.write()`s made while callbacks run are sent together just
//! before the loop next polls, instead of one `send` each at the moment of the write.
//!
//! Why: a server answering many connections in one loop iteration (the requests of one poll)
//! otherwise spreads its sends over the whole iteration, so a client waiting on all of those
//! connections is woken once per response; sent back to back, one wake-up finds them all. On
//! loopback every wake-up of a sleeping peer costs the sender a cross-CPU signal inside
//! `send`, and measured on the 2-core development VM this was what made 500 idle slowloris
//! connections cost the HTTP example 40% of its throughput (`tests/abuse.rs`; RELIABILITY.md
//! has the figures).
//!
//! What a script can see does not change: bytes held here count as sent, as they would be
//! after CPython's `write()` found the kernel's buffer empty (`get_write_buffer_size()` leaves
//! them out, they never pause the protocol), and every operation that ends or changes the
//! stream (`close`, `abort`, `write_eof`, a fatal error) sends them first. Only their timing
//! moves, by at most the rest of the current loop iteration. A write that would take the
//! held bytes past [`COALESCE_LIMIT`] sends them and itself at once, as CPython does.
//!
//! Invariants: a transport holds unsent bytes only while its write buffer is empty (so the
//! order of bytes on the wire is the order of the writes), and only while it is listed in its
//! loop's [`LoopNet::unsent`](super::LoopNet) list, which [`flush`] empties.

use super::transport::{send_unsent, transport_of};
use crate::asyncio::event_loop::LoopObj;
use crate::vm::Vm;

/// The most bytes a transport holds back in one loop iteration. Past it a write goes out at
/// once: large writes gain nothing from waiting, and what is held is not limited by the
/// protocol's high-water mark.
pub const COALESCE_LIMIT: usize = 64 * 1024;

/// Sends the unsent bytes of every transport of the loop that holds some. Called before each
/// poll and when the loop stops running.
pub fn flush(vm: &mut Vm, lp: &LoopObj) {
    loop {
        // Taken out so that a send failing (which schedules callbacks, and may close
        // transports) cannot meet the list borrowed. A protocol's `pause_writing` runs
        // synchronously and may write again: those writes start a new list, sent by the next
        // round, so nothing is left held while the loop polls.
        let mut pending = std::mem::take(&mut *lp.net.unsent.borrow_mut());
        if pending.is_empty() {
            return;
        }
        for this in pending.drain(..) {
            if let Some(t) = transport_of(&this) {
                send_unsent(vm, &this, t);
            }
        }
        // Give the (now empty) vector back so its capacity is reused: no allocation per
        // iteration.
        let mut list = lp.net.unsent.borrow_mut();
        if list.is_empty() {
            *list = pending;
        }
    }
}
