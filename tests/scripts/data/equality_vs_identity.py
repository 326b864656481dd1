# == compares values, `is` compares identity.
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
print((1, [2]) == (1, [2]), {"k": [1]} == {"k": [1]})
e1, e2 = [], []
print(e1 == e2, e1 is e2)
x = None
print(x is None, x == None)
print(True is True, (1 == 1) is True)
class Always:
    def __eq__(self, other):
        return True
w = Always()
print(w == 1, w == None, w is None, w != 2, [w] == [5])
class Never:
    def __eq__(self, other):
        return False
n = Never()
print(n == n, n in [n], [n] == [n])
print(id(a) == id(c), id(a) == id(b))
print(1 == 1.0, "1" == 1, [1] != [1.0])
