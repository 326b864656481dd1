# add_done_callback: callbacks run in registration order, one loop iteration
# after set_result (via call_soon), never synchronously. A callback added to
# an already-done future is scheduled too.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    f = loop.create_future()
    for name in ('first', 'second', 'third'):
        f.add_done_callback(lambda fut, n=name: log.append(f'{n} sees {fut.result()}'))
    loop.call_soon(log.append, 'call_soon scheduled before set_result')
    f.set_result('R')
    log.append('right after set_result')
    loop.call_soon(log.append, 'call_soon scheduled after set_result')
    f.add_done_callback(lambda fut: log.append('late callback'))
    log.append('late callback registered')
    await asyncio.sleep(0)
    log.append('main after one yield')
    print('\n'.join(log))

asyncio.run(main())
