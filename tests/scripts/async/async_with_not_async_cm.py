# Using a plain (sync) context manager with async with, or an async one with
# plain with, raises TypeError (3.11 messages).
import asyncio

class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

class AsyncOnly:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        return False

async def main():
    try:
        async with SyncOnly():
            pass
    except TypeError as e:
        print('TypeError:', e)
    try:
        with AsyncOnly():
            pass
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
