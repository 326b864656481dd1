"""Facts about the host and the interpreter (CPython's `platform`): system, node, release,
version, machine, uname, architecture, python_version and friends, freedesktop_os_release.

On Linux the uname fields come from /proc/sys/kernel (what `uname(2)` reports); elsewhere
from `sys.platform`. Differences from CPython: `processor()` returns the machine name,
`platform()` has no `-with-libc` suffix, and `python_implementation()` is "gyre"."""

import collections
import os
import sys

__version__ = '1.0.8'

_KERNEL = '/proc/sys/kernel/'


def _read_kernel(name, default=''):
    try:
        with open(_KERNEL + name) as f:
            return f.read().strip()
    except OSError:
        return default


uname_result = collections.namedtuple("uname_result",
                                      "system node release version machine processor")

_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        if sys.platform.startswith('linux'):
            system = _read_kernel('ostype', 'Linux')
        else:
            system = sys.platform.capitalize()
        machine = _read_kernel('arch') or _machine_fallback()
        _uname_cache = uname_result(system, _read_kernel('hostname'),
                                    _read_kernel('osrelease'), _read_kernel('version'),
                                    machine, machine)
    return _uname_cache


def _machine_fallback():
    import struct
    return 'x86_64' if struct.calcsize('P') == 8 else 'i686'


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def architecture(executable=sys.executable, bits='', linkage=''):
    import struct
    if not bits:
        bits = '%dbit' % (struct.calcsize('P') * 8)
    if not linkage:
        linkage = 'ELF' if sys.platform.startswith('linux') else ''
    return bits, linkage


def platform(aliased=False, terse=False):
    u = uname()
    if terse:
        return '%s-%s' % (u.system, u.release)
    return '%s-%s-%s' % (u.system, u.release, u.machine)


def python_version_tuple():
    v = sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_version():
    return '.'.join(python_version_tuple())


def python_implementation():
    return sys.implementation.name


def python_compiler():
    return 'rustc'


def python_build():
    return ('main', '')


def python_branch():
    return ''


def python_revision():
    return ''


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return (lib, version)


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo


_os_release_cache = None
_OS_RELEASE_FILES = ("/etc/os-release", "/usr/lib/os-release")


def _parse_os_release(lines):
    info = {"NAME": "Linux", "ID": "linux", "PRETTY_NAME": "Linux"}
    import shlex
    for line in lines:
        line = line.strip()
        if not line or line.startswith('#') or '=' not in line:
            continue
        key, _, value = line.partition('=')
        if not key.replace('_', '').isalnum():
            continue
        try:
            parts = shlex.split(value)
        except ValueError:
            continue
        info[key] = parts[0] if parts else ''
    return info


def freedesktop_os_release():
    global _os_release_cache
    if _os_release_cache is None:
        errno = None
        for candidate in _OS_RELEASE_FILES:
            try:
                with open(candidate, encoding="utf-8") as f:
                    _os_release_cache = _parse_os_release(f)
                break
            except OSError as e:
                errno = e.errno
        else:
            raise OSError(errno, "Unable to read files %s" % ", ".join(_OS_RELEASE_FILES))
    return _os_release_cache.copy()
