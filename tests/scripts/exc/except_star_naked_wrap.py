# A naked exception caught by except* arrives wrapped in an ExceptionGroup whose exceptions
# are a tuple (repr shows the tuple), with an empty message.
try:
    raise ValueError("plain")
except* ValueError as g:
    print(repr(g), type(g).__name__, repr(g.message), g.exceptions)
try:
    raise KeyboardInterrupt
except* KeyboardInterrupt as g:
    print(repr(g), type(g).__name__)
try:
    raise TypeError("t")
except* (ValueError, TypeError) as g:
    print(repr(g), len(g.exceptions))
