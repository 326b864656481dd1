# tobytes/frombytes round trips and byteswap.
from array import array

a = array('h', [1, -2, 300])
raw = a.tobytes()
print(raw, len(raw))
b = array('h')
b.frombytes(raw)
print(b, b == a)
c = array('i', [1, 256])
c.byteswap()
print(c)
d = array('d', [0.5])
print(d.tobytes(), array('d', d.tobytes()))
