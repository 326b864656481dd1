"""Pathname operations on POSIX paths (os.path)."""

import _os

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def _fspath(p):
    if isinstance(p, str):
        return p
    if hasattr(p, '__fspath__'):
        return p.__fspath__()
    raise TypeError(f'expected str, bytes or os.PathLike object, not {type(p).__name__}')


def isabs(s):
    return _fspath(s).startswith('/')


def join(a, *p):
    path = _fspath(a)
    for b in map(_fspath, p):
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ''


def splitdrive(p):
    return '', _fspath(p)


def basename(p):
    p = _fspath(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normpath(path):
    path = _fspath(path)
    if not path:
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial_slashes and not new_comps) or \
                (new_comps and new_comps[-1] == '..'):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


realpath = abspath


def relpath(path, start=None):
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = 0
    for a, b in zip(start_list, path_list):
        if a != b:
            break
        i += 1
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def exists(path):
    try:
        return _os.kind(_fspath(path)) != 0
    except (TypeError, ValueError):
        return False


lexists = exists


def isfile(path):
    try:
        return _os.kind(_fspath(path)) == 1
    except (TypeError, ValueError):
        return False


def isdir(s):
    try:
        return _os.kind(_fspath(s)) == 2
    except (TypeError, ValueError):
        return False


def islink(path):
    return False


def getsize(filename):
    return _os.getsize(_fspath(filename))


def getmtime(filename):
    return _os.getmtime(_fspath(filename))


def expanduser(path):
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    home = _os.environ().get('HOME', '/')
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    return (home.rstrip('/') or '/') + path[i:]


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    split_paths = [[c for c in p.split('/') if c and c != '.'] for p in paths]
    isabs_ = {p.startswith('/') for p in paths}
    if len(isabs_) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    common = []
    for parts in zip(*split_paths):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    prefix = '/' if paths[0].startswith('/') else ''
    return prefix + '/'.join(common)
