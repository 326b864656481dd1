# struct_time repr, mktime inverse, asctime/ctime, strftime with tuples.
import time

t = time.gmtime(1000000000)
print(t)
print(time.asctime(t), time.ctime(0))
print(time.strftime('%d.%m.%Y', (2024, 12, 25, 8, 30, 0, 2, 360, 0)))
print(time.strftime('%H:%M', time.gmtime(3600 * 5 + 60 * 7)))
