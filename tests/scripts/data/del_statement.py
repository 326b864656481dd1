# del on names, items, slices, attributes.
x = 5
del x
try:
    print(x)
except NameError as e:
    print(e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]; del lst[-1]; print(lst)
del lst[1:3]; print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]; print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class O:
    pass
o = O()
o.attr = 1
o.other = 2
del o.attr
print(vars(o))
try:
    del o.attr
except AttributeError as e:
    print(e)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
try:
    del lst[10]
except IndexError as e:
    print(e)
