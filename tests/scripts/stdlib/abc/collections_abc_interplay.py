# User ABCs next to collections.abc: registering, and abstract container base classes.
from abc import ABC, abstractmethod
from collections.abc import Sized, Iterable


class Store(ABC):
    @abstractmethod
    def get(self, key):
        ...

    @abstractmethod
    def put(self, key, value):
        ...


class DictStore(Store):
    def __init__(self):
        self.data = {}

    def get(self, key):
        return self.data.get(key)

    def put(self, key, value):
        self.data[key] = value

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)


s = DictStore()
s.put("a", 1)
s.put("b", 2)
print(s.get("a"), len(s), list(s), isinstance(s, Store), isinstance(s, Sized), isinstance(s, Iterable))


class ListStore:
    def __init__(self):
        self.items = []

    def get(self, key):
        return self.items[key]

    def put(self, key, value):
        self.items.insert(key, value)


Store.register(ListStore)
ls = ListStore()
ls.put(0, "x")
print(isinstance(ls, Store), issubclass(ListStore, Store), ls.get(0), Store in ListStore.__mro__)
