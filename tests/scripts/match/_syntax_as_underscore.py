x = 0
match x:
    case a as _:
        pass
