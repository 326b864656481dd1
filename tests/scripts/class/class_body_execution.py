# The class body runs once, top to bottom, as its own namespace.
print("before class")
class Config:
    print("  in class body")
    base = 10
    doubled = base * 2
    items = [i * i for i in range(3)]
    items.append(base)
    if doubled > 15:
        mode = "big"
    else:
        mode = "small"
    def method(self):
        return self.base
    print("  end of class body")
print("after class", Config.doubled, Config.items, Config.mode)
def factory(n):
    class Local:
        value = n
        def get(self):
            return self.value
    return Local
A, B = factory(1), factory(2)
print(A().get(), B().get(), A is B, A.__name__, A.__qualname__)
