import types

ns = types.SimpleNamespace(a=1)
ns.me = ns
print(repr(ns))


class N(types.SimpleNamespace):
    pass


n = N(x=[1])
n.x.append(n)
print(n)
inner = types.SimpleNamespace(v=2)
outer = types.SimpleNamespace(left=inner, right=inner)
print(outer)
