import traceback
e = SyntaxError("bad", ("f.py", 1, 3, "x = = 1\n"))
print(e.filename, e.lineno, e.offset, repr(e.text), e.msg, str(e), e.args, e.end_lineno, e.end_offset)
e2 = SyntaxError("m", ("g.py", 2, 1, "abc", 2, 3))
print(str(e2), e2.end_lineno, e2.end_offset, repr(e2))
print(str(SyntaxError("only")), SyntaxError("only").lineno, str(SyntaxError()), repr(IndentationError("i", ("h.py", 4, 2, "  x\n"))))
print(traceback.format_exception_only(e), traceback.format_exception_only(e2))
try: compile("x = = 1", "<s>", "exec")
except SyntaxError as se: print(repr(se.text), se.end_offset, se.filename, se.args)
