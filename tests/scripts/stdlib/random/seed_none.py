# seed(None) and an unseeded Random draw from OS entropy: values differ but stay in range.
import random

random.seed()
a = random.random()
b = random.Random().random()
print(0.0 <= a < 1.0, 0.0 <= b < 1.0)
xs = [random.randint(1, 3) for _ in range(200)]
print(sorted(set(xs)))
random.seed(None)
print(len({random.getrandbits(64) for _ in range(10)}))
