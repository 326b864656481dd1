# List indexing with negative indices and IndexError messages.
lst = ["a", "b", "c", "d"]
print(lst[0], lst[-1], lst[-4], lst[3], lst[len(lst) - 1])
lst[-2] = "C"
print(lst)
for i in [4, -5, 100]:
    try:
        lst[i]
    except IndexError as e:
        print(i, e)
try:
    lst[10] = 1
except IndexError as e:
    print(e)
try:
    lst["1"]
except TypeError as e:
    print(e)
try:
    lst[1.0]
except TypeError as e:
    print(e)
print(lst[True], lst[False])
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], nested[-1][-1][-1])
t = (10, 20, 30)
print(t[-1], t[1])
try:
    t[3]
except IndexError as e:
    print(e)
try:
    "abc"[3]
except IndexError as e:
    print(e)
try:
    range(3)[3]
except IndexError as e:
    print(e)
