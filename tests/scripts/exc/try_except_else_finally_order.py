# Ordering of try/except/else/finally.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("boom")
        log.append("try-end")
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
print(run(False))
print(run(True))
def uncaught():
    try:
        raise KeyError("k")
    except ValueError:
        print("not here")
    finally:
        print("finally before propagation")
try:
    uncaught()
except KeyError as e:
    print("outer caught", repr(e))
for exc in [ValueError, TypeError, IndexError, ZeroDivisionError]:
    try:
        raise exc("x")
    except (ValueError, TypeError) as e:
        print("tuple clause", type(e).__name__)
    except LookupError:
        print("lookup clause")
    except Exception as e:
        print("generic clause", type(e).__name__)
try:
    try:
        raise ValueError
    finally:
        print("inner finally")
except ValueError:
    print("outer except")
def name_cleared():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return "err was deleted"
print(name_cleared())
