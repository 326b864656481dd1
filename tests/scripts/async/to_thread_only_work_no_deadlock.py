# The only thing the loop waits for is a worker thread: no ready callbacks, no timers, no
# I/O. That is not a deadlock; the loop sleeps until the thread's result arrives.
import asyncio
import time

async def main():
    started = time.monotonic()
    await asyncio.to_thread(time.sleep, 0.1)
    print('thread finished, waited', time.monotonic() - started >= 0.09)
    await asyncio.gather(asyncio.to_thread(time.sleep, 0.05), asyncio.to_thread(time.sleep, 0.05))
    print('two more finished')

asyncio.run(main())
