# complex: literals, constructor, arithmetic with int/float, reprs, hash/equality, errors.
z = 1 + 2j
print(z, repr(z), 1j, 2.5j, 1e20j, -1j, -(1j), 0j, -0j, type(z).__name__)
print(complex(), complex(1), complex(1.5, -2), complex(-0.0, 1), complex(0, -0.0))
print(complex("1+2j"), complex(" (3-4j) "), complex("j"), complex("-j"), complex("2.5"), complex("1e3j"))
print(complex(1j, 1j), complex(1 + 1j), complex(real=2, imag=3), complex(2, 1 + 1j))
print(z.real, z.imag, z.conjugate(), (3j).real, abs(3 + 4j), abs(-2j))
print(z + 1, 1 + z, z - 1, 1 - z, z * 2, 2 * z, z * z, z / 2, 2 / z, z / (1 - 1j))
print(z + 0.5, 0.5 * z, z ** 2, z ** 0, z ** -1, 2 ** z, z ** 0.5, 1j ** 2, (1 + 1j) ** 10)
print((-8) ** 0.5, (-1) ** 0.5, (-2.0) ** 1.5)
print(z == 1 + 2j, z != z, 1 + 0j == 1, 2.0 == 2 + 0j, 1j == 1, z == "z", z in [1, 1 + 2j])
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1j), hash(1 + 2j), hash(-1 - 1j))
print({1j: "a", 1: "b", 1 + 0j: "c"}, {1j, 1j, 2j} == {2j, 1j})
print(bool(0j), bool(1j), bool(-0.0 + 0j), not 1j)
print(complex(float("inf"), float("nan")), complex(-float("inf"), 0), 1e308 * 10j)
print(str(1 + 2j), f"{z}", "%s" % z, [z, -z, +z])
print(isinstance(z, complex), sum([1j, 2j, 3]), z.real.is_integer())
x = 1 + 1j
x += 1
x *= 1j
print(x)
for bad in ["1 + 2j", "abc", "1+", "(1+2j", ""]:
    try:
        complex(bad)
    except ValueError as e:
        print("ValueError", e)
for f in [lambda: 1j / 0, lambda: z / 0j, lambda: 0j ** -1, lambda: 1j < 2j, lambda: 1j > 1,
          lambda: 1j // 2, lambda: 1j % 2, lambda: complex("1", 2), lambda: complex(1, "2"),
          lambda: complex([1]), lambda: complex(1, [2]), lambda: int(1j), lambda: float(1j),
          lambda: 1j + "a", lambda: complex(1, 2, 3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
match 1 + 2j:
    case 1 - 2j:
        print("wrong")
    case -1 + 2j:
        print("wrong")
    case 1 + 2j:
        print("matched 1+2j")
match -3j:
    case -3j:
        print("matched -3j")
class C(complex):
    pass
c = C(1, 2)
print(c, c + 1, type(c).__name__, isinstance(c, complex))
