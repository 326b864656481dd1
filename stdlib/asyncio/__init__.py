"""asyncio for gyre: the public API, over the native core in `_asyncio`.

Future, Task, the event loop and the running-loop bookkeeping are native. The compositions
here (sleep, gather, wait_for, wait, as_completed, shield, timeouts, TaskGroup, queues,
locks, Runner) follow CPython 3.11's algorithms, so tasks interleave exactly as in CPython.
"""

from _asyncio import (
    Future,
    Task,
    Handle,
    TimerHandle,
    CancelledError,
    InvalidStateError,
    get_running_loop,
    _get_running_loop,
    get_event_loop,
    set_event_loop,
    new_event_loop,
    current_task,
    all_tasks,
    iscoroutine,
    isfuture,
    AbstractEventLoop,
    BaseEventLoop,
    SelectorEventLoop,
)
import _asyncio
from .exceptions import *
from . import base_events
from .tasks import *
from .timeouts import *
from .taskgroups import *
from .locks import *
from .queues import *
from .runners import *
from .protocols import *
from .transports import *
from .streams import *
from .net_events import *

TimeoutError = TimeoutError
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def iscoroutinefunction(func):
    return _asyncio.iscoroutinefunction(func)


# Event loop policies are rarely used: `asyncio.events` is imported on first use, so that
# `import asyncio` does not compile it.
_EVENTS_NAMES = frozenset({
    'events', 'AbstractEventLoopPolicy', 'BaseDefaultEventLoopPolicy', 'DefaultEventLoopPolicy',
    'get_event_loop_policy', 'set_event_loop_policy',
})


# Subprocesses likewise: `asyncio.subprocess` is imported on first use.
_SUBPROCESS_NAMES = frozenset({'subprocess', 'create_subprocess_exec', 'create_subprocess_shell'})


def __getattr__(name):
    if name in _EVENTS_NAMES:
        import sys
        import asyncio.events
        events = sys.modules['asyncio.events']
        return events if name == 'events' else getattr(events, name)
    if name in _SUBPROCESS_NAMES:
        import sys
        import asyncio.subprocess
        subprocess = sys.modules['asyncio.subprocess']
        return subprocess if name == 'subprocess' else getattr(subprocess, name)
    raise AttributeError(f"module 'asyncio' has no attribute '{name}'")
