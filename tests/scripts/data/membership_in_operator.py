# `in` across containers and via __contains__/__iter__/__getitem__.
print(2 in [1, 2], 2 in (1,), "b" in "abc", "bc" in "abc", "" in "x", "ac" in "abc")
print(1 in {1: "a"}, "a" in {1: "a"}, 3 in {3, 4}, 5 in range(0, 10, 5), 5 in range(0, 10, 3))
print([1] in [[1], [2]], (1, 2) in [(1, 2)], None in [0, None], 1.0 in [1])
class Cont:
    def __contains__(self, x):
        print("  contains", x)
        return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())
class It:
    def __iter__(self):
        return iter([10, 20])
print(20 in It(), 30 in It())
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 5
print(10 in Seq(), 11 in Seq())
try:
    1 in 5
except TypeError as e:
    print(e)
try:
    1 in "abc"
except TypeError as e:
    print(e)
nan = float("nan")
print(nan in [nan], nan in [float("nan")])
