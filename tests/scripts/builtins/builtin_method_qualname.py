# __name__ and __qualname__ of builtin functions, methods of builtin types (unbound and
# bound) and classmethods: a method's qualname names its owning type.
for f in [len, print, [].append, list.append, str.upper, "x".upper, dict.get, {}.get,
          int.to_bytes, (5).bit_length, bytes.hex, set.add, dict.fromkeys]:
    print(f.__name__, f.__qualname__)
# static natives of builtin types
for f in [int.__new__, str.maketrans, bytes.fromhex, int.from_bytes, object.__new__]:
    print(f.__name__, f.__qualname__)
