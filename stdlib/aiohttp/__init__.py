"""A basic aiohttp-compatible HTTP/1.1 client over asyncio streams.

Supported: `ClientSession` (async with, get/post/put/delete/patch/head/request as async context
managers, default headers, base_url, close), `ClientResponse` (status, reason, headers
(case-insensitive), url, method, version, read(), text(), json(), release(),
raise_for_status()), Content-Length and chunked bodies, keep-alive connection reuse per host,
`params=`, `data=` (bytes, str or a form dict), `json=`. Plain http:// only: https:// raises
ClientConnectorError("TLS not supported yet ...").
"""

import asyncio

__all__ = ('ClientSession', 'ClientResponse', 'ClientError', 'ClientConnectionError',
           'ClientConnectorError', 'ClientResponseError', 'ClientPayloadError', 'InvalidURL',
           'ClientTimeout')

_USER_AGENT = 'Python/3.11 aiohttp/3.9.0 (gyre)'
_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~'


class ClientError(Exception):
    """Base class for client errors."""


class ClientConnectionError(ClientError):
    """A connection could not be made or was lost."""


class ClientConnectorError(ClientConnectionError, OSError):
    """Connecting to the server failed."""


class ClientPayloadError(ClientError):
    """The response body was malformed or cut short."""


class InvalidURL(ClientError, ValueError):
    """The URL could not be parsed."""


class ClientResponseError(ClientError):
    """raise_for_status() on a 4xx/5xx response."""

    def __init__(self, request_info, history, *, status=None, message='', headers=None):
        super().__init__(f'{status}, message={message!r}, url={request_info!r}')
        self.request_info = request_info
        self.history = history
        self.status = status
        self.message = message
        self.headers = headers


class ClientTimeout:
    """Timeouts in seconds (only `total` is applied)."""

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


class CIMultiDict:
    """Case-insensitive header mapping that keeps the server's spelling and order."""

    def __init__(self, items=()):
        self._items = list(items)

    def _find(self, key):
        low = key.lower()
        for k, v in self._items:
            if k.lower() == low:
                return v
        raise KeyError(key)

    def __getitem__(self, key):
        return self._find(key)

    def get(self, key, default=None):
        try:
            return self._find(key)
        except KeyError:
            return default

    def getall(self, key, default=None):
        low = key.lower()
        found = [v for k, v in self._items if k.lower() == low]
        if not found and default is None:
            raise KeyError(key)
        return found or default

    def __contains__(self, key):
        low = key.lower()
        return any(k.lower() == low for k, _ in self._items)

    def __iter__(self):
        return iter([k for k, _ in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def items(self):
        return list(self._items)

    def __repr__(self):
        body = ', '.join(f'{k!r}: {v!r}' for k, v in self._items)
        return f'<CIMultiDictProxy({body})>'


def _quote(text):
    out = []
    for byte in str(text).encode():
        ch = chr(byte)
        out.append(ch if ch in _SAFE else '%%%02X' % byte)
    return ''.join(out)


def _urlencode(params):
    items = params.items() if hasattr(params, 'items') else params
    return '&'.join(f'{_quote(k)}={_quote(v)}' for k, v in items)


class URL:
    """The parts of an http:// URL."""

    def __init__(self, text):
        self._text = text
        scheme, sep, rest = text.partition('://')
        if not sep:
            raise InvalidURL(text)
        self.scheme = scheme.lower()
        netloc, slash, path = rest.partition('/')
        self.path_qs = '/' + path if slash else '/'
        host, colon, port = netloc.rpartition(':')
        if colon and port.isdigit():
            self.host, self.port = host, int(port)
        else:
            self.host, self.port = netloc, 443 if self.scheme == 'https' else 80
        if not self.host:
            raise InvalidURL(text)
        self.path, _, self.query_string = self.path_qs.partition('?')

    def with_query(self, params):
        extra = _urlencode(params)
        joined = self.path_qs + ('&' if '?' in self.path_qs else '?') + extra
        default = 443 if self.scheme == 'https' else 80
        port = '' if self.port == default else f':{self.port}'
        return URL(f'{self.scheme}://{self.host}{port}{joined}')

    def __str__(self):
        return self._text

    def __repr__(self):
        return f"URL('{self._text}')"


class ClientResponse:
    """A response whose body has been read."""

    def __init__(self, method, url, version, status, reason, headers, body, session):
        self.method = method
        self.url = url
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers
        self._body = body
        self._session = session
        self.closed = False

    def __repr__(self):
        return f'<ClientResponse({self.url}) [{self.status} {self.reason}]>'

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        return self.headers.get('Content-Type', 'application/octet-stream').split(';')[0].strip()

    @property
    def charset(self):
        for part in self.headers.get('Content-Type', '').split(';')[1:]:
            name, _, value = part.strip().partition('=')
            if name.lower() == 'charset':
                return value.strip('"')
        return None

    async def read(self):
        return self._body

    async def text(self, encoding=None, errors='strict'):
        return self._body.decode(encoding or self.charset or 'utf-8', errors)

    async def json(self, *, encoding=None, loads=None, content_type='application/json'):
        if loads is None:
            import json
            loads = json.loads
        if content_type is not None and self.content_type != content_type:
            raise ClientResponseError(self.url, (), status=self.status,
                                      message=f'Attempt to decode JSON with unexpected mimetype: {self.content_type}',
                                      headers=self.headers)
        text = await self.text(encoding)
        if not text.strip():
            return None
        return loads(text)

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.url, (), status=self.status, message=self.reason,
                                      headers=self.headers)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.release()


class _RequestContextManager:
    """What session.get() returns: `async with` it, or await it, for the response."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, *exc):
        self._resp.release()


async def _read_head(reader):
    line = await reader.readline()
    if not line:
        raise ClientConnectionError('Server disconnected')
    version, _, rest = line.decode('latin-1').rstrip('\r\n').partition(' ')
    code, _, reason = rest.partition(' ')
    if not version.startswith('HTTP/') or not code.isdigit():
        raise ClientPayloadError(f'invalid status line {line!r}')
    items = []
    while True:
        h = await reader.readline()
        if h in (b'\r\n', b'\n'):
            break
        if not h:
            raise ClientPayloadError('connection closed inside the headers')
        name, _, value = h.decode('latin-1').partition(':')
        items.append((name.strip(), value.strip()))
    return version, int(code), reason, CIMultiDict(items)


async def _read_chunked(reader):
    parts = []
    while True:
        size_line = await reader.readline()
        if not size_line:
            raise ClientPayloadError('connection closed inside a chunked body')
        size = int(size_line.split(b';')[0].strip(), 16)
        if size == 0:
            while True:  # trailers
                t = await reader.readline()
                if t in (b'\r\n', b'\n', b''):
                    break
            return b''.join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


class ClientSession:
    """An HTTP client session with a keep-alive connection pool."""

    def __init__(self, base_url=None, *, headers=None, timeout=None, connector=None,
                 raise_for_status=False, **kwargs):
        self._base_url = base_url
        self._headers = dict(headers or {})
        self._timeout = timeout
        self._raise_for_status = raise_for_status
        self._pool = {}
        self._closed = False

    @property
    def closed(self):
        return self._closed

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()

    async def close(self):
        self._closed = True
        pool, self._pool = self._pool, {}
        for conns in pool.values():
            for reader, writer in conns:
                writer.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, **kwargs):
        return self.request('POST', url, **kwargs)

    def put(self, url, **kwargs):
        return self.request('PUT', url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request('PATCH', url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)

    async def _connection(self, url):
        key = (url.host, url.port)
        idle = self._pool.get(key)
        while idle:
            reader, writer = idle.pop()
            if not writer.is_closing() and not reader.at_eof():
                return reader, writer, True
            writer.close()
        try:
            reader, writer = await asyncio.open_connection(url.host, url.port)
        except OSError as exc:
            raise ClientConnectorError(exc.errno, f'Cannot connect to host {url.host}:{url.port} '
                                       f'[{exc.strerror or exc}]') from exc
        return reader, writer, False

    async def _request(self, method, url, *, params=None, data=None, json=None, headers=None,
                       timeout=None, allow_redirects=True, raise_for_status=None, **kwargs):
        if self._closed:
            raise RuntimeError('Session is closed')
        if self._base_url is not None and '://' not in str(url):
            url = str(self._base_url).rstrip('/') + '/' + str(url).lstrip('/')
        url = URL(str(url))
        if url.scheme == 'https':
            raise ClientConnectorError(95, f'TLS not supported yet: gyre cannot fetch {url} (only http://)')
        if url.scheme != 'http':
            raise InvalidURL(str(url))
        if params:
            url = url.with_query(params)
        body, ctype = self._encode_body(data, json)
        timeout = timeout if timeout is not None else self._timeout
        total = getattr(timeout, 'total', timeout)
        exchange = self._exchange(method, url, body, ctype, headers)
        resp = await (asyncio.wait_for(exchange, total) if total else exchange)
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check:
            resp.raise_for_status()
        return resp

    @staticmethod
    def _encode_body(data, json_value):
        if json_value is not None:
            import json
            return json.dumps(json_value).encode(), 'application/json'
        if data is None:
            return None, None
        if isinstance(data, (bytes, bytearray)):
            return bytes(data), 'application/octet-stream'
        if isinstance(data, str):
            return data.encode(), 'text/plain; charset=utf-8'
        return _urlencode(data).encode(), 'application/x-www-form-urlencoded'

    def _head_bytes(self, method, url, body, ctype, headers):
        merged = {'Host': url.host if url.port == 80 else f'{url.host}:{url.port}',
                  'User-Agent': _USER_AGENT, 'Accept': '*/*',
                  'Accept-Encoding': 'identity'}
        merged.update(self._headers)
        if headers:
            merged.update(headers)
        if body is not None:
            if ctype and not any(k.lower() == 'content-type' for k in merged):
                merged['Content-Type'] = ctype
            merged['Content-Length'] = str(len(body))
        elif method in ('POST', 'PUT', 'PATCH'):
            merged['Content-Length'] = '0'
        lines = [f'{method} {url.path_qs} HTTP/1.1'] + [f'{k}: {v}' for k, v in merged.items()]
        return ('\r\n'.join(lines) + '\r\n\r\n').encode('latin-1')

    async def _exchange(self, method, url, body, ctype, headers):
        request = self._head_bytes(method, url, body, ctype, headers) + (body or b'')
        for attempt in range(2):
            reader, writer, reused = await self._connection(url)
            try:
                writer.write(request)
                await writer.drain()
                version, status, reason, resp_headers = await _read_head(reader)
            except (ClientConnectionError, ConnectionError):
                writer.close()
                if reused and attempt == 0:
                    continue  # the server closed an idle keep-alive connection: retry fresh
                raise
            break
        keep = await self._read_body_and_keep(method, status, version, resp_headers, reader)
        data, keep_alive = keep
        if keep_alive:
            self._pool.setdefault((url.host, url.port), []).append((reader, writer))
        else:
            writer.close()
        return ClientResponse(method, url, version, status, reason, resp_headers, data, self)

    async def _read_body_and_keep(self, method, status, version, headers, reader):
        conn = headers.get('Connection', '').lower()
        keep_alive = conn != 'close' and (version == 'HTTP/1.1' or conn == 'keep-alive')
        if method == 'HEAD' or status in (204, 304) or 100 <= status < 200:
            return b'', keep_alive
        if 'chunked' in headers.get('Transfer-Encoding', '').lower():
            return await _read_chunked(reader), keep_alive
        length = headers.get('Content-Length')
        if length is not None:
            try:
                return await reader.readexactly(int(length)), keep_alive
            except asyncio.IncompleteReadError as exc:
                raise ClientPayloadError(
                    f'Response payload is not completed: {len(exc.partial)} of {length} bytes') from None
        return await reader.read(), False


def request(method, url, **kwargs):
    """A one-off request in its own session (aiohttp.request)."""
    async def run():
        async with ClientSession() as session:
            resp = await session._request(method, url, **kwargs)
            return resp
    return _RequestContextManager(run())
