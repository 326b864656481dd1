# \N{...} named escapes in string literals.
s = "\N{GREEK SMALL LETTER ALPHA}\N{LATIN CAPITAL LETTER A WITH RING ABOVE}\N{SNOWMAN}\N{EM DASH}"
print(s, len(s), [hex(ord(c)) for c in s])
print("\N{DIGIT SEVEN}" == "7", "\N{SPACE}" == " ", "\N{euro sign}")
