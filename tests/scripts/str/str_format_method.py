# str.format: automatic, positional, named, indexed, attribute fields.
print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Bo", age=3), "{0[1]} {0[0]}".format(["p", "q"]))
print("{d[key]} {d[1]}".format(d={"key": "v", "1": "str-key", 1: "int-key"}))
class P:
    x, y = 3, 4
print("{p.x},{p.y}".format(p=P()), "{0.x}".format(P))
print("{:>6}|{:<6}|{:^6}".format("r", "l", "c"), "{0:.3f} {0:e}".format(2.5))
print("{!r} {!s} {!a}".format("q", "q", "ü"))
print("{{}} {{{}}}".format(7), "{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("{0}{1}{0}".format("ab", "-"), "{a[0]}{a[2]}".format(a="xyz"))
args = {"first": "Grace", "last": "Hopper"}
print("{last}, {first}".format(**args), "{}-{}".format(*"ok"))
for bad in [lambda: "{} {}".format(1), lambda: "{0} {}".format(1, 2), lambda: "{x}".format(y=1),
            lambda: "{".format(), lambda: "{:d}".format("s"), lambda: "{0[5]}".format([1])]:
    try:
        bad()
    except (IndexError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(format(3.5, "08.2f"), format("s", "^5"), format(10, "b"), format(7))
