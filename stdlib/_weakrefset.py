"""CPython's `_weakrefset`: where `WeakSet` lives (defined in `weakref`)."""

from weakref import WeakSet
