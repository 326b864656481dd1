# Special forms are subscriptable and usable as annotations; instantiating them fails.
from typing import Any, Optional, Union, Literal, Final, ClassVar

MAX: Final = 10


class Settings:
    mode: Literal['fast', 'slow'] = 'fast'
    count: ClassVar[int] = 0
    extra: Optional[Any] = None


def parse(v: Union[int, str]) -> int:
    return int(v)


print(parse('5') + parse(6), Settings.mode, Settings.count, Settings.extra, MAX)
try:
    Any()
except TypeError as e:
    print('TypeError', e)
print(Optional[int] == Optional[int], Union[int, str] is not None)
