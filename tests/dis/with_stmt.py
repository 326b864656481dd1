def f(path):
    with open(path) as fh, open(path) as other:
        return fh.read()
def g(lock):
    with lock:
        pass
