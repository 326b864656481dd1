x: int
y: list[int] = []
self_attr: "str" = "s"
(z): int = 3
a.b: float = 1.0
a[0]: int
def f(a: int, b: str = "x", *args: int, c: bool = True, **kw: dict) -> None:
    pass
