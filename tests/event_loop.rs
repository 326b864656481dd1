//! The event loop seen from outside the process: an idle loop costs no CPU, and a burst of
//! a million tasks runs and gives its memory back. (Timer order, equal deadlines and
//! cancelled timers are unit-tested in `src/runtime/`; scheduling order is covered by the
//! behaviour scripts under `tests/scripts/async`.)
//!
//! Linux only: both tests read `/proc`.

#![cfg(target_os = "linux")]

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `USER_HZ`: the unit of the CPU times in `/proc/<pid>/stat` (fixed at 100 on Linux).
const TICKS_PER_SECOND: f64 = 100.0;

fn spawn(source: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_gyre"))
        .arg("-c")
        .arg(source)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start gyre")
}

/// User plus system CPU seconds the process has used so far.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc/<pid>/stat");
    // The command name (field 2) may hold spaces; the fields after it are plain.
    let after_name = &stat[stat.rfind(')').expect("stat format") + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 = fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    ticks as f64 / TICKS_PER_SECOND
}

fn finish(mut child: Child) -> (bool, String, String) {
    let mut out = String::new();
    let mut err = String::new();
    child.stdout.take().expect("stdout").read_to_string(&mut out).expect("read stdout");
    child.stderr.take().expect("stderr").read_to_string(&mut err).expect("read stderr");
    let ok = child.wait().expect("wait").success();
    (ok, out, err)
}

#[test]
fn an_idle_loop_sleeping_one_second_uses_almost_no_cpu() {
    let started = Instant::now();
    let child = spawn("import asyncio\nasyncio.run(asyncio.sleep(1))\nprint('woke')\n");
    // Sample while the loop waits on its timer, well before it fires.
    std::thread::sleep(Duration::from_millis(800));
    let cpu = cpu_seconds(child.id());
    let (ok, out, err) = finish(child);
    assert!(ok && out == "woke\n", "gyre failed: {out:?} {err:?}");
    assert!(started.elapsed() >= Duration::from_secs(1), "the sleep ended early");
    // Start-up takes a few milliseconds; a spinning loop would have used ~0.8 s by now.
    assert!(cpu < 0.1, "the idle loop used {cpu} s of CPU in 0.8 s");
}

/// A million tasks each sleeping 10 ms, gathered; the script prints its resident memory
/// (VmRSS, KiB) before, at the peak, and once the loop has gone idle afterwards.
const MILLION_TASKS: &str = r#"
import asyncio

def rss():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS'):
                return int(line.split()[1])

async def main():
    base = rss()
    results = await asyncio.gather(*[asyncio.sleep(0.01) for _ in range(1_000_000)])
    done = len(results)
    peak = rss()
    results = None
    await asyncio.sleep(0.05)
    print(done, base, peak, rss())

asyncio.run(main())
"#;

#[test]
fn a_million_sleeping_tasks_gather_and_give_their_memory_back() {
    let (ok, out, err) = finish(spawn(MILLION_TASKS));
    assert!(ok, "gyre failed: {err}");
    let nums: Vec<u64> = out.split_whitespace().map(|w| w.parse().expect("a number")).collect();
    let [done, base, peak, after] = nums[..] else { panic!("unexpected output {out:?}") };
    assert_eq!(done, 1_000_000);
    assert!(peak > base, "no growth measured: {out}");
    // Back near the baseline: at most a twentieth of what the burst took.
    let burst = peak - base;
    assert!(
        after <= base + burst / 20,
        "after the burst: base {base} KiB, peak {peak} KiB, after {after} KiB"
    );
}

#[test]
fn a_green_thread_blocked_on_an_event_under_a_loop_is_woken_not_polled() {
    // The loop steps green threads through `threading._pump`: count its calls while a thread
    // waits 0.3 s for an Event. Polling (as before: every millisecond) would call it ~300
    // times; a wake-up by `set()` needs a handful.
    let script = "\
import asyncio, threading
calls = 0
real_pump = threading._pump
def counting_pump():
    global calls
    calls += 1
    return real_pump()
threading._pump = counting_pump
async def main():
    ev = threading.Event()
    t = threading.Thread(target=lambda: print('woken', ev.wait(5)))
    t.start()
    await asyncio.sleep(0.3)
    ev.set()
    await asyncio.sleep(0.01)
    print('alive', t.is_alive())
asyncio.run(main())
print('pumps', calls)
";
    let (ok, out, err) = finish(spawn(script));
    assert!(ok, "gyre failed: {out:?} {err:?}");
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("woken True"), "{out:?}");
    assert_eq!(lines.next(), Some("alive False"), "{out:?}");
    let pumps: u32 =
        lines.next().and_then(|l| l.strip_prefix("pumps ")).and_then(|n| n.parse().ok()).expect("pumps line");
    assert!(pumps < 10, "the waiting thread was stepped {pumps} times in 0.3 s");
}
