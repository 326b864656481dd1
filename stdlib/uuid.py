"""UUIDs (CPython's `uuid`, RFC 4122): the immutable `UUID` class (from a hex string, bytes,
little-endian bytes, the six fields or an int; every field and form as attributes), and
the generators uuid1 (time-based), uuid3 (MD5 of a name), uuid4 (random) and uuid5 (SHA-1
of a name), the NAMESPACE_* UUIDs and `SafeUUID`.

`getnode()` returns a random 48-bit node with the multicast bit set (what CPython falls
back to when it cannot read a hardware address): gyre does not read MAC addresses."""

import os
import random as _random
import time as _time
from enum import Enum

from _purehash import md5_digest, sha1_digest

RESERVED_NCS, RFC_4122, RESERVED_MICROSOFT, RESERVED_FUTURE = [
    "reserved for NCS compatibility", "specified in RFC 4122",
    "reserved for Microsoft compatibility", "reserved for future definition"]

_int = int
_bytes = bytes

# Bit masks and positions of the variant and version in the 128-bit integer.
_VARIANT_SHIFT = 48
_VERSION_SHIFT = 76
_RANGE = 1 << 128


class SafeUUID(Enum):
    """Whether a uuid1 was generated in a multiprocessing-safe way."""
    safe = 0
    unsafe = -1
    unknown = None


def _reorder_le(b):
    """bytes <-> bytes_le: the first three fields are little-endian in the latter."""
    return b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:]


_FIELD_BITS = [(32, "a 32-bit"), (16, "a 16-bit"), (16, "a 16-bit"), (8, "an 8-bit"),
               (8, "an 8-bit"), (48, "a 48-bit")]


def _int_of_fields(fields):
    if len(fields) != 6:
        raise ValueError("fields is not a 6-tuple")
    for i, (value, (bits, what)) in enumerate(zip(fields, _FIELD_BITS)):
        if not 0 <= value < 1 << bits:
            raise ValueError(f"field {i + 1} out of range (need {what} value)")
    time_low, time_mid, time_hi_version, seq_hi_variant, seq_low, node = fields
    clock_seq = (seq_hi_variant << 8) | seq_low
    return (time_low << 96) | (time_mid << 80) | (time_hi_version << 64) | (clock_seq << 48) | node


class UUID:
    """An immutable UUID, given by exactly one of hex, bytes, bytes_le, fields or int;
    version (1 to 5) overwrites the variant and version bits."""

    __slots__ = ("int", "is_safe", "__weakref__")

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None,
                 version=None, *, is_safe=SafeUUID.unknown):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
        if hex is not None:
            hex = hex.replace("urn:", "").replace("uuid:", "")
            hex = hex.strip("{}").replace("-", "")
            if len(hex) != 32:
                raise ValueError("badly formed hexadecimal UUID string")
            int = _int(hex, 16)
        if bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError("bytes_le is not a 16-char string")
            bytes = _reorder_le(bytes_le)
        if bytes is not None:
            if len(bytes) != 16:
                raise ValueError("bytes is not a 16-char string")
            assert isinstance(bytes, _bytes), repr(bytes)
            int = _int.from_bytes(bytes, "big")
        if fields is not None:
            int = _int_of_fields(fields)
        if int is not None and not 0 <= int < _RANGE:
            raise ValueError("int is out of range (need a 128-bit value)")
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError("illegal version number")
            # The RFC 4122 variant (10xx in the clock_seq_hi byte), then the version nibble.
            int &= ~(0xC000 << _VARIANT_SHIFT)
            int |= 0x8000 << _VARIANT_SHIFT
            int &= ~(0xF000 << 64)
            int |= version << _VERSION_SHIFT
        object.__setattr__(self, "int", int)
        object.__setattr__(self, "is_safe", is_safe)

    def __getstate__(self):
        state = {"int": self.int}
        if self.is_safe != SafeUUID.unknown:
            state["is_safe"] = self.is_safe.value
        return state

    def __setstate__(self, state):
        object.__setattr__(self, "int", state["int"])
        object.__setattr__(self, "is_safe", SafeUUID(state["is_safe"]) if "is_safe" in state
                           else SafeUUID.unknown)

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self.int == other.int
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self.int < other.int
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self.int > other.int
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, UUID):
            return self.int <= other.int
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, UUID):
            return self.int >= other.int
        return NotImplemented

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __repr__(self):
        return f"{type(self).__name__}({str(self)!r})"

    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")

    def __str__(self):
        h = "%032x" % self.int
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    @property
    def bytes(self):
        return self.int.to_bytes(16, "big")

    @property
    def bytes_le(self):
        return _reorder_le(self.bytes)

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version,
                self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    @property
    def time_low(self):
        return self.int >> 96

    @property
    def time_mid(self):
        return (self.int >> 80) & 0xFFFF

    @property
    def time_hi_version(self):
        return (self.int >> 64) & 0xFFFF

    @property
    def clock_seq_hi_variant(self):
        return (self.int >> 56) & 0xFF

    @property
    def clock_seq_low(self):
        return (self.int >> 48) & 0xFF

    @property
    def time(self):
        return ((self.time_hi_version & 0x0FFF) << 48) | (self.time_mid << 32) | self.time_low

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3F) << 8) | self.clock_seq_low

    @property
    def node(self):
        return self.int & 0xFFFFFFFFFFFF

    @property
    def hex(self):
        return "%032x" % self.int

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    @property
    def variant(self):
        if not self.int & (0x8000 << _VARIANT_SHIFT):
            return RESERVED_NCS
        if not self.int & (0x4000 << _VARIANT_SHIFT):
            return RFC_4122
        if not self.int & (0x2000 << _VARIANT_SHIFT):
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return _int((self.int >> _VERSION_SHIFT) & 0xF)
        return None


class _State:
    """The generators' memory: the node getnode() picked, uuid1's last timestamp."""
    node = None
    last_timestamp = None


# 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch.
_UUID_EPOCH_OFFSET = 0x01B21DD213814000


def getnode():
    """The 48-bit node of this host: a random number with the multicast bit set, kept for
    the process's lifetime."""
    if _State.node is None:
        _State.node = _random.getrandbits(48) | (1 << 40)
    return _State.node


def uuid1(node=None, clock_seq=None):
    """A UUID from the current time, a clock sequence (random by default) and the node."""
    timestamp = _time.time_ns() // 100 + _UUID_EPOCH_OFFSET
    if _State.last_timestamp is not None and timestamp <= _State.last_timestamp:
        timestamp = _State.last_timestamp + 1
    _State.last_timestamp = timestamp
    if clock_seq is None:
        clock_seq = _random.getrandbits(14)
    fields = (timestamp & 0xFFFFFFFF, (timestamp >> 32) & 0xFFFF, (timestamp >> 48) & 0x0FFF,
              (clock_seq >> 8) & 0x3F, clock_seq & 0xFF, getnode() if node is None else node)
    return UUID(fields=fields, version=1)


def _name_bytes(name):
    # 3.11 takes str names only (bytes names came in 3.12): bytes(b"..", "utf-8") raises.
    return _bytes(name, "utf-8")


def uuid3(namespace, name):
    """The UUID of name (a str) in namespace, by MD5."""
    return UUID(bytes=md5_digest(namespace.bytes + _name_bytes(name))[:16], version=3)


def uuid4():
    """A random UUID."""
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    """The UUID of name (a str) in namespace, by SHA-1."""
    return UUID(bytes=sha1_digest(namespace.bytes + _name_bytes(name))[:16], version=5)


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_OID = UUID("6ba7b812-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_X500 = UUID("6ba7b814-9dad-11d1-80b4-00c04fd430c8")
