# User-defined exception classes with __init__, extra attributes and __str__.
class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
class NotFound(LookupError):
    def __init__(self, key):
        self.key = key
    def __str__(self):
        return f"no such key {self.key!r}"
class Quiet(Exception):
    pass
try:
    raise ValidationError("age", "must be positive")
except ValueError as e:
    print(type(e).__name__, e, e.field, e.problem, e.args)
try:
    raise NotFound("x")
except LookupError as e:
    print(e, repr(e), e.args, e.key)
try:
    raise Quiet
except Quiet as e:
    print(repr(e), str(e) == "")
class Hier(Exception): pass
class Sub1(Hier): pass
class Sub2(Sub1): pass
for cls in (Hier, Sub1, Sub2):
    try:
        raise cls("m")
    except Sub2:
        print("Sub2 handler")
    except Sub1:
        print("Sub1 handler")
    except Hier:
        print("Hier handler")
try:
    raise 42
except TypeError as e:
    print(e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print(e)
