# f-strings: expressions, conversions, nested quotes.
name, n, pi = "Ada", 42, 3.14159
items = ["x", "y"]
print(f"{name} has {n} items; next {n + 1}; {items[0]}{items[-1]}")
print(f"{name!r} {name!s} {'é'!a} {items!r} {n!r}")
print(f"{{literal}} {{{n}}} {'{'}")
print(f"{ {'k': 1}['k'] } {len(items)} {items.index('y')}")
print(f"{'nested' + f'{n}'}", f"{n:{'>'}{8}}", f"{3 if n > 40 else 4}")
d = {"key": "val"}
print(f"{d['key']} {d.get('missing', 'dflt')!r:>8}", f'{d["key"]}')
print(f"{n}" f"{n}" "plain", F"upper {n}", rf"raw\t{n}", fr"{name}\n")
obj = type("O", (), {"attr": 7, "__repr__": lambda self: "O!", "__str__": lambda self: "o-str", "__format__": lambda self, spec: f"fmt<{spec}>"})()
print(f"{obj} {obj!s} {obj!r} {obj:xyz} {obj.attr}")
x = 10
print(f"{x=}", f"{x = }", f"{x*2=}", f"{name=!s}", f"{pi=:.2f}", f"{ x + 1 = }")
print(f"{'multi'}{'ple'}", f"{(lambda: 5)()}", f"{[i for i in range(3)]}")
