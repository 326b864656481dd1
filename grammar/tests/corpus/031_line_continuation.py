total = 1 + \
    2 + \
    3
if a and \
   b:
    pass
x = [1,
     2,
     3]
y = (
    "a"
    "b"
)
z = {
    "k":
        1,
}
