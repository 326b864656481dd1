# Many green threads (to_thread of script functions) suspended in time.sleep at once,
# each two calls deep, do not count towards the recursion limit.
import asyncio, time
def helper(d):
    time.sleep(d)
def blocking(i):
    helper(0.01)
    return i
async def main():
    r = await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(1500)))
    print(sum(r))
    def rec(n):
        return 0 if n == 0 else 1 + rec(n - 1)
    print(rec(900))
asyncio.run(main())
