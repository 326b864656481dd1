# Type and range errors.
from array import array

for code, value in [('b', 128), ('b', -129), ('B', -1), ('h', 2 ** 15), ('i', 2 ** 31), ('i', 1.5), ('d', 'x')]:
    try:
        array(code, [value])
    except (OverflowError, TypeError) as e:
        print(code, type(e).__name__, e)
try:
    array('z')
except ValueError as e:
    print('ValueError', e)
try:
    array('i').pop()
except IndexError as e:
    print('IndexError', e)
try:
    array('i', [1])[5]
except IndexError as e:
    print('IndexError', e)
