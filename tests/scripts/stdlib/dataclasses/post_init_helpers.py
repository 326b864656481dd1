# __post_init__, asdict/astuple (recursive), replace, is_dataclass, field(init=False).
from dataclasses import dataclass, field, asdict, astuple, replace, is_dataclass


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    total: float = field(init=False)

    def __post_init__(self):
        self.total = self.price * self.qty


@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)


o = Order(7, [Item('pen', 1.5, 4), Item('ink', 3.0)])
print(o)
print(asdict(o))
print(astuple(o))
print(replace(o.items[0], qty=10), is_dataclass(o), is_dataclass(Order), is_dataclass(5))
try:
    asdict(5)
except TypeError as e:
    print('TypeError', e)
