# object_hook, object_pairs_hook, parse_float/parse_int, and dump/load through files.
import json
import os
import tempfile

print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('[1.5, 2, 3.0]', parse_float=lambda s: 'F' + s, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: s.lower()))
path = os.path.join(tempfile.gettempdir(), 'gyre_json_test_%d.json' % os.getpid())
with open(path, 'w') as f:
    json.dump({'items': [1, 2, 3], 'name': 'x'}, f, indent=2)
with open(path) as f:
    print(f.read())
with open(path) as f:
    print(json.load(f))
os.remove(path)
decoder = json.JSONDecoder(object_hook=lambda d: d.get('v'))
print(decoder.decode('[{"v": 1}, {"v": 2}]'))
