# printf-style % formatting.
print("%d %i %s %r" % (42, -7, "str", "str"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%E|%g|%G" % (3.14159, 2.5, -1.25, 12345.678, 0.00012, 1e-10, 1e20))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%s %s %s" % ([1, 2], None, (1,)), "%s" % (("tup",),), "%s" % "single")
print("%(name)s is %(age)d" % {"name": "Al", "age": 30}, "%%d literal %d" % 5)
print("%*d|%-*s|%.*f" % (6, 1, 4, "ab", 2, 3.14159))
print("%.3s|%10.2s|%a" % ("abcdef", "xyz", "é"))
print("%d" % 3.99, "%s" % 3.0, "%r" % 1e100, "%i" % True)
for bad in [lambda: "%d" % "x", lambda: "%d %d" % (1,), lambda: "%d" % (1, 2), lambda: "%z" % 1,
            lambda: "%(k)s" % {"j": 1}]:
    try:
        bad()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
