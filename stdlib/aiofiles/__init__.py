"""aiofiles: files for asyncio whose blocking I/O runs on the event loop's thread pool.

The API of the `aiofiles` package: `async with aiofiles.open(path, mode) as f`, `await
f.read()`, `write()`, `readline()`, `readlines()`, `seek()`, `tell()`, `truncate()`,
`flush()`, `close()`, and `async for line in f`. Every operation is a job on the loop's thread
pool (`_net.AsyncFile`, src/net/files.rs); only bytes, strings and results cross threads.
"""

import _net
from asyncio import get_running_loop

__all__ = ['open']


class AsyncBase:
    """What every aiofiles file object offers; the file's methods run on the thread pool."""

    def __init__(self, file, loop, executor):
        self._file = file
        self._executor = executor
        self._ref_loop = loop

    @property
    def _loop(self):
        return self._ref_loop or get_running_loop()

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line:
            return line
        raise StopAsyncIteration

    @property
    def name(self):
        return self._file.name

    @property
    def mode(self):
        return self._file.mode

    @property
    def closed(self):
        return self._file.closed

    def readable(self):
        return self._file.readable()

    async def writable(self):
        return self._file.writable()

    async def seekable(self):
        return True

    async def isatty(self):
        return False

    async def read(self, size=-1):
        return await self._file.read(self._loop, size)

    async def readline(self):
        return await self._file.readline(self._loop)

    async def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = await self._file.readline(self._loop)
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    async def write(self, data):
        return await self._file.write(self._loop, data)

    async def writelines(self, lines):
        for line in lines:
            await self._file.write(self._loop, line)

    async def seek(self, offset, whence=0):
        return await self._file.seek(self._loop, offset, whence)

    async def tell(self):
        return await self._file.tell(self._loop)

    async def truncate(self, size=None):
        return await self._file.truncate(self._loop, size)

    async def flush(self):
        return await self._file.flush(self._loop)

    async def close(self):
        return await self._file.close(self._loop)


class AsyncTextIOWrapper(AsyncBase):
    """The asyncio version of io.TextIOWrapper."""

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors


class AsyncBufferedIOBase(AsyncBase):
    """The asyncio version of io.BufferedWriter."""

    async def read1(self, size=-1):
        return await self._file.read(self._loop, size)


class AsyncBufferedReader(AsyncBufferedIOBase):
    """The asyncio version of io.BufferedReader and io.BufferedRandom."""


class AiofilesContextManager:
    """What `aiofiles.open()` returns: await it for the file, or use it with `async with`."""

    __slots__ = ('_coro', '_obj')

    def __init__(self, coro):
        self._coro = coro
        self._obj = None

    def __await__(self):
        if self._obj is None:
            self._obj = yield from self._coro.__await__()
        return self._obj

    async def __aenter__(self):
        return await self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self._obj.close()
        self._obj = None


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None, *, loop=None, executor=None):
    return AiofilesContextManager(_open(file, mode, encoding, errors, loop, executor))


async def _open(file, mode, encoding, errors, loop, executor):
    if loop is None:
        loop = get_running_loop()
    f = await _net.file_open(loop, file, mode, encoding, errors)
    if not f.binary:
        return AsyncTextIOWrapper(f, loop, executor)
    if 'r' in mode or '+' in mode:
        return AsyncBufferedReader(f, loop, executor)
    return AsyncBufferedIOBase(f, loop, executor)
