# A small inventory program built on dataclasses.
from dataclasses import dataclass, field
from typing import List


@dataclass(order=True)
class Product:
    sort_key: float = field(init=False, repr=False)
    name: str
    price: float
    tags: List[str] = field(default_factory=list)

    def __post_init__(self):
        self.sort_key = self.price


catalog = [Product('widget', 2.5, ['tools']), Product('gadget', 10.0), Product('gizmo', 1.25, ['toys'])]
for p in sorted(catalog):
    print(p)
print(sum(p.price for p in catalog), [p.name for p in catalog if 'toys' in p.tags])
cheapest = min(catalog)
print(cheapest.name, cheapest == Product('gizmo', 1.25, ['toys']))
