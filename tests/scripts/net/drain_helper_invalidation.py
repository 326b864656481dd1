# StreamWriter.drain() and the protocol's _drain_helper: overridden by a subclass, shadowed by
# an instance attribute, replaced on the class after use, a paused protocol (drain waits for
# resume_writing), a lost connection, and a reader with an exception.
import asyncio
from asyncio.streams import FlowControlMixin, StreamWriter


class FakeTransport:
    def __init__(self):
        self.closing = False

    def is_closing(self):
        return self.closing

    def write(self, data):
        print("write", data)

    def close(self):
        pass


class Counting(FlowControlMixin):
    calls = 0

    async def _drain_helper(self):
        Counting.calls += 1
        print("subclass helper", self._paused)
        await super()._drain_helper()


class PausedProp(FlowControlMixin):
    @property
    def _paused(self):
        print("property read")
        return False

    @_paused.setter
    def _paused(self, v):
        pass


async def main():
    loop = asyncio.get_running_loop()
    t = FakeTransport()

    p = FlowControlMixin(loop)
    w = StreamWriter(t, p, None, loop)
    w.write(b"a")
    print("plain", await w.drain())

    c = Counting(loop)
    w = StreamWriter(t, c, None, loop)
    await w.drain()
    print("counted", Counting.calls)

    p2 = FlowControlMixin(loop)

    async def own():
        print("instance helper")
    p2._drain_helper = own
    await StreamWriter(t, p2, None, loop).drain()

    # replacing the method on the class after drains went through
    p3 = FlowControlMixin(loop)
    w3 = StreamWriter(t, p3, None, loop)
    await w3.drain()
    saved = FlowControlMixin._drain_helper

    async def patched(self):
        print("patched helper")
    FlowControlMixin._drain_helper = patched
    await w3.drain()
    FlowControlMixin._drain_helper = saved
    await w3.drain()
    print("restored")

    # a paused protocol: drain waits until resume_writing
    p4 = FlowControlMixin(loop)
    w4 = StreamWriter(t, p4, None, loop)
    p4.pause_writing()
    task = asyncio.create_task(w4.drain())
    await asyncio.sleep(0)
    print("waiting", task.done(), len(p4._drain_waiters))
    p4.resume_writing()
    await task
    print("resumed", len(p4._drain_waiters))

    # a lost connection
    p4.connection_lost(None)
    try:
        await w4.drain()
    except ConnectionResetError as e:
        print("ConnectionResetError", e)
    d = w4.drain()
    print("coroutine", asyncio.iscoroutine(d))
    task = asyncio.create_task(d)
    await asyncio.sleep(0)
    print("task failed", type(task.exception()).__name__)

    # attributes set on the instance by hand
    p5 = FlowControlMixin(loop)
    p5._paused = 0
    await StreamWriter(t, p5, None, loop).drain()
    print("falsy int paused ok")
    p5._connection_lost = 1
    try:
        await StreamWriter(t, p5, None, loop).drain()
    except ConnectionResetError as e:
        print("int lost", e)

    pp = PausedProp(loop)
    await StreamWriter(t, pp, None, loop).drain()
    print("property protocol done")

    # a reader holding an exception, and a closing transport
    r = asyncio.StreamReader()
    r.set_exception(ValueError("bad"))
    try:
        await StreamWriter(t, FlowControlMixin(loop), r, loop).drain()
    except ValueError as e:
        print("reader exception", e)
    t.closing = True
    await StreamWriter(t, FlowControlMixin(loop), None, loop).drain()
    print("closing transport drained")


asyncio.run(main())
