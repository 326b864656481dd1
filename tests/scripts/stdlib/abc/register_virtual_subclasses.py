# ABCMeta.register, __subclasshook__, and isinstance/issubclass with virtual subclasses.
from abc import ABC, abstractmethod


class Drawable(ABC):
    @abstractmethod
    def draw(self):
        ...

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            if any("draw" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


class Sprite:
    def draw(self):
        return "sprite"


class Rock:
    pass


print(isinstance(Sprite(), Drawable), issubclass(Rock, Drawable))


class Serializer(ABC):
    pass


class Json:
    pass


Serializer.register(Json)
print(issubclass(Json, Serializer), isinstance(Json(), Serializer), isinstance(1, Serializer))
print(Serializer.register(int) is int, isinstance(5, Serializer), isinstance(True, Serializer))


@Serializer.register
class Yaml:
    pass


print(Yaml.__name__, issubclass(Yaml, Serializer))
try:
    Serializer.register(5)
except TypeError as e:
    print("TypeError:", e)
