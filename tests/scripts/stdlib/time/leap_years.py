# Day-of-year and weekday around leap days and century years.
import time

for ts in [951782400, 951868800, 4107542400, 4107456000, 1582934400, 1583020800]:
    t = time.gmtime(ts)
    print(time.strftime('%Y-%m-%d', t), t.tm_yday, t.tm_wday)
