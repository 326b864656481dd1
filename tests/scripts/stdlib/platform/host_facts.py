import os
import platform
import sys

u = platform.uname()
print(type(u).__name__, len(u), u._fields)
print(u.system == platform.system(), u.machine == platform.machine(), u.node == platform.node())
print(platform.system() in ("Linux", "Darwin"), platform.architecture()[0] in ("64bit", "32bit"))
print(platform.machine() == platform.uname()[4] == platform.processor() or platform.processor() == "")
print(platform.release() == u.release, platform.version() == u.version)
print(platform.system() + "-" + platform.release() in platform.platform())
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(platform.python_version_tuple() == tuple(str(x) for x in sys.version_info[:3]))
print(platform.node() == open("/proc/sys/kernel/hostname").read().strip())
info = platform.freedesktop_os_release()
print(sorted(k for k in ("NAME", "ID", "PRETTY_NAME") if k in info))
print(platform.mac_ver(), platform.win32_ver())
