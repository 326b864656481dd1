# sys.exit() inside the main task ends the program with its code; only the unretrieved
# child exception is reported, not the SystemExit.
import asyncio, sys
async def child():
    await asyncio.sleep(0.01)
    raise ValueError("child failed")
async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0.05)
    print("main continues")
    sys.exit(3)
asyncio.run(main())
