# capwords with odd spacing and separators.
import string

for s in ['', '   ', 'one', "it's a dog's life", 'MIXED case Words', '  lead and trail  ']:
    print(repr(string.capwords(s)))
print(string.capwords('x,y,,z', ','))
