# operator functions as reducers and sort keys.
import operator
from functools import reduce

print(reduce(operator.mul, range(1, 8)), reduce(operator.or_, [1, 2, 4]), list(map(operator.neg, [1, -2])))
inventory = [('apple', 3), ('banana', 2), ('pear', 5), ('orange', 1)]
print(sorted(inventory, key=operator.itemgetter(1), reverse=True))
print(max(inventory, key=operator.itemgetter(1)), list(map(operator.itemgetter(0), inventory)))
