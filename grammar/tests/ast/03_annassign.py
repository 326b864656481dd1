x: int = 1
(y): str
a.b: int
