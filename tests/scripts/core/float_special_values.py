# inf and nan behaviour and printing.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), str(-inf), repr(nan))
print(inf + 1, inf * -2, inf - inf, inf * 0, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf == inf, -inf < inf, inf > 1e308)
print(float("Infinity"), float("-INF"), float("  nan  "), float("+inf"))
print(max(1.0, inf), min(-inf, 0))
lst = [nan]
print(nan in lst, lst == lst, [nan] == [float("nan")])
print(int(1e18), int(-2.9), int(2.9))
for v in (inf, nan):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(abs(-inf), -nan)
print(0.0 * -1, -0.0 + 0.0, repr(-0.0 * 1))
