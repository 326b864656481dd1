# Return semantics: implicit None, multiple values, early return.
def none_implicit():
    x = 1
def none_bare():
    return
def multi():
    return 1, "two", [3]
def early(n):
    for i in range(n):
        if i * i > 10:
            return i
    return -1
print(none_implicit(), none_bare(), multi(), early(10), early(3))
a, b, c = multi()
print(a, b, c)
def in_finally():
    try:
        return "try"
    finally:
        print("finally runs")
print(in_finally())
def nested_returns(x):
    if x > 0:
        if x > 10:
            return "big"
        return "small"
    return "non-positive"
print([nested_returns(v) for v in (-1, 5, 50)])
