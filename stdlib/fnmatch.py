"""Shell-style wildcard matching (CPython's `fnmatch`): fnmatch, fnmatchcase, filter,
translate."""

import re

_cache = {}
_CACHE_LIMIT = 256


def _compile(pat):
    rx = _cache.get(pat)
    if rx is None:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        if isinstance(pat, bytes):
            rx = re.compile(_translate(pat.decode("latin-1"), "(?:").encode("latin-1"))
        else:
            rx = re.compile(_translate(pat, "(?:"))
        _cache[pat] = rx
    return rx.match


def normcase(s):
    # POSIX file names are case-sensitive: os.path.normcase leaves them alone.
    return s


def fnmatch(name, pat):
    name = normcase(name)
    pat = normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    return _compile(pat)(name) is not None


def filter(names, pat):
    match = _compile(normcase(pat))
    return [n for n in names if match(normcase(n))]


def _bracket(pat, i, n):
    # Returns (regex piece, next index) for a [...] set starting after '[', or None when
    # the bracket never closes (then '[' is literal).
    j = i
    if j < n and pat[j] == "!":
        j += 1
    if j < n and pat[j] == "]":
        j += 1
    while j < n and pat[j] != "]":
        j += 1
    if j >= n:
        return None
    stuff = pat[i:j]
    if "-" not in stuff:
        stuff = stuff.replace("\\", r"\\")
    else:
        chunks = []
        k = i + 2 if pat[i] == "!" else i + 1
        start = i
        while True:
            k = pat.find("-", k, j)
            if k < 0:
                break
            chunks.append(pat[start:k])
            start = k + 1
            k = k + 3
        chunk = pat[start:j]
        if chunk:
            chunks.append(chunk)
        else:
            chunks[-1] += "-"
        for idx in range(len(chunks) - 1, 0, -1):
            if chunks[idx - 1][-1] > chunks[idx][0]:
                chunks[idx - 1] = chunks[idx - 1][:-1] + chunks[idx][1:]
                del chunks[idx]
        stuff = "-".join(c.replace("\\", r"\\").replace("-", r"\-") for c in chunks)
    stuff = re.sub(r"([&~|])", r"\\\1", stuff)
    if not stuff:
        return "(?!)", j + 1
    if stuff == "!":
        return ".", j + 1
    if stuff[0] == "!":
        stuff = "^" + stuff[1:]
    elif stuff[0] in ("^", "["):
        stuff = "\\" + stuff
    return "[" + stuff + "]", j + 1


def translate(pat):
    return _translate(pat, "(?>")


def _translate(pat, group_open):
    # Runs of text between stars become "(?>.*?text)" groups (atomic in CPython, which
    # only bounds backtracking: the set of matching names is the same either way).
    pieces = [[]]
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if len(pieces) == 1 or pieces[-1]:
                pieces.append([])
        elif c == "?":
            pieces[-1].append(".")
        elif c == "[":
            piece = _bracket(pat, i, n)
            if piece is None:
                pieces[-1].append("\\[")
            else:
                pieces[-1].append(piece[0])
                i = piece[1]
        else:
            pieces[-1].append(re.escape(c))
    out = ["".join(pieces[0])]
    if len(pieces) > 1:
        for middle in pieces[1:-1]:
            out.append(group_open + ".*?" + "".join(middle) + ")")
        out.append(".*" + "".join(pieces[-1]))
    return "(?s:" + "".join(out) + r")\Z"
