import errno
import os

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.EAGAIN, errno.EINTR)
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.EDEADLOCK == errno.EDEADLK, errno.ENOTSUP == errno.EOPNOTSUPP)
print(errno.errorcode[errno.ENOENT], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95])
print(len(errno.errorcode), min(errno.errorcode), max(errno.errorcode))
names = sorted(n for n in dir(errno) if n.startswith("E"))
print(len(names), names[:10])
print(all(errno.errorcode[getattr(errno, n)] in names for n in names))
print(sorted(errno.errorcode.items())[:12])
print(errno.ECONNREFUSED, errno.ECONNRESET, errno.EPIPE, errno.ETIMEDOUT, errno.EINPROGRESS, errno.EADDRINUSE)
try:
    open("/definitely/not/here.txt")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
try:
    errno.ENOPE
except AttributeError as e:
    print("AttributeError", e)
