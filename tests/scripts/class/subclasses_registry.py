# type.__subclasses__(): direct subclasses in creation order, used as a plugin registry.
class Plugin:
    def run(self):
        raise NotImplementedError


class Alpha(Plugin):
    def run(self):
        return "alpha"


class Beta(Plugin):
    def run(self):
        return "beta"


class BetaPlus(Beta):
    def run(self):
        return "beta+" + super().run()


print([c.__name__ for c in Plugin.__subclasses__()])
print([c.__name__ for c in Beta.__subclasses__()], Alpha.__subclasses__())


def all_subclasses(cls):
    out = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(all_subclasses(sub))
    return out


print([cls().run() for cls in all_subclasses(Plugin)])


class Mixin:
    pass


class Both(Alpha, Mixin):
    pass


print([c.__name__ for c in Mixin.__subclasses__()], [c.__name__ for c in Alpha.__subclasses__()])
print(type(Plugin.__subclasses__()).__name__, "Plugin" in [c.__name__ for c in object.__subclasses__()])
print(KeyError.__subclasses__(), ArithmeticError.__subclasses__())
try:
    Plugin.__subclasses__(1)
except TypeError as e:
    print("TypeError:", e)
