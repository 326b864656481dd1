# Composite directives.
import time

t = time.gmtime(1718000000)
for fmt in ['%c', '%x', '%X', '%D', '%F', '%T', '%R', '%e', '%C', '%u', '%n|%t|']:
    print(repr(fmt), repr(time.strftime(fmt, t)))
