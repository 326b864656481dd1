# A coroutine parked in asyncio.sleep() on one loop, driven by hand while another loop runs
# a task sleeping on a timer of its own (the same timer slot): the other loop's timer is
# not the parked one's, and its task is not disturbed.
import asyncio


async def sleeper(tag, d):
    print(tag, "sleeps")
    try:
        await asyncio.sleep(d)
    except ValueError:
        print(tag, "got ValueError")
        raise
    print(tag, "woke")
    return tag


async def start_t():
    t = asyncio.get_running_loop().create_task(sleeper("T", 0.05))
    await asyncio.sleep(0)
    return t


def other_loop_pokes(poke):
    loop_a = asyncio.new_event_loop()
    t = loop_a.run_until_complete(start_t())
    print("T done?", t.done())

    async def main():
        u = asyncio.create_task(sleeper("U", 0.05))
        await asyncio.sleep(0)
        poke(t.get_coro())
        print("U result:", await asyncio.wait_for(u, 2))

    asyncio.run(main())
    print("T done?", t.done())
    try:
        print("T result:", loop_a.run_until_complete(asyncio.wait_for(t, 0.3)))
    except BaseException as e:
        print("T:", type(e).__name__, e)
    loop_a.close()


def send(coro):
    print("send yields:", coro.send(None) is not None)


def throw(coro):
    try:
        coro.throw(ValueError("x"))
    except ValueError as e:
        print("throw out:", e)


other_loop_pokes(send)
other_loop_pokes(throw)
