//! An async host function: a Rust future scripts await like a coroutine. The script gathers
//! 100 calls that each sleep 50 ms; they run concurrently on gyre's event loop, so the whole
//! gather takes about 50 ms, not 5 s. No async runtime is involved: the sleep is a tiny
//! thread-timed future, polled by gyre's loop with a waker that posts to the loop's inbox.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// Whether the timer fired, and the waker to call when it does.
type Shared = Arc<Mutex<(bool, Option<Waker>)>>;

/// Completes after `duration` (timed on a helper thread).
struct Sleep {
    duration: Duration,
    shared: Option<Shared>,
}

fn sleep(duration: Duration) -> Sleep {
    Sleep { duration, shared: None }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let duration = self.duration;
        let shared = self.shared.get_or_insert_with(|| {
            let shared = Arc::new(Mutex::new((false, None::<Waker>)));
            let timer = shared.clone();
            std::thread::spawn(move || {
                std::thread::sleep(duration);
                let waker = {
                    let mut s = timer.lock().unwrap();
                    s.0 = true;
                    s.1.take()
                };
                if let Some(w) = waker {
                    w.wake();
                }
            });
            shared
        });
        let mut s = shared.lock().unwrap();
        if s.0 {
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

const SCRIPT: &str = r#"
import asyncio

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(100)))
    return results
"#;

fn main() -> Result<(), gyre::Error> {
    let mut interp = gyre::Interpreter::new();
    interp.register_async_fn("fetch", |i: i64| async move {
        sleep(Duration::from_millis(50)).await;
        i * i
    });
    interp.exec(SCRIPT)?;

    let started = Instant::now();
    let results: Vec<i64> = interp.run("main", ())?;
    let elapsed = started.elapsed();

    println!("{} results, sum {}", results.len(), results.iter().sum::<i64>());
    println!("100 calls of 50 ms took {} ms (sequentially: 5000 ms)", elapsed.as_millis());
    assert!(elapsed < Duration::from_millis(1000), "the calls did not overlap");
    Ok(())
}
