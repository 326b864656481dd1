# In-place operator functions mutate lists and return new ints.
import operator as op

lst = [1]
r = op.iadd(lst, [2])
print(r is lst, lst, op.iadd(1, 2), op.imul([0], 3), op.isub(5, 2), op.ior({1}, {2}), op.iconcat('a', 'b'))
x = 10
x = op.itruediv(x, 4)
print(x, op.ifloordiv(9, 2), op.imod(9, 4), op.ipow(2, 5), op.ilshift(1, 3), op.irshift(8, 1), op.iand(6, 3), op.ixor(6, 3))
