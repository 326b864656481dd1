import secrets
import string

print(secrets.DEFAULT_ENTROPY, sorted(secrets.__all__))
for n in (None, 0, 1, 16, 33):
    b = secrets.token_bytes(n)
    h = secrets.token_hex(n)
    u = secrets.token_urlsafe(n)
    print(n, type(b).__name__, len(b), len(h), all(c in string.hexdigits for c in h), len(u),
          all(c in string.ascii_letters + string.digits + "-_" for c in u))
print(len({secrets.token_hex(16) for _ in range(50)}))
for bound in (1, 2, 7, 1000, 2**70):
    values = [secrets.randbelow(bound) for _ in range(200)]
    print(bound, all(0 <= v < bound for v in values), len(set(values)) > 1 or bound == 1)
for k in (0, 1, 8, 9, 100):
    values = [secrets.randbits(k) for _ in range(100)]
    print(k, all(0 <= v < 2**k for v in values))
print(secrets.choice("a") , secrets.choice([5]), secrets.choice("abc") in "abc")
print(set(secrets.choice(range(3)) for _ in range(200)) == {0, 1, 2})
print(isinstance(secrets.SystemRandom().random(), float))

for a, b in [("abc", "abc"), ("abc", "abd"), ("abc", "ab"), (b"x", b"x"), (b"x", bytearray(b"x")),
             (memoryview(b"xy"), b"xy"), ("", ""), (b"", b"a")]:
    print(type(a).__name__, type(b).__name__, secrets.compare_digest(a, b))
for args in [("a", b"a"), (b"a", "a"), (1, "a"), ("a", 1), (b"a", 1), (1, b"a"), (1, 1),
             ("é", "é"), ("a", "é")]:
    try:
        secrets.compare_digest(*args)
    except TypeError as e:
        print("TypeError", e)
for f, arg in [(secrets.randbelow, 0), (secrets.randbelow, -5), (secrets.randbits, -1),
               (secrets.choice, []), (secrets.choice, ""), (secrets.token_bytes, -1)]:
    try:
        f(arg)
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
