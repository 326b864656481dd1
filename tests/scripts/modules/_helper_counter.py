# Helper module (not a test): records how often its body ran.
events = []
events.append("loaded")
print("_helper_counter body runs")
def bump():
    events.append("bump")
    return len(events)
