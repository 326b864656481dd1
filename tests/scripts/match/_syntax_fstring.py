x = 0
match x:
    case f'a':
        pass
