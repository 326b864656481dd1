# choice, shuffle, sample (small and large populations, counts) and choices with weights.
import random

for s in [3, 11, 99, 1000, 31337]:
    random.seed(s)
    print(random.choice('abcdefgh'), random.choice([10, 20, 30]))
    l = list(range(12))
    random.shuffle(l)
    print(l)
    print(random.sample(range(50), 6), random.sample(range(10**7), 10))
    print(random.sample(['red', 'blue'], counts=[4, 2], k=5))
    print(random.choices('abc', k=6))
    print(random.choices('abc', weights=[5, 1, 1], k=6))
    print(random.choices(['x', 'y', 'z'], cum_weights=[1, 2, 10], k=6))
