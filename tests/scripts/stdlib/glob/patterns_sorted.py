import glob
import os
import tempfile

base = tempfile.mkdtemp()
for name in ("x1.log", "x2.log", "y.log", "data/a.csv", "data/b.csv", "data/old/c.csv", ".cfg"):
    path = os.path.join(base, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("-")


def rel(paths):
    return sorted(os.path.relpath(p, base) for p in paths)


print(rel(glob.glob(os.path.join(base, "x?.log"))))
print(rel(glob.glob(os.path.join(base, "[xy]*.log"))))
print(rel(glob.glob(os.path.join(base, "[!x]*"))))
print(rel(glob.glob(os.path.join(base, "*"))))
print(rel(glob.glob(os.path.join(base, "**", "*.csv"), recursive=True)))
print(rel(glob.iglob(os.path.join(base, "data", "*", "*.csv"))))
print(sorted(glob.glob("*.csv", root_dir=os.path.join(base, "data"))))
print(sorted(glob.glob("**/*.csv", root_dir=base, recursive=True)))
print(glob.glob(os.path.join(base, "none", "*")), glob.has_magic(b"a*"), glob.escape(b"a?"))
for name in ("data/old/c.csv", "data/a.csv", "data/b.csv", "x1.log", "x2.log", "y.log", ".cfg"):
    os.remove(os.path.join(base, name))
for d in ("data/old", "data", ""):
    os.rmdir(os.path.join(base, d))
print(os.path.exists(base))
