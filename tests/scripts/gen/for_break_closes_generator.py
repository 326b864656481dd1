# `break` out of a for loop over a generator drops the generator at once, so its finally
# clause runs before the statement after the loop (CPython pops the iterator), in a
# function, at module level, in nested loops and with an else clause.
def numbers(tag, n=5):
    try:
        for i in range(n):
            yield i
    finally:
        print(tag, "closed")


def first_even(tag):
    for x in numbers(tag):
        if x and x % 2 == 0:
            break
    print(tag, "after loop, x =", x)
    return x


print(first_even("f"))

for x in numbers("module"):
    if x == 1:
        break
print("module after loop")

for a in numbers("outer", 3):
    for b in numbers("inner", 3):
        if b == 1:
            break
    print("between, a =", a)
    if a == 1:
        break
print("nested done")

for x in numbers("else", 2):
    pass
else:
    print("else clause")
print("after else")

gens = numbers("kept")
for x in gens:
    break
print("still referenced, then:")
del gens
print("end")
