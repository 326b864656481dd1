//! Giving freed memory back to the operating system.
//!
//! glibc's allocator keeps freed small blocks for reuse, so a process that once ran a million
//! tasks keeps their pages resident after the tasks are gone. The loop calls
//! [`release_free_memory`] when it goes idle after a large number of tasks finished, which
//! returns whole free pages (`malloc_trim(0)`). Elsewhere it does nothing.
//!
//! One of the crate's two `unsafe` modules (the other is `vm::frame_ref`): one foreign call.
//! Miri cannot run foreign calls, so under Miri the no-op version is compiled instead.

/// Returns free heap pages to the operating system, where the allocator supports it.
#[cfg(all(target_os = "linux", target_env = "gnu", not(miri)))]
#[allow(unsafe_code)]
pub fn release_free_memory() {
    extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: `malloc_trim` only walks glibc's own allocator state under its own locks; it
    // takes no pointers from us and is safe to call at any time from any thread.
    unsafe {
        malloc_trim(0);
    }
}

/// Returns free heap pages to the operating system, where the allocator supports it.
#[cfg(not(all(target_os = "linux", target_env = "gnu", not(miri))))]
pub fn release_free_memory() {}
