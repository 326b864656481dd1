"""Futures and executors (CPython's `concurrent.futures`): Future, Executor,
ThreadPoolExecutor, ProcessPoolExecutor, wait, as_completed and the exceptions.

gyre runs scripts on one thread, so an executor runs each submitted callable at once, inside
`submit` (or as `map` is iterated), and returns an already finished future; results,
exceptions, callbacks, `wait` and `as_completed` behave as in CPython for work that does not
wait on other submitted work. Work that blocks until another task makes progress would
deadlock, as it would with a single worker in CPython."""

import collections
import logging
import time

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
           'ProcessPoolExecutor', 'ThreadPoolExecutor', 'InvalidStateError')

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending", RUNNING: "running", CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled", FINISHED: "finished",
}

LOGGER = logging.getLogger("concurrent.futures")


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional after a severe failure."""


for _cls in (Error, CancelledError, InvalidStateError, BrokenExecutor):
    _cls.__module__ = 'concurrent.futures._base'
del _cls
del Error  # CPython keeps the base class in concurrent.futures._base only


class Future:
    """The result of an asynchronous computation."""

    def __init__(self):
        self._state = PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                LOGGER.exception('exception calling callback for %r', self)

    def __repr__(self):
        name = "%s at %#x" % (type(self).__name__, id(self))
        if self._state == FINISHED:
            if self._exception:
                return '<%s state=%s raised %s>' % (name, _STATE_TO_DESCRIPTION_MAP[self._state],
                                                    type(self._exception).__name__)
            return '<%s state=%s returned %s>' % (name, _STATE_TO_DESCRIPTION_MAP[self._state],
                                                  type(self._result).__name__)
        return '<%s state=%s>' % (name, _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        if self._state in (RUNNING, FINISHED):
            return False
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            return True
        self._state = CANCELLED
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        return self._state == RUNNING

    def done(self):
        return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def _outcome(self):
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._state == FINISHED:
            return True
        return False

    def _wait(self, timeout):
        # Nothing else can finish a pending future while this single thread waits on it.
        if timeout is not None and timeout > 0:
            time.sleep(timeout)
        raise TimeoutError()

    def result(self, timeout=None):
        if not self._outcome():
            self._wait(timeout)
        if self._exception:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        if not self._outcome():
            self._wait(timeout)
        return self._exception

    def add_done_callback(self, fn):
        if not self.done():
            self._done_callbacks.append(fn)
            return
        try:
            fn(self)
        except Exception:
            LOGGER.exception('exception calling callback for %r', self)

    def set_running_or_notify_cancel(self):
        if self._state == CANCELLED:
            self._state = CANCELLED_AND_NOTIFIED
            return False
        if self._state == PENDING:
            self._state = RUNNING
            return True
        raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._result = result
        self._state = FINISHED
        self._invoke_callbacks()

    def set_exception(self, exception):
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._exception = exception
        self._state = FINISHED
        self._invoke_callbacks()

    __class_getitem__ = classmethod(lambda cls, item: cls)


class Executor:
    """Runs callables and returns futures for their results."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            for future in fs:
                yield future.result()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _InlineExecutor(Executor):
    """An executor that runs each callable inside submit()."""

    _broken_message = 'A thread initializer failed, the thread pool is not usable anymore'

    def __init__(self, max_workers, initializer, initargs):
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._initialized = False
        self._shutdown = False
        self._broken = False

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenExecutor(self._broken_message)
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        if not self._initialized:
            self._initialized = True
            if self._initializer is not None:
                try:
                    self._initializer(*self._initargs)
                except BaseException:
                    LOGGER.critical('Exception in initializer:', exc_info=True)
                    self._broken = True
                    raise BrokenExecutor(self._broken_message) from None
        future = Future()
        future.set_running_or_notify_cancel()
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True


class ThreadPoolExecutor(_InlineExecutor):
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            import os
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        super().__init__(max_workers, initializer, initargs)
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % id(self))


class ProcessPoolExecutor(_InlineExecutor):
    _broken_message = ('A child process terminated abruptly, the process pool is not '
                       'usable anymore')

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        if max_workers is None:
            import os
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        super().__init__(max_workers, initializer, initargs)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = {f for f in fs if f.done()}
    not_done = fs - done
    if not_done and timeout is not None and timeout > 0:
        time.sleep(timeout)
    return DoneAndNotDoneFutures(done, not_done)


def as_completed(fs, timeout=None):
    fs = set(fs)
    finished = [f for f in fs if f.done()]
    pending = fs - set(finished)
    yield from finished
    if pending:
        if timeout is not None and timeout > 0:
            time.sleep(timeout)
        raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), len(fs)))
