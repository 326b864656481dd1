# Helper module (not a test) for err/uncaught_across_modules.py.
def parse_port(text):
    return int(text)


def load(settings):
    return parse_port(settings["port"])
