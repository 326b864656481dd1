# getattr/setattr/hasattr/delattr builtins.
class Cfg:
    debug = False
c = Cfg()
setattr(c, "level", 3)
setattr(c, "with space", "odd")
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "dflt"), getattr(c, "with space"))
print(hasattr(c, "level"), hasattr(c, "missing"), hasattr(Cfg, "level"))
delattr(c, "level")
print(hasattr(c, "level"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(e)
try:
    delattr(c, "debug")
except AttributeError as e:
    print(e)
try:
    getattr(c, 5)
except TypeError as e:
    print(e)
for name in ["upper", "title"]:
    print(getattr("abc", name)())
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
