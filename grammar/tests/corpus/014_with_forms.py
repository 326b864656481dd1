with open("f") as f:
    pass
with a as b, c as d:
    pass
with (open("a") as fa, open("b") as fb):
    pass
with (a, b):
    pass
with (a, b) as t:
    pass
with (yield_it()):
    pass
with a as (x, y), b:
    pass
with (
    lock,
    other as o,
):
    pass
