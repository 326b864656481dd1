# Flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE), anchors, backreferences, lookaround.
import re

print(re.findall('^a.', 'ab\nac\nxa', re.M), re.findall('a.', 'a\nb', re.S), re.findall('a.', 'a\nb'))
print(re.search('B', 'abc', re.IGNORECASE), re.search('b$', 'ab\n'), re.search(r'b\Z', 'ab\n'))
number = re.compile(r'''
    [-+]?        # sign
    \d+          # integer part
    (?:\.\d*)?   # fraction
''', re.VERBOSE)
print(number.findall('x -12.5 y +3 z 7.'))
print(re.search(r'(\w)\1', 'abccde'), re.search(r'(?P<c>\w)(?P=c)', 'xyyz').group('c'))
print(re.search(r'(?<=\$)\d+', 'cost $42'), re.findall(r'\w+(?=!)', 'hi! yo? ok!'), re.findall(r'(?<!-)\b\d', '1 -2 3'))
print(re.compile('a', re.I | re.M), re.compile(r'\d'), re.compile('x', re.S).flags & re.S)
print(re.search(r'[]x]+', 'a]x]b'), re.search('a{', 'ba{'), re.search(r'a{2}', 'aaa'), re.findall(r'\d{2,}', '1 22 333'))
print(re.escape('1+1=2? [yes] (a.b) $5 ^_^'), re.match(re.escape('a.b'), 'axb'))
try:
    re.compile('(unclosed')
except re.error:
    print('re.error')
