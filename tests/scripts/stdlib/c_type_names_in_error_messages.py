import collections, datetime, decimal, fractions, enum, array, io, functools, re
for v in [collections.deque(), collections.OrderedDict(), collections.defaultdict(int), collections.Counter(), datetime.datetime(2020,1,1), datetime.date(2020,1,1), datetime.timedelta(1), decimal.Decimal(1), fractions.Fraction(1), array.array('i'), io.StringIO()]:
    try:
        v + "s"
    except TypeError as e:
        print(e)
    try:
        v()
    except TypeError as e:
        print(e)
print(repr(io.StringIO())[:20], type(io.BytesIO()))
class MyDate(datetime.date): pass
try:
    MyDate(2020, 1, 1) + "x"
except TypeError as e:
    print(e)
try:
    datetime.date(2020, 1, 1).foo
except AttributeError as e:
    print(e)
try:
    len(decimal.Decimal(3))
except TypeError as e:
    print(e)
try:
    hash(collections.OrderedDict())
except TypeError as e:
    print(e)
try:
    decimal.Decimal(1) < "a"
except TypeError as e:
    print(e)
try:
    iter(datetime.timedelta(1))
except TypeError as e:
    print(e)
print(type(decimal.Decimal(1)).__name__, type(datetime.date.today()))
for v in [functools.partial(print), re.compile('a'), re.match('a', 'a')]:
    try:
        v + 1
    except TypeError as e:
        print(e)
class D(decimal.Decimal): pass
try:
    D(1) + []
except TypeError as e:
    print(e)
