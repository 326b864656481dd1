# raise ... from e with a message-less custom exception.
import sys
class MyErr(Exception):
    pass
def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise MyErr() from e
lookup({}, "zz")
