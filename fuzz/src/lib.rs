//! Shared pieces of the fuzz targets: the limited interpreter every executing target runs
//! scripts in, and ([`gen`]) the structured program generator.

pub mod gen;

use std::time::Duration;

use gyre::{Interpreter, Limits};

/// Instructions a fuzz input may run: enough for loops of a few thousand iterations.
const FUEL: u64 = 200_000;
/// Bytes of live script data: small, so allocation bombs meet the limit fast.
const MEMORY: usize = 32 << 20;
/// Nested frames: well below the default so deep recursion is cheap to reach.
const RECURSION: usize = 200;
/// Wall-clock time per run; libFuzzer's `-timeout` (far longer) catches a deadline that is
/// not honoured.
const DEADLINE: Duration = Duration::from_millis(1000);

/// Runs `source` in a fresh interpreter with small fuel, memory, recursion and time limits
/// and no capabilities (the embedding default), then checks the interpreter still runs code.
/// Every outcome is acceptable except a panic, abort, hang or unbounded allocation.
pub fn run_limited(source: &str) {
    let limits =
        Limits { fuel: Some(FUEL), memory: Some(MEMORY), recursion: Some(RECURSION), time: Some(DEADLINE) };
    let mut interp =
        Interpreter::builder().limits(limits).stdout(std::io::sink()).stderr(std::io::sink()).build();
    let _ = interp.exec(source);
    interp.set_fuel(Some(FUEL));
    let _ = interp.exec("pass");
}
