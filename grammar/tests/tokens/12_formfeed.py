if a:
    b
