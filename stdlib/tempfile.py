"""Temporary directory location and simple temporary names (a subset of tempfile)."""

import os as _os

tempdir = None


def gettempdir():
    global tempdir
    if tempdir is None:
        for name in ('TMPDIR', 'TEMP', 'TMP'):
            d = _os.environ.get(name)
            if d and _os.path.isdir(d):
                tempdir = d
                break
        else:
            tempdir = '/tmp'
    return tempdir


def mkdtemp(suffix='', prefix='tmp', dir=None):
    base = dir or gettempdir()
    while True:
        name = _os.path.join(base, prefix + _os.urandom(6).hex() + suffix)
        try:
            _os.mkdir(name)
            return name
        except FileExistsError:
            continue


def mktemp(suffix='', prefix='tmp', dir=None):
    return _os.path.join(dir or gettempdir(), prefix + _os.urandom(6).hex() + suffix)
