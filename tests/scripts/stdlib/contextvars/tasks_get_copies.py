# Each asyncio task runs in a copy of the context it was created in.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


async def handler(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0)
    inner = await asyncio.create_task(nested())
    return f"{n}: {request_id.get()} {inner} {user.get('anon')}"


async def nested():
    await asyncio.sleep(0)
    value = request_id.get()
    request_id.set("changed-in-child")
    return value


async def main():
    user.set("alice")
    print(await asyncio.gather(*(handler(i) for i in range(3))))
    print(request_id.get(), user.get())
    t = asyncio.create_task(handler(9))
    user.set("bob")
    print(await t)
    print(user.get())


print(request_id.get(), user.get("none yet"))
asyncio.run(main())
print(request_id.get(), user.get("still none"))
user.set("outer")
asyncio.run(main())
print(user.get())
