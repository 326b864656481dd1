# @contextmanager: enter value, exit on success and on error, exception suppression.
from contextlib import contextmanager


@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')


with tag('p') as t:
    print('inside', t)
try:
    with tag('div'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)


@contextmanager
def swallow(*types):
    try:
        yield
    except types as e:
        print('swallowed', type(e).__name__)


with swallow(KeyError):
    {}['x']
print('after')


@contextmanager
def broken():
    yield 1
    yield 2


try:
    with broken():
        pass
except RuntimeError as e:
    print('RuntimeError', e)


@tag('decorated')
def work():
    print('working')


work()
