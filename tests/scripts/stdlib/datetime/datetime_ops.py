# datetime arithmetic, formatting, parsing and comparisons.
from datetime import datetime, timedelta, date, time

dt = datetime(2024, 12, 31, 23, 59, 59, 500000)
print(dt, repr(dt), dt + timedelta(seconds=1), dt - timedelta(days=365))
print(dt.date(), dt.time(), dt.isoformat(), dt.isoformat(sep=' ', timespec='seconds'), dt.strftime('%Y/%m/%d %H-%M-%S.%f'))
print(datetime(2024, 1, 1) - datetime(2023, 1, 1), datetime(2024, 3, 1, 12) - datetime(2024, 2, 28))
print(datetime.fromisoformat('2024-05-06T07:08:09.123'), datetime.fromisoformat('2024-05-06'), datetime.strptime('06/05/24 14:30', '%d/%m/%y %H:%M'))
print(datetime.combine(date(2020, 5, 17), time(8, 15)), datetime(2020, 1, 1) < datetime(2020, 1, 1, 0, 0, 1), datetime(2020, 1, 1).replace(year=2021))
print(datetime(2024, 1, 1).weekday(), datetime(2024, 1, 1).ctime(), time(9, 5), repr(time(9, 5, 3, 7)))
