# Filename-like processing: startswith/endswith with tuples, rsplit, etc.
files = ["main.py", "README.md", "lib.rs", "test_a.py", "notes.TXT", ".hidden", "archive.tar.gz"]
for f in files:
    stem, dot, ext = f.rpartition(".")
    print(f"{f:16} py={f.endswith('.py')!s:5} test={f.startswith(('test_', 'spec_'))!s:5} "
          f"ext={ext.lower() if dot else '':4} stem={stem!r}")
print([f for f in files if f.lower().endswith((".txt", ".md"))])
print("archive.tar.gz".split(".", 1), "archive.tar.gz".rsplit(".", 1))
