import statistics as st
from fractions import Fraction
import math


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(f.__name__, repr(r), type(r).__name__)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


samples = [
    [1, 2, 3, 4, 4],
    [1, 2, 3, 4],
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
    [1e16, 1.0, -1e16, 3.0],
    [Fraction(1, 3), Fraction(2, 7), 5],
    [Fraction(1, 3), 0.25],
    [True, False, True],
    [2.5, 3, 7],
    (x / 10 for x in range(11)),
    [10**30, 10**30 + 1],
    [],
    [7],
    [1.5, math.inf],
    [math.inf, -math.inf],
]
for data in samples:
    data = list(data)
    print("--", data)
    for f in (st.mean, st.fmean, st.median, st.median_low, st.median_high,
              st.median_grouped, st.harmonic_mean, st.geometric_mean):
        show(f, data)

show(st.mean, iter([1, 2, 3, 4]))
show(st.mean, ["a", "b"])
show(st.mean, [1, "a"])
show(st.fmean, [1, 2, 3], weights=[0.25, 0.25, 0.5])
show(st.fmean, [1, 2, 3], weights=[1, 2])
show(st.fmean, [1, 2], weights=[1, -1])
show(st.fmean, [], weights=[])
show(st.fmean, iter([3, 4, 5]))
show(st.harmonic_mean, [40, 60])
show(st.harmonic_mean, [40, 60], weights=[5, 30])
show(st.harmonic_mean, [40, 0, 60])
show(st.harmonic_mean, [40, -1])
show(st.harmonic_mean, [-1])
show(st.harmonic_mean, [1, 2], weights=[1])
show(st.harmonic_mean, [Fraction(1, 2), Fraction(1, 4)])
show(st.harmonic_mean, ["x"])
show(st.geometric_mean, [54, 24, 36])
show(st.geometric_mean, [1, -2])
show(st.median_grouped, [52, 52, 53, 54])
show(st.median_grouped, [1, 3, 3, 5, 7], interval=2)
show(st.median_grouped, [1, 2, 2, 3, 4, 4, 4, 4, 4, 5])
show(st.median_grouped, ["a", "b"])
show(st.median_grouped, [1.5, 2.5, 2.5, 9], interval=0.5)
show(st.median, ["b", "c", "a"])
show(st.median, ["b", "a"])
show(st.mode, [1, 1, 2, 3, 3, 3, 3, 4])
show(st.mode, ["red", "blue", "blue", "red", "green", "red", "red"])
show(st.mode, [])
show(st.mode, "aabbbcc")
show(st.multimode, "aabbbbccddddeeffffgg")
show(st.multimode, "")
show(st.multimode, [1, 2, 3])
print(issubclass(st.StatisticsError, ValueError))
show(st.median_grouped, ["1", "2", "3"])
show(st.median_grouped, [[1], [2]])
show(st.median_grouped, [1, 2], [1])
show(st.median_grouped, [1, 2, 2, 2, 3], 0)
show(st.median_grouped, [1, 3, 3, 5], Fraction(1, 2))
show(st.median_grouped, [True, True, False])
show(st.fmean, [], weights=[])
show(st.fmean, [1], weights=[0])
show(st.fmean, iter([1, 2]), weights=iter([3, 4]))
show(st.fmean, [1, 2], weights=[1, 2, 3])
