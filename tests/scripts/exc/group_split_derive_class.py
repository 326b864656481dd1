# BaseExceptionGroup.split/subgroup and except* build the parts with derive(): a plain
# ExceptionGroup when every member is an Exception (also for a subclass that does not
# override derive), a BaseExceptionGroup otherwise; an overriding derive is called; the
# parts keep the original's traceback, cause, context and a copy of its notes.
class MyEG(ExceptionGroup):
    pass


class Derived(ExceptionGroup):
    def derive(self, excs):
        return Derived(self.message + "!", excs)


e = MyEG("m", [ValueError(1), TypeError(2)])
e.add_note("hello")
m, r = e.split(ValueError)
print(type(m).__name__, type(r).__name__, m.__notes__, r.__notes__, m.__notes__ is e.__notes__)
try:
    raise e
except* ValueError as x:
    print("except*", type(x).__name__, repr(x), x.__traceback__ is not None)
except* TypeError as y:
    print("except*", type(y).__name__, repr(y))

d = Derived("d", [ValueError(1), TypeError(2)])
print(repr(d.split(TypeError)))
print(repr(d.subgroup(lambda exc: isinstance(exc, ValueError))))

b = BaseExceptionGroup("b", [ValueError(1), KeyboardInterrupt()])
print(repr(b.split(ValueError)))
print(repr(b.subgroup(ValueError)), repr(b.subgroup(BaseException) is b))
print(repr(b.derive([ValueError(3)])), repr(e.derive([KeyboardInterrupt()])))
print(e.derive([KeyError(3)]).__traceback__, getattr(e.derive([KeyError(3)]), "__notes__", None))
try:
    raise b
except* ValueError as x:
    print(repr(x))
except* KeyboardInterrupt as y:
    print(repr(y))

nested = ExceptionGroup("outer", [ValueError(1), MyEG("inner", [TypeError(2), ValueError(3)])])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


try:
    BadDerive("x", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as err:
    print("TypeError:", err)

try:
    raise ValueError("cause")
except ValueError as c:
    try:
        raise ExceptionGroup("ctx", [KeyError(1), IndexError(2)]) from c
    except ExceptionGroup as g:
        m, r = g.split(KeyError)
        print(repr(m.__cause__), repr(m.__context__), m.__suppress_context__)
