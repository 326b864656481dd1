# Operator functions match the operators.
import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3), op.inv(5), op.invert(0), op.lshift(1, 4), op.rshift(32, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.index(7))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains('abc', 'b'), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'))
d = {'a': 1}
op.setitem(d, 'b', 2)
print(op.getitem(d, 'b'), d)
op.delitem(d, 'a')


class Hinted:
    def __length_hint__(self):
        return 7


print(d, op.length_hint([1, 2, 3]), op.length_hint(Hinted()), op.length_hint(object(), 5))
