# Decimal data in statistics and fractions.
import statistics
from decimal import Decimal, localcontext
from fractions import Fraction

data = [Decimal("1.5"), Decimal("2.25"), Decimal("0.1"), Decimal("7")]
print(statistics.mean(data), statistics.median(data), statistics.median_low(data))
print(statistics.variance(data), statistics.stdev(data), statistics.pvariance(data))
print(statistics.mode([Decimal("1.0"), Decimal("1.0"), Decimal(2)]), statistics.fmean(data))
with localcontext(prec=6):
    print(statistics.mean(data), statistics.stdev(data))
print(Fraction(Decimal("1.25")), Fraction.from_decimal(Decimal("-0.5")),
      Fraction(Decimal("1e-3")), Decimal("0.75") == Fraction(3, 4))
print(sum(data), sum(data, Decimal("0.00")), max(data), sorted(data, reverse=True))
print(statistics.pstdev(data), statistics.pstdev([Decimal(2), Decimal(2)]), statistics.stdev([1.5, 2.5, 4]))
