# Context managers that suppress selected exceptions.
class suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return False
with suppress(KeyError) as s:
    {}["missing"]
    print("not reached")
print("suppressed:", repr(s.caught))
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
with suppress(ValueError, TypeError) as s2:
    int("x")
print(type(s2.caught).__name__)
with suppress(Exception) as s3:
    pass
print(s3.caught)
class Transaction:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
        return False
t = Transaction()
with t:
    t.log.append("work")
try:
    with t:
        raise ValueError("fail")
except ValueError:
    pass
print(t.log)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print(e, "context:", repr(e.__context__))
