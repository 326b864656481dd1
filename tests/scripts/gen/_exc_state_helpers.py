"""Helpers of the generator exception-state scripts (generator_exc_state_fallthrough,
generator_throw_context)."""


def under(caller, action):
    """Runs action() inside an except block handling caller."""
    try:
        raise caller
    except type(caller):
        return action()


def started(make):
    """A generator made by make(), run to its first yield."""
    it = make()
    next(it)
    return it
