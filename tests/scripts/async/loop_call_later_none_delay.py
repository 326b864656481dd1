# loop.call_later(None, ...) and loop.call_at(None, ...) raise TypeError with CPython's
# messages; other delays work as numbers.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for call in (lambda: loop.call_later(None, print), lambda: loop.call_at(None, print)):
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)
    fut = loop.create_future()
    loop.call_later(0, fut.set_result, "int delay")
    print(await fut)
    fut = loop.create_future()
    loop.call_at(loop.time(), fut.set_result, "call_at now")
    print(await fut)


asyncio.run(main())
