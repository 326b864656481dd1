# set_exception_handler accepts a callable or None and rejects anything else.
import asyncio


class Recorder:
    def __init__(self):
        self.messages = []

    def __call__(self, loop, context):
        self.messages.append(context["message"])


async def main():
    loop = asyncio.get_running_loop()
    rec = Recorder()
    loop.set_exception_handler(rec)
    loop.call_exception_handler({"message": "first"})
    for bad in (42, "handler", [1, 2]):
        try:
            loop.set_exception_handler(bad)
        except TypeError as e:
            print("TypeError:", e)
    print("handler kept:", loop.get_exception_handler() is rec)
    loop.call_exception_handler({"message": "second"})
    loop.set_exception_handler(None)
    print(rec.messages, loop.get_exception_handler())


asyncio.run(main())
