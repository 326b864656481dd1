# __enter__/__exit__: order, return values, exception info, suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
with CM("sup", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("nosup"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
def early():
    with CM("ret"):
        return "returned"
print(early())
for n in range(3):
    with CM(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
