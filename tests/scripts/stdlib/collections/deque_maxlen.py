# deque with maxlen: appends evict from the other end; repr shows maxlen; equality and copies.
from collections import deque

last3 = deque(maxlen=3)
for x in range(7):
    last3.append(x)
    print(list(last3))
last3.appendleft(100)
print(last3, last3.maxlen)
d = deque('abcdef', 4)
print(d)
d.extendleft([1, 2])
print(d)
print(deque(range(3)) == deque([0, 1, 2]), deque([1]) != deque([2]), deque([1, 2]) < deque([1, 3]))
e = d.copy()
e.append('z')
print(d, e, deque() + deque([1]) if False else deque([1]) + deque([2]))
print(deque([1, 2]) * 2, deque(maxlen=0), deque([], 2))
z = deque(maxlen=0)
z.append(1)
print(z, len(z))
try:
    deque([], -1)
except ValueError as e:
    print('ValueError', e)
try:
    deque([1, 2], 2).insert(0, 5)
except IndexError as e:
    print('IndexError', e)


class Q(deque):
    pass


print(Q([1, 2]), isinstance(Q(), deque))
