import stat, os
for m in (0, 0o104755, 0o102644, 0o41777, 0o41776, 0o100644, 0o120777, 0o20666, 0o60660, 0o10600, 0o140755, 0o107777, 0o100000):
    print(oct(m), stat.filemode(m), stat.S_IMODE(m), stat.S_IFMT(m), [f(m) for f in (stat.S_ISDIR, stat.S_ISREG, stat.S_ISLNK, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISFIFO, stat.S_ISSOCK, stat.S_ISDOOR, stat.S_ISPORT, stat.S_ISWHT)])
print(stat.S_IRWXU | stat.S_IRGRP, stat.ST_MTIME, stat.UF_HIDDEN, stat.SF_SNAPSHOT, stat.FILE_ATTRIBUTE_VIRTUAL, stat.S_ENFMT)
st = os.stat_result((0o40755, 0, 0, 0, 0, 0, 0, 0, 0, 0)) if hasattr(os, "stat_result") else None
print(stat.S_ISDIR(0o40755))
for bad in ("x", 1.5, -1, 2 ** 40):
    for f in (stat.S_ISDIR, stat.filemode, stat.S_IMODE):
        try: f(bad)
        except (TypeError, OverflowError) as e: print(type(e).__name__, e)
print(sorted(n for n in dir(stat) if n.isupper()) == sorted(n for n in vars(stat) if n.isupper()), len([n for n in dir(stat) if n.isupper()]))
