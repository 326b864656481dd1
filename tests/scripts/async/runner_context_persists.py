# asyncio.Runner runs every main task in one contextvars.Context (made at the first run), so
# a variable one run sets is seen by the next run and by tasks created there; asyncio.run
# starts from a copy of the caller's context each time.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")


async def set_var(v):
    var.set(v)
    return var.get()


async def child():
    return var.get()


async def get_var():
    return var.get(), await asyncio.create_task(child())


with asyncio.Runner() as runner:
    print(runner.run(get_var()))
    print(runner.run(set_var("first")))
    print(runner.run(get_var()))
    print(runner.run(set_var("second")))
    print(runner.run(get_var()))
    ctx = contextvars.copy_context()
    print(runner.run(set_var("explicit"), context=ctx), ctx[var])
    print(runner.run(get_var()))

print("top level:", var.get())
asyncio.run(set_var("run"))
print("after asyncio.run:", asyncio.run(get_var()))
var.set("top")
print("inherits top level:", asyncio.run(get_var()))
