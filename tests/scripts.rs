//! Behaviour tests: every `tests/scripts/<area>/<name>.py` is run with the `gyre` binary and
//! compared with CPython's recorded results (`.out` stdout, `.code` exit status, `.stderr`
//! whole stderr or `.stderr_last` last stderr line).
//!
//! `tests/scripts-known-failures.txt` lists cases that do not pass yet (one `area/name` per
//! line). A listed case may fail; an unlisted failure fails the test, and a listed case that
//! now passes is reported so it can be removed from the list.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Per-case limit: a hang is a failure, never a stuck CI. The heaviest regression scripts
/// (200,000-deep structures and exception chains, about 2 s of CPU each) took over 20 s of
/// wall time when the six workers shared two loaded cores, so the limit leaves room for that.
const CASE_TIMEOUT: Duration = Duration::from_secs(60);

/// Cases run in parallel; most of them wait on I/O or timers, not the CPU.
const WORKERS: usize = 6;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    collect(&root().join("tests/scripts"), &mut out);
    out.sort();
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            collect(&p, out);
        } else if name.ends_with(".py") {
            out.push(p);
        }
    }
}

fn case_name(p: &Path) -> String {
    let rel = p.strip_prefix(root().join("tests/scripts")).unwrap_or(p);
    rel.with_extension("").display().to_string()
}

fn known_failures() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/scripts-known-failures.txt")).unwrap_or_default();
    text.lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Runs one case; `Err` describes the first difference.
fn run_case(py: &Path) -> Result<(), String> {
    let rel = py.strip_prefix(root()).unwrap_or(py);
    let mut child = Command::new(env!("CARGO_BIN_EXE_gyre"))
        .arg(rel)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start gyre: {e}"))?;
    // Drain both pipes while the case runs: a case printing more than a pipe buffer would
    // otherwise block on its write and look like a hang.
    let stdout_reader = drain(child.stdout.take());
    let stderr_reader = drain(child.stderr.take());
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > CASE_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err("timed out".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (stdout_bytes, stderr_bytes) = (joined(stdout_reader), joined(stderr_reader));
    let stdout = String::from_utf8_lossy(&stdout_bytes);
    // Like CPython, gyre names the main script by its absolute path; regen.sh strips the
    // checkout root from CPython's stderr, so strip it here too.
    let root_prefix = format!("{}/", root().display());
    let stderr = String::from_utf8_lossy(&stderr_bytes).replace(&root_prefix, "");
    let expected = std::fs::read_to_string(py.with_extension("out")).unwrap_or_default();
    if stdout != expected {
        let line = first_difference(&expected, &stdout);
        return Err(format!(
            "stdout differs at line {line}; stderr tail: {}",
            stderr.lines().last().unwrap_or("")
        ));
    }
    let code: i32 = std::fs::read_to_string(py.with_extension("code"))
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(0);
    if status.code() != Some(code) {
        return Err(format!(
            "exit status {:?}, expected {code}; stderr tail: {}",
            status.code(),
            stderr.lines().last().unwrap_or("")
        ));
    }
    if let Ok(want) = std::fs::read_to_string(py.with_extension("stderr")) {
        if stderr != want {
            let line = first_difference(&want, &stderr);
            return Err(format!("stderr differs at line {line}"));
        }
    }
    if let Ok(want) = std::fs::read_to_string(py.with_extension("stderr_last")) {
        let got = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
        if got.trim_end() != want.trim_end() {
            return Err(format!("last stderr line {got:?}, expected {:?}", want.trim_end()));
        }
    }
    Ok(())
}

/// A thread reading `pipe` to its end.
fn drain<R: std::io::Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

fn joined(reader: std::thread::JoinHandle<Vec<u8>>) -> Vec<u8> {
    reader.join().unwrap_or_default()
}

fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    for i in 0..w.len().max(g.len()) {
        if w.get(i) != g.get(i) {
            return format!(
                "{}: expected {:?}, got {:?}",
                i + 1,
                w.get(i).unwrap_or(&"<end>"),
                g.get(i).unwrap_or(&"<end>")
            );
        }
    }
    "?".into()
}

#[test]
fn behaviour_scripts_match_cpython() {
    let cases = cases();
    assert!(cases.len() > 300, "expected the script corpus, found {} cases", cases.len());
    let known = known_failures();
    let queue = Arc::new(Mutex::new(cases));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let queue = queue.clone();
            let results = results.clone();
            std::thread::spawn(move || loop {
                let Some(case) = queue.lock().expect("queue").pop() else { break };
                let r = run_case(&case);
                results.lock().expect("results").push((case_name(&case), r));
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker");
    }
    let mut results = results.lock().expect("results").clone();
    results.sort();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let (mut passed, mut failed) = (0, 0);
    for (name, r) in &results {
        let listed = known.contains(name);
        match r {
            Ok(()) => {
                passed += 1;
                if listed {
                    fixed.push(name.clone());
                }
            }
            Err(why) => {
                failed += 1;
                if !listed {
                    unexpected.push(format!("{name}: {why}"));
                }
            }
        }
    }
    eprintln!("behaviour scripts: {passed} passed, {failed} failed ({} known)", failed - unexpected.len());
    for f in &fixed {
        eprintln!("now passing (remove from tests/scripts-known-failures.txt): {f}");
    }
    assert!(unexpected.is_empty(), "unexpected failures:\n{}", unexpected.join("\n"));
}
