# Random instances are independent; getstate/setstate replay a sequence.
import random

a = random.Random(123)
b = random.Random(123)
print(a.random() == b.random(), a.randint(0, 10**9), b.randint(0, 10**9))
state = a.getstate()
print(state[0], len(state[1]), state[2])
first = [a.random() for _ in range(5)]
a.setstate(state)
print(first == [a.random() for _ in range(5)])
a.gauss()
st = a.getstate()
print(st[2] is not None)
x = a.gauss()
a.setstate(st)
print(x == a.gauss())
c = random.Random()
c.seed(123)
print(c.random() == random.Random(123).random())
print(random.Random(-123).random() == random.Random(123).random())
print(random.Random(2.5).random(), random.Random(True).random())
print(random.Random('seed text').random(), random.Random(b'bytes').random())
print(random.Random(9).randbytes(6))


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


d = Dice(77)
print([d.roll() for _ in range(8)], isinstance(d, random.Random))
