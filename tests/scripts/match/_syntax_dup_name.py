x = 0
match x:
    case [a, a]:
        pass
