# The TypeErrors of a broken async-iteration protocol: no __aiter__, __aiter__ returning
# a non-iterator, __anext__ returning something that cannot be awaited, and aiter()/anext()
# on plain objects.
import asyncio


class AiterReturnsInt:
    def __aiter__(self):
        return 42


class NoAnext:
    def __aiter__(self):
        return self


class SyncAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def main():
    for obj in ([1, 2], AiterReturnsInt(), NoAnext(), SyncAnext()):
        try:
            async for v in obj:
                print("got", v)
        except TypeError as e:
            cause = e.__cause__
            print("TypeError:", e, "| cause:", cause if cause is None else f"{type(cause).__name__}: {cause}")
    try:
        print([v async for v in SyncAnext()])
    except TypeError as e:
        print("comprehension TypeError:", e)
    for obj in (5, [1]):
        try:
            aiter(obj)
        except TypeError as e:
            print("aiter TypeError:", e)
        try:
            await anext(obj)
        except TypeError as e:
            print("anext TypeError:", e)
    try:
        await anext(SyncAnext())
    except TypeError as e:
        print("anext TypeError:", e)


asyncio.run(main())
