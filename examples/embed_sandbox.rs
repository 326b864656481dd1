//! A sandbox: untrusted scripts under fuel, memory, recursion and time limits, with no
//! network, files or environment. Each hostile script ends in a clean error and the host
//! carries on with the next one (and with the same interpreter afterwards).

use std::time::{Duration, Instant};

use gyre::{Error, Interpreter, Limits};

const HOSTILE: &[(&str, &str)] = &[
    ("endless loop", "while True:\n    pass"),
    ("a 10 GB list", "data = [0] * (10 * 1024**3 // 8)"),
    ("a list grown forever", "xs = []\nn = 1024\nwhile True:\n    xs.append('x' * n)"),
    ("a huge string", "s = 'a' * 10**12"),
    ("a huge number", "n = 10**10**10"),
    ("infinite recursion", "def f(n):\n    return f(n + 1)\nf(0)"),
    ("a socket with net off", "import socket\nsocket.socket().connect(('example.com', 80))"),
    ("reading a file with fs off", "open('/etc/passwd').read()"),
    ("sleeping forever", "import asyncio\nasyncio.run(asyncio.sleep(10**6))"),
    (
        "swallowing the limit",
        "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass",
    ),
];

fn main() {
    let limits = Limits {
        fuel: Some(5_000_000),
        memory: Some(64 << 20),
        recursion: Some(500),
        time: Some(Duration::from_secs(1)),
    };
    let mut interp = Interpreter::builder().limits(limits).stdout(std::io::sink()).build();
    for (what, source) in HOSTILE {
        interp.set_fuel(Some(5_000_000));
        let started = Instant::now();
        let outcome = match interp.exec(source) {
            Ok(()) => "finished (!)".to_string(),
            Err(Error::Limit { limit, exception }) => format!("stopped: {limit} ({})", exception.type_name()),
            Err(e) => format!("failed: {e}"),
        };
        println!("{what:<28} {outcome} after {} ms", started.elapsed().as_millis());
        // Forget what the script left behind, so the next one starts with the memory free.
        for name in interp.globals().names() {
            if !name.starts_with("__") {
                interp.globals().remove(&name);
            }
        }
    }
    interp.set_fuel(Some(1_000_000));
    let ok: i64 = interp.eval("sum(range(1000))").expect("the interpreter still works");
    println!("the host carries on: sum(range(1000)) = {ok}");
}
