# Importing a module gyre lacks raises ModuleNotFoundError with CPython's message.
try:
    import definitely_not_a_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from os import not_a_name
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
