# deepcopy keeps shared references shared and handles cycles through the memo.
import copy

shared = [1, 2]
data = [shared, shared, {'k': shared}]
d = copy.deepcopy(data)
print(d[0] is d[1], d[0] is d[2]['k'], d[0] is shared)
cyc = [1]
cyc.append(cyc)
c = copy.deepcopy(cyc)
print(c[1] is c, c[0], c is cyc)
memo = {}
x = [[1]]
y = copy.deepcopy(x, memo)
print(id(x) in memo, memo[id(x)] is y)
