assert x
assert x == 1, "x must be 1"
assert (a, b)
assert isinstance(y, int), f"got {y!r}"
