# timedelta normalisation, str/repr, arithmetic and comparisons.
from datetime import timedelta

for td in [timedelta(days=1, hours=25), timedelta(seconds=-1), timedelta(minutes=90, microseconds=5),
           timedelta(weeks=1, milliseconds=1500), timedelta(0), timedelta(days=-3, seconds=10)]:
    print(str(td), repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
a, b = timedelta(hours=2), timedelta(minutes=30)
print(a + b, a - b, b - a, a * 3, a / 4, a / b, a // b, a % timedelta(minutes=50), -a, abs(-a))
print(a > b, a == timedelta(minutes=120), sorted([a, b, timedelta(0)]), bool(timedelta(0)))
