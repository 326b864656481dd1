# json.loads: every value kind, whitespace, unicode escapes, big ints, round trips.
import json

doc = '''
{"s": "text \\u00e9 \\ud83d\\ude00 \\n\\t\\"q\\" \\/", "i": -42, "f": 3.25, "e": 1E+3,
 "big": 123456789012345678901234567890, "t": true, "fl": false, "n": null,
 "arr": [1, 2.0, "3", [], {}], "obj": {"k": {"k2": [null]}}, "nan": NaN, "inf": -Infinity}
'''
v = json.loads(doc)
for k in v:
    print(k, repr(v[k]))
print(json.loads('  [1 , 2 ,3 ]  '), json.loads('"x"'), json.loads('0'), json.loads('-0.0'))
print(json.loads(b'{"bytes": [1]}'), json.loads(bytearray(b'[true]')))
original = {'a': [1, 2, {'b': None}], 'c': 'd', 'e': 1.5}
print(json.loads(json.dumps(original)) == original)
print(json.loads('{"a": 1, "a": 2}'), json.loads('1e400'), json.loads('[0.1, 1e-7]'))
