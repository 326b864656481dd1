import calendar
import datetime

print([y for y in range(1896, 1910) if calendar.isleap(y)], calendar.isleap(2000), calendar.isleap(2100))
print(calendar.leapdays(1900, 2024), calendar.leapdays(2024, 1900), calendar.leapdays(2000, 2001))
print([calendar.monthrange(2024, m) for m in range(1, 13)])
print(calendar.monthrange(1900, 2), calendar.monthrange(2000, 2))
print(calendar.weekday(2024, 2, 29), calendar.weekday(1970, 1, 1), calendar.weekday(0, 1, 1), calendar.weekday(10000, 3, 1), calendar.weekday(-400, 6, 1))
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.timegm((1969, 12, 31, 23, 59, 59, 0, 0, 0)), calendar.timegm((2000, 2, 29, 12, 30, 15)))
print(calendar.MONDAY, calendar.SUNDAY, calendar.EPOCH, calendar.mdays, calendar.January, calendar.February)
print(list(calendar.month_name), list(calendar.month_abbr))
print(list(calendar.day_name), list(calendar.day_abbr))
print(len(calendar.month_name), len(calendar.day_abbr), calendar.month_name[1:4], calendar.day_name[-1])
print(calendar.month_abbr[calendar.datetime.date(2024, 9, 1).month] if hasattr(calendar, "datetime") else "Sep")
print(sorted(calendar.__all__))

cal = calendar.Calendar()
print(cal.firstweekday, list(cal.iterweekdays()))
cal.firstweekday = 10
print(cal.firstweekday, cal.getfirstweekday(), list(cal.iterweekdays()))
cal.setfirstweekday(6)
print(list(cal.itermonthdays(2024, 2)))
print(list(cal.itermonthdays2(2024, 2))[:9])
print(list(cal.itermonthdays3(2024, 3))[:8], list(cal.itermonthdays3(2024, 12))[-5:])
print(list(cal.itermonthdays4(2024, 1))[:3])
print(list(cal.itermonthdates(2024, 1))[:2], list(cal.itermonthdates(2024, 1))[-1])
print(cal.monthdayscalendar(2024, 9))
print(cal.monthdays2calendar(2015, 2))
print(calendar.Calendar(0).monthdatescalendar(2015, 2))
print(calendar.Calendar(0).yeardayscalendar(2024, 4)[2][3])
print(len(cal.yeardays2calendar(2024)), len(cal.yeardatescalendar(2024, 5)), [len(r) for r in cal.yeardatescalendar(2024, 5)])
print(sum(len(w) for row in calendar.Calendar().yeardayscalendar(2023) for m in row for w in m))

for f in [lambda: calendar.monthrange(2024, 13), lambda: calendar.monthrange(2024, 0),
          lambda: calendar.weekday(2024, 13, 1), lambda: calendar.weekday(2024, 2, 30),
          lambda: calendar.setfirstweekday(7), lambda: calendar.setfirstweekday(-1),
          lambda: calendar.month_name[13], lambda: calendar.monthcalendar(2024, 0),
          lambda: calendar.month(2024, 14), lambda: list(calendar.Calendar().itermonthdates(1, 1))]:
    try:
        print(repr(f()))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e, e.args)
e = calendar.IllegalMonthError(99)
print(e.month, repr(str(e)), isinstance(e, ValueError), calendar.error is ValueError)
w = calendar.IllegalWeekdayError("x")
print(w.weekday, str(w))
