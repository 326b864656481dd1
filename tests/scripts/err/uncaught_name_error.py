# An uncaught NameError at module level: output printed before it is kept.
print("about to fail")
total = 10
print(totl)
print("never printed")
