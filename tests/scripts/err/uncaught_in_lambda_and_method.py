# Traceback frames for a method, a lambda and a comprehension.
class Parser:
    def parse_all(self, items):
        return [self.parse(s) for s in items]

    def parse(self, s):
        convert = lambda t: int(t, 16)
        return convert(s)

p = Parser()
print(p.parse_all(["ff", "10"]))
print(p.parse_all(["a0", "zz"]))
