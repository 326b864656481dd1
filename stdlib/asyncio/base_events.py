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
    """Wait for the green threads still running (as CPython joins its executor's threads);
    the native blocking work needs no shutdown (see COMPATIBILITY.md)."""
    for job in list(getattr(self, '_green_jobs', ())):
        await job


def _run_in_executor(self, executor, func, *args):
    """`loop.run_in_executor`: a script callable runs as a green thread (asyncio/green.py),
    a native one on the worker pool or at once (see COMPATIBILITY.md)."""
    # (A non-callable fails when called, as in CPython's worker thread.)
    if type(func).__name__ == 'builtin_function_or_method':
        return self._run_in_executor_native(executor, func, *args)
    from .green import start
    return start(self, func, args)


_add_loop_methods(
    shutdown_asyncgens=_shutdown_asyncgens,
    shutdown_default_executor=_shutdown_default_executor,
    run_in_executor=_run_in_executor,
    # Read only in debug mode, which gyre does not implement; kept for programs that set it.
    slow_callback_duration=0.1,
)
