# findall with 0/1/many groups, finditer spans, empty matches, unicode offsets.
import re

text = 'He was carefully disguised but captured quickly by police.'
print(re.findall(r'\w+ly\b', text))
print([(m.start(), m.end(), m.group()) for m in re.finditer(r'\w+ly\b', text)])
print(re.findall(r'(\w+)=(\d+)', 'a=1, bb=22, c=x'), re.findall(r'(\d)\d', '12 34 5'))
print(re.findall('a*', 'baaac'), re.findall(r'\b', 'ab cd'), re.findall('', 'abc'))
print(re.findall(r'x{,2}', 'xxxxx'), re.findall(r'a|(b)', 'abab'))
print([m.span() for m in re.finditer(r'\w+', 'déjà vu — ça va')])
print(re.findall(r'[aeiou]', 'Programming', re.I), re.findall(r'^\w+', 'one\ntwo\nthree', re.M))
print(re.findall(r'\d+(?:\.\d+)?', 'pi 3.14, e 2.718, n 42'), re.findall(r'(?i)hello', 'Hello HELLO hello'))
