# Creating, listing, inspecting and removing files and directories.
import os

base = os.path.join('/tmp', 'gyre_os_test_%d' % os.getpid())
os.makedirs(os.path.join(base, 'sub', 'deeper'), exist_ok=True)
with open(os.path.join(base, 'a.txt'), 'w') as f:
    f.write('hello\n')
with open(os.path.join(base, 'b.txt'), 'w') as f:
    f.write('x' * 10)
print(sorted(os.listdir(base)))
print(os.path.exists(base), os.path.isdir(base), os.path.isfile(os.path.join(base, 'a.txt')))
print(os.path.getsize(os.path.join(base, 'b.txt')), os.path.exists(os.path.join(base, 'zzz')))
os.rename(os.path.join(base, 'b.txt'), os.path.join(base, 'c.txt'))
print(sorted(os.listdir(base)))
for root, dirs, files in os.walk(base):
    print(os.path.relpath(root, base), dirs, sorted(files))
try:
    os.mkdir(base)
except FileExistsError as e:
    print('FileExistsError', e.errno)
try:
    os.remove(os.path.join(base, 'missing.txt'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror)
for name in ['a.txt', 'c.txt']:
    os.remove(os.path.join(base, name))
os.rmdir(os.path.join(base, 'sub', 'deeper'))
os.rmdir(os.path.join(base, 'sub'))
os.rmdir(base)
print(os.path.exists(base))
