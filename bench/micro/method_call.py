# Method calls on an instance: LoadMethod + CallMethod, no bound-method object.
class C:
    def __init__(self):
        self.v = 1

    def get(self, k):
        return self.v + k


def main():
    c = C()
    t = 0
    for i in range(1_000_000):
        t += c.get(i)
    print(t)


main()
