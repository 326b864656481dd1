# call_soon/call_later accept any object (CPython checks callbacks only in debug mode); a
# non-callable fails when its handle runs and goes to the exception handler, and the
# callbacks after it still run.
import asyncio


def handler(loop, context):
    exc = context.get("exception")
    print("handler:", context["message"], type(exc).__name__, exc)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    out = []
    loop.call_soon(out.append, 1)
    h = loop.call_soon(42)
    print(type(h).__name__, h.cancelled())
    loop.call_soon(out.append, 2)
    loop.call_later(0, None)
    loop.call_later(0, out.append, 3)
    await asyncio.sleep(0.01)
    print(out)


asyncio.run(main())
