# Instance attribute loads through the attribute cache.
class P:
    def __init__(self):
        self.x = 1
        self.y = 2


def main():
    p = P()
    t = 0
    for _ in range(1_000_000):
        t += p.x + p.y
    print(t)


main()
