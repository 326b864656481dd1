# slice objects, their attributes and indices().
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None), slice(None, -1), slice(1, 2))
print(s.indices(6), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
print(slice(-100, 100).indices(4), slice(None, None, -2).indices(7))
data = list("abcdefgh")
print(data[s], data[slice(-2, None)], "python"[slice(None, None, -1)])
class Recorder:
    def __getitem__(self, key):
        return key
rec = Recorder()
print(rec[1:2], rec[::3], rec[1:2, 5], rec[..., 1], rec[:])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
