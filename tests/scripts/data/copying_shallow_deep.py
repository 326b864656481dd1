# Copies: shallow copies share nested objects; manual deep copy.
orig = [[1, 2], [3, 4]]
s1 = orig[:]
s2 = list(orig)
s3 = orig.copy()
s1[0].append(99)
print(orig, s2, s3, s1 is orig, s1[0] is orig[0])
s2.append("new")
print(orig, s2)
def deep(v):
    if isinstance(v, list):
        return [deep(x) for x in v]
    if isinstance(v, dict):
        return {k: deep(x) for k, x in v.items()}
    return v
d = {"a": [1, {"b": [2]}]}
dd = deep(d)
dd["a"][1]["b"].append(3)
print(d, dd)
dc = dict(d)
dc["a"].append("shared")
print(d)
t = (1, [2])
t2 = tuple(t)
print(t2 is t)
fs = frozenset([1])
print(frozenset(fs) is fs, set(fs) is fs)
grid = [[0] * 3] * 2
grid[0][0] = 7
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 7
print(grid2)
