# suppress, closing and nullcontext.
from contextlib import suppress, closing, nullcontext

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print('IndexError passes through')


class Resource:
    def close(self):
        print('closed')


with closing(Resource()) as r:
    print('using', type(r).__name__)
with nullcontext(42) as v:
    print(v)
with nullcontext():
    print('nothing')
