# str.split() hands out a cached str for a short ASCII word seen before (the `strs` round's
# word cache): the words must still be equal, hash alike and work as dict keys whatever the
# cache holds, including words longer than the cache keeps, non-ASCII text, evictions and
# str-subclass keys already in the dict.

text = "the cat and the dog and the bird " * 3
words = text.split()
print(len(words), words[:8])
print(words[0] == "the", hash(words[0]) == hash("the"), hash(words[0]) == hash("th" + "e"))

counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))

# Long words (past the inline size) and non-ASCII text take the ordinary path.
long_words = ("abcdefghijklmnopqrstuvwxyz0123456789 " * 3).split()
print(len(long_words), long_words[0] == long_words[2], len(long_words[0]))
print("naïve café naïve".split(), len("naïve café naïve".split()[0]))

# Many distinct words evict each other; later splits still give equal, well-hashed strs.
many = " ".join("w%d" % i for i in range(20000))
first = many.split()
again = many.split()
print(first == again, len(set(again)), again[12345], hash(again[777]) == hash("w777"))
seen = {}
for w in first:
    seen[w] = len(seen)
print(all(seen[w] == i for i, w in enumerate(again)), seen.get("w19999"), seen.get("w20000"))

# maxsplit, other whitespace, empty results.
print("  a  b\tc\nd  ".split(None, 2), "".split(), "   ".split(), "x".split())

# dict.get with a str key when the dict holds a str subclass with its own equality.
class Key(str):
    def __eq__(self, other):
        print("Key.__eq__", other)
        return str.__eq__(self, other)

    __hash__ = str.__hash__

d = {Key("cat"): 1}
print(d.get("cat"), d.get("cat", 0), d.get("dog", 0), d.get("dog"))
for w in "cat dog".split():
    print(w, d.get(w, "absent"))

# Words are still ordinary strs: methods, slicing, concatenation, identity-free equality.
w = "alpha beta alpha".split()
print(w[0].upper(), w[0][1:3], w[0] + w[1], w[0] == w[2], type(w[0]).__name__)
