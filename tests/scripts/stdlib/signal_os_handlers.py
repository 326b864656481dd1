"""signal.signal handlers catch OS signals: one sent by os.kill runs before the next
statement (an exception it raises comes out of os.kill), SIG_IGN ignores, and one sent by
another process while asyncio sleeps runs between loop iterations."""
import asyncio
import os
import signal


def h(signum, frame):
    print("handler", signum, type(signum).__name__)


print(signal.signal(signal.SIGUSR1, h))
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill")
print(signal.getsignal(signal.SIGUSR1) is h)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h)
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored")


def raiser(signum, frame):
    raise RuntimeError("from handler %d" % signum)


signal.signal(signal.SIGUSR2, raiser)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    print("not reached")
except RuntimeError as e:
    print("caught", e)


async def main():
    stop = False

    def on_term(signum, frame):
        nonlocal stop
        print("term", signum)
        stop = True
    signal.signal(signal.SIGTERM, on_term)
    proc = await asyncio.create_subprocess_exec("kill", "-TERM", str(os.getpid()))
    while not stop:
        await asyncio.sleep(0.01)
    print("stopped", await proc.wait())


asyncio.run(main())
for sig in (signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2):
    signal.signal(sig, signal.SIG_DFL)
print("done")
