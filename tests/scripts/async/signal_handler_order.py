"""loop.add_signal_handler: a signal sent by os.kill runs its handler (with its arguments)
two loop iterations later, as CPython's self-pipe reader schedules it; a second
add_signal_handler replaces the handler."""
import asyncio, os, signal

ticked = None


def tick(loop, n):
    print("tick", n)
    if n < 5:
        loop.call_soon(tick, loop, n + 1)
    else:
        ticked.set()

async def main():
    global ticked
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    ticked = asyncio.Event()
    def on_usr1(*args):
        print("usr1", args)
    def on_usr2():
        print("usr2")
        done.set()
    loop.add_signal_handler(signal.SIGUSR1, on_usr1, 1, 2)
    loop.add_signal_handler(signal.SIGUSR2, on_usr2)
    def fire():
        print("fire")
        os.kill(os.getpid(), signal.SIGUSR1)
        print("after kill")
        loop.call_soon(tick, loop, 0)
    loop.call_soon(fire)
    await ticked.wait()
    # replace handler
    loop.add_signal_handler(signal.SIGUSR1, lambda: print("new usr1"))
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.sleep(0)
    print("slept0")
    await asyncio.sleep(0)
    print("slept0 again")
    os.kill(os.getpid(), signal.SIGUSR2)
    await done.wait()
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR2))

asyncio.run(main())
