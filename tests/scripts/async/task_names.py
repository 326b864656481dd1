# create_task(name=...), default names follow the Task-N pattern (only the
# prefix is printed), set_name / get_name.
import asyncio

async def noop():
    await asyncio.sleep(0)

async def main():
    named = asyncio.create_task(noop(), name='fetcher')
    print(named.get_name())
    unnamed = asyncio.create_task(noop())
    print(unnamed.get_name().startswith('Task-'))
    unnamed.set_name('renamed')
    print(unnamed.get_name())
    numeric = asyncio.create_task(noop(), name=123)
    print(repr(numeric.get_name()))
    print(asyncio.current_task().get_name().startswith('Task-'))
    await asyncio.gather(named, unnamed, numeric)

asyncio.run(main())
