"""Module docstring of the main script."""
# __doc__ of modules with and without a docstring, exec'd code, __main__'s package/spec,
# builtins.__doc__, and a relative import from the main script.
import builtins
import json
import textwrap

print(__doc__)
print(__name__, __package__, __spec__)
print(json.__package__, json.__name__)
print(type(textwrap.__doc__).__name__)
print(builtins.__doc__.splitlines()[0])
g = {}
exec('"""exec doc"""\nvalue = 1', g)
print(g["__doc__"], g["value"])
h = {}
exec("value = 2", h)
print("__doc__" in h)


def f():
    "function doc"


class C:
    "class doc"


class D:
    pass


print(f.__doc__, C.__doc__, D.__doc__)
try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
