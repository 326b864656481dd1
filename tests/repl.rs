//! The REPL and the CLI, driven through the real `gyre` binary: in a pseudo-terminal (rexpect)
//! for the interactive prompt, and with piped stdin for programs read from stdin.
//!
//! Expectations look for text the input line cannot contain (the terminal echoes input), and
//! every wait has a generous timeout, so the tests hold on a loaded 2-core machine.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};

/// How long any single expectation may wait (the machine may be busy building).
const TIMEOUT_MS: u64 = 30_000;

/// The spec: after Ctrl-C the prompt is back within this long.
const INTERRUPT_DEADLINE: Duration = Duration::from_secs(1);

const GYRE: &str = env!("CARGO_BIN_EXE_gyre");

/// One interactive session in a pseudo-terminal.
struct Repl {
    s: PtySession,
}

impl Repl {
    fn start(history: &Path) -> Repl {
        let mut cmd = Command::new(GYRE);
        cmd.env("GYRE_HISTORY", history).env("TERM", "xterm").env_remove("NO_COLOR");
        let opts = Options::new().timeout_ms(Some(TIMEOUT_MS)).strip_ansi_escape_codes(true);
        let mut s = spawn_with_options(cmd, opts).expect("spawn gyre in a pty");
        s.exp_string("Ctrl-D to quit").expect("greeting");
        let mut r = Repl { s };
        r.prompt();
        r
    }

    fn prompt(&mut self) {
        self.s.exp_string(">>> ").expect("primary prompt");
    }

    fn expect(&mut self, text: &str) {
        if let Err(e) = self.s.exp_string(text) {
            panic!("expected {text:?}: {e}");
        }
    }

    /// Sends a line at the primary prompt and waits for the next primary prompt.
    fn run(&mut self, line: &str) {
        self.s.send_line(line).expect("send");
        self.prompt();
    }

    /// Sends a line and waits for `out` (which must not occur in `line` itself).
    fn run_expect(&mut self, line: &str, out: &str) {
        assert!(!line.contains(out), "the echo of {line:?} would match {out:?}");
        self.s.send_line(line).expect("send");
        self.expect(out);
        self.prompt();
    }

    /// Sends the lines of a compound statement, then the blank line that ends it.
    fn block(&mut self, lines: &[&str]) {
        for l in lines {
            self.s.send_line(l).expect("send");
            self.expect("... ");
        }
        self.run("");
    }

    fn quit(mut self) {
        self.s.send_control('d').expect("ctrl-d");
        self.s.exp_eof().expect("gyre exits on Ctrl-D");
        let status = self.s.process().wait().expect("wait");
        assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    }
}

/// A fresh scratch directory for one test's history file.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gyre-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn multi_line_function_then_call() {
    let dir = scratch("def");
    let mut r = Repl::start(&dir.join("history"));
    r.block(&["def double(x):", "    y = x * 2", "    return y"]);
    r.run_expect("double(21)", "42");
    r.run_expect("_ + 58", "100");
    r.quit();
}

#[test]
fn exception_shows_a_traceback_and_the_next_input_works() {
    let dir = scratch("exc");
    let mut r = Repl::start(&dir.join("history"));
    r.s.send_line("1/0").expect("send");
    r.expect("Traceback (most recent call last):");
    r.expect("File \"<stdin>\", line 1, in <module>");
    r.expect("ZeroDivisionError: division by zero");
    r.prompt();
    r.s.send_line("1 +").expect("send");
    r.expect("SyntaxError: invalid syntax");
    r.prompt();
    r.run_expect("print(6 * 7)", "42");
    r.quit();
}

#[test]
fn top_level_await_and_background_tasks() {
    let dir = scratch("await");
    let mut r = Repl::start(&dir.join("history"));
    r.run("import asyncio");
    r.run_expect("await asyncio.sleep(0.1); print('slept' + '!')", "slept!");
    r.block(&[
        "async def bg():",
        "    await asyncio.sleep(0.5)",
        "    print('background' + ' says hi')",
        "    return 6 * 7",
    ]);
    r.run("t = asyncio.create_task(bg())");
    // Nothing is typed now: the task prints while the prompt waits.
    r.expect("background says hi");
    r.run_expect("t.result()", "42");
    r.block(&["async def fetch():", "    await asyncio.sleep(0.05)", "    return 'fetched' + '-value'"]);
    r.run("x = await fetch()");
    r.run_expect("x", "fetched-value");
    r.quit();
}

#[test]
fn ctrl_c_cancels_a_long_await_and_background_tasks_survive() {
    let dir = scratch("ctrlc");
    let mut r = Repl::start(&dir.join("history"));
    r.run("import asyncio");
    r.block(&["async def later():", "    await asyncio.sleep(1.5)", "    return 'survived' + '!'"]);
    r.run("t = asyncio.create_task(later())");
    r.s.send_line("await asyncio.sleep(100)").expect("send");
    std::thread::sleep(Duration::from_millis(300));
    let pressed = Instant::now();
    r.s.send_control('c').expect("ctrl-c");
    r.expect("KeyboardInterrupt");
    r.prompt();
    let took = pressed.elapsed();
    assert!(took < INTERRUPT_DEADLINE, "the prompt came back after {took:?}");
    r.run("await asyncio.sleep(1.5)");
    r.run_expect("t.result()", "survived!");
    // A computation that never awaits is interrupted inside the VM.
    r.s.send_line("while True: pass").expect("send");
    r.expect("... ");
    r.s.send_line("").expect("send");
    std::thread::sleep(Duration::from_millis(300));
    r.s.send_control('c').expect("ctrl-c");
    r.expect("KeyboardInterrupt");
    r.prompt();
    r.run_expect("print(40 + 2)", "42");
    r.quit();
}

#[test]
fn ctrl_c_at_the_prompt_clears_the_line() {
    let dir = scratch("clear");
    let mut r = Repl::start(&dir.join("history"));
    r.s.send("this line is abandoned").expect("send");
    r.s.send_control('c').expect("ctrl-c");
    r.expect("KeyboardInterrupt");
    r.prompt();
    r.run_expect("print(20 + 22)", "42");
    r.quit();
}

#[test]
fn history_survives_a_restart() {
    let dir = scratch("history");
    let file = dir.join("history");
    let mut r = Repl::start(&file);
    r.run_expect("print(500 + 500)", "1000");
    r.quit();
    let saved = std::fs::read_to_string(&file).expect("history file written");
    assert!(saved.contains("print(500 + 500)"), "{saved:?}");
    let mut r = Repl::start(&file);
    r.s.send("\x1b[A").expect("up arrow"); // recalls the line from the last session
    r.s.flush().expect("flush");
    r.expect("print(500 + 500)");
    r.s.send_line("").expect("enter");
    r.expect("1000");
    r.prompt();
    r.quit();
}

#[test]
fn history_write_failure_is_not_fatal() {
    let dir = scratch("nohistory");
    let mut r = Repl::start(&dir.join("missing-dir").join("history"));
    r.run_expect("print(2 * 21)", "42");
    r.quit();
}

#[test]
fn tab_completes_globals_and_attributes() {
    let dir = scratch("tab");
    let mut r = Repl::start(&dir.join("history"));
    r.run("my_long_variable_name = 41");
    r.s.send("my_long_var\t").expect("send");
    std::thread::sleep(Duration::from_millis(200));
    r.run_expect(" + 1", "42");
    r.run("import asyncio");
    r.s.send("asyncio.gathe\t").expect("send");
    std::thread::sleep(Duration::from_millis(200));
    r.run_expect(".__name__", "'gather'");
    r.quit();
}

#[test]
fn exit_and_sys_exit_end_the_session_with_their_status() {
    let dir = scratch("exit");
    for (line, code) in [("exit()", 0), ("import sys; sys.exit(3)", 3), ("quit()", 0)] {
        let mut r = Repl::start(&dir.join("history"));
        r.s.send_line(line).expect("send");
        r.s.exp_eof().expect("gyre exits");
        let status = r.s.process().wait().expect("wait");
        assert!(matches!(status, WaitStatus::Exited(_, c) if c == code), "{line}: {status:?}");
    }
}

#[test]
fn dash_i_keeps_the_scripts_globals() {
    let dir = scratch("inspect");
    let script = dir.join("setup.py");
    std::fs::write(&script, "answer = 6 * 7\n").expect("write script");
    let mut cmd = Command::new(GYRE);
    cmd.arg("-i").arg(&script).env("GYRE_HISTORY", dir.join("history")).env("TERM", "xterm");
    let opts = Options::new().timeout_ms(Some(TIMEOUT_MS)).strip_ansi_escape_codes(true);
    let s = spawn_with_options(cmd, opts).expect("spawn");
    let mut r = Repl { s };
    r.prompt();
    r.run_expect("answer", "42");
    r.quit();
}

/// Runs `gyre ARGS` with `input` on a pipe; returns (stdout, stderr, status).
fn run_piped(args: &[&str], input: &[u8]) -> (String, String, i32) {
    let mut child = Command::new(GYRE)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gyre");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (text(out.stdout), text(out.stderr), out.status.code().unwrap_or(-1))
}

/// Programs in tests/stdin (copies of conformance programs, expected output from CPython fed
/// the same stdin) run from a pipe exactly as from a file.
#[test]
fn piped_stdin_runs_programs_like_a_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stdin");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/stdin")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 3, "need at least three programs in {}", dir.display());
    for py in programs {
        let source = std::fs::read(&py).expect("read program");
        let expected = std::fs::read_to_string(py.with_extension("out")).expect(".out file");
        let code =
            std::fs::read_to_string(py.with_extension("code")).map_or(0, |c| c.trim().parse().unwrap());
        for args in [&[][..], &["-"][..]] {
            let (out, err, status) = run_piped(args, &source);
            assert_eq!(out, expected, "{} (args {args:?}); stderr:\n{err}", py.display());
            assert_eq!(status, code, "{} (args {args:?}); stderr:\n{err}", py.display());
        }
    }
}

#[test]
fn piped_stdin_names_the_program_stdin() {
    let (out, err, status) = run_piped(&["-", "a", "b"], b"import sys\nprint(sys.argv)\n1/0\n");
    assert_eq!(out, "['-', 'a', 'b']\n");
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"<stdin>\", line 3, in <module>\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(status, 1);
    let (out, _, status) = run_piped(&[], b"import sys\nprint(sys.argv)\n");
    assert_eq!((out.as_str(), status), ("['']\n", 0));
}

#[test]
fn cli_options_and_exit_statuses() {
    let (out, _, status) = run_piped(&["--version"], b"");
    assert!(out.starts_with("gyre "), "{out}");
    assert_eq!(status, 0);
    let (out, _, status) = run_piped(&["--help"], b"");
    assert!(out.contains("-m MOD"), "{out}");
    assert_eq!(status, 0);
    let (_, err, status) = run_piped(&["-c"], b"");
    assert!(err.contains("Argument expected for the -c option"), "{err}");
    assert_eq!(status, 2);
    let (_, _, status) = run_piped(&["-c", "import sys; sys.exit(4)"], b"");
    assert_eq!(status, 4);
    let (_, err, status) = run_piped(&["-m", "no_such_module_here"], b"");
    assert_eq!((err.as_str(), status), ("gyre: No module named no_such_module_here\n", 1));
    let (_, _, status) = run_piped(&["no/such/file.py"], b"");
    assert_eq!(status, 2);
    let (_, _, status) = run_piped(&["--bogus"], b"");
    assert_eq!(status, 2);
}

#[test]
fn dash_m_runs_a_module_from_the_search_path_as_main() {
    let dir = scratch("dashm");
    std::fs::write(dir.join("hello_mod.py"), "import sys\nprint(__name__, sys.argv[1:])\n").expect("write");
    let out = Command::new(GYRE)
        .args(["-m", "hello_mod", "x"])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "__main__ ['x']\n");
    assert_eq!(out.status.code(), Some(0));
}
