# `d |= x` updates d in place from a mapping or an iterable of pairs (every alias sees it);
# `d | x` needs a dict on both sides.
d = {"a": 1}
alias = d
d |= {"b": 2}
d |= [("c", 3), ("a", 0)]
d |= (("e", 5),)
print(d, alias is d, alias)
try:
    d |= 5
except TypeError as e:
    print(e)
try:
    d |= [1]
except TypeError as e:
    print(e)
try:
    d | [("x", 1)]
except TypeError as e:
    print(e)
from collections import OrderedDict, defaultdict
o = OrderedDict(x=1)
o |= [("y", 2)]
print(o)
dd = defaultdict(int)
dd |= {"k": 1}
print(dd)
