# JSONDecoder.raw_decode: the document at an index and where it ends (trailing text allowed),
# errors with positions in the whole string.
import json

dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'))
print(dec.raw_decode('xx[1, 2]  yy', 2))
print(dec.raw_decode('"s"'), dec.raw_decode("3.5 4"), dec.raw_decode("null,"))
for doc, idx in [(' [1]', 0), ('[1, ', 0), ('ab{"k" 1}', 2), ('', 0)]:
    try:
        dec.raw_decode(doc, idx)
    except json.JSONDecodeError as e:
        print(repr(doc), e.msg, e.pos, e)
stream = '{"id": 1} {"id": 2} [3]'
pos, items = 0, []
while pos < len(stream):
    obj, pos = dec.raw_decode(stream, pos)
    items.append(obj)
    while pos < len(stream) and stream[pos] == " ":
        pos += 1
print(items)
