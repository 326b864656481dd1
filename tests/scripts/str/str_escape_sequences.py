# Escape sequences in literals, raw strings and triple-quoted strings.
print("a\tb|", "c\\d", "e\'f", 'g\"h', "\x41\101\u0042\u00e9")
print(len("\n"), len(r"\n"), r"raw\t\x41", r"C:\path\to" + "\\")
t = """line one
  line two\
 continued"""
print(t)
print('''single 'quotes' ok''', """dq "inside" """)
print("\u00e9\U0001F600", len("\0"), ord("\a"), ord("\b"), ord("\f"), ord("\v"))
print(b"\x41\n" == b"A\n", rb"\n", len(rb"\n"))
print("implicit" " concat" ' mixed')
