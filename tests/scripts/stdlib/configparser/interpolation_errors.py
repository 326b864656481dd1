# Basic and Extended interpolation share one scanner: references, doubled sigils, missing
# options, cross-section keys, recursion depth and syntax errors as CPython reports them.
import configparser
for cls in (configparser.BasicInterpolation, configparser.ExtendedInterpolation):
    cp = configparser.ConfigParser(interpolation=cls())
    cp.read_string("""
[DEFAULT]
home = /h
[a]
x = %(home)s/x 100%%
y = ${home}/y $$5
z = ${b:q}
bad = %(nope)s
bad2 = ${nope}
bad3 = ${a:b:c}
loop = %(loop)s ${loop}
syn = %z
syn2 = $z
[b]
q = ${home}/q
""")
    for k in ["x", "y", "z", "bad", "bad2", "bad3", "loop", "syn", "syn2"]:
        try:
            print(cls.__name__, k, repr(cp.get("a", k)))
        except Exception as e:
            print(cls.__name__, k, type(e).__name__, e)
