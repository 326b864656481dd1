# An exception raised by a weakref callback is reported, not raised, and the program goes on.
import weakref


class C:
    pass


def bad(w):
    raise ValueError("boom")


e = C()
r = weakref.ref(e, bad)
del e
print("after bad", r())
