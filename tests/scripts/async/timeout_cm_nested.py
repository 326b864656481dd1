# Nested timeouts: the inner one fires first and is caught inside; then the
# outer one fires and is caught outside. Also the outer firing while the inner
# (longer) one is active.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.03):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner timeout caught')
            await asyncio.sleep(1)
    except TimeoutError:
        print('outer timeout caught')
    try:
        async with asyncio.timeout(0.03):
            try:
                async with asyncio.timeout(5):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('WRONG: inner reported')
    except TimeoutError:
        print('outer (shorter) timeout reported by outer block')

asyncio.run(main())
