# print(file=...) into a file and into a StringIO.
import io
import os

buf = io.StringIO()
print('hello', 42, file=buf)
print('a', 'b', sep='-', end='!\n', file=buf)
print(repr(buf.getvalue()))
path = '/tmp/gyre_print_%d.txt' % os.getpid()
with open(path, 'w') as f:
    print('to file', file=f)
with open(path) as f:
    print(f.read(), end='')
os.remove(path)
