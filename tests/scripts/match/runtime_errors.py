# Errors raised while matching, with CPython's messages.
class Bad:
    __match_args__ = ["x"]


class NotStr:
    __match_args__ = (1,)


class Two:
    __match_args__ = ("x", "y")
    x = 1
    y = 2


class NoArgs:
    pass


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


def m_bad():
    match Bad():
        case Bad(1):
            pass


def m_notstr():
    match NotStr():
        case NotStr(1):
            pass


def m_too_many():
    match Two():
        case Two(1, 2, 3):
            pass


def m_repeat():
    match Two():
        case Two(1, x=1):
            pass


def m_noargs():
    match NoArgs():
        case NoArgs(1):
            pass


def m_int_two():
    match 5:
        case int(5, 6):
            pass


def m_not_type():
    not_a_class = 3
    match 1:
        case not_a_class.real():
            pass


class Keys:
    A = "a"


def m_dup_key():
    match {"a": 1, "b": 2}:
        case {Keys.A: 1, "a": 2}:
            pass


for name, fn in [("bad", m_bad), ("notstr", m_notstr), ("too_many", m_too_many), ("repeat", m_repeat),
                 ("noargs", m_noargs), ("int_two", m_int_two), ("not_type", m_not_type), ("dup_key", m_dup_key)]:
    attempt(name, fn)

# a non-instance subject never looks at __match_args__
match 3:
    case Bad(1):
        print("no")
    case _:
        print("isinstance checked first")
