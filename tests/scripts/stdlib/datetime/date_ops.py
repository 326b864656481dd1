# date construction, arithmetic, weekday, iso formats and errors.
from datetime import date, timedelta

d = date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar())
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(days=59), date(2025, 1, 1) - d)
print(d.isoformat(), d.strftime('%A %d %B %Y'), f'{d:%m/%d/%y}', d.replace(day=1), d.toordinal())
print(date.fromordinal(1), date.fromisoformat('1999-12-31'), date(2000, 1, 1) > date(1999, 12, 31))
for args in [(2023, 2, 29), (2024, 13, 1), (0, 1, 1)]:
    try:
        date(*args)
    except ValueError as e:
        print('ValueError', e)
