# bytes.partition/rpartition and int() of bytes, as HTTP and line protocols use them.
print(b'GET / HTTP/1.1'.partition(b' '))
print(b'a:b:c'.rpartition(b':'))
print(b'no-sep'.partition(b':'), b'no-sep'.rpartition(b':'))
print(bytearray(b'k=v').partition(b'='))
print(int(b'42'), int(b' -7\n'), int(b'ff', 16))
try:
    b'x'.partition(b'')
except ValueError as e:
    print('ValueError:', e)
