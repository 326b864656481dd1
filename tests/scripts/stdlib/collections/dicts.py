# defaultdict and OrderedDict behaviour and reprs.
from collections import defaultdict, OrderedDict

groups = defaultdict(list)
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups[word[0]].append(word)
print(groups)
print(groups['z'], len(groups), 'z' in groups)
counts = defaultdict(int)
for ch in 'hello world':
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested['a']['x'] += 2
print(dict(nested['a']), nested.default_factory is not None)
plain = defaultdict()
try:
    plain['missing']
except KeyError as e:
    print('KeyError', e)
print(plain, isinstance(plain, dict))
od = OrderedDict()
od['one'] = 1
od['two'] = 2
od['three'] = 3
print(od)
od.move_to_end('one')
print(list(od))
od.move_to_end('three', last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
print(OrderedDict.fromkeys('abc', 0), OrderedDict())
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
