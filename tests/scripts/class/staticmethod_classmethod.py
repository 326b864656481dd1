# staticmethod and classmethod, including alternative constructors and inheritance.
class Date:
    fmt = "{y}-{m:02d}-{d:02d}"
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    @classmethod
    def kind(cls):
        return cls.__name__
    def __str__(self):
        return self.fmt.format(y=self.y, m=self.m, d=self.d)
class USDate(Date):
    fmt = "{m:02d}/{d:02d}/{y}"
d = Date.from_string("2024-2-9")
u = USDate.from_string("2023-12-25")
print(d, u, type(u).__name__)
print(Date.is_leap(2000), Date.is_leap(1900), d.is_leap(2024), USDate.is_leap(2023))
print(Date.kind(), USDate.kind(), u.kind())
print(type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["kind"]).__name__)
sm = Date.is_leap
print(sm(2004), callable(Date.__dict__["is_leap"]))
