# list methods: append/extend/insert/pop/remove/index/count/reverse/clear/copy.
a = [3, 1, 4]
a.append(1); print(a)
a.extend((5, 9)); print(a)
a.extend("ab"); print(a)
a.insert(0, "first"); a.insert(100, "last"); a.insert(-1, "beforelast"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(1), a.index(4), a.count(1), a.count("zz"))
print(a.index(5, 2), a.index(9, 1, 6))
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
for bad in [lambda: a.remove(42), lambda: a.index(42), lambda: [].pop(), lambda: [1].pop(5)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
nums = [5, 2, 8]
nums += [1]
nums *= 2
print(nums, len(nums), [0] * 3, 2 * [1, 2], [] * 5)
print([1, 2] + [3], list("xyz"), list(range(3)), list())
