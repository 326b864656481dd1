# Small text-processing programs: log parsing, tokenizer, simple templating.
import re

log = '''2024-01-05 10:00:01 INFO user=alice action=login
2024-01-05 10:02:13 WARN user=bob action=retry count=3
2024-01-05 10:05:00 ERROR user=alice action=crash'''
line_re = re.compile(r'(?P<date>\S+) (?P<time>\S+) (?P<level>[A-Z]+) (?P<rest>.*)')
for line in log.splitlines():
    m = line_re.match(line)
    fields = dict(re.findall(r'(\w+)=(\w+)', m['rest']))
    print(m['level'], m['time'], fields)

TOKEN = re.compile(r'\s*(?:(\d+\.?\d*)|(\w+)|(.))')


def tokenize(src):
    out = []
    for num, name, op in TOKEN.findall(src):
        if num:
            out.append(('NUM', num))
        elif name:
            out.append(('NAME', name))
        elif op:
            out.append(('OP', op))
    return out


print(tokenize('x = 3.5 * (y + 42)'))
template = 'Hello {name}, you owe {amount}!'
values = {'name': 'Ann', 'amount': '$5'}
print(re.sub(r'\{(\w+)\}', lambda m: values[m.group(1)], template))
words = re.findall(r"[a-z']+", "It's the end of the world as we know it, and I feel fine.".lower())
print(len(words), sorted(set(words))[:5])
