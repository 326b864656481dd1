# isinstance/issubclass with tuples, builtins, and errors.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C), isinstance(b, ()))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(B, B), issubclass(A, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance(None, type(None)), isinstance([], (list, tuple)), isinstance(A, type))
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), issubclass(type, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, LookupError))
print(isinstance(b, (int, (str, (A,)))))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
try:
    issubclass(b, A)
except TypeError as e:
    print(e)
