//! Fuzz target `structured`: an `arbitrary`-driven generator of valid-ish Python programs
//! (expressions, statements, classes, generators, `async def` + `asyncio.run`) run under the
//! same limits as `exec`. It reaches the VM's deeper paths that random bytes rarely parse into.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|program: gyre_fuzz::gen::Program| {
    gyre_fuzz::run_limited(&program.to_string());
});
