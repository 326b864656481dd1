# nonlocal and global declarations.
total = 0
def add(n):
    global total
    total += n
add(5); add(7)
print(total)
def create_global():
    global created
    created = "made inside"
create_global()
print(created)
def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x *= 10
        inner()
        inner()
    middle()
    return x
print(outer())
def shadow():
    total = "local"
    return total
print(shadow(), total)
def bad():
    try:
        print(total)
        total = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
bad()
def pair():
    a = 0
    def get():
        return a
    def setv(v):
        nonlocal a
        a = v
    return get, setv
get, setv = pair()
setv(42)
print(get())
