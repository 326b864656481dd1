# asyncio.run finalizes async generators left suspended (shutdown_asyncgens):
# the generator's finally runs before run() returns. A single generator only.
import asyncio

async def stream():
    try:
        yield 1
        yield 2
    finally:
        print('stream finalized')

holder = []

async def main():
    g = stream()
    holder.append(g)
    print('first value', await g.__anext__())
    print('main returns with the generator suspended')

asyncio.run(main())
print('after run')
