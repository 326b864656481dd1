class Empty:
    pass
class Base(object):
    x = 1
    def method(self):
        return self.x
class Derived(Base, metaclass=Meta, **opts):
    """Docstring."""
    def __init__(self, *args):
        super().__init__(*args)
class WithStar(*bases):
    pass
class Parens():
    pass
