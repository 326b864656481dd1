# Chaining generators into a lazy processing pipeline.
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1
def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v
def squared(src):
    for v in src:
        yield v * v
def take(n, src):
    for i, v in enumerate(src):
        if i >= n:
            return
        yield v
def chunked(src, size):
    chunk = []
    for v in src:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print(list(take(5, squared(evens(numbers(10 ** 9))))))
print(list(chunked(numbers(7), 3)))
lines = ["# comment", "a=1", "", "b = 2", "  # x", "c=3"]
def parse(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        k, _, v = line.partition("=")
        yield k.strip(), int(v)
print(dict(parse(lines)))
def running_total(src):
    total = 0
    for v in src:
        total += v
        yield total
print(list(running_total(take(6, numbers(100)))))
