# A request-scoped variable across tasks, TaskGroup children, queue workers and await chains.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default=None)
log = []


def note(event):
    log.append(f"{request.get()}:{event}")


async def db_query(q):
    await asyncio.sleep(0)
    note(f"query {q}")
    return q.upper()


async def handle(rid, queue):
    request.set(rid)
    note("start")
    result = await db_query(f"select {rid}")
    await queue.put((rid, result))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(db_query("child"))
    note("end")


async def worker(queue):
    request.set("worker")
    for _ in range(3):
        rid, result = await queue.get()
        note(f"got {rid} {result}")


async def main():
    queue = asyncio.Queue()
    w = asyncio.create_task(worker(queue))
    await asyncio.gather(*(handle(f"r{i}", queue) for i in range(3)))
    await w
    note("main done")


asyncio.run(main())
for line in log:
    print(line)
