# Comprehension variables don't leak; class-scope lookups; first iterable evaluated eagerly.
x = "outer"
print([x for x in range(3)], x)
print({x: 1 for x in "ab"}, x)
g = (x for x in range(2))
print(x, list(g))
class C:
    factor = 10
    vals = [1, 2]
    scaled = [v * 2 for v in vals]
    try:
        bad = [v * factor for v in vals]
    except NameError as e:
        err = str(e)
print(C.scaled, C.err)
def make():
    return [lambda: i for i in range(3)]
print([f() for f in make()])
print([(lambda i=i: i)() for i in range(3)])
def order():
    print("iterable evaluated")
    return [1, 2]
gen = (v for v in order())
print("generator created")
print(list(gen))
n = 3
print([[n * k for k in range(n)] for n in range(1, 3)], n)
