# input() writes its prompt to whatever sys.stdout is now, then flushes it.
import sys


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(("write", s))
        return len(s)

    def flush(self):
        self.calls.append(("flush",))


rec = Recorder()
old = sys.stdout
sys.stdout = rec
try:
    input("name? ")
except EOFError as e:
    err = e
sys.stdout = old
print(rec.calls)
print(type(err).__name__, err)
