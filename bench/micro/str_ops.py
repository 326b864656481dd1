# str concatenation, f-strings and str.format.
def main():
    n = 0
    for i in range(200_000):
        s = "a" + str(i) + "b"
        t = f"{i}:{s}"
        u = "{}-{}".format(i, t)
        n += len(u)
    print(n)


main()
