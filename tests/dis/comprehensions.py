xs = [1, 2, 3]
squares = [x * x for x in xs if x > 1]
pairs = {x: y for x in xs for y in "ab"}
unique = {x % 2 for x in xs}
lazy = (x + 1 for x in xs)
nested = [[y for y in range(x)] for x in xs]
