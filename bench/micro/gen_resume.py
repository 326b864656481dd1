# Generator resumption: a for loop over a generator function.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def main():
    t = 0
    for v in count(1_000_000):
        t += v
    print(t)


main()
