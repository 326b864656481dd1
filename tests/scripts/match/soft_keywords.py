# `match` and `case` remain usable as ordinary names.
match = 3
case = 4
print(match, case)
match = [10, 20]
print(match[0], match[1:])
match[0] = 5
print(match)


def match(x):
    return x * 2


print(match(21))
print((match)(1))
case = {"case": 1}
print(case["case"])


class Obj:
    match = "attribute"
    case = "other"


print(Obj.match, Obj.case)
o = Obj()
o.match = 1
print(o.match)
match, case = 1, 2
print(match, case)
match: int = 7
print(match)
match = lambda v: v + 1
print(match(1))


def uses_names(match, case):
    match match:
        case 1:
            return case
        case _:
            return -case


print(uses_names(1, 5), uses_names(2, 5))

match = {"match": "case"}
match match:
    case {"match": case}:
        print("nested names:", case)
print([match for match in range(3)])
