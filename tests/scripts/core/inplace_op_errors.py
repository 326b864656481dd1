# In-place operators name themselves in their errors ("for +="), and repeating a sequence by a
# non-int names the non-int, whichever side the sequence is on.
cases = [
    ('x = None; x += 1', {}),
    ('y = "a"; y -= 1', {}),
    ('w = None; w **= 2', {}),
    ('v = 1.5; v //= "s"', {}),
    ('z = [1]; z *= 1.5', {}),
    ('s = "a"; s *= 1.5', {}),
    ('t = (1,); t += [2]', {}),
    ('u = {1}; u |= [2]', {}),
]
for src, ns in cases:
    try:
        exec(src, ns)
    except TypeError as e:
        print(e)
for f in [lambda: [] * 1.5, lambda: 'a' * 1.5, lambda: 1.5 * (1,), lambda: b'x' * 'y',
          lambda: [1] * None, lambda: bytearray(b'a') * 2.0, lambda: None * 'ab']:
    try:
        f()
    except TypeError as e:
        print(e)
z = [1, 2]
z *= 2
print(z)
