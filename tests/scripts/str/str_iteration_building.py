# Iterating over strings and building strings.
word = "Mississippi"
counts = {}
for ch in word:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print("".join(c for c in word if c not in "aeiou"))
print("".join(reversed(word)), "".join(sorted(set(word.lower()))))
acc = ""
for i in range(5):
    acc += chr(ord("a") + i) * (i + 1)
print(acc)
words = "the quick brown fox jumps".split()
print(" ".join(w[::-1] for w in words), " ".join(w.capitalize() for w in words))
print(max(words, key=len), sorted(words, key=lambda w: (len(w), w)))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "xyz abc")
print(caesar)
print([word[i:i + 3] for i in range(0, len(word), 3)])
