//! Memory flatness: programs that build cyclic garbage over and over keep a peak RSS that
//! does not grow with the number of iterations (the cycle collector frees the cycles).
//!
//! Each program runs twice, with a small and a large iteration count, and the peak resident
//! set of the large run must stay within a fixed margin of the small one. Leaking even a
//! hundred bytes per iteration would exceed the margin many times over.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Allowed growth of peak RSS between the small and the large run, in KiB.
const MARGIN_KB: u64 = 24 * 1024;
/// How often the child's `/proc/PID/status` is sampled.
const POLL: Duration = Duration::from_millis(5);

fn script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/memory").join(name)
}

/// `VmHWM` (peak resident set, KiB) from a `/proc/PID/status` text.
fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs gyre on `name` with argument `n`; returns (stdout, peak RSS in KiB as last sampled).
fn run_peak(name: &str, n: u64) -> (String, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gyre"))
        .arg(script(name))
        .arg(n.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run gyre");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Some(kb) = std::fs::read_to_string(&status_path).ok().as_deref().and_then(vm_hwm) {
            peak = peak.max(kb);
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(POLL);
    }
    let out = child.wait_with_output().expect("output");
    assert!(out.status.success(), "{name} {n} failed: {:?}", out.status);
    (String::from_utf8_lossy(&out.stdout).into_owned(), peak)
}

fn assert_flat(name: &str, small: u64, large: u64, expect: &str) {
    let (out_small, peak_small) = run_peak(name, small);
    let (out_large, peak_large) = run_peak(name, large);
    assert_eq!(out_small.trim(), expect.replace("{N}", &small.to_string()));
    assert_eq!(out_large.trim(), expect.replace("{N}", &large.to_string()));
    assert!(peak_small > 0 && peak_large > 0, "no RSS samples");
    assert!(
        peak_large <= peak_small + MARGIN_KB,
        "{name}: peak RSS grew from {peak_small} KiB ({small} iterations) to {peak_large} KiB ({large})"
    );
}

#[test]
fn a_million_small_cycles_keep_memory_flat() {
    assert_flat("cycles.py", 20_000, 1_000_000, "done {N}");
}

#[test]
fn a_hundred_thousand_failing_tasks_keep_memory_flat() {
    assert_flat("tasks.py", 5_000, 100_000, "caught {N}");
}

#[test]
fn natively_made_containers_classes_and_finalizers_in_cycles_keep_memory_flat() {
    assert_flat("native_cycles.py", 2_000, 50_000, "done {N}");
}
