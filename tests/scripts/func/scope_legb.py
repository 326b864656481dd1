# LEGB name resolution.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
def local():
    x = "local"
    return x
def builtin_shadow():
    len = lambda s: -1
    return len("abc")
print(outer(), local(), x, builtin_shadow(), len("abc"))
def reads_global():
    return x
x = "changed"
print(reads_global())
def conditional(flag):
    if flag:
        y = "set"
    return y
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print(e)
try:
    undefined_name_here
except NameError as e:
    print(e)
class Scope:
    v = "class var"
    def m(self):
        try:
            return v
        except NameError as e:
            return str(e)
print(Scope().m())
