# Default root logger: WARNING and above go to stderr; stdout shows what was enabled.
import logging

logging.debug('hidden debug')
logging.info('hidden info')
logging.warning('a warning %s', 'arg')
logging.error('an error')
root = logging.getLogger()
print(root.level, root.getEffectiveLevel(), logging.getLevelName(logging.ERROR), logging.getLevelName(15))
print(root.isEnabledFor(logging.INFO), root.isEnabledFor(logging.WARNING), len(root.handlers))
