# gmtime fields and strftime directives for fixed timestamps.
import time

for ts in [0, 951782400, 1700000000, 1234567890, 4102444800]:
    t = time.gmtime(ts)
    print(tuple(t), t.tm_year, t.tm_yday, t.tm_wday)
    print(time.strftime('%Y-%m-%d %H:%M:%S | %a %A %b %B | %j %U %W %w | %y %I %p | %%', t))
