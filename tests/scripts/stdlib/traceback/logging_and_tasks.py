# logging.exception and asyncio tasks report tracebacks through the traceback module.
import asyncio
import logging
import sys
import traceback



class Clean:
    # A stream that hides the checkout path of this script.
    def write(self, s):
        sys.stdout.write(s.replace(__file__, "FILE"))

    def flush(self):
        pass


logging.basicConfig(stream=Clean(), level=logging.INFO, format="%(levelname)s:%(message)s")
log = logging.getLogger("demo")


def parse(s):
    return int(s)


try:
    parse("x1")
except ValueError:
    log.exception("could not parse")


async def worker(n):
    await asyncio.sleep(0)
    if n == 2:
        raise LookupError(f"worker {n} failed")
    return n


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(4)), return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            text = "".join(traceback.format_exception(r))
            print(text.replace(__file__, "FILE"))
        else:
            print("ok", r)
    task = asyncio.create_task(worker(2))
    try:
        await task
    except LookupError:
        for line in traceback.format_exc().replace(__file__, "FILE").splitlines():
            if "asyncio" not in line:
                print(line)


asyncio.run(main())
