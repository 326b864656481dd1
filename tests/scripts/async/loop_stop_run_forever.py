# loop.run_forever until a callback calls loop.stop(); callbacks already queued
# in the same iteration still run.
import asyncio

loop = asyncio.new_event_loop()
log = []

def first():
    log.append('first')
    loop.stop()
    loop.call_soon(log.append, 'scheduled after stop')

loop.call_soon(first)
loop.call_soon(log.append, 'second (same iteration)')
loop.run_forever()
print(log)
loop.call_soon(loop.stop)
loop.run_forever()
print(log)
loop.close()
