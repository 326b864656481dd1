# Closures capture variables, not values.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(), c2())
def adders():
    fs = []
    for i in range(3):
        fs.append(lambda x: x + i)
    return fs
print([f(10) for f in adders()])
def adders_fixed():
    return [(lambda x, i=i: x + i) for i in range(3)]
print([f(10) for f in adders_fixed()])
def outer():
    v = "before"
    def read():
        return v
    v = "after"
    return read
print(outer()())
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), double.__closure__ is not None, len(triple.__closure__))
print(double.__closure__[0].cell_contents)
