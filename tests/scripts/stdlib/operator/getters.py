# itemgetter, attrgetter (dotted, multiple) and methodcaller, with reprs.
from operator import itemgetter, attrgetter, methodcaller
from collections import namedtuple

rows = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z')]
print(sorted(rows, key=itemgetter(1)), list(map(itemgetter(0, 2), rows)), itemgetter(slice(1, None))('abcd'))
P = namedtuple('P', 'name addr')
A = namedtuple('A', 'city zip')
people = [P('ann', A('Oslo', 1)), P('bob', A('Bergen', 5))]
print(sorted(people, key=attrgetter('addr.city'))[0].name, attrgetter('name', 'addr.zip')(people[1]))
print(methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'), methodcaller('replace', 'a', b='x') if False else methodcaller('rjust', 5, '*')('ab'))
print(itemgetter(1), attrgetter('a.b', 'c'), methodcaller('f', 1, k=2))
