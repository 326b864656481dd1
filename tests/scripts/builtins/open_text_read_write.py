# open() in text mode: write, append, read, readline(s), iteration, print(file=).
path = "/tmp/gyre_test_open_text_read_write.txt"
with open(path, "w") as f:
    print(f.write("line1\nline2\n"), f.writable(), f.readable())
    f.write("line3")
with open(path) as f:
    print(repr(f.read()))
with open(path, encoding="utf-8") as f:
    for line in f:
        print(repr(line))
with open(path, "a") as f:
    f.write("\nappended é")
with open(path) as f:
    print(repr(f.readline()), f.readlines())
with open(path, "w") as f:
    print("printed", 42, file=f)
    f.writelines(["a\n", "b\n"])
f = open(path)
print(f.read(3), repr(f.read(4)), f.read())
f.close()
print(f.closed, f.name == path, f.mode)
with open(path, "r") as f:
    lines = list(f)
print(lines, [l.rstrip("\n") for l in open(path)])
with open(path, "w", encoding="latin-1") as f:
    f.write("caf\xe9")
with open(path, "rb") as f:
    print(f.read())
