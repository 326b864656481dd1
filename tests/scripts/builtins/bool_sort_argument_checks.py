# bool() arity and keywords, and the integer `reverse=` of sorted()/list.sort(), with
# CPython's messages (bool(1, 2) was accepted; reverse="x" counted as truthy).
cases = [
    "bool()", "bool(0)", "bool([1])", "bool(1, 2)", "bool(x=1)",
    "sorted([3, 1, 2], reverse=1)", "sorted([3, 1, 2], reverse=True)",
    "sorted([3, 1, 2], reverse=0)", "sorted([3, 1, 2], reverse='x')",
    "sorted([3, 1, 2], reverse=None)", "sorted([3, 1, 2], reverse=1.5)",
    "sorted([3, 1, 2], reverse=[])",
]
for src in cases:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)


class Flag:
    def __index__(self):
        return 1


lst = [2, 3, 1]
lst.sort(reverse=Flag())
print(lst)
for bad in ("yes", 2.0):
    try:
        lst.sort(reverse=bad)
    except TypeError as e:
        print("sort:", e)
print(lst)
