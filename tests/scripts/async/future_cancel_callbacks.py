# Cancelling a future runs its done-callbacks; cancelled() is True and
# result() raises CancelledError carrying the message.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda fut: print('callback, cancelled =', fut.cancelled()))
    print('cancel ->', f.cancel('why not'))
    print('done:', f.done())
    await asyncio.sleep(0)
    try:
        f.result()
    except asyncio.CancelledError as e:
        print('result() raised CancelledError', e.args)
    print('CancelledError is BaseException only:', issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
