# A custom Handler collecting records; filters and levels.
import logging


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append((record.levelname, record.name, self.format(record)))


h = ListHandler()
h.setLevel(logging.INFO)
log = logging.getLogger('svc')
log.setLevel(logging.DEBUG)
log.addHandler(h)
log.propagate = False
log.debug('d')
log.info('i %d', 1)
log.warning('w')


class NoSecrets(logging.Filter):
    def filter(self, record):
        return 'secret' not in record.getMessage()


h.addFilter(NoSecrets())
log.error('a secret value')
log.error('public value')
print(h.records)
