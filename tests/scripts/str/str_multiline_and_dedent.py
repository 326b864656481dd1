# Multi-line strings and manual line processing.
text = """\
first line
    indented line
last line
"""
lines = text.splitlines()
print(len(lines), lines)
for no, line in enumerate(lines, 1):
    print(f"{no:>3}: {line!r} ({len(line) - len(line.lstrip())} spaces)")
print(text.count("\n"), text.endswith("\n"), repr(text[-12:]))
table = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
for a, b in table:
    print(f"{a:<8}|{b:>5}")
