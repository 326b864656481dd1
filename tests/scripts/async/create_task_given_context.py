# create_task(coro, context=ctx) runs the task's steps in that very Context.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")


async def read(tag):
    await asyncio.sleep(0)
    print(tag, var.get())
    var.set(tag + "-set")
    return var.get()


async def main():
    var.set("main")
    ctx = contextvars.Context()
    print(await asyncio.create_task(read("fresh"), context=ctx))
    print(ctx.get(var), var.get())
    copied = contextvars.copy_context()
    print(await asyncio.get_running_loop().create_task(read("copied"), context=copied))
    print(copied[var], var.get())
    print(await asyncio.create_task(read("implicit")))
    print(var.get())


asyncio.run(main())
