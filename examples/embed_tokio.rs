//! gyre inside a tokio application, host-driven: tokio owns the thread and the clock, and
//! gyre's tasks run whenever tokio polls the `AsyncCall` future. Script tasks, a host async
//! function built on tokio's timer, and an ordinary tokio task all progress concurrently on
//! one thread. (The interpreter is `!Send`, so it lives in a `LocalSet`.)

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

const SCRIPT: &str = r#"
import asyncio

async def worker(name, delays):
    for d in delays:
        await asyncio.sleep(d)           # gyre's own timer
        note(f"gyre {name} after {d}")
    return name

async def main():
    slept = await tokio_sleep(30)        # a tokio timer, awaited from the script
    note(f"script awaited tokio_sleep({slept})")
    return await asyncio.gather(worker("a", [0.01, 0.02]), worker("b", [0.025]))
"#;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), gyre::Error> {
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async move {
            let mut interp = gyre::Interpreter::new();
            let sink = log.clone();
            interp.register_fn("note", move |line: String| sink.borrow_mut().push(line));
            // Polled by gyre's loop, inside tokio's context (the AsyncCall runs in tokio).
            interp.register_async_fn("tokio_sleep", |ms: u64| async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                ms
            });
            interp.exec(SCRIPT)?;

            let tokio_log = log.clone();
            let ticker = tokio::task::spawn_local(async move {
                for i in 0..4 {
                    tokio::time::sleep(Duration::from_millis(15)).await;
                    tokio_log.borrow_mut().push(format!("tokio tick {i}"));
                }
            });

            let started = Instant::now();
            let names: Vec<String> = interp.call_async("main", ()).await?;
            ticker.await.expect("the tokio task ran");
            for line in log.borrow().iter() {
                println!("{line}");
            }
            println!(
                "gyre returned {names:?} in {} ms, interleaved with tokio",
                started.elapsed().as_millis()
            );
            Ok(())
        })
        .await
}
