# match/search/fullmatch and Match object accessors, reprs, named groups.
import re

m = re.match(r'(\w+) (\w+)', 'Isaac Newton, physicist')
print(m)
print(m.group(0), m.group(1), m.group(1, 2), m.groups(), m[2])
print(m.start(), m.end(), m.span(), m.start(2), m.end(1), m.span(1), m.pos, m.endpos)
m = re.search(r'(?P<first>\w+) (?P<last>\w+)', 'Dr. Malcolm Reynolds')
print(m, m.groupdict(), m['first'], m.group('last'), m.lastgroup, m.lastindex)
print(re.match('a', 'ba'), re.search('a', 'ba'), re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'))
print(re.fullmatch('a|ab', 'ab'), re.match(r'(a)(b)?', 'ac').groups(), re.match(r'(a)(b)?', 'ac').groups('-'))
print(re.match(r'(a)(b)?', 'ac').span(2), re.match(r'(?P<x>a)(?P<y>b)?', 'a').groupdict('none'))
try:
    m.group(5)
except IndexError as e:
    print('IndexError', e)
p = re.compile(r'\d+')
print(p.search('ab12cd345', 5), p.match('ab12', 2), p.fullmatch('x123y', 1, 4), p.search('12345', 1, 3))
