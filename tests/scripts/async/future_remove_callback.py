# remove_done_callback returns the number of removed entries (all duplicates).
import asyncio

def cb_a(f):
    print('cb_a ran')

def cb_b(f):
    print('cb_b ran')

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(cb_a)
    f.add_done_callback(cb_b)
    f.add_done_callback(cb_a)
    print('removed cb_a:', f.remove_done_callback(cb_a))
    print('removed cb_a again:', f.remove_done_callback(cb_a))
    print('removed unknown:', f.remove_done_callback(print))
    f.set_result(None)
    await asyncio.sleep(0)
    print('done')

asyncio.run(main())
