# super(type, obj) requires obj to be an instance or a subclass of type.


class A:
    def f(self):
        return "A.f"

    @classmethod
    def c(cls):
        return f"A.c({cls.__name__})"


class B(A):
    def f(self):
        return "B>" + super().f()


class Other:
    pass


print(B().f(), super(B, B()).f(), super(B, B).c(), super(A, B()).__class__.__name__)
for make in (lambda: super(B, 1), lambda: super(B, A()), lambda: super(B, Other), lambda: super(int, B())):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
