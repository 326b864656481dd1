# A coroutine (or generator) resumed inside an `except` block sees the caller's exception
# as the one being handled: sys.exc_info() inside it, and the __context__ of what it raises.
# So an exception raised by an async context manager's __aexit__ chains to the body's
# exception, and asyncio.timeout()'s TimeoutError has the CancelledError as __context__.
import asyncio
import sys
import traceback


async def peek():
    print("inside coroutine:", repr(sys.exc_info()[1]))
    raise KeyError("from coroutine")


def gen():
    print("inside generator:", repr(sys.exc_info()[1]))
    yield 1


class Closing:
    async def __aenter__(self):
        return self

    async def __aexit__(self, et, ev, tb):
        print("aexit sees:", repr(sys.exc_info()[1]))
        raise RuntimeError("exit failed")


async def own_handler():
    try:
        raise TypeError("own")
    except TypeError:
        await asyncio.sleep(0)
        return repr(sys.exc_info()[1])


async def main():
    print("outside:", sys.exc_info())
    try:
        raise ValueError("outer")
    except ValueError:
        next(gen())
        try:
            await peek()
        except KeyError as e:
            print("context:", repr(e.__context__))
        print("still handling:", repr(sys.exc_info()[1]))
        print("own handler:", await own_handler())
    print("after:", sys.exc_info())

    try:
        async with Closing():
            raise ValueError("body")
    except RuntimeError as e:
        print("aexit error context:", repr(e.__context__), e.__suppress_context__)
        print("".join(traceback.format_exception_only(e.__context__)), end="")

    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout cause:", repr(e.__cause__), "context:", repr(e.__context__))


asyncio.run(main())
