counter = 0
def outer():
    global counter
    total = 0
    def inner():
        nonlocal total
        total += 1
        return total
    counter, total = 1, 2
    return inner
