# Using string constants in small programs: caesar cipher and character classes.
import string


def caesar(text, shift):
    lower = string.ascii_lowercase
    upper = string.ascii_uppercase
    table = str.maketrans(lower + upper, lower[shift:] + lower[:shift] + upper[shift:] + upper[:shift])
    return text.translate(table)


msg = 'Hello, World!'
enc = caesar(msg, 3)
print(enc, caesar(enc, -3))
counts = {'letters': 0, 'digits': 0, 'punct': 0, 'space': 0}
for ch in 'abc 123 !?; x':
    if ch in string.ascii_letters:
        counts['letters'] += 1
    elif ch in string.digits:
        counts['digits'] += 1
    elif ch in string.punctuation:
        counts['punct'] += 1
    elif ch in string.whitespace:
        counts['space'] += 1
print(counts)
