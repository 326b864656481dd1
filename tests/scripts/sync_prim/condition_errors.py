# Condition methods require the lock: wait/notify without it raise
# RuntimeError; a Condition can share an existing Lock.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print('wait:', e)
    try:
        cond.notify()
    except RuntimeError as e:
        print('notify:', e)
    try:
        cond.notify_all()
    except RuntimeError as e:
        print('notify_all:', e)
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with lock:
        print('shared condition sees lock held:', shared.locked())
    print('after release:', shared.locked())
    async with shared:
        shared.notify(5)
        print('notify with no waiters is fine')

asyncio.run(main())
