# A module-level __getattr__ (PEP 562) that stores the computed value in the module's
# globals: the second access finds the global, and from-imports go through it too.
import _lazy_globals

print(_lazy_globals.gen_alpha, _lazy_globals.gen_alpha, _lazy_globals.loaded)
from _lazy_globals import gen_beta

print(gen_beta, _lazy_globals.loaded)
print(sorted(n for n in vars(_lazy_globals) if n.startswith("gen_")))
try:
    _lazy_globals.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    from _lazy_globals import missing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
