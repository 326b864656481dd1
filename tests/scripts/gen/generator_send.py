# send() resumes the generator with a value for the yield expression.
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return (count, avg)
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print(e)
def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == "stop":
            yield received
            return
e = echo()
print(e.send(None), e.send("a"), e.send("b"), e.send("stop"))
def delegator():
    result = yield from averager()
    yield f"inner returned {result}"
d = delegator()
next(d)
d.send(3)
print(d.send(5), d.send(None))
