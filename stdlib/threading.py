"""Threads as green threads: gyre runs scripts on one OS thread (see COMPATIBILITY.md).

A started `Thread` runs its target on the interpreter's thread inside a generator marked by
`_asyncio._green`. It runs at once until it blocks; where CPython's thread would block
(`time.sleep`, a held `Lock`, `Event.wait`, `join`, `Condition.wait`), the green thread
yields what it waits for to this module's scheduler. The other threads run while the main
thread blocks in one of those calls (a `time.sleep` of the main thread included, through
the sleep hook), and under a running asyncio loop through loop callbacks. Blocking with
nothing left that could wake the caller raises `RuntimeError: deadlock` where CPython would
hang forever.
"""

import _asyncio
import time as _time
from _asyncio import _green, _green_switch

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
           'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
           'ThreadError', 'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError

_monotonic = _time.monotonic
_counter = 0        # the N of the next default name "Thread-N"
_idents = 1         # the last thread ident handed out
_live = []          # started green threads that have not finished, in start order
_current = None     # the green thread running now (None: the main thread)
_running = set()    # green threads inside a step (a nested wait must not resume them)
_trace = None
_profile = None


def _new_name():
    global _counter
    _counter += 1
    return f"Thread-{_counter}"


def _new_ident():
    global _idents
    _idents += 1
    return 139_800_000_000_000 + _idents * 4096


################################################################################
### the scheduler
################################################################################

class _Wait:
    """What a blocked green thread waits for: `ready()` true, or the deadline passed."""

    __slots__ = ('ready', 'deadline')

    def __init__(self, ready, deadline):
        self.ready = ready
        self.deadline = deadline

    def due(self, now):
        if self.ready is not None and self.ready():
            return True
        return self.deadline is not None and now >= self.deadline


def _block(ready, timeout):
    """Waits until `ready()` is true or `timeout` seconds (None: forever) have passed;
    returns `ready()`'s last answer (True for a plain sleep)."""
    deadline = None if timeout is None else _monotonic() + max(timeout, 0.0)
    if ready is not None and ready():
        return True
    if _green_switch(_Wait(ready, deadline)) is False:
        _run_until(ready, deadline)
    return True if ready is None else bool(ready())


def _step(t, sent=None):
    """Runs green thread `t` until it blocks or ends."""
    global _current
    prev = _current
    _current = t
    _running.add(t)
    try:
        waiting = t._gen.send(sent)
    except StopIteration:
        waiting = None
        t._finish()
    except BaseException as e:
        waiting = None
        t._finish()
        _report(t, e)
    finally:
        _running.discard(t)
        _current = prev
    if waiting is None:
        return
    if not isinstance(waiting, _Wait):
        # `time.sleep(secs)` called straight from the thread yields the seconds.
        waiting = _Wait(None, _monotonic() + float(waiting))
    t._waiting = waiting
    _remind(waiting)


def _pump():
    """Steps every blocked thread whose wait is over, once each; True if any ran."""
    now = _monotonic()
    ran = False
    for t in list(_live):
        if t in _running or t._waiting is None or not t._waiting.due(now):
            continue
        t._waiting = None
        _step(t)
        ran = True
    return ran


def _run_until(ready, deadline):
    """The main thread (or a thread blocked where it cannot yield) waits: the others run."""
    while True:
        if ready is not None and ready():
            return
        if deadline is not None and _monotonic() >= deadline:
            return
        if _pump():
            continue
        wakes = [t._waiting.deadline for t in _live
                 if t not in _running and t._waiting is not None and t._waiting.deadline is not None]
        if deadline is not None:
            wakes.append(deadline)
        if not wakes:
            raise RuntimeError("deadlock: the main thread waits for something no thread can do")
        pause = min(wakes) - _monotonic()
        if pause > 0:
            _time.sleep(pause)


def _sleep_hook(secs):
    """`time.sleep` of a thread that cannot yield: the green threads run meanwhile."""
    if _live:
        _run_until(None, _monotonic() + secs)
    else:
        _time.sleep(secs)


def _remind(waiting):
    """Under a running asyncio loop the main thread may never block in this module: the
    loop steps the threads when their deadline comes. A predicate wait needs no reminder:
    whatever can make it true (`release`, `set`, `notify`, a thread ending) calls `_kick`."""
    if waiting.deadline is None:
        return
    loop = _asyncio._get_running_loop()
    if loop is not None:
        loop.call_at(loop.time() + max(waiting.deadline - _monotonic(), 0.0), _pump)


_kick_pending = False   # a `_kicked` callback is already scheduled on the running loop


def _kick():
    """A state some blocked thread may wait for changed. Without a running asyncio loop the
    main thread's own waits (`_run_until`) step the threads; under one, a callback steps
    them on the loop's next turn, as a woken OS thread would run soon after."""
    global _kick_pending
    if _kick_pending or not _live:
        return
    loop = _asyncio._get_running_loop()
    if loop is not None:
        _kick_pending = True
        loop.call_soon(_kicked)


def _kicked():
    global _kick_pending
    _kick_pending = False
    _pump()


def _exit_join():
    """At exit the interpreter waits for the non-daemon threads, as CPython's does."""
    while any(not t.daemon for t in _live):
        t = next(t for t in _live if not t.daemon)
        t.join()


def _report(t, e):
    hook = excepthook
    try:
        hook(ExceptHookArgs((type(e), e, e.__traceback__, t)))
    except SystemExit:
        pass


################################################################################
### threads
################################################################################

def get_ident():
    return (_current or _main)._ident


get_native_id = get_ident


def current_thread():
    return _current or _main


currentThread = current_thread


def main_thread():
    return _main


def active_count():
    return 1 + len(_live)


activeCount = active_count


def enumerate():
    return [_main] + list(_live)


def settrace(func):
    global _trace
    _trace = func


def setprofile(func):
    global _profile
    _profile = func


def gettrace():
    return _trace


def getprofile():
    return _profile


def stack_size(size=0):
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


class ExceptHookArgs(tuple):
    """The argument of `threading.excepthook`."""

    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]


def excepthook(args, /):
    """Prints an exception a thread's `run()` raised, as CPython's does (to stderr)."""
    if args.exc_type is SystemExit:
        return
    import sys
    import traceback
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=sys.stderr, flush=True)
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback,
                              file=sys.stderr)
    sys.stderr.flush()


__excepthook__ = excepthook


def _thread_body(thread):
    """A thread's `run()` as a generator that `_green` turns into a green thread."""
    thread.run()
    return
    yield


class Thread:
    """A thread of control, run as a green thread (see the module doc)."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _new_name()
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._started = False
        self._is_stopped = False
        self._gen = None
        self._waiting = None
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started:
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._ident = _new_ident()
        self._gen = _green(_thread_body(self))
        if not _live:
            _asyncio._set_sleep_hook(_sleep_hook)
        _live.append(self)
        _step(self)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _finish(self):
        self._is_stopped = True
        _kick()
        if self in _live:
            _live.remove(self)
        if not _live:
            _asyncio._set_sleep_hook(None)

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        _block(lambda: self._is_stopped, timeout)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def is_alive(self):
        return self._started and not self._is_stopped

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._ident = _new_ident()


class Timer(Thread):
    """Calls `function(*args, **kwargs)` after `interval` seconds unless cancelled."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


_main = _MainThread()


################################################################################
### synchronization
################################################################################

def _timeout_of(blocking, timeout):
    if not blocking:
        if timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        return 0.0
    if timeout == -1:
        return None
    if timeout < 0:
        raise ValueError("timeout value must be a non-negative number")
    return timeout


class Lock:
    """A primitive lock (`_thread.lock`)."""

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        wait = _timeout_of(blocking, timeout)
        if self._locked:
            if wait == 0.0 or not _block(lambda: not self._locked, wait):
                return False
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        _kick()

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


Lock.__module__ = '_thread'
Lock.__qualname__ = Lock.__name__ = 'lock'
LockType = Lock
allocate_lock = Lock


class RLock:
    """A reentrant lock (`_thread.RLock`): the owning thread may acquire it again."""

    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        wait = _timeout_of(blocking, timeout)
        if self._owner is not None:
            if wait == 0.0 or not _block(lambda: self._owner is None, wait):
                return False
        self._owner = me
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            _kick()

    def __exit__(self, *exc):
        self.release()

    def _is_owned(self):
        return self._owner == get_ident()

    def _release_save(self):
        state = (self._count, self._owner)
        self._count, self._owner = 0, None
        _kick()
        return state

    def _acquire_restore(self, state):
        _block(lambda: self._owner is None, None)
        self._count, self._owner = state

    def __repr__(self):
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._owner is not None else "unlocked",
            self.__class__.__module__, self.__class__.__qualname__,
            self._owner, self._count, hex(id(self)))


RLock.__module__ = '_thread'


class Condition:
    """A condition variable over a lock (an `RLock` by default)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _is_owned(self):
        if isinstance(self._lock, RLock):
            return self._lock._is_owned()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def _release_all(self):
        if isinstance(self._lock, RLock):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _reacquire(self, state):
        if isinstance(self._lock, RLock):
            self._lock._acquire_restore(state)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        token = [False]
        self._waiters.append(token)
        state = self._release_all()
        try:
            return _block(lambda: token[0], timeout)
        finally:
            if not token[0]:
                self._waiters.remove(token)
            self._reacquire(state)

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _monotonic() + waittime
                else:
                    waittime = endtime - _monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken, self._waiters = self._waiters[:n], self._waiters[n:]
        for token in woken:
            token[0] = True
        if woken:
            _kick()

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    """A counter of permits; `acquire` waits while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value == 0:
            if not blocking or not _block(lambda: self._value > 0, timeout):
                return False
        self._value -= 1
        return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n
        _kick()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n
        _kick()


class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True
        _kick()

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        return _block(lambda: self._flag, timeout)


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """`parties` threads meet: each `wait()` returns once all have called it."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._generation = 0
        self._broken = False

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        if self._broken:
            raise BrokenBarrierError
        index = self._count
        self._count += 1
        generation = self._generation
        if self._count == self._parties:
            if self._action is not None:
                try:
                    self._action()
                except BaseException:
                    self.abort()
                    raise
            self._count = 0
            self._generation += 1
            _kick()
            return index
        if not _block(lambda: self._generation != generation or self._broken, timeout):
            self.abort()
        if self._broken and self._generation == generation:
            raise BrokenBarrierError
        return index

    def reset(self):
        if self._count:
            self._broken = True
        self._count = 0
        self._generation += 1
        self._broken = False
        _kick()

    def abort(self):
        self._broken = True
        _kick()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken


class local:
    """Attributes seen only by the thread that set them."""

    def __new__(cls, /, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__dicts', {get_ident(): {}})
        object.__setattr__(self, '_local__args', (args, kw))
        return self

    def _local__dict(self):
        dicts = object.__getattribute__(self, '_local__dicts')
        key = get_ident()
        d = dicts.get(key)
        if d is None:
            # First use in this thread: a fresh namespace, set up by the class's __init__.
            d = dicts[key] = {}
            init = type(self).__init__
            if init is not object.__init__:
                args, kw = object.__getattribute__(self, '_local__args')
                init(self, *args, **kw)
        return d

    def __getattribute__(self, name):
        if name.startswith('_local__') or name == '__class__':
            return object.__getattribute__(self, name)
        d = object.__getattribute__(self, '_local__dict')()
        if name == '__dict__':
            return d
        if name in d:
            return d[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        object.__getattribute__(self, '_local__dict')()[name] = value

    def __delattr__(self, name):
        d = object.__getattribute__(self, '_local__dict')()
        if name not in d:
            raise AttributeError(name)
        del d[name]


local.__module__ = '_thread'
local.__qualname__ = local.__name__ = '_local'


import atexit as _atexit
_atexit.register(_exit_join)
del _atexit
