x = 0
match x:
    case C(a=1, 2):
        pass
