# InvalidStateError messages for setting a result twice, setting on a
# cancelled future, and reading results too early.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    for fn in (f.result, f.exception):
        try:
            fn()
        except asyncio.InvalidStateError as e:
            print(fn.__name__, '->', e)
    f.set_result(1)
    for setter, arg in ((f.set_result, 2), (f.set_exception, ValueError())):
        try:
            setter(arg)
        except asyncio.InvalidStateError as e:
            print(setter.__name__, '->', e)
    c = loop.create_future()
    print('cancel:', c.cancel(), 'again:', c.cancel())
    try:
        c.set_result(3)
    except asyncio.InvalidStateError as e:
        print('set_result on cancelled ->', e)
    print('InvalidStateError is an Exception subclass:', issubclass(asyncio.InvalidStateError, Exception))

asyncio.run(main())
