# Coroutine objects: send(None) driving by hand, StopIteration value,
# cr_running/cr_frame states and explicit close().
import asyncio

async def adder(a, b):
    return a + b

class Step:
    def __await__(self):
        got = yield 'yielded-by-step'
        return got

async def uses_step():
    got = await Step()
    return 'received ' + str(got)

c = adder(2, 3)
print(type(c).__name__, asyncio.iscoroutine(c))
try:
    c.send(None)
except StopIteration as e:
    print('StopIteration value', e.value)

c2 = uses_step()
print('first send ->', c2.send(None))
print('running?', c2.cr_running)
try:
    c2.send(42)
except StopIteration as e:
    print('finished with', e.value)
print('frame after finish is None:', c2.cr_frame is None)

c3 = adder(1, 1)
c3.close()
try:
    c3.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
