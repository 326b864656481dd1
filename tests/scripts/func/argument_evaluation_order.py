# Arguments are evaluated left to right before the call.
log = []
def v(x):
    log.append(x)
    return x
def f(*a, **k):
    log.append("call")
    return a, k
f(v(1), v(2), k=v(3), *[v(4)], **{"z": v(5)})
print(log)
log.clear()
def target():
    log.append("target")
    return f
target()(v("a"), v("b"))
print(log)
log.clear()
x = [v(1), v(2)][v(0)]
print(x, log)
log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(log)
