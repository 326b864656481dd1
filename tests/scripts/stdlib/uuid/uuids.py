import uuid

u = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print(u, repr(u), u.hex, u.int, u.urn)
print(u.bytes, u.bytes_le)
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node)
print(u.time, u.clock_seq, u.variant, u.version, u.is_safe, int(u))
forms = [uuid.UUID("urn:uuid:12345678-1234-5678-1234-567812345678"),
         uuid.UUID("12345678123456781234567812345678"),
         uuid.UUID(bytes=u.bytes), uuid.UUID(bytes_le=u.bytes_le),
         uuid.UUID(fields=u.fields), uuid.UUID(int=u.int)]
print(all(f == u for f in forms), len({hash(f) for f in forms}), hash(u) == hash(u.int))
v = uuid.UUID(int=0, version=4)
print(v, v.version, v.variant)
for i in (0, 0x8000 << 48, 0xC000 << 48, 0xE000 << 48):
    x = uuid.UUID(int=i)
    print(x.variant, x.version)
print(uuid.UUID(int=(1 << 128) - 1), uuid.UUID(int=(1 << 128) - 1).version)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid3(uuid.NAMESPACE_URL, "https://example.com/" * 10))
for f in (uuid.uuid3, uuid.uuid5):
    try:
        f(uuid.NAMESPACE_URL, b"bytes name")
    except TypeError as e:
        print("TypeError", e)
print(uuid.uuid5(uuid.NAMESPACE_OID, "1.3.6.1"), uuid.uuid5(uuid.NAMESPACE_X500, ""), uuid.uuid3(uuid.NAMESPACE_DNS, "é" * 40))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "x").version, uuid.uuid5(uuid.NAMESPACE_DNS, "x").version)
r = uuid.uuid4()
print(type(r).__name__, r.version, r.variant, len(str(r)), r != uuid.uuid4())
t1, t2 = uuid.uuid1(), uuid.uuid1()
print(t1.version, t1.variant, t1 != t2, t1.time <= t2.time, t1.node == t2.node)
t3 = uuid.uuid1(node=0x123456789ABC, clock_seq=0x1234)
print(t3.node == 0x123456789ABC, t3.clock_seq == 0x1234, t3.version)
print(uuid.getnode() == uuid.getnode(), 0 <= uuid.getnode() < 1 << 48)
print(sorted([uuid.UUID(int=5), uuid.UUID(int=2), uuid.UUID(int=9)]))
print(u == uuid.UUID(str(u)), u != uuid.UUID(int=1), u == str(u), u > uuid.UUID(int=1), u <= u, u >= u)
print({u: 1}[uuid.UUID(u.hex)])
print(uuid.SafeUUID.safe, uuid.SafeUUID.unsafe.value, uuid.SafeUUID.unknown.value, repr(uuid.SafeUUID.safe))
print(uuid.RFC_4122, uuid.RESERVED_NCS, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
print(uuid.UUID("12345678-1234-5678-1234-567812345678", is_safe=uuid.SafeUUID.safe).is_safe)
for kwargs in [{}, {"hex": "x"}, {"hex": "12345678123456781234567812345678", "int": 5}, {"int": -1},
               {"int": 1 << 128}, {"bytes": b"x"}, {"bytes_le": b"x"}, {"fields": (1, 2)},
               {"fields": (1 << 32, 0, 0, 0, 0, 0)}, {"fields": (0, 1 << 16, 0, 0, 0, 0)},
               {"fields": (0, 0, 1 << 16, 0, 0, 0)}, {"fields": (0, 0, 0, 256, 0, 0)},
               {"fields": (0, 0, 0, 0, 256, 0)}, {"fields": (0, 0, 0, 0, 0, 1 << 48)},
               {"int": 0, "version": 6}, {"int": 0, "version": 0},
               {"hex": "zz345678123456781234567812345678"}]:
    try:
        print(uuid.UUID(**kwargs))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for attempt in (lambda: setattr(u, "int", 1), lambda: setattr(u, "x", 1), lambda: u < 5):
    try:
        attempt()
    except TypeError as e:
        print("TypeError", e)
