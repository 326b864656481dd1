# Case methods.
for s in ["hello World", "ÉCOLE straße", "mIxEd 123 case", "", "ǅungla", "o'neil's book"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("Hello".isupper(), "HELLO".isupper(), "hello".islower(), "Hello World".istitle(), "123".isupper())
