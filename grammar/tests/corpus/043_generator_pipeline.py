def read(lines):
    for line in lines:
        yield line.strip()
def grep(pattern, lines):
    return (l for l in lines if pattern in l)
def count(it):
    n = 0
    for _ in it:
        n += 1
    return n
print(count(grep("a", read(["a", "b", "ab"]))))
