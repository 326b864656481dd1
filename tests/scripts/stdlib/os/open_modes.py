# open() in r/w/a/x and binary modes, iteration, readline(s), errors.
import os

path = '/tmp/gyre_open_test_%d.txt' % os.getpid()
with open(path, 'w') as f:
    print(f.write('line one\n'), f.write('line two\nline three'))
with open(path) as f:
    print(f.readline(), f.readline(), f.read())
with open(path) as f:
    print([line.rstrip('\n') for line in f])
with open(path, 'a') as f:
    f.write('\nappended')
with open(path) as f:
    print(f.readlines())
with open(path, 'rb') as f:
    data = f.read()
print(type(data).__name__, data[:8], len(data))
with open(path, 'wb') as f:
    f.write(b'\x00\x01binary')
with open(path, 'rb') as f:
    print(f.read())
try:
    open(path, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror, e.filename == path)
try:
    open(path, 'q')
except ValueError as e:
    print('ValueError', e)
os.remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print('FileNotFoundError', str(e) == "[Errno 2] No such file or directory: '%s'" % path)
f = open('/tmp/gyre_closed_%d' % os.getpid(), 'w')
f.close()
try:
    f.write('x')
except ValueError as e:
    print('ValueError', e)
os.remove('/tmp/gyre_closed_%d' % os.getpid())
