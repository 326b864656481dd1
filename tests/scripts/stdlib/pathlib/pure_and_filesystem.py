import os
import pathlib
import tempfile
from pathlib import Path, PurePath, PurePosixPath

p = PurePosixPath("/usr//lib/./python3.11/", "site-packages/pkg.tar.gz")
print(p, repr(p), p.parts, p.name, p.stem, p.suffix, p.suffixes, p.anchor, p.root, p.drive)
print(p.parent, list(p.parents)[:3], len(p.parents), repr(p.parents))
print(PurePath("a/b"), type(PurePath("a")).__name__, type(Path("a")).__name__)
print(PurePosixPath(), PurePosixPath(""), PurePosixPath("//x"), PurePosixPath("///x"))
print(PurePosixPath("a") / "b" / "/c", "x" / PurePosixPath("y"), PurePosixPath("a").joinpath("b", "c"))
q = PurePosixPath("dir/file.txt")
print(q.with_name("other.py"), q.with_suffix(".md"), q.with_suffix(""), q.with_stem("new"))
print(PurePosixPath(".bashrc").suffix, PurePosixPath(".bashrc").stem, PurePosixPath("a.").suffixes)
print(PurePosixPath("/a/b/c").relative_to("/a"), PurePosixPath("/a/b").is_relative_to("/c"))
for bad in (lambda: PurePosixPath("/a/b").relative_to("/c"), lambda: q.with_suffix("md"),
            lambda: PurePosixPath("/").with_name("x"), lambda: q.with_name(""),
            lambda: PurePosixPath("a").relative_to("/a"), lambda: PurePosixPath(5),
            lambda: q.match("")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(q.match("*.txt"), q.match("dir/*.txt"), q.match("/dir/*.txt"), PurePosixPath("/a/b").match("/a/*"))
print(PurePosixPath("a") == PurePosixPath("a/"), PurePosixPath("a") < PurePosixPath("b"), sorted([PurePosixPath("b"), PurePosixPath("a/c")]))
print(os.fspath(q), q.as_posix(), PurePosixPath("/tmp/a b").as_uri(), q.is_absolute(), p.is_absolute())
print(hash(PurePosixPath("x/y")) == hash(PurePosixPath("x//y")))

base = Path(tempfile.mkdtemp())
print(base.exists(), base.is_dir(), base.is_file())
(base / "sub" / "deep").mkdir(parents=True)
f = base / "sub" / "notes.txt"
print(f.write_text("hello\nworld\n"), f.read_text(), f.read_bytes(), f.exists(), f.is_file())
print((base / "data.bin").write_bytes(b"\x00\x01"), (base / "data.bin").read_bytes())
(base / "sub" / "deep" / "x.py").touch()
(base / "sub" / ".hidden").touch()
print(sorted(p.name for p in (base / "sub").iterdir()))
print(sorted(str(p.relative_to(base)) for p in base.glob("*")))
print(sorted(str(p.relative_to(base)) for p in base.glob("sub/*.txt")))
print(sorted(str(p.relative_to(base)) for p in base.rglob("*.py")))
print(sorted(str(p.relative_to(base)) for p in base.glob("**")))
print(sorted(str(p.relative_to(base)) for p in base.glob("**/*")))
try:
    (base / "sub").mkdir()
except FileExistsError as e:
    print("FileExistsError", e.errno)
(base / "sub").mkdir(exist_ok=True)
try:
    (base / "missing" / "x").mkdir()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
try:
    (base / "nope.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError", e.strerror)
try:
    f.write_text(b"x")
except TypeError as e:
    print("TypeError", e)
g = f.rename(base / "renamed.txt")
print(type(g).__name__, g.name, f.exists(), g.exists())
g.unlink()
g.unlink(missing_ok=True)
try:
    g.unlink()
except FileNotFoundError:
    print("unlink missing")
print(Path("a/../b").resolve() == Path(os.getcwd()) / "b", Path("x").absolute() == Path.cwd() / "x")
print(Path("~").expanduser() == Path.home(), Path("/tmp").is_mount())
with (base / "w.txt").open("w") as fh:
    fh.write("via open")
print((base / "w.txt").read_text())

import shutil
shutil.rmtree(base)
print(base.exists())
