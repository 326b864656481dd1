"""asyncio.subprocess for gyre: `create_subprocess_exec`/`_shell` and `Process`.

The child is started natively (`_net.spawn`, src/net/process.rs). Each piped stream is a Unix
socket pair whose parent end goes through `loop.create_connection(sock=...)`, so `stdin` is a
StreamWriter and `stdout`/`stderr` are StreamReaders on the ordinary stream transport. A
thread per child waits for its exit (CPython 3.11's ThreadedChildWatcher does the same) and
resolves a future with the returncode. `Process` follows CPython 3.11's
`asyncio/subprocess.py` (communicate, wait, signals).
"""

import _net
from _asyncio import get_running_loop
from . import streams
from . import tasks

__all__ = 'create_subprocess_exec', 'create_subprocess_shell'

PIPE = -1
STDOUT = -2
DEVNULL = -3

_SIGTERM = 15
_SIGKILL = 9


class _PipeReaderProtocol(streams.StreamReaderProtocol):
    """A child's stdout or stderr: the transport closes at EOF, as a pipe's read end does."""

    def eof_received(self):
        super().eof_received()
        return False


async def _connect(loop, sock, limit, protocol_class):
    reader = streams.StreamReader(limit=limit, loop=loop)
    protocol = protocol_class(reader, loop=loop)
    transport, _ = await loop.create_connection(lambda: protocol, sock=sock)
    return reader, streams.StreamWriter(transport, protocol, reader, loop)


class Process:
    def __init__(self, loop, pid, exit_future, stdin, stdout, stderr):
        self._loop = loop
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self._returncode = None
        self._waiters = []
        self._exit = exit_future
        exit_future.add_done_callback(self._exited)

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.pid}>'

    @property
    def returncode(self):
        return self._returncode

    def _exited(self, fut):
        if fut.cancelled():
            return
        exc = fut.exception()
        for waiter in self._waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(fut.result())
                else:
                    waiter.set_exception(exc)
        self._waiters = None
        if exc is None:
            self._returncode = fut.result()

    async def wait(self):
        """Wait until the process exits and return the process return code."""
        if self._returncode is not None:
            return self._returncode
        if self._waiters is None:
            # Waiting for the child failed: raise that error.
            return self._exit.result()
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        return await waiter

    def send_signal(self, signal):
        # CPython's transport forgets the child once it has exited (and its pipes closed).
        if self._returncode is not None:
            raise ProcessLookupError()
        _net.send_signal(self.pid, int(signal))

    def terminate(self):
        self.send_signal(_SIGTERM)

    def kill(self):
        self.send_signal(_SIGKILL)

    async def _feed_stdin(self, input):
        self.stdin.write(input)
        try:
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            # communicate() ignores BrokenPipeError and ConnectionResetError
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, fd):
        stream = self.stdout if fd == 1 else self.stderr
        return await stream.read()

    async def communicate(self, input=None):
        if input is not None:
            stdin = self._feed_stdin(input)
        else:
            stdin = self._noop()
        if self.stdout is not None:
            stdout = self._read_stream(1)
        else:
            stdout = self._noop()
        if self.stderr is not None:
            stderr = self._read_stream(2)
        else:
            stderr = self._noop()
        stdin, stdout, stderr = await tasks.gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


def _check_kwds(kwds):
    for name, value in kwds.items():
        if name == 'close_fds' and value:
            continue
        if name == 'text' and not value or name in ('encoding', 'errors') and value is None:
            continue
        if name == 'universal_newlines' and not value:
            continue
        raise TypeError(f"{name}={value!r} is not supported by gyre's asyncio subprocesses")


def _flat_env(env):
    if env is None:
        return None
    flat = []
    for key, value in env.items():
        flat.append(key)
        flat.append(value)
    return flat


async def _spawn(argv, stdin, stdout, stderr, limit, cwd, env, kwds):
    _check_kwds(kwds)
    loop = get_running_loop()
    pid, sin, sout, serr, exit_future = _net.spawn(
        loop, argv, cwd, _flat_env(env), stdin, stdout, stderr)
    writer = reader_out = reader_err = None
    if sin is not None:
        _, writer = await _connect(loop, sin, limit, streams.StreamReaderProtocol)
    if sout is not None:
        reader_out, _ = await _connect(loop, sout, limit, _PipeReaderProtocol)
    if serr is not None:
        reader_err, _ = await _connect(loop, serr, limit, _PipeReaderProtocol)
    return Process(loop, pid, exit_future, writer, reader_out, reader_err)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=streams._DEFAULT_LIMIT, *, cwd=None, env=None, **kwds):
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    return await _spawn(('/bin/sh', '-c', cmd), stdin, stdout, stderr, limit, cwd, env, kwds)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=streams._DEFAULT_LIMIT, cwd=None, env=None, **kwds):
    return await _spawn((program,) + args, stdin, stdout, stderr, limit, cwd, env, kwds)
