//! Fuzz target `exec`: arbitrary source run through the public embedding API under small
//! fuel, memory, recursion and time limits with every capability off. Any `Result` is fine;
//! a panic, abort, hang or runaway allocation (libFuzzer's timeout and rss limits) is a bug,
//! since it means a limit was not honoured.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    gyre_fuzz::run_limited(text);
});
