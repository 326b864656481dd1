# IntEnum and StrEnum behave as their mixed-in type; reprs and str() as in 3.11.
from enum import IntEnum, StrEnum, auto


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(Priority.LOW, repr(Priority.HIGH), f'{Priority.MEDIUM}', Priority.HIGH + 1, Priority.LOW * 3)
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM == 5, sorted([Priority.HIGH, Priority.LOW]))
print(Priority(5), isinstance(Priority.LOW, int), [p.name for p in Priority], int(Priority.HIGH))
print(max(Priority), ['a', 'b', 'c', 'd', 'e', 'f'][Priority.MEDIUM])


class Mode(StrEnum):
    READ = auto()
    WRITE = 'w'


print(Mode.READ, repr(Mode.WRITE), Mode.WRITE == 'w', Mode.READ.upper(), Mode('read'), list(Mode))
print('mode=' + Mode.WRITE, f'{Mode.READ}!')
