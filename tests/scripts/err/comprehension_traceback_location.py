# Errors inside a comprehension show the comprehension frame with its own location.
x = [v for v in range(3) if 1/0]
