//! Soak: the example HTTP server takes 1,000,000 requests from `wrk` and the example KV server
//! 1,000,000 from `redis-benchmark`, on 127.0.0.1, with 0 errors, while the server's RSS is
//! sampled every 100 ms; after warm-up it must grow by less than 5%. A third test opens and
//! closes 20,000 connections, which the long-lived connections of the first two do not.
//!
//! Warm-up is the first tenth of the run: the RSS at its end is the baseline and the largest
//! sample after it is compared with that. The figures are printed (run with `--nocapture` to
//! see them) and recorded in RELIABILITY.md. A missing client tool skips its test with a
//! message; nothing is faked.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use support::{parse_wrk, run_within, tool, RssSampler, Server};

/// Requests each server must take.
const TARGET_REQUESTS: u64 = 1_000_000;
/// How often the server's RSS is sampled.
const SAMPLE_EVERY: Duration = Duration::from_millis(100);
/// The share of the run (by time) counted as warm-up.
const WARMUP_FRACTION: f64 = 0.1;
/// The RSS growth allowed after warm-up.
const MAX_GROWTH: f64 = 0.05;
/// The first `wrk` run, which measures the rate the rest of the runs are sized by.
const FIRST_WRK_RUN_SECS: u64 = 5;
/// The longest single `wrk` run (the run is repeated until the target is reached).
const MAX_WRK_RUN_SECS: u64 = 40;
/// The whole `wrk` soak gives up after this long (a server this slow fails the test).
const SOAK_TIMEOUT: Duration = Duration::from_secs(240);
/// `wrk`'s connections and `redis-benchmark`'s clients.
const CONNECTIONS: &str = "32";
/// `redis-benchmark` runs five tests (PING inline and bulk, SET, GET, INCR), each this many
/// requests: 1,000,000 in all.
const REDIS_TESTS: u64 = 5;
/// The pipeline depth asked for by the acceptance.
const REDIS_PIPELINE: &str = "16";

/// The soak tests are serialised: on a 2-core machine the two would otherwise disturb each
/// other's figures.
static SOAK: Mutex<()> = Mutex::new(());

/// RSS figures of one run, in KiB.
#[derive(Debug)]
struct RssFigures {
    warm: u64,
    max_after: u64,
    samples: usize,
}

impl RssFigures {
    fn growth(&self) -> f64 {
        (self.max_after as f64 - self.warm as f64) / self.warm as f64
    }
}

/// The RSS at the end of warm-up and the largest sample after it.
fn rss_figures(samples: &[(Duration, u64)]) -> RssFigures {
    assert!(samples.len() >= 10, "too few RSS samples: {samples:?}");
    let end = samples.last().unwrap().0;
    let warm_end = end.mul_f64(WARMUP_FRACTION);
    let at = samples.iter().position(|(t, _)| *t >= warm_end).unwrap_or(0);
    let warm = samples[at].1;
    let max_after = samples[at..].iter().map(|s| s.1).max().unwrap_or(warm);
    RssFigures { warm, max_after, samples: samples.len() }
}

fn report(name: &str, requests: u64, errors: u64, elapsed: Duration, rss: &RssFigures) {
    eprintln!(
        "SOAK {name}: {requests} requests in {:.1}s ({:.0} req/s), {errors} errors; RSS warm {} KiB, \
         max after warm-up {} KiB, growth {:+.2}% ({} samples)",
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64(),
        rss.warm,
        rss.max_after,
        rss.growth() * 100.0,
        rss.samples
    );
}

fn check(name: &str, requests: u64, errors: u64, rss: &RssFigures) {
    assert!(requests >= TARGET_REQUESTS, "{name}: only {requests} requests");
    assert_eq!(errors, 0, "{name}: {errors} errors");
    assert!(
        rss.growth() < MAX_GROWTH,
        "{name}: RSS grew {:.2}% after warm-up: {rss:?}",
        rss.growth() * 100.0
    );
}

#[test]
fn http_server_takes_a_million_wrk_requests_without_errors_or_growth() {
    let name = "http_server_takes_a_million_wrk_requests_without_errors_or_growth";
    let Some(wrk) = tool("wrk", name) else { return };
    let _serial = SOAK.lock().unwrap_or_else(|p| p.into_inner());
    let mut server = Server::start("http_server.py");
    let url = format!("http://127.0.0.1:{}/", server.port);
    let sampler = RssSampler::start(server.child.id(), SAMPLE_EVERY);
    let start = Instant::now();
    let (mut requests, mut errors, mut secs) = (0u64, 0u64, FIRST_WRK_RUN_SECS);
    while requests < TARGET_REQUESTS {
        assert!(start.elapsed() < SOAK_TIMEOUT, "{requests} requests after {:?}", start.elapsed());
        let duration = format!("{secs}s");
        let (ok, out) = run_within(
            Command::new(&wrk).args(["-t1", "-c", CONNECTIONS, "-d", &duration, &url]),
            Duration::from_secs(secs + 30),
        );
        assert!(ok, "wrk failed:\n{out}");
        let run = parse_wrk(&out).unwrap_or_else(|| panic!("unreadable wrk output:\n{out}"));
        requests += run.requests;
        errors += run.errors;
        assert!(server.is_running(), "the server died:\n{out}");
        // Size the next run by the rate so far, with a tenth to spare.
        let rate = requests as f64 / start.elapsed().as_secs_f64();
        let left = TARGET_REQUESTS.saturating_sub(requests) as f64;
        secs = ((left / rate.max(1.0) * 1.1).ceil() as u64).clamp(1, MAX_WRK_RUN_SECS);
    }
    let elapsed = start.elapsed();
    let rss = rss_figures(&sampler.finish());
    report("http_server.py + wrk", requests, errors, elapsed, &rss);
    check("http_server.py", requests, errors, &rss);
}

#[test]
fn kv_server_takes_a_million_redis_benchmark_requests_without_errors_or_growth() {
    let name = "kv_server_takes_a_million_redis_benchmark_requests_without_errors_or_growth";
    let Some(bench) = tool("redis-benchmark", name) else { return };
    let _serial = SOAK.lock().unwrap_or_else(|p| p.into_inner());
    let mut server = Server::start("kv_server.py");
    let port = server.port.to_string();
    let per_test = (TARGET_REQUESTS / REDIS_TESTS).to_string();
    let sampler = RssSampler::start(server.child.id(), SAMPLE_EVERY);
    let start = Instant::now();
    let (ok, out) = run_within(
        Command::new(bench).args([
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "-c",
            CONNECTIONS,
            "-t",
            "ping,set,get,incr",
            "-P",
            REDIS_PIPELINE,
            "-n",
            &per_test,
            "-q",
        ]),
        SOAK_TIMEOUT,
    );
    let elapsed = start.elapsed();
    let rss = rss_figures(&sampler.finish());
    assert!(ok, "redis-benchmark failed:\n{out}");
    assert!(server.is_running(), "the server died:\n{out}");
    let mut requests = 0;
    for test in ["PING_INLINE", "PING_MBULK", "SET", "GET", "INCR"] {
        assert!(out.contains(&format!("{test}: ")), "{test} missing:\n{out}");
        requests += TARGET_REQUESTS / REDIS_TESTS;
    }
    // redis-benchmark reports a server error by printing it (and exiting); count those lines.
    let errors = out.lines().filter(|l| l.to_lowercase().contains("error")).count() as u64;
    report("kv_server.py + redis-benchmark", requests, errors, elapsed, &rss);
    check("kv_server.py", requests, errors, &rss);
}

/// Connections opened and closed by the churn test, and the client threads opening them.
const CHURN_CONNECTIONS: usize = 20_000;
const CHURN_THREADS: usize = 4;

/// One `Connection: close` request on a fresh connection; true when it was answered.
fn one_shot_request(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = s.set_read_timeout(Some(support::CLIENT_TIMEOUT));
    if s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").is_err() {
        return false;
    }
    let mut reply = Vec::new();
    s.read_to_end(&mut reply).is_ok() && reply.starts_with(b"HTTP/1.1 200 OK")
}

/// A connection's objects must all be freed when it closes. This caught the transport's cached
/// feed route keeping the reader (and through it the transport) alive: about 2 KiB a
/// connection, which wrk's few long-lived connections never showed.
#[test]
fn connection_churn_does_not_grow_the_http_servers_memory() {
    let _serial = SOAK.lock().unwrap_or_else(|p| p.into_inner());
    let mut server = Server::start("http_server.py");
    let port = server.port;
    let sampler = RssSampler::start(server.child.id(), SAMPLE_EVERY);
    let start = Instant::now();
    let clients: Vec<_> = (0..CHURN_THREADS)
        .map(|_| {
            std::thread::spawn(move || {
                (0..CHURN_CONNECTIONS / CHURN_THREADS).filter(|_| !one_shot_request(port)).count() as u64
            })
        })
        .collect();
    let errors: u64 = clients.into_iter().map(|c| c.join().unwrap()).sum();
    let elapsed = start.elapsed();
    let rss = rss_figures(&sampler.finish());
    assert!(server.is_running(), "the server died");
    report("http_server.py connection churn", CHURN_CONNECTIONS as u64, errors, elapsed, &rss);
    assert_eq!(errors, 0, "{errors} connections were not answered");
    assert!(rss.growth() < MAX_GROWTH, "RSS grew {:.2}% over the churn: {rss:?}", rss.growth() * 100.0);
}
