# str + int: the whole binary operation is marked with the operator highlighted.
s = "abc"
n = s + 1
