# An exception escaping asyncio.run ends the program: traceback on stderr,
# exit status 1. stdout before that is still printed.
import asyncio

class ConfigError(Exception):
    pass

async def load():
    await asyncio.sleep(0)
    raise ConfigError('missing key: port')

async def main():
    print('starting')
    await load()
    print('not reached')

asyncio.run(main())
print('not reached either')
