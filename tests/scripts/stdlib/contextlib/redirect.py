# redirect_stdout into an object with write().
from contextlib import redirect_stdout


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


c = Collector()
with redirect_stdout(c):
    print('hidden', 1)
    print('also hidden')
print('captured:', repr(''.join(c.parts)))
