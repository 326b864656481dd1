# Finalizers of locals run when a function returns; containers release their
# items on pop/clear/remove and slice deletion.
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)


def work():
    t = Tracked("local")
    print("in work")
    return 42


print("work returned", work())


items = [Tracked(i) for i in range(5)]
items.pop()
print("after pop")
items.remove(items[0])
print("after remove")
del items[0]
print("after del [0]")
items.clear()
print("after clear")
items = [Tracked("s%d" % i) for i in range(3)]
del items[:2]
print("after slice delete")
items = None
print("after dropping list")


def make_many():
    for i in range(3):
        t = Tracked("loop %d" % i)
        print("made", i)
    print("loop done")


make_many()
print("end")
