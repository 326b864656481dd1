# Concatenation, repetition, comparison and immutability.
a = "py"
b = a
a += "thon"
print(a, b, a * 2, 3 * "-", "" * 10, "x" * -1 == "")
print("apple" < "banana", "apple" < "Apple", "a" * 3 == "aaa", "abc" > "ab", "Z" < "a")
print(max("hello"), min("hello"), sorted("bca"), "".join(sorted("bca", reverse=True)))
try:
    a[0] = "P"
except TypeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts))
print("abc" "def", "con" + "cat" * 2)
