# A generator cannot be resumed while it is already running.
def selfref():
    yield next(g)
g = selfref()
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
def countdown(n):
    while n > 0:
        received = yield n
        if received is not None:
            n = received
        else:
            n -= 1
c = countdown(5)
print(next(c), next(c), c.send(10), next(c), next(c))
c.close()
print(list(countdown(3)))
