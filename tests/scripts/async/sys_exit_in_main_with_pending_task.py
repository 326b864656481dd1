# sys.exit(n) in the main task while another task is pending: asyncio.run's shutdown still
# cancels the pending task (its finally runs) and the program exits with n, not with
# "Event loop stopped before Future completed".
import asyncio
import sys


async def heartbeat(log):
    try:
        while True:
            await asyncio.sleep(0.01)
            log.append("beat")
    finally:
        print("heartbeat cleanup after", len(log), "beats" if log else "no beats")


async def main():
    log = []
    asyncio.create_task(heartbeat(log))
    await asyncio.sleep(0)
    print("config check failed, exiting")
    sys.exit(5)


try:
    asyncio.run(main())
finally:
    print("asyncio.run left")
