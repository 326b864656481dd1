# get_running_loop() outside a running loop raises RuntimeError; inside a
# coroutine it works; _get_running_loop() returns None outside.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError:', e)
print('_get_running_loop outside:', asyncio._get_running_loop())

async def main():
    loop = asyncio.get_running_loop()
    print('inside: is_running =', loop.is_running(), 'is_closed =', loop.is_closed())
    print('get_event_loop is the running loop:', asyncio.get_event_loop() is loop)

asyncio.run(main())
