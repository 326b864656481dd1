"""Secure hashes (CPython's `hashlib`): md5, sha1, sha224, sha256, sha384, sha512 and `new`,
hash objects with update/digest/hexdigest/copy, and `file_digest`.

The SHA-2 digests are native (the `sha2` crate, through `_sha2`); MD5 and SHA-1 are written
in gyre (`_purehash`), fine for keys and short messages but slow for megabytes. A hash
object keeps the data it was fed and digests it when asked."""

import _sha2
from _purehash import md5_digest, sha1_digest

# name -> (one-shot digest function, digest size, block size)
_ALGORITHMS = {
    "md5": (md5_digest, 16, 64),
    "sha1": (sha1_digest, 20, 64),
    "sha224": (_sha2.sha224, 28, 64),
    "sha256": (_sha2.sha256, 32, 64),
    "sha384": (_sha2.sha384, 48, 128),
    "sha512": (_sha2.sha512, 64, 128),
}

algorithms_guaranteed = frozenset(_ALGORITHMS)
algorithms_available = frozenset(_ALGORITHMS)

__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new",
           "algorithms_guaranteed", "algorithms_available", "file_digest")

# How much file_digest reads at a time.
_FILE_CHUNK = 1 << 18


def _as_bytes(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("object supporting the buffer API required") from None


class HASH:
    """A hash object: feed it with update(), read it with digest() or hexdigest()."""

    __module__ = "_hashlib"

    def __init__(self, name, data=b""):
        self._name = name
        self._digest, self._size, self._block = _ALGORITHMS[name]
        self._data = bytearray()
        if data:
            self.update(data)

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return self._size

    @property
    def block_size(self):
        return self._block

    def update(self, data, /):
        """Adds data (bytes-like) to what is hashed."""
        self._data += _as_bytes(data)

    def digest(self):
        """The digest of everything fed so far, as bytes."""
        return self._digest(bytes(self._data))

    def hexdigest(self):
        """The digest as hexadecimal text."""
        return self.digest().hex()

    def copy(self):
        """An independent hash object in the same state."""
        other = HASH(self._name)
        other._data = bytearray(self._data)
        return other

    def __repr__(self):
        return f"<{self._name} _hashlib.HASH object @ {hex(id(self))}>"


def new(name, data=b"", **kwargs):
    """A hash object for the algorithm called name (any case)."""
    key = name.lower() if isinstance(name, str) else name
    if key not in _ALGORITHMS:
        raise ValueError(f"unsupported hash type {name}")
    return HASH(key, data)


def md5(string=b"", *, usedforsecurity=True):
    return HASH("md5", string)


def sha1(string=b"", *, usedforsecurity=True):
    return HASH("sha1", string)


def sha224(string=b"", *, usedforsecurity=True):
    return HASH("sha224", string)


def sha256(string=b"", *, usedforsecurity=True):
    return HASH("sha256", string)


def sha384(string=b"", *, usedforsecurity=True):
    return HASH("sha384", string)


def sha512(string=b"", *, usedforsecurity=True):
    return HASH("sha512", string)


def file_digest(fileobj, digest, /):
    """The hash object of a binary file's remaining contents; digest is a name or a
    constructor."""
    h = new(digest) if isinstance(digest, str) else digest()
    while True:
        chunk = fileobj.read(_FILE_CHUNK)
        if not chunk:
            break
        h.update(chunk)
    return h
