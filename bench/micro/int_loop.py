# Int arithmetic in a while loop: compare, add, branch.
def main():
    i = 0
    t = 0
    while i < 3_000_000:
        t += i * 2 - 1
        i += 1
    print(t)


main()
