# A module body executes once; later imports reuse the cached module object.
import sys
import _helper_counter
import _helper_counter
from _helper_counter import bump
import _helper_uses_other
print(bump(), _helper_uses_other.via_other(), _helper_counter.bump())
print(_helper_counter.events, _helper_uses_other.shared is _helper_counter.events)
print("_helper_counter" in sys.modules, sys.modules["_helper_counter"] is _helper_counter)
def late():
    import _helper_counter as again
    return again is _helper_counter
print(late())
