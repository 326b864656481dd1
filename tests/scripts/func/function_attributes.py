# Function objects: __name__, __qualname__, __doc__, __defaults__, attributes.
def documented(a, b=2):
    """Doc string here."""
    return a
print(documented.__name__, documented.__qualname__, documented.__doc__, documented.__defaults__)
class Outer:
    def method(self):
        def inner():
            pass
        return inner
print(Outer.method.__qualname__, Outer().method().__qualname__)
def nodoc(): pass
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__module__)
documented.custom = "attr"
print(documented.custom, "custom" in documented.__dict__)
print(type(documented).__name__, callable(documented))
f2 = documented
f2.__name__ = "renamed"
print(documented.__name__)
