"""String constants, capwords and Template (CPython's string module, without Formatter)."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_ident_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_ident_char(c):
    return _is_ident_start(c) or ('0' <= c <= '9')


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        t = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(t)
        while i < n:
            j = t.find(d, i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + len(d)
            if t.startswith(d, k):
                out.append(d)
                i = k + len(d)
                continue
            braced = k < n and t[k] == '{'
            start = k + 1 if braced else k
            e = start
            if e < n and _is_ident_start(t[e]):
                e += 1
                while e < n and _is_ident_char(t[e]):
                    e += 1
            name = t[start:e]
            if not name or (braced and (e >= n or t[e] != '}')):
                if safe:
                    out.append(d)
                    i = k
                    continue
                lineno = t.count('\n', 0, j) + 1
                colno = j - t.rfind('\n', 0, j)
                raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))
            end = e + 1 if braced else e
            try:
                out.append('%s' % (mapping[name],))
            except KeyError:
                if not safe:
                    raise
                out.append(t[j:end])
            i = end
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        return self._scan(mapping, True)

    def get_identifiers(self):
        ids = []
        t = self.template
        d = self.delimiter
        i = 0
        while True:
            j = t.find(d, i)
            if j < 0:
                return ids
            k = j + len(d)
            if t.startswith(d, k):
                i = k + len(d)
                continue
            start = k + 1 if k < len(t) and t[k] == '{' else k
            e = start
            while e < len(t) and _is_ident_char(t[e]):
                e += 1
            name = t[start:e]
            if name and _is_ident_start(name[0]) and name not in ids:
                ids.append(name)
            i = max(e, k)

    def is_valid(self):
        try:
            self._scan(_AnyMapping(), False)
        except ValueError:
            return False
        return True


class _AnyMapping:
    def __getitem__(self, key):
        return ''
