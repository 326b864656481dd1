# asyncio.Future[T] and asyncio.Task[T] are generic aliases, so annotations evaluated at
# run time (module level, parameters, return types) work as in CPython.
import asyncio

pending: list[asyncio.Task[None]] = []
results: asyncio.Queue[int] = asyncio.Queue()


def describe(alias):
    return alias.__origin__.__name__, alias.__args__


print(describe(asyncio.Future[str]), describe(asyncio.Task[int]), describe(asyncio.Queue[int]))
print(asyncio.Task[int].__origin__ is asyncio.Task, repr(asyncio.Task[int]), repr(asyncio.Future[str]))


async def produce(n: int) -> asyncio.Future[int]:
    fut: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    fut.set_result(n * 2)
    return fut


async def worker(fut: "asyncio.Future[int]", task_list: list[asyncio.Task[None]]) -> None:
    await results.put(await fut)


async def main() -> None:
    futs = [await produce(i) for i in range(3)]
    for f in futs:
        pending.append(asyncio.create_task(worker(f, pending)))
    await asyncio.gather(*pending)
    print([results.get_nowait() for _ in range(results.qsize())])
    print(worker.__annotations__["task_list"], produce.__annotations__["return"].__args__)


asyncio.run(main())
