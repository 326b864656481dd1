"""add_signal_handler/remove_signal_handler errors as CPython's unix loop raises them, and
close() removing the handlers."""
import asyncio, signal


async def main():
    loop = asyncio.get_running_loop()
    for bad in (signal.SIGKILL, signal.SIGSTOP, 0, 32, 65, -1, 1.5, "x", None, 2**70):
        try:
            loop.add_signal_handler(bad, print)
        except Exception as e:
            print("add", bad, type(e).__name__, e)
        try:
            print("remove", bad, loop.remove_signal_handler(bad))
        except Exception as e:
            print("remove", bad, type(e).__name__, e)

    async def coro():
        pass
    for c in (coro, coro()):
        try:
            loop.add_signal_handler(signal.SIGHUP, c)
        except TypeError as e:
            print(type(e).__name__, e)
        if not callable(c):
            c.close()
    print(loop.add_signal_handler(signal.SIGHUP, print, "hup"))
    print(loop.add_signal_handler(True, print))
    print(loop.remove_signal_handler(signal.SIGHUP), loop.remove_signal_handler(signal.SIGHUP))


asyncio.run(main())
loop = asyncio.new_event_loop()
loop.add_signal_handler(signal.SIGHUP, print, "hup")
loop.add_signal_handler(signal.SIGUSR1, print, "usr1")
loop.close()
print(loop.remove_signal_handler(signal.SIGHUP), loop.remove_signal_handler(signal.SIGUSR1))
for sig in (signal.SIGHUP, signal.SIGKILL, 0):
    try:
        loop.add_signal_handler(sig, print)
    except (RuntimeError, ValueError) as e:
        print("closed:", type(e).__name__, e)
