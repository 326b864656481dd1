# __repr__ and __str__ usage by print, str, repr, containers and format.
class Both:
    def __repr__(self): return "Both()"
    def __str__(self): return "both!"
class ReprOnly:
    def __repr__(self): return "ReprOnly()"
class StrOnly:
    def __str__(self): return "str-only"
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, s)
print(str(b), repr(b), str(r), repr(r))
print([b, r], (b,), {"k": b})
print(f"{b} {b!r} {r}", "%s %r" % (b, b), "{} {!r}".format(b, b))
print(repr(s).startswith("<__main__.StrOnly object at 0x"))
class Money:
    def __init__(self, cents): self.cents = cents
    def __repr__(self): return f"Money({self.cents!r})"
    def __str__(self): return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        return format(str(self), spec) if spec else str(self)
m = Money(1234)
print(m, repr(m), [m], f"[{m:>10}]", format(m))
