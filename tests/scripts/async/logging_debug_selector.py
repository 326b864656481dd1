# With logging at DEBUG, making an event loop logs "Using selector: EpollSelector" on the
# asyncio logger, as CPython's selector loop does (gyre printed nothing).
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)s:%(name)s:%(message)s")


async def main():
    logging.getLogger("app").info("running")
    await asyncio.sleep(0)
    return 7


print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(main()))
loop.close()
logging.getLogger("asyncio").setLevel(logging.INFO)
print(asyncio.run(main()))
