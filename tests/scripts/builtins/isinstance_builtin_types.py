# isinstance checks against builtin types used for dispatch.
def describe(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, (list, tuple)):
        return "seq of " + ",".join(describe(x) for x in v)
    if isinstance(v, dict):
        return "dict"
    if v is None:
        return "none"
    return "other:" + type(v).__name__
for v in [True, 3, 2.0, "s", [1, "a"], (False, None), {}, None, b"", set(), describe]:
    print(repr(v) if not callable(v) else v.__name__, "->", describe(v))
