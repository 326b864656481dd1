# list append, index load and index store.
def main():
    xs = []
    for i in range(500_000):
        xs.append(i)
    t = 0
    for i in range(500_000):
        t += xs[i]
        xs[i] = t
    print(t, len(xs))


main()
