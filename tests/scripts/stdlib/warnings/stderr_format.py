import sys
import warnings


def f():
    warnings.warn("careful now", stacklevel=2)


f()
f()
warnings.warn("direct", RuntimeWarning)
warnings.warn("deprecated in main", DeprecationWarning)
print("done")
sys.stdout.flush()
sys.exit(1)
