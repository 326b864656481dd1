# from-import forms, aliases and import errors.
from _helper_geometry import area, Circle as C, PI_ISH as pi
print(area(1), C(2), pi)
from _helper_geometry import *
print(sorted(n for n in ("area", "Circle", "PI_ISH", "_private", "load_count") if n in globals()))
try:
    from _helper_geometry import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import _no_such_helper_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
import math as m, sys as system
print(m.floor(2.7), system is __import__("sys"))
