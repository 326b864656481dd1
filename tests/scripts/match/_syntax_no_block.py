x = 0
match x:
    case 1:
    pass
