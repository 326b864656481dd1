# Helper module (not a test): a function reading one of its module's globals.
level = 1


def read():
    return level
