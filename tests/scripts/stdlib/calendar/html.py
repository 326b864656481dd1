import calendar

hc = calendar.HTMLCalendar()
print(hc.formatmonth(2024, 2))
print(hc.formatmonth(2024, 2, withyear=False))
print(calendar.HTMLCalendar(calendar.SUNDAY).formatweekheader())
print(hc.formatday(0, 3), hc.formatday(15, 6), hc.formatweekday(2))
print(hc.formatmonthname(2024, 11), hc.formatmonthname(2024, 11, False))
print(hc.formatyear(2024, 4))
print(hc.formatyear(2023, 0)[:300])
page = hc.formatyearpage(2024, 6, css=None)
print(type(page).__name__, len(page))
print(page.decode()[:400])
print(hc.formatyearpage(2024, encoding="ascii")[:300])


class Custom(calendar.HTMLCalendar):
    cssclasses = ["a", "b", "c", "d", "e", "f", "g"]
    cssclass_noday = "empty"
    cssclass_month = "cal"


print(Custom(3).formatmonth(2025, 5))
