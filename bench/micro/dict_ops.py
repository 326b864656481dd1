# dict get/set with str and int keys.
def main():
    d = {}
    keys = ["k" + str(i) for i in range(100)]
    for _ in range(5_000):
        for k in keys:
            d[k] = d.get(k, 0) + 1
    e = {}
    for i in range(300_000):
        e[i & 1023] = i
    print(len(d), d["k7"], len(e), e[5])


main()
