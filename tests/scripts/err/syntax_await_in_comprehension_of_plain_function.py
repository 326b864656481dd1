# A list comprehension that awaits is asynchronous: not allowed in a plain function.
def totals(items):
    return [await item for item in items]
