# A class with a generator-based __await__ used with await, gather and
# create_task (through ensure_future); yielding None gives one loop iteration.
import asyncio

class Countdown:
    def __init__(self, name, n):
        self.name = name
        self.n = n

    def __await__(self):
        for i in range(self.n):
            print(f'{self.name} yields {i}')
            yield
        return f'{self.name} done'

async def main():
    print(await Countdown('direct', 2))
    print(await asyncio.gather(Countdown('g1', 2), Countdown('g2', 1)))

asyncio.run(main())
