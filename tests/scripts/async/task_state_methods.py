# done()/cancelled()/result()/exception() for pending, finished, failed and
# cancelled tasks, including InvalidStateError messages.
import asyncio

async def ok():
    await asyncio.sleep(0)
    return 'value'

async def bad():
    await asyncio.sleep(0)
    raise KeyError('missing')

async def forever():
    await asyncio.sleep(10)

async def main():
    t_ok = asyncio.create_task(ok())
    t_bad = asyncio.create_task(bad())
    t_cx = asyncio.create_task(forever())
    print('pending:', t_ok.done(), t_ok.cancelled())
    try:
        t_ok.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    try:
        t_ok.exception()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    await asyncio.sleep(0)
    t_cx.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('ok:', t_ok.done(), t_ok.cancelled(), t_ok.result(), t_ok.exception())
    print('bad:', t_bad.done(), t_bad.cancelled(), repr(t_bad.exception()))
    try:
        t_bad.result()
    except KeyError as e:
        print('result() re-raises', repr(e))
    print('cx:', t_cx.done(), t_cx.cancelled())
    for meth in (t_cx.result, t_cx.exception):
        try:
            meth()
        except asyncio.CancelledError as e:
            print(meth.__name__, 'raised CancelledError', e.args)

asyncio.run(main())
