# partial (nesting, keywords, repr) and reduce (initial, errors).
from functools import partial, reduce
import operator

base2 = partial(int, base=2)
print(base2('1010'), base2('11', base=3), base2.args, base2.keywords)


def power(base, exp, mod=None):
    return pow(base, exp, mod)


square = partial(power, exp=2)
cube_mod = partial(partial(power, exp=3), mod=7)
print(square(9), cube_mod(4), cube_mod.func is power, cube_mod.keywords)
add3 = partial(operator.add, 3)
print(list(map(add3, [1, 2, 3])), repr(partial(max, 1, key=abs)).startswith('functools.partial(<built-in function max>'))
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6), 10), reduce(max, [3, 9, 2]))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2], []), reduce(operator.add, [], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError', e)
try:
    partial(1)
except TypeError as e:
    print('TypeError', e)
