"""Green threads: how gyre runs a script function given to `loop.run_in_executor` or
`asyncio.to_thread` (script values never cross threads, see COMPATIBILITY.md).

The function runs on the loop thread inside a generator marked by `_asyncio._green`: a
`time.sleep(d)` called straight from its frames suspends it (the generator yields `d`)
instead of blocking, and a loop timer resumes it `d` seconds later, so the loop's tasks run
meanwhile as they would beside CPython's worker thread.
"""

from _asyncio import _green


def start(loop, func, args):
    """A future for `func(*args)`, which starts running at once."""
    fut = loop.create_future()
    job = loop.create_future()
    jobs = getattr(loop, '_green_jobs', None)
    if jobs is None:
        jobs = loop._green_jobs = set()
    jobs.add(job)
    _step(loop, fut, job, _green(_body(func, args)), True)
    return fut


def _body(func, args):
    """`func(*args)` as a generator that `_green` can turn into a green thread."""
    return func(*args)
    yield


def _step(loop, fut, job, gen, first):
    """Runs a green thread until it sleeps (then again once the delay has passed) or ends.
    Its outcome reaches `fut` as an executor thread's does: one loop iteration after the
    first step, at once after a later one (CPython's thread wakes the loop with it). `job`
    is done when the thread is, for `loop.shutdown_default_executor()`."""
    try:
        delay = gen.send(None)
    except StopIteration as e:
        ok, value = True, e.value
    except BaseException as e:
        ok, value = False, e
    else:
        loop.call_later(delay, _step, loop, fut, job, gen, False)
        return
    loop._green_jobs.discard(job)
    job.set_result(None)
    if first:
        loop.call_soon(_finish, fut, ok, value)
    else:
        _finish(fut, ok, value)


def _finish(fut, ok, value):
    """Sets the outcome unless the future was cancelled meanwhile."""
    if fut.done():
        return
    if ok:
        fut.set_result(value)
    else:
        fut.set_exception(value)
