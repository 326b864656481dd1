import hmac, hashlib
h = hmac.new(b"key", b"The quick brown fox", hashlib.sha256)
print(h.hexdigest(), h.name, h.digest_size, h.block_size)
h2 = h.copy(); h2.update(b" jumps"); print(h.hexdigest() != h2.hexdigest(), h2.hexdigest())
for alg in ("md5", "sha1", "sha224", "sha384", "sha512"):
    print(alg, hmac.new(b"k" * 200, b"msg", alg).hexdigest())
print(hmac.digest(b"secret", b"data", "sha256").hex())
print(hmac.new(bytearray(b"k"), digestmod="SHA256").hexdigest())
h = hmac.HMAC(b"", digestmod=hashlib.md5); h.update(b"a"); h.update(b"b"); print(h.digest())
for args in ((b"k",), ("str", b"m", "sha256")):
    try: hmac.new(*args)
    except TypeError as e: print(e)
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"), hmac.compare_digest("abc", "abc"), hmac.compare_digest(bytearray(b"x"), b"x"), hmac.compare_digest(b"ab", b"abc"))
for a, b in (("é", "é"), ("a", b"a"), (1, 2), (b"a", 1), ("a", 1), (1, "a")):
    try: hmac.compare_digest(a, b)
    except TypeError as e: print(e)
print(hmac.HMAC.__module__, type(h).__name__)
