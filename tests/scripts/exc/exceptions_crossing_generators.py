# Exceptions raised in generators propagate to the consumer; finally runs.
def gen():
    try:
        yield 1
        yield 2
        raise ValueError("inside generator")
    finally:
        print("  gen finally")
g = gen()
try:
    for v in g:
        print("got", v)
except ValueError as e:
    print("consumer caught:", e)
try:
    next(g)
except StopIteration:
    print("exhausted after error")
def guarded(src):
    for v in src:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield "div0"
print(list(guarded([1, 0, 5])))
def raises_stop():
    yield 1
    raise StopIteration("explicit")
try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def delegating():
    try:
        yield from gen()
    except ValueError as e:
        yield f"delegator caught {e}"
print(list(delegating()))
