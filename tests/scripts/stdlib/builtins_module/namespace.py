import builtins

print(builtins.print is print, builtins.len is len, builtins.open is open)
print(builtins.__name__, builtins.int is int, builtins.ValueError is ValueError)
print(builtins.True_ if hasattr(builtins, "True_") else "no True_")
print(all(hasattr(builtins, n) for n in ["abs", "sorted", "isinstance", "Exception", "object"]))
print(getattr(builtins, "nope", "missing"))
try:
    builtins.no_such_name
except AttributeError as e:
    print("AttributeError", e)

# a name added to builtins is visible everywhere, until a global shadows it
builtins.shared_setting = "from builtins"


def read_it():
    return shared_setting


print(read_it())
shared_setting = "global"
print(read_it())
del shared_setting
print(read_it())
del builtins.shared_setting
try:
    read_it()
except NameError as e:
    print("NameError", e)

# replacing a builtin function through the module
original = builtins.len
builtins.len = lambda obj: 42
print(len([1, 2, 3]))
builtins.len = original
print(len([1, 2, 3]))
print(type(builtins).__name__)
import builtins as again
print(again is builtins)
print(__builtins__ is builtins, builtins.__builtins__ if hasattr(builtins, "__builtins__") else "-")
import sys
print(sys.modules["builtins"] is builtins)
