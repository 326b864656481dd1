# A task whose exception is never retrieved: asyncio only logs
# "Task exception was never retrieved" on stderr; stdout and the exit status
# are unaffected.
import asyncio

async def doomed():
    print('doomed runs')
    raise ValueError('nobody listens')

async def main():
    t = asyncio.create_task(doomed())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('task done:', t.done())
    del t
    print('main finishes normally')

asyncio.run(main())
print('exit normally')
