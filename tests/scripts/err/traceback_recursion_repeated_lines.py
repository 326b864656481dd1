# A RecursionError traceback collapses identical lines: [Previous line repeated N more times].
def f(n):
    return f(n + 1)
f(0)
