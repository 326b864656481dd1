# __notes__ are printed after the exception line; a multi-line expression is marked to the end of its first line.
def g():
    e = ValueError("bad")
    e.add_note("first note")
    e.add_note("second note")
    raise e
x = (1 +
     2)
result = [1, 2, 3][x] + (
    g()
)
