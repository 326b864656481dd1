# A generator dropped while suspended in try/finally or with is closed right away, as
# CPython's reference counting does: cleanups run before the script's next step, and
# generators still held by globals are closed at exit.
def stubborn():
    try:
        yield 1
    finally:
        yield 2

def raiser():
    try:
        yield 1
    finally:
        raise ValueError("in finally")

def nested():
    try:
        try:
            yield "inner"
        finally:
            print("inner cleanup")
    finally:
        print("outer cleanup")

class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return False

def with_gen():
    with CM():
        yield 1

def delegating():
    try:
        yield from nested()
    finally:
        print("delegating cleanup")

g = stubborn(); next(g); del g
print("A")
g = raiser(); next(g); del g
print("B")
g = nested(); next(g); g = None
print("C")
g = with_gen(); next(g); g = 0
print("D")
g = delegating(); next(g); g = 0
print("E")
def fresh():
    try:
        yield 1
    finally:
        print("never")
g = fresh(); del g
print("F")
gens = [nested() for _ in range(3)]
for x in gens:
    next(x)
gens.clear()
print("G")
def caught():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise
g = caught(); next(g); del g
print("H")
last = nested(); next(last)
_private = nested(); next(_private)
print("end")
