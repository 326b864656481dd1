"""asyncio's exception classes (CancelledError and InvalidStateError are native)."""

from _asyncio import CancelledError, InvalidStateError

__all__ = ['CancelledError', 'InvalidStateError', 'IncompleteReadError', 'LimitOverrunError',
           'SendfileNotAvailableError', 'BrokenBarrierError']


class IncompleteReadError(EOFError):
    """Incomplete read error: `partial` is the data read before EOF."""

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """The buffer limit was reached while looking for a separator."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class SendfileNotAvailableError(RuntimeError):
    pass


class BrokenBarrierError(RuntimeError):
    """The Barrier was broken (reset or aborted) while a task waited on it."""

