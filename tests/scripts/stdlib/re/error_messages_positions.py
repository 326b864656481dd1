# re.error carries CPython's message, position, line and column for the common syntax errors;
# inline global flags show in Pattern.flags and the repr; RegexFlag members combine in
# definition order.
import re
for pat in ["(", "(a(b)", "a)", "[a", "*a", "a**", "a|*", "((a)", "(?P<n>x", "a{2}*", "a{,3}+*", "a{x}*", "x[]", "(?i)a(", "ab\n(c"]:
    try:
        re.compile(pat)
        print("ok", pat)
    except re.error as e:
        print(repr(pat), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
for pat, fl in [("(?i)x", 0), ("(?ms)x", re.I), ("(?x) a", 0), ]:
    try:
        p = re.compile(pat, fl)
        print(p, p.flags)
    except re.error as e:
        print("err", e)
print(re.I | re.M, re.ASCII | re.IGNORECASE, re.S | re.X | re.I, repr(re.M), str(re.DOTALL), re.I.value)
try:
    re.sub("a", "\\", "a")
except re.error as e:
    print(e)
try:
    re.sub("a", r"\g<2>", "a")
except re.error as e:
    print(e)
