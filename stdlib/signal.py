"""Signal numbers and Python-level handlers (CPython's `signal`, Linux values): the Signals,
Handlers and Sigmasks enums, signal/getsignal, default_int_handler, raise_signal, strsignal,
valid_signals, NSIG, SIG_DFL/SIG_IGN.

A handler set with `signal.signal` catches the OS signal when the interpreter has the
`signals` capability (the command line does): it runs right after an `os.kill` that
delivered it and after each event loop iteration, not in the middle of other code;
`raise_signal` runs it synchronously, as CPython runs it before the next statement."""

from enum import IntEnum as _IntEnum
import _os

_SIGNALS = [
    ('SIGHUP', 1, 'Hangup'), ('SIGINT', 2, 'Interrupt'), ('SIGQUIT', 3, 'Quit'),
    ('SIGILL', 4, 'Illegal instruction'), ('SIGTRAP', 5, 'Trace/breakpoint trap'),
    ('SIGABRT', 6, 'Aborted'), ('SIGBUS', 7, 'Bus error'),
    ('SIGFPE', 8, 'Floating point exception'), ('SIGKILL', 9, 'Killed'),
    ('SIGUSR1', 10, 'User defined signal 1'), ('SIGSEGV', 11, 'Segmentation fault'),
    ('SIGUSR2', 12, 'User defined signal 2'), ('SIGPIPE', 13, 'Broken pipe'),
    ('SIGALRM', 14, 'Alarm clock'), ('SIGTERM', 15, 'Terminated'),
    ('SIGSTKFLT', 16, 'Stack fault'), ('SIGCHLD', 17, 'Child exited'),
    ('SIGCONT', 18, 'Continued'), ('SIGSTOP', 19, 'Stopped (signal)'),
    ('SIGTSTP', 20, 'Stopped'), ('SIGTTIN', 21, 'Stopped (tty input)'),
    ('SIGTTOU', 22, 'Stopped (tty output)'), ('SIGURG', 23, 'Urgent I/O condition'),
    ('SIGXCPU', 24, 'CPU time limit exceeded'), ('SIGXFSZ', 25, 'File size limit exceeded'),
    ('SIGVTALRM', 26, 'Virtual timer expired'), ('SIGPROF', 27, 'Profiling timer expired'),
    ('SIGWINCH', 28, 'Window changed'), ('SIGIO', 29, 'I/O possible'),
    ('SIGPWR', 30, 'Power failure'), ('SIGSYS', 31, 'Bad system call'),
]
SIGRTMIN = 34
SIGRTMAX = 64
NSIG = 65

class Signals(_IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGIOT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGSTKFLT = 16
    SIGCHLD = 17
    SIGCLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPOLL = 29
    SIGPWR = 30
    SIGSYS = 31
    SIGRTMIN = 34
    SIGRTMAX = 64


class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


class Sigmasks(_IntEnum):
    SIG_BLOCK = 0
    SIG_UNBLOCK = 1
    SIG_SETMASK = 2


for _name, _member in Signals.__members__.items():
    globals()[_name] = _member
SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
SIG_BLOCK = Sigmasks.SIG_BLOCK
SIG_UNBLOCK = Sigmasks.SIG_UNBLOCK
SIG_SETMASK = Sigmasks.SIG_SETMASK

_descriptions = {v: d for _, v, d in _SIGNALS}


def default_int_handler(signalnum, frame, /):
    """The default SIGINT handler: raises KeyboardInterrupt."""
    raise KeyboardInterrupt


# Signals the process starts out ignoring, as CPython sets them up.
_handlers = {SIGINT: default_int_handler, SIGPIPE: SIG_IGN, SIGXFSZ: SIG_IGN}

_UNCATCHABLE = (SIGKILL, SIGSTOP)


def _check_signum(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(signalnum).__name__)
    if signalnum < 1 or signalnum >= NSIG:
        raise ValueError("signal number out of range")


def _as_signal(signalnum):
    try:
        return Signals(signalnum)
    except ValueError:
        return signalnum


def signal(signalnum, handler, /):
    """Sets the handler for a signal and returns the previous one."""
    _check_signum(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                        "or a callable object")
    if signalnum in _UNCATCHABLE or signalnum in (32, 33):
        raise OSError(22, 'Invalid argument')
    old = getsignal(signalnum)
    _handlers[int(signalnum)] = handler
    if hasattr(_os, 'signal_mode'):
        _os.signal_mode(int(signalnum), 0 if handler is SIG_DFL else 1 if handler is SIG_IGN else 2)
    return old


def _run_pending():
    """Runs the handlers of the signals delivered since the last call (the loop and
    `os.kill` call it)."""
    for signum in _os.signal_pending():
        handler = _handlers.get(signum, SIG_DFL)
        if handler not in (SIG_DFL, SIG_IGN):
            handler(signum, None)


def getsignal(signalnum, /):
    _check_signum(signalnum)
    return _handlers.get(int(signalnum), SIG_DFL)


def strsignal(signalnum, /):
    _check_signum(signalnum)
    if SIGRTMIN <= signalnum <= SIGRTMAX:
        return 'Real-time signal %d' % (signalnum - SIGRTMIN)
    return _descriptions.get(int(signalnum))


def valid_signals():
    return {_as_signal(n) for n in range(1, NSIG) if n not in (32, 33)}


def raise_signal(signalnum, /):
    """Delivers a signal to this script: runs its Python handler now."""
    _check_signum(signalnum)
    handler = _handlers.get(int(signalnum), SIG_DFL)
    if handler is SIG_IGN:
        return
    if handler is SIG_DFL:
        if signalnum in (SIGCHLD, SIGURG, SIGWINCH, SIGCONT):
            return
        import sys
        sys.stdout.flush()
        raise SystemExit(128 + int(signalnum))
    handler(int(signalnum), None)
