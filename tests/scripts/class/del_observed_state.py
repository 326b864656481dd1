# What a finalizer changes is visible to the very next statement, even one that reads a
# global before making any call (CPython runs __del__ at the decref).
count = 0
log = []


class Counted:
    def __del__(self):
        global count
        count += 1
        log.append("del")


c = Counted()
del c
print(count)
c = Counted()
c = None
print(count, log)


def scope():
    local = Counted()
    return 1


scope()
print(count)


class Phoenix:
    def __del__(self):
        global resurrected
        resurrected = self


p = Phoenix()
del p
print(type(resurrected).__name__)
x = Counted()
y = x
del x
print(count)
del y
print(count)
