# Creates N asyncio tasks (N = argv[1]) that raise and are caught, each keeping a cycle
# through its exception; peak memory does not depend on N.
import asyncio
import sys

N = int(sys.argv[1])


async def boom(i):
    me = asyncio.current_task()
    err = ValueError(i)
    err.task = me
    raise err


async def main():
    caught = 0
    for i in range(N):
        t = asyncio.create_task(boom(i))
        try:
            await t
        except ValueError as e:
            caught += 1
            e.task = t
    print("caught", caught)


asyncio.run(main())
