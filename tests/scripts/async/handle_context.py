# Loop callbacks run in a context: a copy of the one current at call_soon/call_later time,
# or the context= given; variables a callback sets stay in that context.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="-")


def show(tag):
    print(tag, "sees", request.get())


def set_inside(value):
    request.set(value)
    print("set inside callback:", request.get())


async def main():
    loop = asyncio.get_running_loop()
    request.set("main-1")
    loop.call_soon(show, "call_soon")
    loop.call_later(0.001, show, "call_later")
    request.set("main-2")
    await asyncio.sleep(0.01)
    ctx = contextvars.copy_context()
    ctx.run(request.set, "in-ctx")
    loop.call_soon(show, "explicit context", context=ctx)
    loop.call_at(loop.time(), show, "call_at explicit", context=ctx)
    loop.call_soon(set_inside, "changed", context=ctx)
    loop.call_soon(set_inside, "lost")
    await asyncio.sleep(0.01)
    print("ctx now holds", ctx[request], "| main still", request.get())
    fut = loop.create_future()
    loop.call_soon(lambda: fut.set_result(request.get()), context=contextvars.Context())
    print("empty context:", await fut)

    async def worker():
        request.set("worker")
        loop.call_soon(show, "from worker")
        await asyncio.sleep(0)

    await asyncio.create_task(worker())
    await asyncio.sleep(0)
    show("main after worker")


asyncio.run(main())
