# format() builtin dispatches to __format__.
print(format(42), format(42, "5d"), format(3.5), format(3.14159, ".2f"), format("x", ">3"), format(True), format(None))
print(repr(format(12, "")), format(255, "#06x"), format(0.25, "%"), format(-7, "+"), format(1e6, ",.0f"))
class Custom:
    def __format__(self, spec):
        return f"<{spec or 'empty'}>"
print(format(Custom()), format(Custom(), "abc"), f"{Custom():zz}", "{:q}".format(Custom()))
class Plain:
    def __str__(self): return "plain-str"
print(format(Plain()), f"{Plain()}")
try:
    format(Plain(), "10")
except TypeError as e:
    print(e)
try:
    format(3, 5)
except TypeError as e:
    print(e)
