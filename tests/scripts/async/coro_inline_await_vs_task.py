# Awaiting a coroutine directly runs it inline, without an event-loop
# iteration; a task created earlier only starts when the caller yields.
import asyncio

async def leaf(tag, log):
    log.append('leaf ' + tag)
    return tag.upper()

async def middle(tag, log):
    log.append('middle enter ' + tag)
    v = await leaf(tag, log)
    log.append('middle exit ' + tag)
    return v + '!'

async def background(log):
    log.append('background ran')

async def main():
    log = []
    t = asyncio.create_task(background(log))
    r1 = await middle('a', log)
    r2 = await middle('b', log)
    log.append('results ' + r1 + ' ' + r2)
    log.append('task done before yield: ' + str(t.done()))
    await asyncio.sleep(0)
    log.append('task done after yield: ' + str(t.done()))
    for line in log:
        print(line)

asyncio.run(main())
