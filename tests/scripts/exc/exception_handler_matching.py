# Handler matching: first matching clause wins; exception classes from variables.
handlers = (KeyError, IndexError)
def exec_sys_exit():
    raise SystemExit(2)
def classify(fn):
    try:
        fn()
    except handlers as e:
        return "lookup-ish " + type(e).__name__
    except (ArithmeticError,) as e:
        return "arith " + type(e).__name__
    except BaseException as e:
        return "base " + type(e).__name__
    return "no error"
print(classify(lambda: [][1]))
print(classify(lambda: {}[1]))
print(classify(lambda: 1 / 0))
print(classify(lambda: 2.0 ** 5000))
print(classify(lambda: exec_sys_exit()))
print(classify(lambda: None))
try:
    try:
        raise ValueError
    except TypeError:
        print("wrong")
except ValueError:
    print("outer ValueError")
try:
    raise KeyboardInterrupt
except Exception:
    print("should not catch")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
