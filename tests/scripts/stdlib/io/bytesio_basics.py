# BytesIO: bytes in and out, seek past end pads with zeros.
import io

b = io.BytesIO(b'abc')
print(b.read(2), b.read(), b.read(), b.tell())
b.write(b'def')
print(b.getvalue())
b.seek(10)
b.write(b'!')
print(b.getvalue(), len(b.getvalue()))
b = io.BytesIO()
b.write(bytearray(b'xy'))
b.seek(0)
print(b.readline(), io.BytesIO(b'1\n2\n').readlines())
try:
    io.BytesIO().write('str')
except TypeError as e:
    print('TypeError', e)
