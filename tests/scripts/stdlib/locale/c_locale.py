import locale

print(locale.LC_CTYPE, locale.LC_COLLATE, locale.LC_TIME, locale.LC_MONETARY, locale.LC_NUMERIC,
      locale.LC_ALL, locale.LC_MESSAGES, locale.CHAR_MAX)
print(locale.getpreferredencoding(False), locale.getencoding())
print(locale.setlocale(locale.LC_ALL, "C"), locale.getlocale(), locale.setlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL, "POSIX"))
print(locale.setlocale(locale.LC_CTYPE, "C.UTF-8"), locale.getlocale())
print(locale.setlocale(locale.LC_ALL))
print(locale.setlocale(locale.LC_ALL, ("C", None)) if False else locale.setlocale(locale.LC_ALL, "C"))
for args in ((locale.LC_ALL, "xx_YY"), (99, "C")):
    try:
        locale.setlocale(*args)
    except locale.Error as e:
        print(repr(e))
conv = locale.localeconv()
print(sorted(conv.items()))
print(locale.format_string("%d and %.2f", (1234567, 3.14159), grouping=True))
print(locale.format_string("%(n)05d", {"n": 42}), locale.str(2.5), locale.str(1 / 3))
print(locale.atof("1.5e3"), locale.atoi("42"), locale.delocalize("1,234.5"), locale.localize("1234.5"))
try:
    locale.currency(5)
except ValueError as e:
    print(e)
print(locale.strcoll("a", "b"), locale.strcoll("b", "a"), locale.strcoll("a", "a"), locale.strxfrm("abc"))
print(sorted(["b", "a", "C"], key=locale.strxfrm))
print(locale.normalize("en_US.utf8"), locale.normalize("C.UTF-8"), locale.normalize("C"))
try:
    locale.atoi("x")
except ValueError as e:
    print(e)
