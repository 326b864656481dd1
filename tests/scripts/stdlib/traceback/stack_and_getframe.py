# sys._getframe and traceback's stack functions (extract_stack, format_stack, print_stack).
import sys
import traceback


def clean(text):
    return text.replace(__file__, "FILE")


def inner():
    f = sys._getframe()
    print(f.f_code.co_name, f.f_back.f_code.co_name, sys._getframe(1).f_code.co_name,
          f.f_back.f_lineno, f.f_globals is globals())
    try:
        sys._getframe(100)
    except ValueError as e:
        print("ValueError:", e)
    stack = traceback.extract_stack()
    print([fs.name for fs in stack], stack[-1].line)
    print(clean("".join(traceback.format_stack())))
    print(len(traceback.extract_stack(limit=2)), [fs.name for fs in traceback.extract_stack(sys._getframe(1))])


def middle(**options):
    inner()


class Runner:
    def go(self, *args, **kwargs):
        middle(**kwargs)


Runner().go(1, flag=True)
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
