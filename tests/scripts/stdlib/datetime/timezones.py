# Fixed-offset time zones and timestamps.
from datetime import datetime, timezone, timedelta

utc = timezone.utc
dt = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(dt, repr(utc), dt.timestamp(), dt.utcoffset(), dt.tzname())
plus2 = timezone(timedelta(hours=2))
print(dt.astimezone(plus2), plus2, timezone(timedelta(hours=-5, minutes=-30)))
print(datetime.fromtimestamp(0, utc), datetime.fromtimestamp(86400 * 365.25, utc))
print(dt == datetime(2024, 6, 1, 14, 0, tzinfo=plus2), dt.isoformat(), dt.strftime('%H:%M %z %Z'))
