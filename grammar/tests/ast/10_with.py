with a as b, c:
    pass
with (d as e, f):
    pass
