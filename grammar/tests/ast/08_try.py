try:
    pass
except E as e:
    pass
else:
    pass
finally:
    pass
