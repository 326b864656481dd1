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
    [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5],
    [1, 2, 3, 4, 5],
    [1, 2, 3, 4],
    [0.1, 0.2, 0.3],
    [Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)],
    [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3],
    [3, 3, 3],
    [True, False, True, True],
    [10**20, 10**20 + 3, 10**20 + 7],
    [4],
    [],
    [1.0, math.inf],
    [1.0, math.nan],
]
for data in samples:
    print("--", data)
    for f in (st.variance, st.pvariance, st.stdev, st.pstdev):
        show(f, data)

show(st.variance, [1, 2, 3, 4], 2.5)
show(st.pvariance, [1, 2, 3, 4], mu=2.5)
show(st.stdev, [1.5, 2.5, 2.5, 2.75, 3.25, 4.75], 2.875)
show(st.pstdev, iter([1, 2, 3]))
show(st.variance, ["a", "b"])
for i in range(1, 40):
    data = [x * 0.37 + i for x in range(i + 2)]
    print(st.stdev(data), st.pstdev(data), st.variance(data))

print("-- quantiles")
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]
print(st.quantiles(data, n=10))
print(st.quantiles(data, n=10, method="inclusive"))
print(st.quantiles([1, 2]))
print(st.quantiles([1.5, 2.5, 10], n=3, method="inclusive"))
print(st.quantiles([Fraction(1, 2), 3, 7], n=5))
print(st.quantiles([3, 1], n=1))
show(st.quantiles, [1], n=4)
show(st.quantiles, [1, 2, 3], n=0)
show(st.quantiles, [1, 2, 3], method="middle")

print("-- two variables")
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
show(st.covariance, x, y)
show(st.covariance, x, list(reversed(x)))
show(st.correlation, x, x)
show(st.correlation, x, y)
show(st.correlation, x, [5] * 9)
show(st.covariance, [1], [2])
show(st.covariance, [1, 2], [2])
show(st.correlation, [1, 2], [2])
r = st.linear_regression([1972, 1990, 2001, 2013], [2, 3, 6, 9])
print(r, r.slope, r.intercept, type(r).__name__)
print(st.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
show(st.linear_regression, [1, 1], [2, 3])
show(st.linear_regression, [1], [2])
show(st.linear_regression, [1, 2], [2, 3, 4])
