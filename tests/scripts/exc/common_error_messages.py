# CPython's exact messages for common runtime errors.
class Foo:
    pass
five, none, text = 5, None, "str"
def set_char():
    s = "abc"
    s[0] = "x"
def run(label, fn):
    try:
        fn()
    except Exception as e:
        print(f"{label:14} {type(e).__name__}: {e}")
run("name", lambda: undefined_variable)
run("subscript", lambda: five[0])
run("subscript2", lambda: none[0])
run("div", lambda: 1 / 0)
run("intdiv", lambda: 5 // 0)
run("mod", lambda: 5 % 0)
run("index", lambda: [1, 2][5])
run("tuple index", lambda: (1,)[1])
run("key", lambda: {"a": 1}["b"])
run("key int", lambda: {1: 2}[3])
run("key tuple", lambda: {}[(1, "x")])
run("attr", lambda: Foo().x)
run("attr type", lambda: Foo.y)
run("attr int", lambda: (1).foo)
run("add", lambda: 1 + "a")
run("concat", lambda: "a" + 1)
run("concat list", lambda: [1] + "a")
run("mul", lambda: "a" * 1.5)
run("sub", lambda: "a" - "b")
run("int parse", lambda: int("abc"))
run("int parse2", lambda: int("12.5"))
run("float parse", lambda: float("x1"))
run("call", lambda: text())
run("len", lambda: len(5))
run("iter", lambda: iter(5))
run("unpack", lambda: [a for a, b in [(1, 2, 3)]])
run("hash", lambda: {[]: 1})
run("assign item", set_char)
run("compare", lambda: [] < {})
run("neg", lambda: -"x")
run("import", lambda: __import__("no_such_module_xyz"))
run("chr", lambda: chr("a"))
run("list.index", lambda: [1].index(2))
run("str.index", lambda: "a".index("b"))
run("dict.pop", lambda: {}.pop("k"))
run("set.remove", lambda: set().remove(3))
run("float mod", lambda: 1.5 % 0)
run("not iter", lambda: list(Foo()))
run("abs str", lambda: abs("x"))
run("kwargs", lambda: dict(**{1: 2}))
