# StringIO: write/read/seek/tell/getvalue/readline/iteration/truncate.
import io

s = io.StringIO()
print(s.write('hello\n'), s.write('world\n'), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s = io.StringIO('a\nb\nc')
print(list(s), s.tell())
s.seek(2)
s.write('XY')
print(repr(s.getvalue()))
s.truncate(3)
print(repr(s.getvalue()), s.seek(0, io.SEEK_END))
with io.StringIO('ctx') as c:
    print(c.read())
print(c.closed)
try:
    c.read()
except ValueError as e:
    print('ValueError', e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print('TypeError', e)
