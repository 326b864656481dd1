# Real-valued distributions follow CPython's algorithms draw for draw.
import random

for s in [5, 6, 7, 8, 9]:
    random.seed(s)
    print(random.uniform(-1, 1), random.triangular(), random.triangular(0, 10, 2))
    print(random.gauss(), random.gauss(10, 2), random.gauss(0, 1))
    print(random.normalvariate(), random.lognormvariate(0, 0.5), random.expovariate(2.0))
    print(random.betavariate(2, 5), random.gammavariate(3, 1), random.gammavariate(0.3, 1))
    print(random.paretovariate(3), random.weibullvariate(1, 2), random.vonmisesvariate(1, 4))
