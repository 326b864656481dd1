# An assert failing at the top level, with a message.
def mean(xs):
    assert xs, "mean() of empty list"
    return sum(xs) / len(xs)

print(mean([2, 4]))
print(mean([]))
