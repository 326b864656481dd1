# StreamHandler to stdout with formats, levels and propagation through the hierarchy.
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format='%(levelname)s:%(name)s:%(message)s')
logging.debug('debug via root')
app = logging.getLogger('app')
db = logging.getLogger('app.db')
db.info('connected to %s:%d', 'localhost', 5432)
app.warning('app warning')
print(db.parent is app, app.parent is logging.getLogger(), db.getEffectiveLevel())
db.setLevel(logging.ERROR)
db.warning('dropped')
db.error('kept')
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('[%(name)s] %(message)s'))
db.addHandler(h)
db.critical('twice')
db.propagate = False
db.critical('once')
logging.info('dict %(a)s', {'a': 1})
