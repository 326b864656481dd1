# call_soon callbacks run FIFO; callbacks scheduled by a callback run on the
# next iteration, after everything already queued.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []

    def cb(name, spawn=None):
        log.append(name)
        if spawn:
            loop.call_soon(cb, spawn)

    loop.call_soon(cb, 'a', 'a-child')
    loop.call_soon(cb, 'b')
    loop.call_soon(cb, 'c', 'c-child')
    h = loop.call_soon(cb, 'cancelled-handle')
    h.cancel()
    print('handle cancelled:', h.cancelled())
    await asyncio.sleep(0)
    log.append('main after 1 yield')
    await asyncio.sleep(0)
    log.append('main after 2 yields')
    print(log)

asyncio.run(main())
