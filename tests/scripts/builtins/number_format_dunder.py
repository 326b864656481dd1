# int/float/complex/bool __format__ called directly or through super() from a subclass.
print((1234).__format__(","), (255).__format__("#x"), (2.5).__format__(".3f"), (1.5).__format__(""))
print(True.__format__(""), True.__format__("d"), (10**20).__format__("_"), (1 + 2j).__format__(".1f"))
print(int.__format__(42, ">6"), float.__format__(0.25, "%"), format(7, ""), (7).__format__(""))


class Money(int):
    def __format__(self, spec):
        return "$" + super().__format__(spec)


class Temp(float):
    def __format__(self, spec):
        return super().__format__(spec or ".1f") + "C"

    def __str__(self):
        return "temp"


print(f"{Money(1234567):,}", format(Money(5), "03"), f"{Temp(21.456)}", f"{Temp(3):.3f}")


class Loud(int):
    def __str__(self):
        return "loud"


print(Loud(3).__format__(""), format(Loud(3)), f"{Loud(3):d}", str(Loud(3)))
try:
    (5).__format__("q")
except ValueError as e:
    print(e)
try:
    object().__format__("x")
except TypeError as e:
    print(e)
