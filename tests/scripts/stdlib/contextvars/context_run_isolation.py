# Context.run isolates changes; copies share values until either side sets a variable.
import contextvars

depth = contextvars.ContextVar("depth", default=0)
trace = contextvars.ContextVar("trace", default=())


def enter(label):
    depth.set(depth.get() + 1)
    trace.set(trace.get() + (label,))
    return depth.get(), trace.get()


base = contextvars.copy_context()
print(base.run(enter, "a"), depth.get(), trace.get())
print(base.run(enter, "b"), base[depth], base[trace])
fork = base.copy()
print(fork.run(enter, "c"), base[depth], fork[depth])
print(sorted(v.name for v in fork), fork == base.copy(), len(contextvars.Context()))


def nested():
    inner = contextvars.copy_context()
    inner.run(enter, "inner")
    return depth.get(), inner[depth]


print(base.run(nested), base[depth])
depth.set(10)
print(contextvars.copy_context()[depth], base[depth])
