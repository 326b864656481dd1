import glob
import io
import os
import shutil
import tempfile

base = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(base)
for name in ("a.txt", "b.txt", "c.py", ".hidden.txt", "sub/d.txt", "sub/e.py", "sub/inner/f.txt", "[x].txt"):
    os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
    with open(name, "w") as f:
        f.write(name)

print(sorted(glob.glob("*.txt")))
print(sorted(glob.glob("*.txt", include_hidden=True)))
print(sorted(glob.glob("?.py")), sorted(glob.glob("sub/*")), sorted(glob.glob("*/*.py")))
print(sorted(glob.glob("**/*.txt", recursive=True)))
print(sorted(glob.glob("**", recursive=True)))
print(sorted(glob.glob("sub/**/", recursive=True)))
print(sorted(glob.glob("**/*.txt")))
print(glob.glob("nothing*"), glob.glob("a.txt"), glob.glob("missing.txt"), glob.glob("sub/"))
print(glob.glob(glob.escape("[x].txt")), glob.escape("a*b?[c]"), glob.has_magic("a[b"), glob.has_magic("ab"))
print(sorted(glob.glob("*.txt", root_dir="sub")), sorted(glob.iglob("s*/i*")))

shutil.copyfile("a.txt", "copy.txt")
print(open("copy.txt").read())
print(shutil.copy("b.txt", "sub"), open("sub/b.txt").read())
try:
    shutil.copyfile("a.txt", "a.txt")
except shutil.SameFileError as e:
    print("SameFileError", e)
try:
    shutil.copyfile("nope.txt", "x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
print(shutil.copytree("sub", "sub2"), sorted(os.listdir("sub2")), sorted(os.listdir("sub2/inner")))
print(shutil.copytree("sub", "sub3", ignore=shutil.ignore_patterns("*.py", "inner")), sorted(os.listdir("sub3")))
print(shutil.move("copy.txt", "moved.txt"), os.path.exists("copy.txt"), open("moved.txt").read())
print(shutil.move("moved.txt", "sub2"), os.path.exists("sub2/moved.txt"))
shutil.rmtree("sub3")
print(os.path.exists("sub3"))
try:
    shutil.rmtree("sub3")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
shutil.rmtree("sub3", ignore_errors=True)
src, dst = io.StringIO("x" * 100000), io.StringIO()
shutil.copyfileobj(src, dst)
print(len(dst.getvalue()))
print(shutil.which("sh") is not None, shutil.which("definitely-not-a-command-xyz"))
os.environ["COLUMNS"] = "100"
os.environ["LINES"] = "30"
ts = shutil.get_terminal_size()
print(ts, ts.columns, ts.lines, tuple(ts))
os.chdir(old)
shutil.rmtree(base)
print(os.path.exists(base))
