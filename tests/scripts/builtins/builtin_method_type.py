# A native method bound to an object is a builtin_function_or_method (a slot such as
# `(1).__add__` a method-wrapper), and its repr names the receiver's type.
print(type([].append))
print(type([].append).__name__, type(len).__name__, type("".join).__name__, type((1).bit_length).__name__)
r = repr([].append)
print(r[:len("<built-in method append of list object at 0x")])
print(repr({}.get)[:40], repr(len), type(len))
print(type((1).__add__).__name__, type("".__len__).__name__)
lst = [1]
print(lst.append == lst.append, lst.append == [].append, hash(lst.append) == hash(lst.append))
print(lst.append.__self__ is lst, lst.append.__name__, lst.append.__qualname__)
import types
print(isinstance([].append, types.BuiltinFunctionType), isinstance([].append, types.MethodType))
print(isinstance(len, types.BuiltinMethodType), callable([].append))
