"""Helper package for module_getattr_sets_globals: a PEP 562 __getattr__ that caches
what it computes in the module's globals."""

loaded = []


def __getattr__(name):
    if name.startswith("gen_"):
        value = name[4:].upper()
        globals()[name] = value
        loaded.append(name)
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
