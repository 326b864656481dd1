import enum
class F(enum.IntFlag):
    A = 1; B = 2; C = 4
class G(enum.Flag):
    X = 1; Y = 2; Z = 4
for expr in ["~F.A", "~(F.A|F.B)", "F.A ^ F.C", "F.A ^ 3", "F(8)", "F(-2)", "F.A | 8", "F.A & 3", "3 | F.A", "~G.X", "G.X ^ G.Y", "~(G.X|G.Y|G.Z)", "G(0)", "F(0)", "list(F.A|F.C)", "len(G.X|G.Z)", "F.A + 1", "type(F.A + 1)", "G(9)"]:
    try:
        v = eval(expr)
        print(expr, "->", repr(v), str(v))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
class H(enum.Flag, boundary=enum.CONFORM):
    P = 1; Q = 4
class J(enum.Flag, boundary=enum.EJECT):
    P = 1; Q = 2
class K(enum.IntFlag):
    R = 1; W = 2; X = 4; RWX = 7; RW = 3
for expr in ["H(7)", "H(-1)", "~H.P", "J(8)", "type(J(8))", "~J.P", "J(3)", "K(7)", "K(5)", "list(K.RWX)", "K.RW | K.X", "~K.RW", "K(11)", "K(-1)",
             "enum.STRICT", "G(3) in G(7)", "G.X in G.Y|G.X", "1 in G.X", "G._boundary_", "F._boundary_", "bool(G(0))", "str(G(0))", "format(F.A|F.B)", "f'{G.X|G.Y}'",
             "[m.name for m in G]", "G.X | 1", "len(F(7))", "hash(F.A) == hash(1)", "F.A == 1", "repr(F(0))", "str(F(0))", "F(12)"]:
    try:
        v = eval(expr)
        print(expr, "->", repr(v), str(v))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
