# Numeric work over typed arrays.
from array import array

samples = array('d', [x * 0.5 for x in range(10)])
mean = sum(samples) / len(samples)
print(mean, max(samples), min(samples), samples[::3])
counts = array('i', [0] * 5)
for v in [1, 3, 3, 4, 0, 3]:
    counts[v] += 1
print(counts, counts.tolist().index(max(counts)))
