"""Keyed-hash message authentication (CPython's `hmac`, RFC 2104) over `hashlib`'s digests:
`new`/`HMAC` with update, digest, hexdigest and copy, the one-shot `digest`, and
`compare_digest`."""

import hashlib as _hashlib

__all__ = ["HMAC", "new", "digest", "compare_digest"]

# Keys are padded to the digest's block size and xored with these bytes (RFC 2104).
_OUTER_PAD = 0x5C
_INNER_PAD = 0x36

digest_size = None


def _constructor(digestmod):
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda data=b"": _hashlib.new(digestmod, data)
    return lambda data=b"": digestmod.new(data)


class HMAC:
    """An HMAC computation in progress: feed it with update(), read it with digest()."""

    blocksize = 64

    def __init__(self, key, msg=None, digestmod=""):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        make = _constructor(digestmod)
        self._inner = make()
        self._outer = make()
        self.digest_size = self._inner.digest_size
        block = getattr(self._inner, "block_size", self.blocksize)
        if block < 16:
            block = self.blocksize
        key = bytes(key)
        if len(key) > block:
            key = make(key).digest()
        self.block_size = block
        key = key.ljust(block, b"\0")
        self._outer.update(bytes(b ^ _OUTER_PAD for b in key))
        self._inner.update(bytes(b ^ _INNER_PAD for b in key))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        """Adds msg to the authenticated data."""
        self._inner.update(msg)

    def copy(self):
        """An independent HMAC in the same state."""
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _final(self):
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        """The MAC of the data so far, as bytes (the object stays usable)."""
        return self._final().digest()

    def hexdigest(self):
        """The MAC as hexadecimal text."""
        return self._final().hexdigest()


def new(key, msg=None, digestmod=""):
    """A new HMAC object keyed with `key` using the digest `digestmod`."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of msg under key, in one call."""
    return HMAC(key, msg, digest).digest()


def _bytes_like(x):
    return isinstance(x, (bytes, bytearray, memoryview))


def compare_digest(a, b, /):
    """a == b, in time that does not depend on where they differ (str must be ASCII)."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a = a.encode("ascii")
        b = b.encode("ascii")
    elif not (_bytes_like(a) or _bytes_like(b)):
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    else:
        for x in (a, b):
            if not _bytes_like(x):
                raise TypeError("a bytes-like object is required, not '%s'" % type(x).__name__)
    a = bytes(a)
    b = bytes(b)
    result = len(a) ^ len(b)
    other = b if len(a) == len(b) else a
    for x, y in zip(a, other):
        result |= x ^ y
    return result == 0
