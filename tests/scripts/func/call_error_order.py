# CPython reports a bad keyword before too many positional arguments, and names the class of
# an unbound builtin method called with the wrong receiver.
def f(a): pass
def g(a, b=1, *, c): pass

for call in [lambda: f(1, 2, c=3), lambda: f(1, 2, a=3), lambda: g(1, 2, 3, c=1),
             lambda: g(1, 2, 3, d=1), lambda: f(1, 2)]:
    try:
        call()
    except TypeError as e:
        print(e)

for call in [lambda: str.upper(5), lambda: list.append(5, 1), lambda: dict.keys(5),
             lambda: bytes.hex(5), lambda: int.bit_length('x'), lambda: str.upper(),
             lambda: str.join(5, [])]:
    try:
        call()
    except TypeError as e:
        print(e)

class S(str):
    pass

print(str.upper(S('a')), list.append([], 1), '-'.join(['a', 'b']))
try:
    '-'.join([1])
except TypeError as e:
    print(e)
