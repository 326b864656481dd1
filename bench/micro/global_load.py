# Global and builtin loads through the global cache.
K = 3


def main():
    t = 0
    for _ in range(1_000_000):
        t += K + K
        abs
    print(t)


main()
