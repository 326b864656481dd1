# Regression: returning from g() into f() shrank the register stack below main()'s
# registers (f's window starts inside main's), and main then crashed with a panic.
def g():
    return 1


def f():
    return g()


def main():
    x = f()
    print(x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)


main()
