# random.random/getrandbits/randint for five seeds give CPython's exact sequences.
import random

for s in [0, 1, 42, 2024, 2**70 + 3]:
    random.seed(s)
    print(s, [random.random() for _ in range(3)])
    print(' bits', random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(100))
    print(' ints', [random.randint(1, 6) for _ in range(10)])
    print(' range', [random.randrange(10, 1000, 7) for _ in range(5)], random.randrange(2**80))
