# Slicing with start/stop/step, negatives and out-of-range bounds.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-3], a[-3:-1])
print(a[::2], a[1::2], a[::-1], a[::-3], a[8:2:-2], a[2:8:-1])
print(a[100:], a[-100:2], a[5:100], a[3:3], a[7:3])
print(a[-1:-11:-1], a[-1::-4], a[9:-11:-3])
print(a[slice(1, 9, 3)], a[slice(None, None, -5)])
s = "hello world"
print(s[::-1], s[::3], s[-5:], s[1:-1:2])
t = tuple(range(6))
print(t[1:4], t[::-2], type(t[1:2]).__name__)
r = range(20)
print(r[3:15:4], list(r[::-7]), r[::-1][0])
try:
    a[::0]
except ValueError as e:
    print(e)
b = a[:]
print(b == a, b is a)
