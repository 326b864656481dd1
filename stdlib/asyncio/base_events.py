"""The event loop's methods written in gyre (CPython 3.11's base_events.py).

The loop class itself is native (`_asyncio.BaseEventLoop`); this module adds the methods
that are compositions over it, so that they schedule exactly as CPython's do.
"""

from _asyncio import _add_loop_methods


async def _shutdown_asyncgens(self):
    """Close every async generator still suspended on this loop (`aclose()` each)."""
    from .tasks import gather
    self._asyncgens_shutdown_called = True
    closing_agens = self._take_asyncgens()
    if not closing_agens:
        return
    results = await gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
    for result, agen in zip(results, closing_agens):
        if isinstance(result, Exception):
            self.call_exception_handler({
                'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                'exception': result,
                'asyncgen': agen,
            })


async def _shutdown_default_executor(self):
    """gyre's blocking work needs no executor to shut down (see COMPATIBILITY.md)."""
    return None


_add_loop_methods(
    shutdown_asyncgens=_shutdown_asyncgens,
    shutdown_default_executor=_shutdown_default_executor,
    # Read only in debug mode, which gyre does not implement; kept for programs that set it.
    slow_callback_duration=0.1,
)
