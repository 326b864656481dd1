"""Exit handlers (CPython's `atexit`): functions registered here run when the interpreter
shuts down, last registered first, after the main program ends (normally, by an uncaught
exception or by SystemExit). The command line and `Interpreter::shutdown` call
`_run_exitfuncs`; `os._exit` skips them."""

import sys

_callbacks = []


def register(func, /, *args, **kwargs):
    """Registers func(*args, **kwargs) to run at exit and returns func (usable as a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Removes every registration of func (compared with ==); no error when there is none."""
    # Entries are blanked in place, so a handler unregistering another during exit does not
    # shift the positions _run_exitfuncs walks.
    for i, entry in enumerate(_callbacks):
        if entry is not None and (entry[0] is func or entry[0] == func):
            _callbacks[i] = None


def _clear():
    """Forgets every registered function."""
    _callbacks.clear()


def _ncallbacks():
    """The number of registered functions."""
    return sum(entry is not None for entry in _callbacks)


def _run_exitfuncs():
    """Runs the registered functions, last first; an exception one raises (SystemExit too) is
    reported on stderr and the next one runs. Functions registered meanwhile do not run."""
    for i in reversed(range(len(_callbacks))):
        entry = _callbacks[i] if i < len(_callbacks) else None
        if entry is None:
            continue
        _callbacks[i] = None
        func, args, kwargs = entry
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            _report(func, exc)
    _callbacks.clear()


def _report(func, exc):
    import traceback

    try:
        sys.stdout.flush()
    except Exception:
        pass
    sys.stderr.write(f"Exception ignored in atexit callback: {func!r}\n")
    traceback.print_exception(exc)
