# Iterating over an int: the error is located at the whole for statement (no markers).
for x in 5:
    pass
