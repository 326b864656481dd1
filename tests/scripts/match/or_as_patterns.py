# Or-patterns and as-patterns.
def f(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case [1, y] | [y, 1]:
            return f"pair with 1 and {y}"
        case {"a": v} | {"b": v}:
            return f"a or b: {v}"
        case (int() | float()) as number:
            return f"number {number}"
        case [(0 | 1) as bit, *_] as whole:
            return f"starts with bit {bit} in {whole}"
    return "nothing"


for v in [1, 3, [1, 5], [5, 1], {"b": 4}, 4.5, 10, [0, 9], ["x"], "s"]:
    print(repr(v), "->", f(v))

match (1, 2):
    case (a, b) as pair:
        print(a, b, pair)

match "x":
    case "a" | "b":
        print("no")
    case "x" | "y" as letter:
        print("letter", letter)
