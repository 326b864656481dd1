x = 0
match x:
    case [*a, *b]:
        pass
