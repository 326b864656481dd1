try:
    f()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    print(e)
except:
    raise
else:
    g()
finally:
    h()
try:
    pass
finally:
    cleanup()
