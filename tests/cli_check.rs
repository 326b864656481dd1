//! The command line's exits: `gyre --check` on whole programs (every valid program in the
//! corpora exits 0, and every syntax-error case exits 1 with CPython's class, message and line
//! on stderr), and the end of a program by an uncaught KeyboardInterrupt.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "py")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn check(path: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gyre")).arg("--check").arg(path).output().expect("run gyre");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn valid_programs_check_clean() {
    let mut files = py_files(&root().join("grammar/tests/corpus"));
    files.extend(py_files(&root().join("../shared/conformance")));
    files.extend(py_files(&root().join("examples")));
    assert!(files.len() >= 40, "expected the corpus, found {} programs", files.len());
    let bad: Vec<String> = files
        .iter()
        .filter_map(|f| match check(f) {
            (Some(0), _) => None,
            (code, err) => {
                Some(format!("{}: exit {code:?}: {}", f.display(), err.lines().last().unwrap_or("")))
            }
        })
        .collect();
    assert!(bad.is_empty(), "programs that fail --check:\n{}", bad.join("\n"));
}

#[test]
fn syntax_errors_exit_1_with_cpythons_message() {
    let dir = root().join("grammar/tests/syntax_errors");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let mut bad = Vec::new();
    for line in expected.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.splitn(5, '\t').collect();
        let (name, class, lineno, msg) = (f[0], f[1], f[2], f[4]);
        let (code, stderr) = check(&dir.join(name));
        let last = stderr.lines().last().unwrap_or("");
        let want_last = format!("{class}: {msg}");
        let want_line = format!(", line {lineno}");
        if code != Some(1) || last != want_last || !stderr.lines().next().unwrap_or("").ends_with(&want_line)
        {
            bad.push(format!(
                "{name}: exit {code:?}, stderr {stderr:?}; want {want_last:?} at line {lineno}"
            ));
        }
    }
    assert!(bad.len() < expected.lines().count(), "no case ran");
    assert!(bad.is_empty(), "{} mismatches:\n{}", bad.len(), bad.join("\n"));
}

/// Like CPython, an uncaught KeyboardInterrupt prints its traceback and then ends the process
/// with SIGINT (a shell shows 130), not with status 1.
#[cfg(unix)]
#[test]
fn uncaught_keyboard_interrupt_ends_the_process_by_sigint() {
    use std::os::unix::process::ExitStatusExt;
    let out = Command::new(env!("CARGO_BIN_EXE_gyre"))
        .args(["-c", "print('before')\nraise KeyboardInterrupt"])
        .output()
        .expect("run gyre");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "before\n");
    assert!(stderr.ends_with("KeyboardInterrupt\n"), "stderr: {stderr}");
    assert_eq!(out.status.signal(), Some(2), "status: {:?}", out.status);
}

#[cfg(target_os = "linux")]
#[test]
fn a_removed_signal_handler_restores_the_default_action() {
    use std::os::unix::process::ExitStatusExt;
    let script = "import asyncio, os, signal
async def main():
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, print, 'caught')
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.sleep(0.01)
    loop.add_signal_handler(signal.SIGUSR1, print, 'never')
asyncio.run(main())
print('closed', flush=True)
os.kill(os.getpid(), signal.SIGUSR1)
print('not reached')";
    let out = Command::new(env!("CARGO_BIN_EXE_gyre")).args(["-c", script]).output().expect("run gyre");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "caught\nclosed\n");
    assert_eq!(out.status.signal(), Some(10), "status: {:?}", out.status);
}
