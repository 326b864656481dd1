//! Shared helpers for the tests that drive the example servers with real clients
//! (`net_clients`, `soak`, `abuse`): starting a server on a free port, finding a client tool
//! (skipping clearly when it is missing), running a client bounded in time, the server's RSS,
//! and the file-descriptor limit.
//!
//! Each server runs as `gyre examples/NAME.py 0` and announces `listening on 127.0.0.1:PORT`.
//! Setting `GYRE_TEST_SERVER_INTERPRETER=python3` runs the same scripts under CPython instead:
//! a control for measurements (is a cost gyre's, or the machine's?), never used by CI.

#![allow(dead_code)] // each test binary uses its own subset

use std::io::{BufRead, BufReader, Read};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

/// How long a server may take to start listening on a loaded machine.
pub const START_TIMEOUT: Duration = Duration::from_secs(20);
/// How long any client run may take.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(60);
/// File descriptors the test process asks for (clients and the server each need one per
/// connection); the soft limit is raised with `prlimit` when the hard limit allows it.
pub const WANTED_FDS: usize = 4096;

/// The environment variable naming another interpreter to run the servers with.
const INTERPRETER_VAR: &str = "GYRE_TEST_SERVER_INTERPRETER";

/// A running example server, killed on drop.
pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Server {
    /// Starts `examples/<example>` on a free port (its stderr goes to the test's stderr).
    pub fn start(example: &str) -> Server {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Server::start_script(&root.join("examples").join(example))
    }

    /// Starts any script that takes the port as `argv[1]` and prints its address first.
    pub fn start_script(script: &Path) -> Server {
        Server::spawn(script, Stdio::inherit())
    }

    /// Starts a script with its stderr going to `stderr`.
    pub fn spawn(script: &Path, stderr: Stdio) -> Server {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let interpreter =
            std::env::var_os(INTERPRETER_VAR).unwrap_or_else(|| env!("CARGO_BIN_EXE_gyre").into());
        let mut child = Command::new(interpreter)
            .arg(script)
            .arg("0")
            .current_dir(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start gyre");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let name = script.display();
        let line = match rx.recv_timeout(START_TIMEOUT) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("{name} did not start listening");
            }
        };
        let port = line.trim().rsplit(':').next().and_then(|p| p.parse().ok());
        let Some(port) = port else {
            let _ = child.kill();
            panic!("{name} printed {line:?} instead of its address");
        };
        Server { child, port }
    }

    /// A client connection with a read timeout.
    pub fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        s.set_read_timeout(Some(CLIENT_TIMEOUT)).unwrap();
        s
    }

    /// The server's resident set size in KiB, if it is still running.
    pub fn rss_kib(&self) -> Option<u64> {
        rss_kib(self.child.id())
    }

    /// True while the server process has not exited.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `VmRSS` of process `pid` in KiB, from `/proc/<pid>/status`.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Samples a process's RSS on a thread every `every` until stopped.
pub struct RssSampler {
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<Vec<(Duration, u64)>>>,
}

impl RssSampler {
    /// Starts sampling `pid`.
    pub fn start(pid: u32, every: Duration) -> RssSampler {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = thread::spawn(move || {
            let start = Instant::now();
            let mut samples = Vec::new();
            while !flag.load(Ordering::Relaxed) {
                if let Some(kib) = rss_kib(pid) {
                    samples.push((start.elapsed(), kib));
                }
                thread::sleep(every);
            }
            samples
        });
        RssSampler { stop, thread: Some(thread) }
    }

    /// Stops sampling and returns `(time since start, RSS KiB)` samples.
    pub fn finish(mut self) -> Vec<(Duration, u64)> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.take().unwrap().join().unwrap()
    }
}

/// The path of a client tool, or `None` (after saying the test is skipped).
pub fn tool(name: &str, test: &str) -> Option<PathBuf> {
    let out = Command::new("sh").arg("-c").arg(format!("command -v {name}")).output().ok()?;
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if out.status.success() && !path.is_empty() {
        return Some(PathBuf::from(path));
    }
    eprintln!("SKIPPED {test}: `{name}` is not installed (apt-get install wrk redis-tools netcat-openbsd)");
    None
}

/// Runs a command to completion within `timeout`; returns (success, stdout + stderr).
pub fn run_within(cmd: &mut Command, timeout: Duration) -> (bool, String) {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn client");
    // Drain the pipes on threads so a chatty client never blocks on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = thread::spawn(move || {
        let mut text = String::new();
        let _ = out.read_to_string(&mut text);
        text
    });
    let err = thread::spawn(move || {
        let mut text = String::new();
        let _ = err.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let text = out.join().unwrap() + &err.join().unwrap();
            return (status.success(), text);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("client timed out: {cmd:?}");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// Runs a command to completion within `CLIENT_TIMEOUT`.
pub fn run_bounded(cmd: &mut Command) -> (bool, String) {
    run_within(cmd, CLIENT_TIMEOUT)
}

/// Raises this process's soft RLIMIT_NOFILE (inherited by the server it starts) to
/// `WANTED_FDS` when possible; best effort, the tests report EMFILE clearly otherwise.
pub fn raise_fd_limit() {
    let pid = std::process::id().to_string();
    let _ = Command::new("prlimit")
        .args(["--pid", &pid, &format!("--nofile={WANTED_FDS}:")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Connects to `port`, retrying while the server's accept queue is full.
pub fn connect_retrying(port: u16) -> TcpStream {
    let deadline = Instant::now() + CLIENT_TIMEOUT;
    loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(s) => {
                s.set_read_timeout(Some(CLIENT_TIMEOUT)).unwrap();
                return s;
            }
            Err(e) if Instant::now() < deadline && e.raw_os_error() != Some(24) => {
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) => panic!("connect failed: {e} (raise `ulimit -n` if this is EMFILE)"),
        }
    }
}

/// What one `wrk` run reported.
#[derive(Debug, Default, Clone, Copy)]
pub struct WrkRun {
    /// Requests completed.
    pub requests: u64,
    /// Connect, read, write and timeout errors, plus non-2xx/3xx responses.
    pub errors: u64,
    /// Requests per second.
    pub rps: f64,
}

/// Parses `wrk`'s summary: "N requests in", "Socket errors: connect a, read b, write c,
/// timeout d", "Non-2xx or 3xx responses: n", "Requests/sec: x".
pub fn parse_wrk(out: &str) -> Option<WrkRun> {
    let mut run = WrkRun::default();
    let mut seen = false;
    for line in out.lines().map(str::trim) {
        if let Some((n, _)) = line.split_once(" requests in") {
            run.requests = n.trim().parse().ok()?;
            seen = true;
        }
        if let Some(rest) = line.strip_prefix("Socket errors:") {
            run.errors += rest
                .split(',')
                .filter_map(|part| part.split_whitespace().last()?.parse::<u64>().ok())
                .sum::<u64>();
        }
        if let Some(rest) = line.strip_prefix("Non-2xx or 3xx responses:") {
            run.errors += rest.trim().parse::<u64>().ok()?;
        }
        if let Some(rest) = line.strip_prefix("Requests/sec:") {
            run.rps = rest.trim().parse().ok()?;
        }
    }
    seen.then_some(run)
}

/// User plus system CPU time of process `pid`, in clock ticks, from `/proc/<pid>/stat`.
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces; the fields after its closing parenthesis are fixed.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}
