# Counter: counting, most_common, missing keys, arithmetic, update/subtract, elements, total.
from collections import Counter

c = Counter('mississippi')
print(c)
print(c.most_common(), c.most_common(2), c.most_common(0))
print(c['s'], c['zz'], c.total(), len(c))
c.update(['m', 'm', 'q'])
c.update({'i': 10})
c.subtract('ssss')
print(c)
print(sorted(c.elements()))
a = Counter(a=3, b=1, c=-2)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b)
print(+a, -a)
a += b
print(a)
print(Counter(a=1) == Counter(a=1, b=0), Counter(x=2) == {'x': 2})
del c['m']
del c['nothing']
print('m' in c, c['m'])
print(Counter(), Counter(k=1).copy(), dict(Counter('aab')))
words = 'the cat and the hat and the bat'.split()
for word, n in Counter(words).most_common(3):
    print(word, n)
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)
