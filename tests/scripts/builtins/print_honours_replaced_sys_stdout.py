import sys, io, contextlib
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hello", 1, 2, sep="-")
    print("x", end="")
    sys.stdout.write("direct\n")
print("captured:", repr(buf.getvalue()))
class Rec:
    def __init__(self): self.calls = []
    def write(self, s): self.calls.append(s); return len(s)
    def flush(self): self.calls.append("FLUSH")
r = Rec()
print("a", "b", file=r, flush=True)
print(r.calls)
old = sys.stdout
sys.stdout = r
print(1, 2)
sys.stdout = old
print(r.calls)
sys.stdout = None
print("nothing")
sys.stdout = old
print("back")
sys.stdout = sys.stderr
print("to stderr")
sys.stdout = sys.__stdout__
e = io.StringIO()
with contextlib.redirect_stderr(e):
    print("err", file=sys.stderr)
print(repr(e.getvalue()))
del sys.stdout
try:
    print("lost")
except RuntimeError as ex:
    sys.stdout = sys.__stdout__
    print("RuntimeError", ex)
