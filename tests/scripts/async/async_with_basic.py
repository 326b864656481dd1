# async with: __aenter__/__aexit__ order, the value bound by `as`, and awaits
# inside both methods.
import asyncio

class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print('enter', self.name)
        await asyncio.sleep(0)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print('exit', self.name, exc_type)
        return False

async def main():
    async with Resource('outer') as a, Resource('inner') as b:
        print('body', a, b)
    print('done')

asyncio.run(main())
