try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError as eg:
    print(eg)
except* (TypeError, KeyError):
    pass
