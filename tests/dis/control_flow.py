def f(n):
    i = 0
    while i < n:
        if i % 2 == 0:
            i += 1
            continue
        elif i > 10:
            break
        else:
            i += 2
    else:
        print("no break")
    for j in range(3):
        pass
    return 1 < i <= n and not n or i
