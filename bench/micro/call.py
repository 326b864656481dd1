# Call overhead: a two-argument script function called in a loop.
def f(a, b):
    return a


def main():
    n = 0
    for i in range(1_000_000):
        n += f(i, 1)
    print(n)


main()
