# yield from delegates and evaluates to the subgenerator's return value.
def sub(n):
    for i in range(n):
        yield i
    return f"sub({n}) done"
def outer():
    r1 = yield from sub(2)
    print("  r1 =", r1)
    r2 = yield from sub(1)
    print("  r2 =", r2)
    yield from "xy"
    yield from [10, 20]
    return "outer done"
g = outer()
items = []
while True:
    try:
        items.append(next(g))
    except StopIteration as e:
        print("final return:", e.value)
        break
print(items)
def tree(node):
    value, children = node
    yield value
    for c in children:
        yield from tree(c)
t = ("a", [("b", [("d", [])]), ("c", [])])
print(list(tree(t)))
def returns_only():
    return 5
    yield
def wrap():
    v = yield from returns_only()
    yield v
print(list(wrap()))
