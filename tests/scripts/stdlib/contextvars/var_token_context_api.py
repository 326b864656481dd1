# ContextVar get/set/reset, Token, Context.run/copy and the mapping API, with errors.
import contextvars
from contextvars import ContextVar, Token, copy_context

v = ContextVar("v")
w = ContextVar("w", default=10)
print(v.name, w.get(), w.get(5), v.get("fallback"))
try:
    v.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)
t = v.set(1)
print(v.get(), t.var is v, t.old_value is Token.MISSING, Token.MISSING)
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get("gone"))
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
t3 = w.set(11)
try:
    v.reset(t3)
except ValueError as e:
    print("ValueError", "different ContextVar" in str(e))

ctx = copy_context()
print(len(ctx), w in ctx, ctx[w], ctx.get(v, "none"), list(ctx.keys()) == [w])


def inside(delta):
    w.set(w.get() + delta)
    return w.get()


print(ctx.run(inside, 5), w.get(), ctx[w])
print(ctx.run(inside, 1), ctx[w])
try:
    ctx.run(lambda: ctx.run(print))
except RuntimeError as e:
    print("RuntimeError", "already entered" in str(e))
try:
    ctx["w"]
except TypeError as e:
    print("TypeError:", e)
inner = ctx.copy()
inner.run(w.set, 100)
print(ctx[w], inner[w])


def reset_elsewhere():
    try:
        w.reset(t3)
    except ValueError as e:
        print("ValueError", "different Context" in str(e))


copy_context().run(reset_elsewhere)
try:
    ContextVar(5)
except TypeError as e:
    print("TypeError:", e)
print(repr(v).startswith("<ContextVar name='v' at 0x"))
print(repr(w).startswith("<ContextVar name='w' default=10 at 0x"))
