//! No heap allocation per `recv` on the stream read path: a script reads a large blob through
//! `open_connection`'s StreamReader while a counting global allocator counts the allocations
//! of the interpreter's thread. Two runs that differ only in the blob's size differ by at
//! least `extra bytes / MAX_RECV` recvs; the allocations they differ by must be a small
//! fraction of that (the reader's buffer grows by doubling, so a few reallocations remain).
//!
//! The `unsafe` here is the `GlobalAlloc` implementation, which only forwards to `System`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;
use std::net::TcpListener;
use std::thread;

use gyre::Interpreter;

thread_local! {
    /// Allocations (and reallocations) made by this thread.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn bump() {
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

fn allocations() -> u64 {
    ALLOCATIONS.with(Cell::get)
}

/// Counts each allocation of the calling thread, then forwards to the system allocator.
struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The most one `recv` reads (`gyre::net::MAX_RECV`, CPython's `max_size`).
const MAX_RECV: usize = 256 * 1024;
/// The blob sizes of the two runs.
const SMALL: usize = 4 << 20;
const LARGE: usize = 36 << 20;

/// The script: connect, let the whole blob arrive (no coroutine waits on the reader meanwhile,
/// so only the transport's read path runs per recv), then take it in one read.
const SCRIPT: &str = r#"
import asyncio

async def main():
    reader, writer = await asyncio.open_connection('127.0.0.1', PORT, limit=2 ** 30)
    while not reader._eof:
        await asyncio.sleep(0.1)
    data = await reader.readexactly(SIZE)
    assert len(data) == SIZE and data[-1:] == b'x'
    writer.close()

asyncio.run(main())
"#;

/// Allocations made by the interpreter thread while a script reads `size` bytes.
fn allocations_reading(size: usize) -> u64 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let sender = thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.write_all(&vec![b'x'; size]).unwrap();
    });
    let source = SCRIPT.replace("PORT", &port.to_string()).replace("SIZE", &size.to_string());
    let mut interp = Interpreter::builder().allow(gyre::Capability::Net).build();
    let before = allocations();
    interp.exec(&source).unwrap();
    let made = allocations() - before;
    sender.join().unwrap();
    made
}

#[test]
fn the_stream_read_path_allocates_nothing_per_recv() {
    // A first run pays for one-time work (type caches, lazily built tables) in neither figure.
    allocations_reading(SMALL);
    let small = allocations_reading(SMALL);
    let large = allocations_reading(LARGE);
    let extra_recvs = (LARGE - SMALL) / MAX_RECV;
    let extra = large.saturating_sub(small);
    eprintln!(
        "{SMALL} bytes: {small} allocations; {LARGE} bytes: {large} allocations; \
         {extra} more for at least {extra_recvs} more recvs"
    );
    assert!(
        extra * 4 < extra_recvs as u64,
        "{extra} allocations for at least {extra_recvs} extra recvs: the read path allocates per recv"
    );
}
