# copy vs deepcopy of nested containers.
import copy

orig = {'a': [1, 2, {'b': [3]}], 't': (1, [2]), 's': {1, 2}}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig['a'][2]['b'].append(4)
orig['t'][1].append(5)
print(shallow['a'] is orig['a'], deep['a'] is orig['a'])
print(shallow, deep)
print(copy.copy([1, [2]]), copy.deepcopy((1, 2)) == (1, 2), copy.copy(5), copy.deepcopy('s'))
t = (1, 2)
print(copy.deepcopy(t) is t, copy.copy(t) is t)
