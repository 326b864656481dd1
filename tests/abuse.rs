//! Abuse: while `wrk` drives the example HTTP server, abusive clients run alongside it, and
//! the server's throughput must stay within 20% of a clean run; every abuser affects only its
//! own connection (the server neither dies nor writes anything to stderr). Then backpressure:
//! a server that writes without end to a client that never reads, awaiting `drain()`, keeps
//! its memory bounded.
//!
//! The abusers are threads in this process using `std::net`. They are rate-limited so that
//! they test the server's robustness rather than starve it of CPU on a 2-core machine: the
//! question is whether abusive connections cost the others more than their fair share.
//!
//! Throughput is measured in alternating short `wrk` runs (clean, abused, clean, abused, ...),
//! so a drift in the machine's load affects both sides, and each side is summed up by its
//! second-best run (see [`near_best`]). Two figures are compared: normal requests per second,
//! and server CPU time per normal request. The second charges the server with everything the
//! abuse costs it (accepting, parsing, erroring, closing) but not the abusers' own CPU time or
//! `wrk`'s, which on a 2-core machine compete with the server; the abusers' CPU use is printed
//! (about 1% of a core).

mod support;

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use support::{connect_retrying, cpu_ticks, parse_wrk, raise_fd_limit, run_within, tool, RssSampler, Server};

/// Under abuse, throughput and normal requests per server CPU second must both stay at
/// least at this share of the clean run's: issue 10's "within 20%". On a quiet 2-core machine
/// every kind measures 91-99% (RELIABILITY.md); before writes were coalesced
/// (`src/net/coalesce.rs`) the same machine gave 62-68%.
const MIN_RATIO: f64 = 0.8;
/// Seconds per `wrk` measurement.
const WRK_SECS: &str = "1s";
/// Attempts per abuse kind: a measurement spoiled by a burst of load from elsewhere on the
/// machine is taken again (every attempt is printed). On an idle machine the first passes; on
/// the development machine shared with other builds (load average 9 on 2 cores) a kind
/// sometimes needed a second, so a loaded CI machine gets a margin of three more.
const ATTEMPTS: usize = 5;
/// `/proc` counts CPU time in ticks of 1/100 s.
const MICROS_PER_TICK: f64 = 10_000.0;
/// `wrk`'s connections (the normal clients).
const WRK_CONNECTIONS: &str = "16";
/// How long abusers run before a measurement starts.
const SETTLE: Duration = Duration::from_millis(300);
/// Slowloris connections held open.
const SLOWLORIS_CONNECTIONS: usize = 500;
/// How often each slowloris connection sends one more header line.
const SLOWLORIS_TRICKLE: Duration = Duration::from_secs(2);
/// Abusive connections opened per second by each churning abuser (garbage, reset, half-close).
const CHURN_PER_SEC: u64 = 100;
/// Requests pipelined by a resetting client that resets in the middle of the responses. The
/// server answers back to back until its next `send` meets the reset, which lands after a
/// handful of responses on an idle machine but may find the batch all answered when the
/// abuser's thread waits for a core. Every one answered is an ordinary request: at 200 (the
/// first version) a busy machine turned the resetting clients into 10,000 extra requests a
/// second, a quarter of `wrk`'s, measuring added load rather than what resets cost.
const RESET_BATCH: usize = 50;
/// Connections that send requests and never read the responses.
const NON_READERS: usize = 8;
/// How long the server may take to answer the non-readers' pipelined requests into the
/// kernel's buffers (about 40,000 per connection on Linux's loopback) and block.
const NON_READER_SETTLE_LIMIT: Duration = Duration::from_secs(60);
/// How often the server's CPU time is probed while waiting for it to go idle.
const IDLE_PROBE: Duration = Duration::from_millis(250);
/// CPU ticks (1/100 s) per probe that still count as idle.
const IDLE_TICKS: u64 = 2;
/// A non-reader sends pipelined requests until its socket stops accepting them, up to this.
const NON_READER_MAX_BYTES: usize = 8 << 20;
/// How long a client waits on the server before giving up on a read or write.
const IO_TIMEOUT: Duration = Duration::from_secs(5);
/// The server's RSS may not exceed this while non-readers hold their connections (the server
/// idles at about 10 MiB; without backpressure it would buffer every response).
const NON_READER_RSS_LIMIT_KIB: u64 = 64 << 10;

const REQUEST: &[u8] = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n";

/// The abuse tests are serialised: each measures throughput, which the others would disturb.
static SERIAL: Mutex<()> = Mutex::new(());

/// The kinds of abusive client.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Slowloris,
    Garbage,
    Reset,
    HalfClose,
    NeverRead,
}

/// Abuser threads, stopped and joined on `stop`.
struct Abusers {
    stop: Arc<AtomicBool>,
    threads: Vec<thread::JoinHandle<()>>,
    /// Abusive connections made so far.
    connections: Arc<AtomicU64>,
    /// Half-closing clients that did not get their full response (must stay 0).
    failures: Arc<AtomicU64>,
}

impl Abusers {
    fn start(kind: Kind, port: u16) -> Abusers {
        let stop = Arc::new(AtomicBool::new(false));
        let connections = Arc::new(AtomicU64::new(0));
        let failures = Arc::new(AtomicU64::new(0));
        let (s, c, f) = (stop.clone(), connections.clone(), failures.clone());
        let thread = match kind {
            Kind::Slowloris => thread::spawn(move || slowloris(port, &s, &c)),
            Kind::NeverRead => thread::spawn(move || never_read(port, &s, &c)),
            Kind::Garbage => thread::spawn(move || churn(port, &s, &c, &f, garbage)),
            Kind::Reset => thread::spawn(move || churn(port, &s, &c, &f, reset)),
            Kind::HalfClose => thread::spawn(move || churn(port, &s, &c, &f, half_close)),
        };
        Abusers { stop, threads: vec![thread], connections, failures }
    }

    /// Stops the abusers; returns (connections made, failures seen).
    fn stop(self) -> (u64, u64) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.threads {
            t.join().expect("abuser thread panicked");
        }
        (self.connections.load(Ordering::Relaxed), self.failures.load(Ordering::Relaxed))
    }
}

/// Sleeps in small steps until `stop` is set or `d` has passed.
fn nap(stop: &AtomicBool, d: Duration) {
    let end = Instant::now() + d;
    while !stop.load(Ordering::Relaxed) && Instant::now() < end {
        thread::sleep(Duration::from_millis(10).min(end - Instant::now()));
    }
}

/// 500 connections with a request whose headers never end: each sends one more header line
/// every couple of seconds, keeping the server waiting.
fn slowloris(port: u16, stop: &AtomicBool, count: &AtomicU64) {
    let mut conns: Vec<TcpStream> = (0..SLOWLORIS_CONNECTIONS)
        .map(|_| {
            let mut s = connect_retrying(port);
            s.set_write_timeout(Some(IO_TIMEOUT)).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHost: slow\r\n").unwrap();
            count.fetch_add(1, Ordering::Relaxed);
            s
        })
        .collect();
    let mut line = 0u64;
    while !stop.load(Ordering::Relaxed) {
        // Spread the trickle over the period rather than sending in bursts.
        let step = SLOWLORIS_TRICKLE / conns.len() as u32;
        for s in &mut conns {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            line += 1;
            s.write_all(format!("X-Slow-{}: {line}\r\n", line % 8).as_bytes())
                .expect("server dropped a slow client");
            thread::sleep(step);
        }
    }
}

/// Connections that send pipelined requests until the server stops taking them (it blocks in
/// `drain()` because nobody reads its responses), then sit there.
fn never_read(port: u16, stop: &AtomicBool, count: &AtomicU64) {
    let batch: Vec<u8> = REQUEST.repeat(1000);
    let mut conns = Vec::new();
    for _ in 0..NON_READERS {
        let mut s = connect_retrying(port);
        s.set_write_timeout(Some(Duration::from_millis(200))).unwrap();
        let mut sent = 0;
        while sent < NON_READER_MAX_BYTES && !stop.load(Ordering::Relaxed) {
            match s.write(&batch) {
                Ok(n) => sent += n,
                Err(_) => break, // timed out: the server has stopped reading
            }
        }
        count.fetch_add(1, Ordering::Relaxed);
        conns.push(s);
    }
    while !stop.load(Ordering::Relaxed) {
        nap(stop, Duration::from_millis(100));
    }
}

/// Opens `CHURN_PER_SEC` connections a second, each abused by `abuse`; `abuse` returns false
/// when the server misbehaved towards a client that was owed an answer.
fn churn(
    port: u16,
    stop: &AtomicBool,
    count: &AtomicU64,
    failures: &AtomicU64,
    abuse: fn(TcpStream, u64) -> bool,
) {
    let period = Duration::from_secs(1) / CHURN_PER_SEC as u32;
    let mut n = 0u64;
    let mut next = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        let s = connect_retrying(port);
        s.set_read_timeout(Some(IO_TIMEOUT)).unwrap();
        s.set_write_timeout(Some(IO_TIMEOUT)).unwrap();
        if !abuse(s, n) {
            failures.fetch_add(1, Ordering::Relaxed);
        }
        n += 1;
        count.fetch_add(1, Ordering::Relaxed);
        next += period;
        nap(stop, next.saturating_duration_since(Instant::now()));
    }
}

/// A small deterministic pseudo-random byte stream (xorshift).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// Reads until EOF, an error or the timeout; returns what arrived.
fn read_all(s: &mut TcpStream) -> Vec<u8> {
    let mut got = Vec::new();
    let _ = s.read_to_end(&mut got);
    got
}

/// Garbage of several shapes: random bytes, a line longer than the reader's limit, malformed
/// request lines and headers, bad and negative Content-Length. The server must close (or
/// answer); the bytes are sent, the write side shut, and the reply read to EOF.
fn garbage(mut s: TcpStream, n: u64) -> bool {
    let payload: Vec<u8> = match n % 7 {
        0 => noise(n, 4096),
        1 => vec![b'A'; 100 * 1024], // no newline: past the 64 KiB limit
        2 => b"GET /\r\n\r\n".to_vec(),
        3 => b"GET / HTTP/1.1\r\nContent-Length: zebra\r\n\r\n".to_vec(),
        4 => b"GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n".to_vec(),
        // A body the server must refuse rather than buffer.
        5 => [&b"POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n"[..], &[b'B'; 64 * 1024]].concat(),
        _ => [REQUEST, &noise(n, 512)[..], b"\r\n"].concat(),
    };
    if s.write_all(&payload).is_err() {
        return true; // the server closed first, which is its right
    }
    let _ = s.shutdown(Shutdown::Write);
    read_all(&mut s);
    true
}

/// A connection reset (RST, via SO_LINGER 0) in the middle of a request, or in the middle of
/// the responses to a pipelined batch of `RESET_BATCH` requests.
fn reset(mut s: TcpStream, n: u64) -> bool {
    let payload: Vec<u8> = match n % 2 {
        0 => b"GET / HTTP/1.1\r\nHost: x\r\nX-Half: ".to_vec(),
        _ => REQUEST.repeat(RESET_BATCH),
    };
    let _ = s.write_all(&payload);
    if n % 2 == 1 {
        // Wait for the first response so the server is mid-write when the reset lands.
        let mut byte = [0u8; 1];
        let _ = s.read(&mut byte);
    }
    socket2::SockRef::from(&s).set_linger(Some(Duration::ZERO)).unwrap();
    true
}

/// Half-close: a complete request then `shutdown(Write)` must still get its response; a
/// partial request then `shutdown(Write)` gets the connection closed.
fn half_close(mut s: TcpStream, n: u64) -> bool {
    let complete = n.is_multiple_of(2);
    let payload: &[u8] = if complete { REQUEST } else { b"GET / HTTP/1.1\r\nHo" };
    if s.write_all(payload).is_err() {
        return false;
    }
    let _ = s.shutdown(Shutdown::Write);
    let got = read_all(&mut s);
    if complete {
        got.starts_with(b"HTTP/1.1 200 OK") && got.ends_with(b"Hello, World!")
    } else {
        got.is_empty()
    }
}

/// A server whose stderr goes to a file, so the test can check it stayed silent.
fn start_server(script: &Path, name: &str) -> (Server, PathBuf) {
    let path = std::env::temp_dir().join(format!("gyre-abuse-{}-{name}.stderr", std::process::id()));
    let file = File::create(&path).expect("stderr file");
    (Server::spawn(script, Stdio::from(file)), path)
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

/// What one `wrk` run measured.
struct Run {
    /// Normal requests per second.
    rps: f64,
    /// Server CPU microseconds per normal request.
    server_us: f64,
    /// CPU milliseconds per second this test process (the abusers) used meanwhile.
    abusers_ms: f64,
}

/// One `wrk` run against `server`. Any error fails the test.
fn wrk_run(wrk: &Path, server: &Server, label: &str) -> Run {
    let url = format!("http://127.0.0.1:{}/", server.port);
    let url = url.as_str();
    let started = Instant::now();
    let own = cpu_ticks(std::process::id()).unwrap_or(0);
    let ticks = cpu_ticks(server.child.id()).unwrap_or(0);
    let (ok, out) = run_within(
        Command::new(wrk).args(["-t1", "-c", WRK_CONNECTIONS, "-d", WRK_SECS, url]),
        Duration::from_secs(60),
    );
    assert!(ok, "wrk failed ({label}):\n{out}");
    let run = parse_wrk(&out).unwrap_or_else(|| panic!("unreadable wrk output ({label}):\n{out}"));
    assert_eq!(run.errors, 0, "wrk saw errors ({label}):\n{out}");
    let ticks = cpu_ticks(server.child.id()).unwrap_or(0) - ticks;
    let own = cpu_ticks(std::process::id()).unwrap_or(0) - own;
    Run {
        rps: run.rps,
        server_us: ticks as f64 * MICROS_PER_TICK / run.requests.max(1) as f64,
        abusers_ms: own as f64 * MICROS_PER_TICK / 1e3 / started.elapsed().as_secs_f64(),
    }
}

/// The second-best of the runs (highest throughput with `higher_is_better`, else lowest CPU
/// per request). Load from elsewhere on a shared machine only ever spoils a run (the server
/// or `wrk` loses its core for a while, and a server woken more often handles fewer requests
/// per loop iteration), and it comes in bursts that hit a few runs of either side at random:
/// the least spoiled runs estimate each side best, and the second-best keeps one lucky run
/// from deciding. A real cost of the abuse lowers every abused run, the best ones included.
fn near_best(mut v: Vec<f64>, higher_is_better: bool) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    if higher_is_better {
        v.reverse();
    }
    v[1.min(v.len() - 1)]
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// The order of measurements: `true` for a run with the abusers on. Churning abusers are
/// started and stopped around each abused run, so clean and abused runs alternate; the
/// non-readers are set up once (filling the kernel's buffers takes the server a while) and
/// stay connected over consecutive abused runs.
fn schedule(kind: Kind) -> &'static [bool] {
    match kind {
        Kind::NeverRead => {
            &[false, false, false, false, true, true, true, true, true, true, true, false, false, false]
        }
        _ => &[false, true, false, true, false, true, false, true, false, true, false, true, false, true],
    }
}

/// Waits until the server has stopped spending CPU (the non-readers' pipelined requests are
/// all answered into buffers, or it blocks in `drain()`), up to `NON_READER_SETTLE_LIMIT`.
fn wait_until_idle(server: &Server) {
    let pid = server.child.id();
    let deadline = Instant::now() + NON_READER_SETTLE_LIMIT;
    let mut before = cpu_ticks(pid).unwrap_or(0);
    while Instant::now() < deadline {
        thread::sleep(IDLE_PROBE);
        let now = cpu_ticks(pid).unwrap_or(0);
        if now - before <= IDLE_TICKS {
            return;
        }
        before = now;
    }
    panic!("the server was still busy {NON_READER_SETTLE_LIMIT:?} after the non-readers stopped sending");
}

/// Checks, for up to `ATTEMPTS` measurements, that the abused throughput and server CPU per
/// request are within `MIN_RATIO` of the clean ones; every measurement also checks that the server survived and
/// stayed silent, and that no client owed an answer went without.
fn abuse_keeps_throughput(kind: Kind) {
    let name = format!("{kind:?}").to_lowercase();
    let Some(wrk) = tool("wrk", &format!("abuse_{name}")) else { return };
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    raise_fd_limit();
    let mut ratios = Vec::new();
    for attempt in 1..=ATTEMPTS {
        let (throughput, efficiency) = measure(kind, &wrk, attempt);
        ratios.push(format!("{:.1}% / {:.1}%", throughput * 100.0, efficiency * 100.0));
        if throughput >= MIN_RATIO && efficiency >= MIN_RATIO {
            return;
        }
    }
    panic!(
        "{name}: throughput or requests per server CPU second under abuse fell below {:.0}% of \
         the clean run in every attempt: {ratios:?}",
        MIN_RATIO * 100.0
    );
}

/// One measurement following `schedule(kind)` on a fresh server: the abused throughput over
/// the clean one, and the same for normal requests served per server CPU second (each side
/// by [`near_best`]). The second shows what the abusers cost the server even when load from
/// elsewhere on the machine makes throughput noisy.
fn measure(kind: Kind, wrk: &Path, attempt: usize) -> (f64, f64) {
    let name = format!("{kind:?}").to_lowercase();
    let (mut server, stderr) = start_server(&example("http_server.py"), &name);
    let (mut clean, mut abused) = (Vec::new(), Vec::new());
    let (mut clean_cpu, mut abused_cpu) = (Vec::new(), Vec::new());
    let mut abusers_ms = Vec::new();
    let (mut connections, mut failures) = (0, 0);
    let mut max_rss = 0;
    let mut abusers: Option<Abusers> = None;
    for (run, &abuse) in schedule(kind).iter().enumerate() {
        if abuse && abusers.is_none() {
            let a = Abusers::start(kind, server.port);
            thread::sleep(SETTLE);
            if kind == Kind::NeverRead {
                while a.connections.load(Ordering::Relaxed) < NON_READERS as u64 {
                    thread::sleep(IDLE_PROBE);
                }
                wait_until_idle(&server);
            }
            abusers = Some(a);
        }
        if !abuse {
            if let Some(a) = abusers.take() {
                let (c, f) = a.stop();
                connections += c;
                failures += f;
                // Let the server finish closing the abusers' connections first, so their
                // teardown is not counted against the clean run.
                thread::sleep(SETTLE);
            }
        }
        let label = format!("{} run {run}", if abuse { &name } else { "clean" });
        let run = wrk_run(wrk, &server, &label);
        if abuse {
            abused.push(run.rps);
            abused_cpu.push(run.server_us);
            abusers_ms.push(run.abusers_ms);
            max_rss = max_rss.max(server.rss_kib().unwrap_or(0));
        } else {
            clean.push(run.rps);
            clean_cpu.push(run.server_us);
        }
        assert!(server.is_running(), "the server died under {name}");
    }
    if let Some(a) = abusers.take() {
        let (c, f) = a.stop();
        connections += c;
        failures += f;
    }
    let (clean_rps, abused_rps) = (near_best(clean.clone(), true), near_best(abused.clone(), true));
    let ratio = abused_rps / clean_rps;
    let (clean_us, abused_us) = (near_best(clean_cpu.clone(), false), near_best(abused_cpu.clone(), false));
    eprintln!(
        "ABUSE {name} (attempt {attempt}): clean {clean_rps:.0} req/s, abused {abused_rps:.0} req/s ({:.1}%), \
         server CPU {:.1} vs {:.1} us/request, abusers' own CPU {:.0} ms/s, {connections} abusive connections, \
         server RSS max {max_rss} KiB; runs clean {clean:.0?} abused {abused:.0?}, \
         us/request clean {clean_cpu:.1?} abused {abused_cpu:.1?}",
        ratio * 100.0,
        clean_us,
        abused_us,
        median(abusers_ms),
    );
    let text = std::fs::read_to_string(&stderr).unwrap_or_default();
    let _ = std::fs::remove_file(&stderr);
    assert!(text.is_empty(), "the server wrote to stderr under {name}:\n{text}");
    assert_eq!(failures, 0, "{failures} {name} clients did not get their answer");
    assert!(connections > 0, "no {name} connection was made");
    if kind == Kind::NeverRead {
        assert!(max_rss < NON_READER_RSS_LIMIT_KIB, "server RSS reached {max_rss} KiB with non-readers");
    }
    (ratio, clean_us / abused_us)
}

#[test]
fn slowloris_connections_do_not_slow_other_clients() {
    abuse_keeps_throughput(Kind::Slowloris);
}

#[test]
fn garbage_sending_clients_do_not_slow_other_clients() {
    abuse_keeps_throughput(Kind::Garbage);
}

#[test]
fn clients_resetting_mid_request_do_not_slow_other_clients() {
    abuse_keeps_throughput(Kind::Reset);
}

#[test]
fn half_closing_clients_are_answered_and_do_not_slow_other_clients() {
    abuse_keeps_throughput(Kind::HalfClose);
}

#[test]
fn clients_that_never_read_do_not_slow_other_clients() {
    abuse_keeps_throughput(Kind::NeverRead);
}

/// Clients of the flood server that never read.
const FLOOD_CLIENTS: usize = 10;
/// How long the non-reading clients of the flood server are watched.
const FLOOD_WATCH: Duration = Duration::from_secs(3);
/// What the flood server may hand to its transports per client: the kernel's socket buffers
/// (a few MiB on loopback) plus the transport's 64 KiB high-water mark. Without backpressure
/// it would write gigabytes in `FLOOD_WATCH`.
const FLOOD_MAX_BYTES_PER_CLIENT: u64 = 16 << 20;
/// The flood server's RSS may grow by at most this while its clients never read.
const FLOOD_MAX_RSS_GROWTH_KIB: u64 = 16 << 10;

/// The total the flood server has written, asked over a fresh connection.
fn flood_written(server: &Server) -> u64 {
    let mut s = server.connect();
    s.write_all(b"STATS\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    text.trim().parse().unwrap_or_else(|_| panic!("bad STATS reply {text:?}"))
}

#[test]
fn drain_bounds_what_a_server_buffers_for_clients_that_never_read() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/abuse_data/flood_server.py");
    let (mut server, stderr) = start_server(&script, "flood");
    let baseline = server.rss_kib().expect("server RSS");
    let sampler = RssSampler::start(server.child.id(), Duration::from_millis(100));
    let clients: Vec<TcpStream> = (0..FLOOD_CLIENTS)
        .map(|_| {
            let mut s = server.connect();
            s.write_all(b"go\n").unwrap();
            s
        })
        .collect();
    thread::sleep(FLOOD_WATCH);
    let written = flood_written(&server);
    thread::sleep(Duration::from_millis(500));
    let later = flood_written(&server);
    let max_rss = sampler.finish().iter().map(|s| s.1).max().unwrap_or(0);
    assert!(server.is_running(), "the flood server died");
    eprintln!(
        "BACKPRESSURE: {FLOOD_CLIENTS} non-reading clients; server wrote {} KiB in all ({} KiB per \
         client), RSS {baseline} KiB before, {max_rss} KiB max",
        written >> 10,
        (written / FLOOD_CLIENTS as u64) >> 10
    );
    assert_eq!(written, later, "the server kept writing to clients that do not read");
    assert!(
        written <= FLOOD_MAX_BYTES_PER_CLIENT * FLOOD_CLIENTS as u64,
        "the server wrote {written} bytes to {FLOOD_CLIENTS} clients that never read"
    );
    assert!(
        max_rss <= baseline + FLOOD_MAX_RSS_GROWTH_KIB,
        "server RSS grew from {baseline} KiB to {max_rss} KiB"
    );
    drop(clients);
    let text = std::fs::read_to_string(&stderr).unwrap_or_default();
    let _ = std::fs::remove_file(&stderr);
    assert!(text.is_empty(), "the flood server wrote to stderr:\n{text}");
}
