"""MD5 (RFC 1321) and SHA-1 (FIPS 180-4) digests in plain gyre, for `uuid.uuid3`/`uuid5`.
They hash small inputs (a namespace and a name); nothing here is meant for bulk data."""

_MASK32 = 0xFFFFFFFF


def _rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & _MASK32


def _padded(data, length_order):
    """data with the Merkle-Damgard padding: 0x80, zeros, the bit length in 8 bytes."""
    bits = (len(data) * 8) & 0xFFFFFFFFFFFFFFFF
    pad = b"\x80" + b"\x00" * ((55 - len(data)) % 64)
    return bytes(data) + pad + bits.to_bytes(8, length_order)


# MD5's per-round shift amounts and sine-derived constants (RFC 1321, section 3.4).
_MD5_SHIFTS = [7, 12, 17, 22] * 4 + [5, 9, 14, 20] * 4 + [4, 11, 16, 23] * 4 + [6, 10, 15, 21] * 4


def _md5_constants():
    import math

    return [int(abs(math.sin(i + 1)) * 2**32) & _MASK32 for i in range(64)]


_MD5_K = _md5_constants()


def md5_digest(data):
    """The 16-byte MD5 digest of data."""
    a0, b0, c0, d0 = 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476
    message = _padded(data, "little")
    for start in range(0, len(message), 64):
        words = [int.from_bytes(message[start + 4 * i:start + 4 * i + 4], "little")
                 for i in range(16)]
        a, b, c, d = a0, b0, c0, d0
        for i in range(64):
            if i < 16:
                f = (b & c) | (~b & d)
                g = i
            elif i < 32:
                f = (d & b) | (~d & c)
                g = (5 * i + 1) % 16
            elif i < 48:
                f = b ^ c ^ d
                g = (3 * i + 5) % 16
            else:
                f = c ^ (b | (~d & _MASK32))
                g = (7 * i) % 16
            f = (f + a + _MD5_K[i] + words[g]) & _MASK32
            a, d, c = d, c, b
            b = (b + _rotl(f, _MD5_SHIFTS[i])) & _MASK32
        a0 = (a0 + a) & _MASK32
        b0 = (b0 + b) & _MASK32
        c0 = (c0 + c) & _MASK32
        d0 = (d0 + d) & _MASK32
    return b"".join(x.to_bytes(4, "little") for x in (a0, b0, c0, d0))


def sha1_digest(data):
    """The 20-byte SHA-1 digest of data."""
    h = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
    message = _padded(data, "big")
    for start in range(0, len(message), 64):
        w = [int.from_bytes(message[start + 4 * i:start + 4 * i + 4], "big") for i in range(16)]
        for i in range(16, 80):
            w.append(_rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1))
        a, b, c, d, e = h
        for i in range(80):
            if i < 20:
                f, k = (b & c) | (~b & d), 0x5A827999
            elif i < 40:
                f, k = b ^ c ^ d, 0x6ED9EBA1
            elif i < 60:
                f, k = (b & c) | (b & d) | (c & d), 0x8F1BBCDC
            else:
                f, k = b ^ c ^ d, 0xCA62C1D6
            temp = (_rotl(a, 5) + (f & _MASK32) + e + k + w[i]) & _MASK32
            a, b, c, d, e = temp, a, _rotl(b, 30), c, d
        h = [(x + y) & _MASK32 for x, y in zip(h, (a, b, c, d, e))]
    return b"".join(x.to_bytes(4, "big") for x in h)
