match command.split():
    case [action, *rest] if rest:
        pass
    case {"k": 1, **kw} | Point(x=0, y=None, z=kw) as p:
        pass
    case (-1 | "s", Color.RED):
        pass
    case _:
        pass
match = 1
