# An exception raised inside a generator driven by a for loop.
def gen():
    yield 1
    raise RuntimeError("from generator")
for v in gen():
    print(v)
