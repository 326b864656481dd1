"""The event loop's networking methods, ported from CPython 3.11's base_events.py,
selector_events.py and unix_events.py, and installed on the native loop class.

Sockets, transports and the reactor are native (`_net`, `socket`); the orchestration here keeps
CPython's structure (a task per `getaddrinfo` gathered by create_server, one `sleep(0)` after
starting to serve, a task per accepted connection, a waiter per new transport) so that
callbacks run in the same order and the same number of loop iterations as in CPython.
"""

import _net
import socket
from . import exceptions
from .tasks import sleep, gather

__all__ = ('Server',)

# CPython's constants.ACCEPT_RETRY_DELAY: seconds before accepting again after EMFILE & co.
ACCEPT_RETRY_DELAY = 1

_ACCEPT_RESOURCE_ERRNOS = (24, 23, 105, 12)  # EMFILE, ENFILE, ENOBUFS, ENOMEM


class Server:
    """A listening server (asyncio.Server)."""

    __module__ = 'asyncio.base_events'

    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog,
                 ssl_handshake_timeout, ssl_shutdown_timeout=None):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._ssl_context = ssl_context
        self._ssl_handshake_timeout = ssl_handshake_timeout
        self._ssl_shutdown_timeout = ssl_shutdown_timeout
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        assert self._sockets is not None
        self._active_count += 1

    def _detach(self):
        assert self._active_count > 0
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._start_serving(
                self._protocol_factory, sock, self._ssl_context,
                self, self._backlog, self._ssl_handshake_timeout,
                self._ssl_shutdown_timeout)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


def _ipaddr_info(host, port, family, type, proto, flowinfo=0, scopeid=0):
    """The getaddrinfo entry for a numeric host, without a lookup; None otherwise."""
    if proto not in {0, socket.IPPROTO_TCP, socket.IPPROTO_UDP} or host is None:
        return None
    if type == socket.SOCK_STREAM:
        proto = socket.IPPROTO_TCP
    elif type == socket.SOCK_DGRAM:
        proto = socket.IPPROTO_UDP
    else:
        return None
    if port is None:
        port = 0
    elif isinstance(port, bytes) and port == b'':
        port = 0
    elif isinstance(port, str) and port == '':
        port = 0
    else:
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None
    if family == socket.AF_UNSPEC:
        afs = [socket.AF_INET, socket.AF_INET6]
    else:
        afs = [family]
    if isinstance(host, bytes):
        host = host.decode('ascii')
    if '%' in host:
        return None
    for af in afs:
        if _net.is_numeric_host(af, host):
            if af == socket.AF_INET6:
                return af, type, proto, '', (host, port, flowinfo, scopeid)
            return af, type, proto, '', (host, port)
    return None


async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
    return await _net.getaddrinfo(self, host, port, family, type, proto, flags)


async def _ensure_resolved(self, address, *, family=0, type=socket.SOCK_STREAM,
                           proto=0, flags=0, loop):
    host, port = address[:2]
    info = _ipaddr_info(host, port, family, type, proto, *address[2:])
    if info is not None:
        return [info]
    return await loop.getaddrinfo(host, port, family=family, type=type,
                                  proto=proto, flags=flags)


async def sock_connect(self, sock, address):
    """Connect `sock` (non-blocking) to `address`."""
    if sock.family == socket.AF_INET or sock.family == socket.AF_INET6:
        resolved = await self._ensure_resolved(
            address, family=sock.family, type=sock.type, proto=sock.proto, loop=self)
        _, _, _, _, address = resolved[0]
    fut = self.create_future()
    self._sock_connect(fut, sock, address)
    return await fut


def _sock_connect(self, fut, sock, address):
    try:
        sock.connect(address)
    except (BlockingIOError, InterruptedError):
        handle = self._add_writer(sock, self._sock_connect_cb, fut, sock, address)

        def write_done(f):
            if not handle.cancelled():
                self.remove_writer(sock)

        fut.add_done_callback(write_done)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
    else:
        fut.set_result(None)


def _sock_connect_cb(self, fut, sock, address):
    if fut.done():
        return
    try:
        err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err != 0:
            raise OSError(err, f'Connect call failed {address}')
    except (BlockingIOError, InterruptedError):
        pass
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
    else:
        fut.set_result(None)


async def _connect_sock(self, exceptions, addr_info, local_addr_infos=None):
    my_exceptions = []
    exceptions.append(my_exceptions)
    family, type_, proto, _, address = addr_info
    sock = None
    try:
        sock = socket.socket(family=family, type=type_, proto=proto)
        sock.setblocking(False)
        if local_addr_infos is not None:
            bound = False
            for lfamily, _, _, _, laddr in local_addr_infos:
                if lfamily != family:
                    continue
                try:
                    sock.bind(laddr)
                    bound = True
                    break
                except OSError as exc:
                    msg = (f'error while attempting to bind on '
                           f'address {laddr!r}: '
                           f'{exc.strerror.lower()}')
                    exc = OSError(exc.errno, msg)
                    my_exceptions.append(exc)
            if not bound:
                if my_exceptions:
                    raise my_exceptions.pop()
                raise OSError(f"no matching local address with family={family!r} found")
        await self.sock_connect(sock, address)
        return sock
    except OSError as exc:
        my_exceptions.append(exc)
        if sock is not None:
            sock.close()
        raise
    except:
        if sock is not None:
            sock.close()
        raise


def _check_no_ssl(ssl, **extra):
    if ssl:
        raise RuntimeError('TLS not supported yet: gyre speaks plain TCP only')
    for name, value in extra.items():
        if value is not None:
            raise ValueError(f'{name} is only meaningful with ssl')


async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None,
                            family=0, proto=0, flags=0, sock=None, local_addr=None,
                            server_hostname=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
                            interleave=None):
    """Connect to a TCP server; returns (transport, protocol)."""
    if server_hostname is not None and not ssl:
        raise ValueError('server_hostname is only meaningful with ssl')
    _check_no_ssl(ssl, ssl_handshake_timeout=ssl_handshake_timeout,
                  ssl_shutdown_timeout=ssl_shutdown_timeout)
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        infos = await self._ensure_resolved(
            (host, port), family=family, type=socket.SOCK_STREAM, proto=proto,
            flags=flags, loop=self)
        if not infos:
            raise OSError('getaddrinfo() returned empty list')
        if local_addr is not None:
            laddr_infos = await self._ensure_resolved(
                local_addr, family=family, type=socket.SOCK_STREAM, proto=proto,
                flags=flags, loop=self)
            if not laddr_infos:
                raise OSError('getaddrinfo() returned empty list')
        else:
            laddr_infos = None
        exceptions = []
        for addrinfo in infos:
            try:
                sock = await self._connect_sock(exceptions, addrinfo, laddr_infos)
                break
            except OSError:
                continue
        if sock is None:
            exceptions = [exc for sub in exceptions for exc in sub]
            if len(exceptions) == 1:
                raise exceptions[0]
            model = str(exceptions[0])
            if all(str(exc) == model for exc in exceptions):
                raise exceptions[0]
            raise OSError('Multiple exceptions: {}'.format(
                ', '.join(str(exc) for exc in exceptions)))
    else:
        if sock is None:
            raise ValueError('host and port was not specified and no sock specified')
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
    return await self._create_connection_transport(sock, protocol_factory)


async def _create_connection_transport(self, sock, protocol_factory, server_side=False):
    sock.setblocking(False)
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = self._make_socket_transport(sock, protocol, waiter)
    try:
        await waiter
    except:
        transport.close()
        raise
    return transport, protocol


def _make_socket_transport(self, sock, protocol, waiter=None, *, extra=None, server=None):
    return _net.SocketTransport(self, sock, protocol, waiter, extra, server)


def _make_datagram_transport(self, sock, protocol, address=None, waiter=None, extra=None):
    return _net.DatagramTransport(self, sock, protocol, address, waiter, extra)


async def _create_server_getaddrinfo(self, host, port, family, flags):
    infos = await self._ensure_resolved((host, port), family=family,
                                        type=socket.SOCK_STREAM,
                                        flags=flags, loop=self)
    if not infos:
        raise OSError(f'getaddrinfo({host!r}) returned empty list')
    return infos


async def create_server(self, protocol_factory, host=None, port=None, *,
                        family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE, sock=None,
                        backlog=100, ssl=None, reuse_address=None, reuse_port=None,
                        ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                        start_serving=True):
    """Create a TCP server bound to host and port; returns a Server."""
    if isinstance(ssl, bool):
        raise TypeError('ssl argument must be an SSLContext or None')
    _check_no_ssl(ssl, ssl_handshake_timeout=ssl_handshake_timeout,
                  ssl_shutdown_timeout=ssl_shutdown_timeout)
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        if reuse_address is None:
            reuse_address = True
        sockets = []
        if host == '':
            hosts = [None]
        elif isinstance(host, str) or not hasattr(host, '__iter__'):
            hosts = [host]
        else:
            hosts = host
        fs = [self._create_server_getaddrinfo(host, port, family=family, flags=flags)
              for host in hosts]
        infos = await gather(*fs)
        unique = []
        for group in infos:
            for info in group:
                if info not in unique:
                    unique.append(info)
        completed = False
        try:
            for res in unique:
                af, socktype, proto, canonname, sa = res
                try:
                    sock = socket.socket(af, socktype, proto)
                except OSError:
                    continue
                sockets.append(sock)
                if reuse_address:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if af == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
                try:
                    sock.bind(sa)
                except OSError as err:
                    raise OSError(err.errno, 'error while attempting '
                                  'to bind on address %r: %s'
                                  % (sa, err.strerror.lower())) from None
            completed = True
        finally:
            if not completed:
                for sock in sockets:
                    sock.close()
    else:
        if sock is None:
            raise ValueError('Neither host/port nor sock were specified')
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        sockets = [sock]
    for sock in sockets:
        sock.setblocking(False)
    server = Server(self, sockets, protocol_factory, ssl, backlog,
                    ssl_handshake_timeout, ssl_shutdown_timeout)
    if start_serving:
        server._start_serving()
        # Skip one loop iteration so that all 'loop.add_reader' go through.
        await sleep(0)
    return server


def _start_serving(self, protocol_factory, sock, sslcontext=None, server=None, backlog=100,
                   ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
    self._add_reader(sock, self._accept_connection, protocol_factory, sock, sslcontext,
                     server, backlog, ssl_handshake_timeout, ssl_shutdown_timeout)


def _accept_connection(self, protocol_factory, sock, sslcontext=None, server=None,
                       backlog=100, ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
    # Called once per loop iteration while the listener is readable; accepts up to
    # `backlog` connections.
    for _ in range(backlog):
        try:
            conn, addr = sock.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return None
        except OSError as exc:
            if exc.errno in _ACCEPT_RESOURCE_ERRNOS:
                self.call_exception_handler({
                    'message': 'socket.accept() out of system resource',
                    'exception': exc,
                    'socket': sock,
                })
                self._remove_reader(sock)
                self.call_later(ACCEPT_RETRY_DELAY, self._start_serving, protocol_factory,
                                sock, sslcontext, server, backlog, ssl_handshake_timeout,
                                ssl_shutdown_timeout)
            else:
                raise
        else:
            extra = {'peername': addr}
            accept = self._accept_connection2(protocol_factory, conn, extra, sslcontext,
                                              server)
            self.create_task(accept)


async def _accept_connection2(self, protocol_factory, conn, extra, sslcontext=None,
                              server=None):
    protocol = None
    transport = None
    try:
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_socket_transport(conn, protocol, waiter=waiter, extra=extra,
                                                server=server)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        self.call_exception_handler({
            'message': 'Error on transport creation for incoming connection',
            'exception': exc,
        })


def _stop_serving(self, sock):
    self._remove_reader(sock)
    sock.close()


async def create_datagram_endpoint(self, protocol_factory, local_addr=None, remote_addr=None,
                                   *, family=0, proto=0, flags=0, reuse_port=None,
                                   allow_broadcast=None, sock=None):
    """Create a datagram (UDP) endpoint; returns (transport, protocol)."""
    if sock is not None:
        if sock.type != socket.SOCK_DGRAM:
            raise ValueError(f'A UDP Socket was expected, got {sock!r}')
        if (local_addr or remote_addr or family or proto or flags or reuse_port
                or allow_broadcast):
            opts = dict(local_addr=local_addr, remote_addr=remote_addr, family=family,
                        proto=proto, flags=flags, reuse_port=reuse_port,
                        allow_broadcast=allow_broadcast)
            problems = ', '.join(f'{k}={v}' for k, v in opts.items() if v)
            raise ValueError(f'socket modifier keyword arguments can not be used '
                             f'when sock is specified. ({problems})')
        sock.setblocking(False)
        r_addr = None
    else:
        if not (local_addr or remote_addr):
            if family == 0:
                raise ValueError('unexpected address family')
            addr_pairs_info = (((family, proto), (None, None)),)
        elif family == socket.AF_UNIX:
            raise ValueError('gyre does not support Unix datagram endpoints yet')
        else:
            addr_infos = {}
            for idx, addr in ((0, local_addr), (1, remote_addr)):
                if addr is not None:
                    if not (isinstance(addr, tuple) and len(addr) == 2):
                        raise TypeError('2-tuple is expected')
                    infos = await self._ensure_resolved(
                        addr, family=family, type=socket.SOCK_DGRAM, proto=proto,
                        flags=flags, loop=self)
                    if not infos:
                        raise OSError('getaddrinfo() returned empty list')
                    for fam, _, pro, _, address in infos:
                        key = (fam, pro)
                        if key not in addr_infos:
                            addr_infos[key] = [None, None]
                        addr_infos[key][idx] = address
            addr_pairs_info = [
                (key, addr_pair) for key, addr_pair in addr_infos.items()
                if not ((local_addr and addr_pair[0] is None) or
                        (remote_addr and addr_pair[1] is None))]
            if not addr_pairs_info:
                raise ValueError('can not get address information')
        exceptions = []
        sock = None
        for ((family, proto), (local_address, remote_address)) in addr_pairs_info:
            sock = None
            r_addr = None
            try:
                sock = socket.socket(family=family, type=socket.SOCK_DGRAM, proto=proto)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if allow_broadcast:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
                sock.setblocking(False)
                if local_addr:
                    sock.bind(local_address)
                if remote_addr:
                    if not allow_broadcast:
                        await self.sock_connect(sock, remote_address)
                    r_addr = remote_address
            except OSError as exc:
                if sock is not None:
                    sock.close()
                exceptions.append(exc)
            except:
                if sock is not None:
                    sock.close()
                raise
            else:
                break
        else:
            raise exceptions[0]
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = self._make_datagram_transport(sock, protocol, r_addr, waiter)
    try:
        await waiter
    except:
        transport.close()
        raise
    return transport, protocol


async def create_unix_connection(self, protocol_factory, path=None, *, ssl=None, sock=None,
                                 server_hostname=None, ssl_handshake_timeout=None,
                                 ssl_shutdown_timeout=None):
    """Connect to a Unix-domain stream server; returns (transport, protocol)."""
    _check_no_ssl(ssl, server_hostname=server_hostname,
                  ssl_handshake_timeout=ssl_handshake_timeout,
                  ssl_shutdown_timeout=ssl_shutdown_timeout)
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
        try:
            sock.setblocking(False)
            await self.sock_connect(sock, path)
        except:
            sock.close()
            raise
    else:
        if sock is None:
            raise ValueError('no path and sock were specified')
        if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
        sock.setblocking(False)
    return await self._create_connection_transport(sock, protocol_factory)


async def create_unix_server(self, protocol_factory, path=None, *, sock=None, backlog=100,
                             ssl=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                             start_serving=True):
    """Create a Unix-domain stream server at `path`; returns a Server."""
    if isinstance(ssl, bool):
        raise TypeError('ssl argument must be an SSLContext or None')
    _check_no_ssl(ssl, ssl_handshake_timeout=ssl_handshake_timeout,
                  ssl_shutdown_timeout=ssl_shutdown_timeout)
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        _net.remove_stale_unix_socket(path)
        try:
            sock.bind(path)
        except OSError as exc:
            sock.close()
            if exc.errno == 98:
                msg = f'Address {path!r} is already in use'
                raise OSError(98, msg) from None
            raise
        except:
            sock.close()
            raise
    else:
        if sock is None:
            raise ValueError('path was not specified, and no sock specified')
        if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
    sock.setblocking(False)
    server = Server(self, [sock], protocol_factory, ssl, backlog, ssl_handshake_timeout,
                    ssl_shutdown_timeout)
    if start_serving:
        server._start_serving()
        await sleep(0)
    return server


_net.install_loop_methods(
    getaddrinfo, _ensure_resolved, sock_connect, _sock_connect, _sock_connect_cb,
    _connect_sock, create_connection, _create_connection_transport,
    _make_socket_transport, _make_datagram_transport, _create_server_getaddrinfo,
    create_server, _start_serving, _accept_connection, _accept_connection2,
    _stop_serving, create_datagram_endpoint, create_unix_connection,
    create_unix_server)
