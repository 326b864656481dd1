# os.path string operations.
import os.path
import os

for p in ['/usr/lib/python3.11/os.py', 'dir/file.tar.gz', '.bashrc', 'noext', '/', 'a/b/', '']:
    print(repr(p), os.path.basename(p), os.path.dirname(p), os.path.split(p), os.path.splitext(p))
print(os.path.join('a', 'b', 'c'), os.path.join('/a', '/b', 'c'), os.path.join('a/', 'b'), os.path.join('', 'x'))
print(os.path.normpath('a//b/./c/../d'), os.path.normpath('/../x'), os.path.normpath(''), os.path.isabs('/x'), os.path.isabs('x'))
print(os.sep, os.pathsep, os.linesep == '\n', os.name, os.curdir, os.pardir)
print(os.path.commonprefix(['interstellar', 'internet', 'interval']), os.path.commonpath(['/a/b/c', '/a/b/d']))
print(os.path.relpath('/a/b/c', '/a/x'), os.path.abspath('/a/./b/../c'))
