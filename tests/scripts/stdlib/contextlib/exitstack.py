# ExitStack: LIFO unwinding, callbacks, pop_all, and exception handling.
from contextlib import ExitStack, contextmanager


@contextmanager
def res(name):
    print('open', name)
    yield name
    print('close', name)


with ExitStack() as stack:
    names = [stack.enter_context(res(n)) for n in 'abc']
    stack.callback(print, 'callback', 1)
    print('body', names)

with ExitStack() as stack:
    stack.enter_context(res('kept'))
    moved = stack.pop_all()
print('after with')
moved.close()


def suppressor(exc_type, exc, tb):
    print('exit saw', exc_type.__name__ if exc_type else None)
    return True


with ExitStack() as stack:
    stack.push(suppressor)
    raise ValueError('hidden')
print('done')
