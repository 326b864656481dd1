"""Event loop policies (CPython 3.11's asyncio.events), over gyre's native loop functions.

The default policy hands out the loops `_asyncio` keeps (`get_event_loop`, `set_event_loop`,
`new_event_loop`). A policy installed with `set_event_loop_policy` is returned by
`get_event_loop_policy`, but the module-level functions and `asyncio.run` keep using the
native loop (see COMPATIBILITY.md).
"""

import _asyncio
from _asyncio import (
    AbstractEventLoop,
    Handle,
    TimerHandle,
    get_event_loop,
    set_event_loop,
    new_event_loop,
    get_running_loop,
    _get_running_loop,
)

__all__ = (
    'AbstractEventLoopPolicy', 'AbstractEventLoop', 'Handle', 'TimerHandle',
    'get_event_loop_policy', 'set_event_loop_policy', 'get_event_loop', 'set_event_loop',
    'new_event_loop', 'get_running_loop', '_get_running_loop',
)


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """The policy of the main thread's loop: the native current loop."""

    _loop_factory = None

    def get_event_loop(self):
        return _asyncio.get_event_loop()

    def set_event_loop(self, loop):
        assert loop is None or isinstance(loop, AbstractEventLoop)
        _asyncio.set_event_loop(loop)

    def new_event_loop(self):
        return _asyncio.new_event_loop()


class _UnixDefaultEventLoopPolicy(BaseDefaultEventLoopPolicy):
    """UNIX event loop policy."""

    __module__ = 'asyncio.unix_events'


DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy

_event_loop_policy = None


def get_event_loop_policy():
    """Get the current event loop policy."""
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = DefaultEventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Set the current event loop policy; None restores the default."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _event_loop_policy = policy
