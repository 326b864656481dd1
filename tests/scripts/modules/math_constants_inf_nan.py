# math constants and inf/nan helpers.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isnan(math.nan), math.isnan(0.0))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan))
print(math.inf == float("inf"), math.nan == math.nan, math.inf > 1e308, -math.inf < -1e308)
print(math.inf - math.inf, math.inf * 0, math.inf / math.inf, math.isnan(math.inf - math.inf))
print(repr(math.inf), str(math.nan), f"{math.inf:.2f}", f"{math.pi:.5f}", round(math.e, 3))
print(math.floor(math.pi), math.ceil(math.e), type(math.pi).__name__)
try:
    math.floor(math.inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.ceil(math.nan)
except ValueError as e:
    print("ValueError:", e)
