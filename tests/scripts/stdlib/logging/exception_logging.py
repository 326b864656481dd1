# logger.exception records the message (traceback text goes to stderr).
import logging
import io

buf = io.StringIO()
log = logging.getLogger('exc')
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
log.addHandler(h)
log.propagate = False
try:
    {}['missing']
except KeyError:
    log.exception('lookup failed: %s', 'missing')
first = buf.getvalue().splitlines()[0]
print(first, 'KeyError' in buf.getvalue())
