# Word-frequency counter with Counter, re and sorting.
import re
from collections import Counter

TEXT = '''
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair.
'''
words = re.findall(r"[a-z']+", TEXT.lower())
counts = Counter(words)
print(len(words), len(counts))
for word, n in counts.most_common(8):
    print(f'{word:>10} {n:3d} {"#" * n}')
by_length = Counter(len(w) for w in words)
print(sorted(by_length.items()))
print(counts['times'] + counts['age'], counts['missing'], sum(counts.values()) == len(words))
