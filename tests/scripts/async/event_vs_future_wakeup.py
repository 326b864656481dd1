# Wakeup order when one callback resolves several primitives: an Event set
# first and a Future resolved second wake their waiters in that order.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    fut = loop.create_future()
    log = []

    async def on_future():
        log.append('future waiter: ' + await fut)

    async def on_event():
        await ev.wait()
        log.append('event waiter')

    tasks = [asyncio.create_task(on_future()), asyncio.create_task(on_event())]
    await asyncio.sleep(0)

    def trigger():
        ev.set()
        fut.set_result('value')
        log.append('trigger done')

    loop.call_soon(trigger)
    await asyncio.gather(*tasks)
    print('\n'.join(log))

asyncio.run(main())
