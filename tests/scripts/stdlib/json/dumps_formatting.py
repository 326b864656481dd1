# json.dumps of nested structures: default separators, indent (int and str), sort_keys,
# custom separators, floats, unicode and escapes.
import json

data = {'name': 'gyre', 'version': [0, 1, 0], 'tags': ('fast', 'async'), 'ok': True,
        'none': None, 'ratio': 0.1 + 0.2, 'big': 2 ** 70, 'nested': {'a': {'b': [1, {'c': []}]}},
        'empty': {}, 'neg': -1.5e-07, 'e': 1e16}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent='\t', sort_keys=True))
print(json.dumps(data, separators=(',', ':'), sort_keys=True))
print(json.dumps([1, [2, [3, []]], {}], indent=0))
print(json.dumps('héllo ✓ 😀 "quoted" \\ \n\t\x01'))
print(json.dumps('héllo ✓ 😀', ensure_ascii=False))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1.0, 100.0, 3.14159]))
print(json.dumps({1: 'int', 2.5: 'float', True: 'bool', None: 'none', 'z': 0}))
print(json.dumps([]), json.dumps({}), json.dumps(''), json.dumps(0), json.dumps(False))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True, indent=4))
