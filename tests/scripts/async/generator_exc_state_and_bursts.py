# The exception a suspended generator or coroutine is handling (sys.exc_info) is its own
# across switches, and its resumer's is restored when it suspends; callbacks and task steps
# queued in bursts of thousands run in FIFO order, one iteration at a time.
import asyncio
import sys

log = []


def cb(i):
    log.append(i)


async def step(i, out):
    out.append(("a", i))
    await asyncio.sleep(0)
    out.append(("b", i))


def gen_in_except():
    try:
        raise KeyError("outer")
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]


async def coro_in_except(tag, out):
    try:
        raise ValueError(tag)
    except ValueError:
        await asyncio.sleep(0)
        out.append((tag, repr(sys.exc_info()[1])))
    out.append((tag, sys.exc_info()[1]))


def ctx_gen():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        try:
            raise ValueError("v")
        except ValueError as e:
            yield repr(e.__context__)
    yield sys.exc_info()[1]


def plain_checks():
    g = ctx_gen()
    print(next(g))
    try:
        raise IndexError("resumer")
    except IndexError:
        print(next(g), repr(sys.exc_info()[1]))
    print(sys.exc_info()[1])
    g = gen_in_except()
    next(g)
    try:
        g.throw(TypeError("thrown"))
    except TypeError as e:
        print("thrown out:", repr(e))
    print(sys.exc_info()[1])
    g = gen_in_except()
    try:
        raise LookupError("before close")
    except LookupError:
        next(g)
        g.close()
        print(repr(sys.exc_info()[1]))


async def main():
    plain_checks()
    loop = asyncio.get_running_loop()
    for i in range(2500):
        loop.call_soon(cb, i)
    await asyncio.sleep(0)
    print(len(log), log == list(range(2500)))
    log.clear()
    # callbacks that queue more: they run in the next iteration, after the rest
    def chain(i):
        log.append(i)
        if i < 3000:
            loop.call_soon(chain, i + 3000)
    for i in range(3000):
        loop.call_soon(chain, i)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(len(log), log[:3], log[2998:3003], log[-2:])
    out = []
    await asyncio.gather(*[step(i, out) for i in range(2100)])
    a = [i for k, i in out if k == "a"]
    b = [i for k, i in out if k == "b"]
    print(len(out), a == list(range(2100)), b == list(range(2100)), out.index(("b", 0)))
    g = gen_in_except()
    try:
        raise RuntimeError("caller")
    except RuntimeError:
        print(repr(next(g)), repr(sys.exc_info()[1]))
    print(repr(next(g)), sys.exc_info()[1])
    out = []
    try:
        raise OSError("main")
    except OSError:
        await asyncio.gather(coro_in_except("x", out), coro_in_except("y", out))
        print(repr(sys.exc_info()[1]))
    print(out)


asyncio.run(main())
