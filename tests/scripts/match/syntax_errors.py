# Compile-time errors of match statements, raised when importing helper modules.
import sys

names = [
    "_syntax_multi_star",
    "_syntax_dup_name",
    "_syntax_dup_key",
    "_syntax_capture_first",
    "_syntax_wildcard_first",
    "_syntax_or_names",
    "_syntax_or_capture",
    "_syntax_as_underscore",
    "_syntax_kw_then_pos",
    "_syntax_kw_repeat",
    "_syntax_fstring",
    "_syntax_no_block",
]
for name in names:
    try:
        __import__(name)
        print(name, "compiled")
    except SyntaxError as e:
        print(name, type(e).__name__, e.msg, e.lineno)
