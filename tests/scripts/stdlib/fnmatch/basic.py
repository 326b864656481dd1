import fnmatch

names = ["a.py", "b.txt", "setup.py", "README", "data[1].csv", "x.PY", ".hidden", "a-b", "abc", "a]c"]
for pat in ["*.py", "?.py", "[ab]*", "[!a]*", "*[0-9]*", "data[[]1].csv", "[a-c]bc", "a[!-]b", "*", "[]]*", "a[]]c", "[", "[!]", "**.txt", "a[b-]c"]:
    print(pat, fnmatch.filter(names, pat), fnmatch.translate(pat))
print(fnmatch.fnmatch("X.PY", "*.py"), fnmatch.fnmatchcase("X.PY", "*.py"))
print(fnmatch.fnmatchcase("line\nbreak", "line*"))
print(fnmatch.translate("[z-a]"), fnmatch.translate("[a-c-e]"), fnmatch.translate("[\\]"), fnmatch.translate("a&&b[&~]"))
for pat in ["a*b*c", "*a*", "*.*.*", "?*?"]:
    print(pat, fnmatch.translate(pat), [n for n in ["abc", "aXbYc", "a.b.c", "ab", "x", "cba"] if fnmatch.fnmatch(n, pat)])
