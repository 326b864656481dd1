# Copying builtin subclasses, namedtuples, defaultdicts and slots objects.
import copy
from collections import namedtuple, defaultdict, OrderedDict, Counter

P = namedtuple('P', 'x y')
p = P([1], 2)
pc, pd = copy.copy(p), copy.deepcopy(p)
print(pc, pd, pc.x is p.x, pd.x is p.x, type(pd).__name__)
dd = defaultdict(list, {'a': [1]})
dc = copy.deepcopy(dd)
dc['a'].append(2)
dc['b'].append(3)
print(dd, dc)
print(copy.copy(OrderedDict(a=1)), copy.deepcopy(Counter('aab')))


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]
        self.b = 2


s = copy.deepcopy(Slotted())
print(s.a, s.b)


class MyList(list):
    pass


ml = copy.deepcopy(MyList([[1], [2]]))
print(ml, type(ml).__name__)
