# Monte Carlo estimates with a seeded generator: pi, random walks, card draws, dice and
# a Gaussian sample's statistics. Every number follows from CPython's exact MT19937 stream.
import random
import math
from collections import Counter


def estimate_pi(rng, n):
    inside = 0
    for _ in range(n):
        x, y = rng.random(), rng.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4 * inside / n


def random_walk(rng, steps):
    x = y = 0
    farthest = 0
    for _ in range(steps):
        dx, dy = rng.choice([(0, 1), (0, -1), (1, 0), (-1, 0)])
        x += dx
        y += dy
        farthest = max(farthest, abs(x) + abs(y))
    return (x, y), farthest


def poker_pairs(rng, hands):
    deck = [(rank, suit) for rank in range(2, 15) for suit in "SHDC"]
    kinds = Counter()
    for _ in range(hands):
        rng.shuffle(deck)
        counts = sorted(Counter(rank for rank, _ in deck[:5]).values(), reverse=True)
        if counts[0] == 4:
            kinds["four"] += 1
        elif counts[0] == 3 and counts[1] == 2:
            kinds["full house"] += 1
        elif counts[0] == 3:
            kinds["three"] += 1
        elif counts[0] == 2 and counts[1] == 2:
            kinds["two pair"] += 1
        elif counts[0] == 2:
            kinds["pair"] += 1
        else:
            kinds["high card"] += 1
    return kinds.most_common()


def dice(rng, rolls):
    totals = Counter(rng.randint(1, 6) + rng.randint(1, 6) for _ in range(rolls))
    return [totals[t] for t in range(2, 13)]


def gaussian_stats(rng, n):
    xs = [rng.gauss(10.0, 2.0) for _ in range(n)]
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / (n - 1)
    return round(mean, 6), round(math.sqrt(var), 6), round(min(xs), 6), round(max(xs), 6)


for seed in (1, 42, 2024):
    rng = random.Random(seed)
    print("seed", seed)
    print("  pi ~", estimate_pi(rng, 20000))
    print("  walk", random_walk(rng, 5000))
    print("  poker", poker_pairs(rng, 2000))
    print("  dice", dice(rng, 3600))
    print("  gauss", gaussian_stats(rng, 5000))
    print("  sample", rng.sample(range(100), 6), rng.choices("abc", weights=[5, 1, 1], k=8))
    print("  uniform", [round(rng.uniform(-1, 1), 9) for _ in range(3)], rng.randrange(0, 1000, 7))

# The module-level functions share one generator.
random.seed(7)
first = [random.random() for _ in range(3)]
random.seed(7)
print(first == [random.random() for _ in range(3)], first)
