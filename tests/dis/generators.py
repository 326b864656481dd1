def gen(n):
    total = 0
    for i in range(n):
        received = yield i
        if received:
            total += received
    return total
def delegate():
    result = yield from gen(3)
    yield result
