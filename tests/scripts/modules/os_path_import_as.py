# `import os.path as p` binds the module `from os import path` gives (posixpath), as CPython.
import os.path as p
import os
from os import path
import posixpath
import sys
print(p is path, p is os.path, p is posixpath, p.__name__, sys.modules["os.path"] is posixpath)
print(p.join("a", "b"), p.splitext("x.tar.gz"), p.basename("/a/b.txt"), p.dirname("/a/b.txt"))
