import hashlib
import io

messages = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 5,
            b"a" * 55, b"a" * 56, b"a" * 64, b"a" * 111, b"a" * 112, b"a" * 128]
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"):
    ctor = getattr(hashlib, name)
    print(name, [ctor(m).hexdigest()[:16] for m in messages])
    h = ctor()
    print(h.name, h.digest_size, h.block_size, len(h.digest()), h.hexdigest())

h = hashlib.sha256()
h.update(b"hello ")
snapshot = h.copy()
h.update(bytearray(b"world"))
print(h.hexdigest())
print(snapshot.hexdigest(), snapshot.hexdigest() == hashlib.sha256(b"hello ").hexdigest())
h.update(memoryview(b"!"))
print(h.hexdigest() == hashlib.sha256(b"hello world!").hexdigest())
print(hashlib.md5(b"x").digest(), hashlib.sha1(string=b"abc").hexdigest())
print(hashlib.new("SHA256", b"a").hexdigest(), hashlib.new("md5", usedforsecurity=False).name)
print(hashlib.new("sha512", b"data").hexdigest() == hashlib.sha512(b"data").hexdigest())
print(hashlib.sha256("ünïcode".encode()).hexdigest())
print(type(h).__name__, type(h).__module__)
print(hashlib.file_digest(io.BytesIO(b"file contents" * 1000), "sha256").hexdigest())
print(hashlib.file_digest(io.BytesIO(b"abc"), hashlib.md5).hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}))
for attempt in (lambda: hashlib.sha256("text"), lambda: h.update(1), lambda: h.update("s"),
                lambda: hashlib.new("nope"), lambda: hashlib.md5(5)):
    try:
        attempt()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
