"""Task.get_stack and Task.print_stack (CPython 3.11's asyncio.base_tasks)."""


def _task_get_stack(task, limit):
    """`Task.get_stack()` (CPython's base_tasks._task_get_stack): the suspended coroutine's
    frame, or the frames of the traceback of the exception it finished with."""
    frames = []
    coro = task._coro
    if hasattr(coro, 'cr_frame'):
        f = coro.cr_frame
    elif hasattr(coro, 'gi_frame'):
        f = coro.gi_frame
    elif hasattr(coro, 'ag_frame'):
        f = coro.ag_frame
    else:
        f = None
    if f is not None:
        while f is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(f)
            f = f.f_back
        frames.reverse()
    elif task._exception is not None:
        tb = task._exception.__traceback__
        while tb is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(tb.tb_frame)
            tb = tb.tb_next
    return frames


def _task_print_stack(task, limit, file):
    """`Task.print_stack()` (CPython's base_tasks._task_print_stack)."""
    import traceback
    extracted_list = []
    for f in task.get_stack(limit=limit):
        co = f.f_code
        extracted_list.append(traceback.FrameSummary(co.co_filename, f.f_lineno, co.co_name))
    exc = task._exception
    if not extracted_list:
        print(f'No stack for {task!r}', file=file)
    elif exc is not None:
        print(f'Traceback for {task!r} (most recent call last):', file=file)
    else:
        print(f'Stack for {task!r} (most recent call last):', file=file)
    traceback.print_list(extracted_list, file=file)
    if exc is not None:
        for line in traceback.format_exception_only(exc.__class__, exc):
            print(line, file=file, end='')
