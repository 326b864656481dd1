"""Random numbers for secrets (CPython's `secrets`): tokens, choices and bounded integers drawn
straight from the OS's entropy source (`os.urandom`), and a timing-safe `compare_digest`."""

import base64
import os
from random import SystemRandom

__all__ = ["choice", "randbelow", "randbits", "SystemRandom", "token_bytes", "token_hex",
           "token_urlsafe", "compare_digest"]

# Bytes of randomness in a token when no size is given.
DEFAULT_ENTROPY = 32


def randbits(k):
    """A non-negative int with k random bits."""
    if k < 0:
        raise ValueError("number of bits must be non-negative")
    if k == 0:
        return 0
    nbytes = (k + 7) // 8
    return int.from_bytes(os.urandom(nbytes), "big") >> (nbytes * 8 - k)


def randbelow(exclusive_upper_bound):
    """A random int in [0, exclusive_upper_bound), without modulo bias."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    bits = exclusive_upper_bound.bit_length()
    while True:
        r = randbits(bits)
        if r < exclusive_upper_bound:
            return r


def choice(seq):
    """A random element of a non-empty sequence."""
    if not len(seq):
        raise IndexError("Cannot choose from an empty sequence")
    return seq[randbelow(len(seq))]


def token_bytes(nbytes=None):
    """nbytes random bytes (DEFAULT_ENTROPY when None)."""
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    """nbytes random bytes as hex digits (two per byte)."""
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    """nbytes random bytes as URL-safe base64 text without padding."""
    return base64.urlsafe_b64encode(token_bytes(nbytes)).rstrip(b"=").decode("ascii")


def _is_buffer(value):
    try:
        memoryview(value)
    except TypeError:
        return False
    return True


def _comparable(a, b):
    """a and b as bytes: two ASCII strs, or two bytes-like objects."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        return a.encode("ascii"), b.encode("ascii")
    buffer_a, buffer_b = _is_buffer(a), _is_buffer(b)
    if not (buffer_a or buffer_b):
        raise TypeError("unsupported operand types(s) or combination of types: "
                        f"'{type(a).__name__}' and '{type(b).__name__}'")
    if not buffer_b:
        a, b = b, a
    if not (buffer_a and buffer_b):
        raise TypeError(f"a bytes-like object is required, not '{type(a).__name__}'")
    return bytes(memoryview(a)), bytes(memoryview(b))


def compare_digest(a, b, /):
    """a == b for two ASCII strs or two bytes-like objects, taking time that depends only on
    the length (so comparing a secret leaks nothing through timing)."""
    x, y = _comparable(a, b)
    # Every byte is looked at whatever the outcome.
    diff = len(x) ^ len(y)
    other = y if len(x) == len(y) else x
    for p, q in zip(x, other):
        diff |= p ^ q
    return diff == 0
