# Formatter styles and getMessage.
import logging
import sys

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('{levelname}-{name}-{message}', style='{'))
log = logging.getLogger('brace')
log.addHandler(h)
log.propagate = False
log.warning('value=%d', 42)
rec = logging.LogRecord('n', logging.INFO, 'path.py', 3, 'x=%s y=%s', ('a', 'b'), None)
print(rec.getMessage(), rec.levelname, rec.name, rec.lineno)
print(logging.Formatter('%(message)s!').format(rec))
