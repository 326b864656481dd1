import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), sorted(keyword.__all__))
for word in ["if", "async", "await", "None", "True", "match", "case", "_", "type", "print", "If", "", "nonlocal"]:
    print(repr(word), keyword.iskeyword(word), keyword.issoftkeyword(word))
print(keyword.iskeyword(3), keyword.issoftkeyword(None))
try:
    keyword.iskeyword(["if"])
except TypeError as e:
    print("TypeError", e)
print([w for w in keyword.kwlist if not w.isidentifier()])
