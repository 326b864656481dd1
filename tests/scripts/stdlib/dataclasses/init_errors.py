# Generated __init__ error messages, mutable defaults, field order rules.
from dataclasses import dataclass, field


@dataclass
class P:
    x: int
    y: int
    z: int = 3


for args, kwargs in [((), {}), ((1,), {}), ((1, 2, 3, 4), {}), ((1, 2), {'w': 1}), ((1,), {'x': 2})]:
    try:
        P(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass
    class Order:
        a: int = 1
        b: int
except TypeError as e:
    print('TypeError', e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print('ValueError', e)
