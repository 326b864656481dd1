# Helper module (not a test): imports another helper and keeps shared state.
import _helper_counter
from _helper_counter import bump as counter_bump
def via_other():
    return counter_bump()
shared = _helper_counter.events
