# A task that catches CancelledError and keeps going is NOT cancelled: it
# returns normally and its result is available.
import asyncio

async def resilient():
    attempts = 0
    while True:
        try:
            attempts += 1
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('ignored cancellation', attempts)
            if attempts == 2:
                break
    await asyncio.sleep(0)
    return f'finished after {attempts} attempts'

async def main():
    t = asyncio.create_task(resilient())
    for _ in range(2):
        await asyncio.sleep(0)
        t.cancel()
        await asyncio.sleep(0)
    print(await t)
    print('cancelled():', t.cancelled(), 'cancelling():', t.cancelling())

asyncio.run(main())
