# sub/subn with group references, callables, counts; split with groups and maxsplit.
import re

print(re.sub(r'(\w+)@(\w+)\.com', r'\2 at \1', 'joe@example.com, ann@test.com'))
print(re.sub(r'(?P<word>\w+)', r'[\g<word>]', 'a bc'), re.sub(r'(\d)', r'\g<1>0', 'a1b2'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.subn(r'o', '0', 'foo boo'), re.sub('o', '0', 'foo boo', count=2), re.sub('x*', '-', 'abc'))
print(re.sub(r'\s+', ' ', ' a \t b\n\nc '), re.sub(r'a', r'\n', 'bab') == 'b\nb', re.sub('(a)|b', r'[\1]', 'ab'))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words.'))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=1), re.split('[a-f]+', '0a3B9', flags=re.I))
print(re.split(r'(,)?\s', 'a, b c'), re.split('x*', 'axbc'), re.split(r'\d', 'no digits'))
for bad in [r'\3', r'\g<nope>', r'\g<1']:
    try:
        re.sub(r'(a)', bad, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__)
