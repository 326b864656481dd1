# call_later callbacks fire in deadline order; a cancelled TimerHandle never
# fires; call_later(0) runs after already-queued call_soon callbacks.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    done = loop.create_future()
    loop.call_later(0.09, log.append, 'late')
    loop.call_later(0.03, log.append, 'early')
    h = loop.call_later(0.06, log.append, 'cancelled')
    loop.call_later(0.06, log.append, 'middle')
    loop.call_later(0, log.append, 'zero-delay')
    loop.call_soon(log.append, 'soon')
    loop.call_later(0.12, done.set_result, None)
    h.cancel()
    print('timer handle cancelled:', h.cancelled())
    await done
    print(log)

asyncio.run(main())
