class Right:
    def __rdivmod__(self, other):
        return ("rdivmod", other)


class Left:
    def __divmod__(self, other):
        return NotImplemented


class Both:
    def __divmod__(self, other):
        return ("divmod", other)

    def __rdivmod__(self, other):
        return ("rdivmod", other)


print(divmod(2, Right()))
print(divmod(2.5, Right()))
print(divmod(Both(), 3))
print(divmod(4, Both()))
print(divmod(Left(), Both())[0])
for a, b in [(Left(), 1), (1, Left()), ("x", 1), (Right(), Right())]:
    try:
        divmod(a, b)
    except TypeError as e:
        print("TypeError", e)
