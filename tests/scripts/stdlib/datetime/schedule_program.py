# A schedule generator using dates and timedeltas.
from datetime import date, timedelta

start = date(2024, 1, 29)
meetings = []
d = start
while len(meetings) < 6:
    if d.weekday() in (0, 3):
        meetings.append(d)
    d += timedelta(days=1)
for m in meetings:
    print(m.strftime('%a %d %b'), (m - start).days)
