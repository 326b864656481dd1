# Passing mutable objects: mutation is visible to caller, rebinding is not.
def mutate(lst):
    lst.append("m")
def rebind(lst):
    lst = ["new"]
    return lst
def augmented(lst):
    lst += ["aug"]
def aug_tuple(t):
    t += ("aug",)
    return t
data = ["orig"]
mutate(data); print(data)
print(rebind(data), data)
augmented(data); print(data)
tup = ("t",)
print(aug_tuple(tup), tup)
def modify_dict(d, **kw):
    d.update(kw)
cfg = {}
modify_dict(cfg, a=1)
print(cfg)
def counter(n, acc=None):
    acc = acc if acc is not None else {}
    acc[n] = acc.get(n, 0) + 1
    return acc
shared = {}
counter(1, shared); counter(1, shared); counter(2, shared)
print(shared)
