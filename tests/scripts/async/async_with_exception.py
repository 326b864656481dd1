# Exception inside async with: __aexit__ receives it; returning True suppresses
# it, returning False lets it propagate; an exception in __aenter__ skips the
# body and __aexit__.
import asyncio

class Guard:
    def __init__(self, suppress):
        self.suppress = suppress

    async def __aenter__(self):
        return self

    async def __aexit__(self, et, ev, tb):
        print('aexit got', et.__name__ if et else None, repr(ev))
        await asyncio.sleep(0)
        return self.suppress

class BadEnter:
    async def __aenter__(self):
        raise PermissionError('cannot enter')

    async def __aexit__(self, *a):
        print('never called')

async def main():
    async with Guard(True):
        raise ValueError('swallowed')
    print('after suppressed block')
    try:
        async with Guard(False):
            raise IndexError('escapes')
    except IndexError as e:
        print('propagated', e)
    try:
        async with BadEnter():
            print('body not run')
    except PermissionError as e:
        print('enter failed:', e)

asyncio.run(main())
