# Generators keep local state between resumptions; several instances are independent.
def accumulate(start):
    total = start
    step = 0
    while step < 4:
        step += 1
        total += step
        yield step, total
a = accumulate(0)
b = accumulate(100)
print(next(a), next(b), next(a), next(a), next(b))
print(list(a), list(b))
def interleave(*iterables):
    its = [iter(x) for x in iterables]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)
print(list(interleave("abc", [1, 2], (True,))))
def gen_in_class():
    class Holder:
        def __init__(self): self.items = [1, 2, 3]
        def __iter__(self):
            for i in self.items:
                yield i * 100
    return list(Holder())
print(gen_in_class())
