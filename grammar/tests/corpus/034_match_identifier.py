match = 1
match.group(0)
match[0] = 2
match(a, b)
case = 3
print(match, case)
def match(): pass
