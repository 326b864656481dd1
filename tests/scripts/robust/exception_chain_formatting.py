# Regression: formatting a long exception chain checked each link against a list of the
# ones already seen (quadratic: a 200000-long chain hung traceback.format_exception), and
# traceback.format_exception split each chain message into three pieces.
import traceback

def chain(n, link):
    x = ValueError(0)
    for i in range(n):
        y = ValueError(i + 1)
        setattr(y, link, x)
        x = y
    return x

print(traceback.format_exception(chain(2, "__context__")))
print(traceback.format_exception(chain(2, "__cause__")))
for link in ("__context__", "__cause__"):
    r = traceback.format_exception(chain(200000, link))
    print(link, len(r), r[-1], len("".join(r)))
