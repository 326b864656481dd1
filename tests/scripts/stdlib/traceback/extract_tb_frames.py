# traceback.extract_tb / walk_tb / FrameSummary / format_list.
import traceback


def a():
    b()


def b():
    c = [1, 2]
    return c[5]


try:
    a()
except IndexError as e:
    summary = traceback.extract_tb(e.__traceback__)
    print(type(summary).__name__, len(summary))
    for fs in summary:
        print(fs.name, fs.lineno, repr(fs.line), fs.filename == __file__, len(fs))
    filename, lineno, name, line = summary[-1]
    print(name, lineno, line)
    print(summary[0] == (__file__, 15, "<module>", "a()"))
    print(repr(summary[1]).replace(__file__, "FILE"))
    print([lineno for _, lineno in traceback.walk_tb(e.__traceback__)])
    print(len(traceback.extract_tb(e.__traceback__, limit=1)), traceback.extract_tb(e.__traceback__, limit=-1)[0].name)
    print("".join(traceback.format_tb(e.__traceback__)).replace(__file__, "FILE"))

print(traceback.format_list([("a.py", 3, "f", "x = 1"), ("b.py", 9, "g", None)]))
fs = traceback.FrameSummary("nowhere.py", 1, "h", line="  y = 2  ")
print(fs.line, list(fs))
