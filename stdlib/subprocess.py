"""subprocess for gyre: run child processes and wait for them (blocking), as CPython 3.11's.

The child and its pipes are native (`_subprocess.Child`, src/stdlib/subprocess.rs); this
module gives CPython's API over it: `run`, `call`, `check_call`, `check_output`,
`getoutput`, `getstatusoutput`, `Popen` (with `communicate`, `wait`, `poll`, signals and
file-like `stdin`/`stdout`/`stderr`), `CompletedProcess` and the exceptions. Streams are
None (inherited), PIPE, DEVNULL, or STDOUT for stderr. Calls block the whole interpreter,
as they block CPython's thread (an asyncio loop does not run meanwhile).
"""

import _subprocess
import os
import signal as _signal
import time as _time

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3


class SubprocessError(Exception):
    pass


def _set_output(self, value):
    self.output = value


# `stdout` of the two exceptions below: another name for `output`.
_stdout_alias = property(lambda self: self.output, _set_output)


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, _signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    stdout = _stdout_alias


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    stdout = _stdout_alias


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _translate_newlines(data, encoding, errors):
    return data.decode(encoding, errors).replace("\r\n", "\n").replace("\r", "\n")


class _Pipe:
    """A parent's end of a child's pipe, as the file object CPython's Popen gives."""

    def __init__(self, child, which, text, encoding, errors):
        self._child = child
        self._which = which
        self._text = text
        self._encoding = encoding
        self._errors = errors
        self.mode = ('w' if which == 0 else 'r') + ('' if text else 'b')

    @property
    def closed(self):
        return not self._child.has(self._which)

    def _check(self, reading, op="read"):
        if self.closed:
            if self._text:
                raise ValueError("I/O operation on closed file.")
            raise ValueError(f"{op} of closed file" if reading else "write to closed file")
        if reading != (self._which != 0):
            import io
            raise io.UnsupportedOperation("not readable" if reading else "not writable")

    def _out(self, data):
        return _translate_newlines(data, self._encoding, self._errors) if self._text else data

    def read(self, size=-1):
        self._check(True)
        if size is None:
            size = -1
        return self._out(self._child.read(self._which, size))

    def readline(self, size=-1):
        self._check(True, "readline")
        line = self._child.readline(self._which)
        if self._text and line.endswith(b"\r"):
            # A "\r\n" split across reads is one newline.
            line += self._child.read(self._which, 1)
        return self._out(line)

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check(False, "write")
        if self._text:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s" % type(data).__name__)
            n = len(data)
            self._child.write(data.encode(self._encoding, self._errors))
            return n
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._child.write(bytes(data))

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        self._child.close(self._which)

    def fileno(self):
        import io
        raise io.UnsupportedOperation("fileno")

    def readable(self):
        return self._which != 0

    def writable(self):
        return self._which == 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _stream_arg(v, name):
    if v is None or v in (PIPE, DEVNULL) or (v == STDOUT and name == "stderr"):
        return v
    if isinstance(v, int):
        raise ValueError(f"{name}: only PIPE, DEVNULL, None (and STDOUT for stderr) are supported")
    raise TypeError(f"{name}: only PIPE, DEVNULL, None (and STDOUT for stderr) are supported")


class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None,
                 umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self._child = None
        self._communication_started = False
        if universal_newlines is not None and text is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text and universal_newlines are '
                                  'supplied but different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.universal_newlines = self.text_mode
        self.encoding = encoding
        self.errors = errors
        self._encoding = encoding or "utf-8"
        self._errors = errors or "strict"
        if preexec_fn is not None:
            raise NotImplementedError("gyre's subprocess does not support preexec_fn")
        if isinstance(args, (str, bytes)) or hasattr(args, "__fspath__"):
            args = [args]
        else:
            args = list(args)
        if shell:
            args = [executable or "/bin/sh", "-c"] + args
        elif executable is not None:
            args = [executable] + args[1:]
        args = [os.fspath(a) if hasattr(a, "__fspath__") else a for a in args]
        if cwd is not None and hasattr(cwd, "__fspath__"):
            cwd = os.fspath(cwd)
        flat_env = None
        if env is not None:
            flat_env = []
            for k, v in env.items():
                flat_env.append(k)
                flat_env.append(v)
        streams = (_stream_arg(stdin, "stdin"), _stream_arg(stdout, "stdout"),
                   _stream_arg(stderr, "stderr"))
        self._child = _subprocess.Child(args, cwd, flat_env, *streams)
        self.pid = self._child.pid()
        pipe = lambda which: _Pipe(self._child, which, self.text_mode, self._encoding, self._errors)
        self.stdin = pipe(0) if stdin == PIPE else None
        self.stdout = pipe(1) if stdout == PIPE else None
        self.stderr = pipe(2) if stderr == PIPE else None

    def __repr__(self):
        return f"<{self.__class__.__name__}: returncode: {self.returncode} args: {self.args!r}>"

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr):
            if f is not None:
                f.close()
        try:
            if self.stdin is not None:
                self.stdin.close()
        finally:
            if exc_type == KeyboardInterrupt:
                pass
            else:
                self.wait()

    def poll(self):
        if self.returncode is None:
            self.returncode = self._child.poll()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        rc = self._child.wait(timeout)
        if rc is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = rc
        return rc

    def communicate(self, input=None, timeout=None):
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if input is not None and self.text_mode:
            input = input.encode(self._encoding, self._errors)
        elif isinstance(input, str):
            raise TypeError("memoryview: a bytes-like object is required, not 'str'")
        if input is not None and self.stdin is None:
            input = None
        if timeout is None and not self._communication_started and \
                (self.stdin, self.stdout, self.stderr).count(None) >= 2:
            # CPython's path for at most one pipe reads (or writes) it straight, so a second
            # call finds it closed.
            for f in (self.stdout, self.stderr):
                if f is not None and f.closed:
                    f.read()
            endtime = None
            got = self._child.communicate(input, None)
        else:
            endtime = None if timeout is None else _time.monotonic() + timeout
            self._communication_started = True
            got = self._child.communicate(input, timeout)
            if got is None:
                raise TimeoutExpired(self.args, timeout)
        out, err = got
        if self.text_mode:
            if out is not None:
                out = _translate_newlines(out, self._encoding, self._errors)
            if err is not None:
                err = _translate_newlines(err, self._encoding, self._errors)
        self.wait(None if endtime is None else endtime - _time.monotonic())
        return out, err

    def send_signal(self, sig):
        self.poll()
        if self.returncode is not None:
            return
        self._child.send_signal(int(sig))

    def terminate(self):
        self.send_signal(_signal.SIGTERM)

    def kill(self):
        self.send_signal(_signal.SIGKILL)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if 'stdout' in kwargs:
        raise ValueError('stdout argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
