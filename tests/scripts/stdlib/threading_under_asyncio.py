import asyncio, threading, time, queue
def blocking(name):
    for i, d in enumerate((0.3, 0.2)):
        time.sleep(d)
        print(f"thread {name} {i}")
async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.2)
async def main():
    t = threading.Thread(target=blocking, args=("a",))
    t.start()
    await ticker()
    print("alive", t.is_alive())
    t.join()
    ev = threading.Event()
    def waiter():
        print("waiter got", ev.wait(1))
    w = threading.Thread(target=waiter)
    w.start()
    await asyncio.sleep(0.02)
    ev.set()
    await asyncio.sleep(0.02)
    print("w alive", w.is_alive())
asyncio.run(main())
lock = threading.Lock()
order = []
def holder():
    with lock:
        order.append("holder in")
        time.sleep(0.05)
        order.append("holder out")
def taker():
    time.sleep(0.01)
    with lock:
        order.append("taker in")
a = threading.Thread(target=holder); b = threading.Thread(target=taker)
a.start(); b.start(); a.join(); b.join()
print(order)
print(threading.enumerate()[0].name, len(threading.enumerate()))
