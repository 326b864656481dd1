# A task awaiting a future-like object that is not an instance (a class with the future
# protocol as class attributes): the task still records it as the future it waits on,
# shows it in its repr, and cancels it when cancelled.
import asyncio


class ClassFuture:
    _asyncio_future_blocking = False
    callbacks = []
    loop = None
    log = []

    @classmethod
    def get_loop(cls):
        return cls.loop

    @classmethod
    def add_done_callback(cls, cb, *, context=None):
        cls.callbacks.append(cb)

    @classmethod
    def cancel(cls, msg=None):
        cls.log.append(("cancel", msg))
        for cb in cls.callbacks:
            cls.loop.call_soon(cb, cls)
        return True

    @classmethod
    def result(cls):
        raise asyncio.CancelledError()

    @classmethod
    def done(cls):
        return bool(cls.log)

    @classmethod
    def cancelled(cls):
        return bool(cls.log)


class Awaitable:
    def __await__(self):
        ClassFuture._asyncio_future_blocking = True
        return (yield ClassFuture)


async def waiter():
    return await Awaitable()


async def main():
    ClassFuture.loop = asyncio.get_running_loop()
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(t._fut_waiter is ClassFuture)
    print("wait_for=<class" in repr(t))
    t.cancel("stop")
    await asyncio.sleep(0)
    print(ClassFuture.log)
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
    print(t._fut_waiter)


asyncio.run(main())
