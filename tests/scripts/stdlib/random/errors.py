# Error types and messages for bad arguments.
import random

r = random.Random(1)
for f, args in [(r.choice, ([],)), (r.randrange, (0,)), (r.randrange, (5, 5)),
                (r.randrange, (0, 10, 0)), (r.sample, ([1, 2], 3)), (r.getrandbits, (-1,)),
                (r.choices, ('ab', [1])), (r.gammavariate, (0, 1)),
                (r.choices, ('ab', [0, 0]))]:
    try:
        f(*args)
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(r.getrandbits(0), r.randrange(1), r.randint(5, 5))
try:
    r.seed([1, 2])
except TypeError as e:
    print('TypeError')
