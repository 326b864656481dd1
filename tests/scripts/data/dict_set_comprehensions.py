# dict and set comprehensions.
words = ["apple", "bob", "cat", "apple", "dog"]
print({w: len(w) for w in words})
print({i: i ** 2 for i in range(5) if i != 2})
print(sorted({len(w) for w in words}))
print({x % 5 for x in range(20)})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
print({(i, j): i * j for i in range(2) for j in range(2)})
print({k: [v for v in range(k)] for k in range(4)})
