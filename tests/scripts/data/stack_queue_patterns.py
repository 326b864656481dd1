# Lists as stacks and queues; dict-of-lists grouping; counting.
stack = []
for ch in "([{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        print(ch, "closes", stack.pop())
print("balanced" if not stack else "unbalanced")
queue = [1, 2, 3]
out = []
while queue:
    item = queue.pop(0)
    if item < 5:
        queue.append(item + 3)
    out.append(item)
print(out)
groups = {}
for word in "apple avocado banana blueberry cherry".split():
    groups.setdefault(word[0], []).append(word)
print(groups)
counts = {}
for c in "abracadabra":
    counts[c] = counts.get(c, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
