# Word statistics and a seeded Markov-chain text generator: Counter, defaultdict, deque,
# OrderedDict and random.choice working together, as in the classic benchmark programs.
import random
from collections import Counter, defaultdict, deque, OrderedDict

TEXT = """
the quick brown fox jumps over the lazy dog while the dog sleeps the fox runs
a lazy afternoon in the sun makes the dog sleep and the fox plan its next jump
over the fence and into the field where the quick brown hare waits for the fox
the hare and the fox race across the field while the lazy dog dreams of the sun
"""

words = TEXT.split()
freq = Counter(words)
print(len(words), len(freq))
print(freq.most_common(6))
print(sorted(w for w, c in freq.items() if c == 2))

by_letter = defaultdict(list)
for w in sorted(set(words)):
    by_letter[w[0]].append(w)
print({k: v for k, v in sorted(by_letter.items()) if len(v) > 2})

# Bigram chain, order of first appearance kept.
chain = defaultdict(list)
window = deque(maxlen=2)
for w in words:
    window.append(w)
    if len(window) == 2:
        chain[window[0]].append(window[1])
print(chain["the"][:10])
print(Counter(chain["the"]).most_common(3))


def generate(seed, start, length):
    rng = random.Random(seed)
    out = [start]
    while len(out) < length:
        nxt = chain.get(out[-1])
        if not nxt:
            out.append(rng.choice(words))
        else:
            out.append(rng.choice(nxt))
    return " ".join(out)


for seed in (3, 14, 159):
    print(seed, generate(seed, "the", 14))

# An LRU cache of word lengths built on OrderedDict.
cache = OrderedDict()
hits = misses = 0
for w in words:
    if w in cache:
        hits += 1
        cache.move_to_end(w)
    else:
        misses += 1
        cache[w] = len(w)
        if len(cache) > 8:
            cache.popitem(last=False)
print(hits, misses, list(cache))

# Counter arithmetic.
first_half = Counter(words[: len(words) // 2])
second_half = Counter(words[len(words) // 2 :])
print((first_half - second_half).most_common(4))
print((first_half & second_half).most_common(4))
print(sum((first_half | second_half).values()), (first_half + second_half) == freq)
