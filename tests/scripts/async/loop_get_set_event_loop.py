# get_event_loop() outside a running loop, after asyncio.run(), with set_event_loop();
# Runner lifecycle and the errors of closed runners and loops.
import asyncio
l1 = asyncio.get_event_loop()
print(l1 is asyncio.get_event_loop(), l1.is_running(), l1.is_closed())
async def m():
    return asyncio.get_event_loop() is asyncio.get_running_loop()
print(l1.run_until_complete(m()))
print(asyncio.run(m()))
try:
    l2 = asyncio.get_event_loop()
    print('got loop', l2 is l1, l2.is_closed())
except RuntimeError as e:
    print('RuntimeError', e)
l3 = asyncio.new_event_loop()
asyncio.set_event_loop(l3)
print(asyncio.get_event_loop() is l3)
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print('RuntimeError', e)
l3.close()
with asyncio.Runner() as r:
    print(r.run(m()))
    loop = r.get_loop()
    print(loop.is_closed())
print(loop.is_closed())
try:
    r.run(m())
except RuntimeError as e:
    print('RuntimeError', e)
try:
    l1.run_until_complete(m())
except RuntimeError as e:
    print('RuntimeError', e)
l1.close()
try:
    l1.run_until_complete(m())
except RuntimeError as e:
    print('RuntimeError', e)
