# __traceback__ exists; with_traceback; tb_lineno is deterministic.
def boom():
    raise ValueError("tb")
try:
    boom()
except ValueError as e:
    tb = e.__traceback__
    depth = 0
    lines = []
    while tb is not None:
        depth += 1
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(depth, lines)
    print(tb is None, e.__traceback__ is not None)
e2 = KeyError("fresh")
print(e2.__traceback__)
e3 = e2.with_traceback(None)
print(e3 is e2)
