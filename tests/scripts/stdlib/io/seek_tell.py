# seek whence values and errors.
import io

s = io.StringIO('0123456789')
print(s.seek(3), s.read(2), s.seek(0, io.SEEK_CUR), s.read(1), s.seek(0, io.SEEK_END), s.read())
for args in [(2, io.SEEK_CUR), (-3, io.SEEK_END)]:
    try:
        s.seek(*args)
    except OSError as e:
        print('OSError', e)
b = io.BytesIO(b'0123456789')
print(b.seek(-3, io.SEEK_END), b.read(), b.seek(-5, io.SEEK_CUR), b.read(2))
try:
    s.seek(-1)
except ValueError as e:
    print('ValueError', e)
try:
    s.seek(0, 5)
except ValueError as e:
    print('ValueError', e)
