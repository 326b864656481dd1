# Scheduling on a closed loop raises "Event loop is closed"; create_future still works.
import asyncio

loop = asyncio.new_event_loop()
loop.close()


async def job():
    return 1


attempts = [
    ("call_soon", lambda: loop.call_soon(print)),
    ("call_later", lambda: loop.call_later(1, print)),
    ("call_at", lambda: loop.call_at(loop.time() + 1, print)),
    ("run_forever", loop.run_forever),
    ("create_future", loop.create_future),
]
for name, attempt in attempts:
    try:
        r = attempt()
        print(name, "ok:", type(r).__name__)
    except RuntimeError as e:
        print(name, "RuntimeError:", e)
coro = job()
try:
    loop.create_task(coro)
except RuntimeError as e:
    print("create_task RuntimeError:", e)
coro.close()
try:
    loop.run_until_complete(asyncio.sleep(0))
except RuntimeError as e:
    print("run_until_complete RuntimeError:", e)
print("closed:", loop.is_closed())
