# wait_for with timeout 0 (and negative): in 3.11 a coroutine that is not
# already done is cancelled and TimeoutError raised; a done future returns.
import asyncio

async def never_started():
    print('this body never prints')
    return 1

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(never_started(), timeout=0)
    except TimeoutError:
        print('timeout 0 -> TimeoutError')
    f = loop.create_future()
    f.set_result('ready')
    print(await asyncio.wait_for(f, timeout=0))
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=-5)
    except TimeoutError:
        print('negative timeout -> TimeoutError')

asyncio.run(main())
