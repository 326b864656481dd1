# JSONDecodeError messages, positions and attributes match CPython.
import json

bad = ['', '   ', '{', '[1, 2', '[1,]', '{"a": 1,}', '{"a" 1}', '{a: 1}', '"abc', '[1] x',
       'nul', '{"a": [1, 2 3]}', '"\\x"', '"\\u12"', '"a\nb"', '\n\n  [tru]', '01', '-',
       '{"a": 1}\n\n{"b": 2}', '[1, 2, ]', '\ufeff[]']
for text in bad:
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        print(repr(text), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print('TypeError', e)
