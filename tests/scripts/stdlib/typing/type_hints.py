# get_type_hints on classes (inherited annotations), NewType, get_origin.
from typing import get_type_hints, NewType, List, get_origin

UserId = NewType('UserId', int)


class Base:
    id: int


class User(Base):
    name: str


hints = get_type_hints(User)
print(sorted(hints), hints['name'], UserId(5), UserId(5) + 1, get_origin(List[int]) is list)
