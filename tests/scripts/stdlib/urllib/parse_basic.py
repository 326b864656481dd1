from urllib.parse import (quote, quote_plus, unquote, unquote_plus, urlparse, urlsplit, urlunparse,
                          urlunsplit, urlencode, parse_qs, parse_qsl, urljoin, urldefrag)

for s in ["hello world", "a/b c?d=e&f", "ünïcödé", "~_.-", "100%", ""]:
    print(repr(quote(s)), repr(quote(s, safe="")), repr(quote_plus(s)), repr(quote_plus(s, safe="/")))
print(quote(b"\x00\xff/"), quote("a/b", safe=":"))
for s in ["hello%20world", "%C3%BC+x", "bad%zz%2", "%e2%82%ac", "plain", "%ff%fe"]:
    print(repr(unquote(s)), repr(unquote_plus(s)))
u = urlparse("HTTP://user:pw@Example.COM:8080/path/to;params?q=1&r=2#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.geturl())
s = urlsplit("https://example.com/a/b?x=1#top")
print(s, s.geturl(), s.port, s.hostname)
print(urlsplit("//host/path"), urlsplit("path/only?q"), urlsplit("mailto:someone@example.com"))
print(urlparse("http://[::1]:80/x").hostname, urlparse("http://[::1]:80/x").port)
print(urlunparse(("https", "h.com", "/p", "", "a=b", "f")), urlunsplit(("http", "h", "p", "", "")))
print(urlunsplit(("", "", "rel/path", "q=1", "")))
print(s._replace(query="y=2").geturl())
print(urlencode({"a": 1, "b": "x y", "c": "é&"}), urlencode([("k", "v"), ("k", "w")]))
print(urlencode({"list": [1, 2], "s": "str"}, doseq=True), urlencode({"list": [1, 2]}))
print(parse_qs("a=1&a=2&b=x+y&c=%21&d"), parse_qs("d=&e", keep_blank_values=True))
print(parse_qsl("a=1;b=2", separator=";"), parse_qsl("x=1&&y=2"))
try:
    parse_qsl("a&b=1", strict_parsing=True)
except ValueError as e:
    print("ValueError", e)
base = "http://a/b/c/d;p?q"
for rel in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../../g",
            ".", "./", "g;x", "", "https://other/x", "../../g/./h/../i"]:
    print(repr(rel), urljoin(base, rel))
print(urljoin("http://example.com/dir/", "file.html"), urljoin("http://example.com", "x"))
print(urldefrag("http://x/y#frag"), urldefrag("http://x/y"))
try:
    urlsplit("http://[::1/x")
except ValueError as e:
    print("ValueError", e)
try:
    urlsplit("http://h:99999/").port
except ValueError as e:
    print("ValueError", e)
try:
    urlsplit("http://h:abc/").port
except ValueError as e:
    print("ValueError", e)
print(urlsplit("  http://h/a\tb\n"))
