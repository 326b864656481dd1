# deque: both ends, maxlen eviction, rotate, extendleft, indexing, count/index/remove, repr.
from collections import deque

d = deque()
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d))
print(d.pop(), d.popleft(), d)
d.rotate(3)
print(d)
d.rotate(-4)
print(d)
d.extend('xy')
d.extendleft('ab')
print(d, d[0], d[-1], d[3])
d[1] = 'A'
del d[0]
print(d, d.count(1), d.index('x'), 'y' in d, 42 in d)
d.remove('x')
d.reverse()
print(d)
d.insert(2, 'ins')
print(d, list(reversed(d)))
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print('IndexError', e)
try:
    deque([1])[5]
except IndexError as e:
    print('IndexError', e)
try:
    deque([1, 2]).remove(3)
except ValueError as e:
    print('ValueError', e)
