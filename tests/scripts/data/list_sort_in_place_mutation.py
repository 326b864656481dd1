# sort() is in place, sorted() copies; list mutation during iteration by index.
a = [3, 1, 2]
b = sorted(a)
print(a, b, a is b)
a.sort()
print(a)
nums = list(range(10))
i = 0
while i < len(nums):
    if nums[i] % 3 == 0:
        del nums[i]
    else:
        i += 1
print(nums)
evens = [n for n in range(10) if n % 2 == 0]
for n in list(evens):
    if n > 4:
        evens.remove(n)
print(evens)
try:
    bad = [3, 1]
    def key(v):
        bad.append(0)
        return v
    bad.sort(key=key)
except ValueError as e:
    print(e)
