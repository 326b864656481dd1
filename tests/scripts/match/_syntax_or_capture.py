x = 0
match x:
    case a | 1:
        pass
