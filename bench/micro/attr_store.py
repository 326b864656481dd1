# Instance attribute stores (existing attributes).
class P:
    def __init__(self):
        self.x = 0
        self.y = 0


def main():
    p = P()
    for i in range(1_000_000):
        p.x = i
        p.y = i
    print(p.x + p.y)


main()
