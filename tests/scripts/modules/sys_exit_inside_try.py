# sys.exit raises SystemExit which can be caught; finally blocks run.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit code", e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print("no-arg code:", e.code)
try:
    sys.exit("message text")
except SystemExit as e:
    print("string code:", e.code)
def leave():
    try:
        sys.exit(2)
    finally:
        print("finally runs on the way out")
try:
    leave()
except SystemExit as e:
    print("code", e.code)
try:
    sys.exit(3)
except Exception:
    print("not an Exception subclass")
except BaseException as e:
    print("BaseException", type(e).__name__)
print("finished normally")
