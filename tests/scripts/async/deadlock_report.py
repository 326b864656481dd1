# gyre only: CPython hangs here forever. When nothing can ever wake the waiting tasks, gyre
# stops with a RuntimeError naming each task, where it is suspended and what it awaits
# (expected output written by hand: see COMPATIBILITY.md, "Deadlock report").
import asyncio

async def waits_on_event(ev):
    await ev.wait()

async def wait_fut(fut):
    return await fut

async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    a = asyncio.create_task(waits_on_event(ev), name='needs-event')
    b = asyncio.create_task(wait_fut(loop.create_future()), name='needs-future')
    await asyncio.sleep(0)
    print('everyone waits')
    await asyncio.gather(a, b)

asyncio.run(main())
